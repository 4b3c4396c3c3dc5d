/** The top tabs of /login, in the vendor's order, and who sees them. */
export type TabId = 'status' | 'my-account' | 'jump-clients' | 'jump-policies' | 'users' | 'reports' | 'support-portal' | 'management' | 'vault';

export interface TabDef {
  id: TabId;
  label: string;
  /** Only administrators see this tab (the appliance refuses its data to everyone else anyway). */
  adminOnly: boolean;
  /** …or users with this permission too (View Reports opens Reports to non-administrators). */
  orPermission?: 'viewReports' | 'injectCredentials';
}

export const TABS: readonly TabDef[] = [
  { id: 'status', label: 'Status', adminOnly: false },
  { id: 'my-account', label: 'My Account', adminOnly: false },
  { id: 'jump-clients', label: 'Jump Clients', adminOnly: true },
  { id: 'jump-policies', label: 'Jump Policies', adminOnly: true },
  { id: 'users', label: 'Users', adminOnly: true },
  { id: 'reports', label: 'Reports', adminOnly: true, orPermission: 'viewReports' },
  { id: 'support-portal', label: 'Support Portal', adminOnly: true },
  { id: 'management', label: 'Management', adminOnly: true },
  { id: 'vault', label: 'Vault', adminOnly: true, orPermission: 'injectCredentials' },
];

export function tabsFor(isAdmin: boolean, permissions?: Partial<Record<'viewReports' | 'injectCredentials', boolean>>): TabDef[] {
  return TABS.filter((t) => isAdmin || !t.adminOnly || (t.orPermission !== undefined && permissions?.[t.orPermission] === true));
}

export function isTabId(value: string): value is TabId {
  return TABS.some((t) => t.id === value);
}
