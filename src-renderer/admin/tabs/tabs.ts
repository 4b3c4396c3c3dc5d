/** The top tabs of /login, in the vendor's order, and who sees them. */
export type TabId = 'status' | 'my-account' | 'jump-clients' | 'jump-policies' | 'users' | 'reports' | 'support-portal' | 'management' | 'vault';

export interface TabDef {
  id: TabId;
  /** Catalogue key of the tab's name (admin-account.*.json); show it with `t(tab.labelKey)`. */
  labelKey: string;
  /** Only administrators see this tab (the appliance refuses its data to everyone else anyway). */
  adminOnly: boolean;
  /** …or users with this permission too (View Reports opens Reports to non-administrators). */
  orPermission?: 'viewReports' | 'injectCredentials';
}

export const TABS: readonly TabDef[] = [
  { id: 'status', labelKey: 'admin.tabs.status', adminOnly: false },
  { id: 'my-account', labelKey: 'admin.tabs.myAccount', adminOnly: false },
  { id: 'jump-clients', labelKey: 'admin.tabs.jumpClients', adminOnly: true },
  { id: 'jump-policies', labelKey: 'admin.tabs.jumpPolicies', adminOnly: true },
  { id: 'users', labelKey: 'admin.tabs.users', adminOnly: true },
  { id: 'reports', labelKey: 'admin.tabs.reports', adminOnly: true, orPermission: 'viewReports' },
  { id: 'support-portal', labelKey: 'admin.tabs.supportPortal', adminOnly: true },
  { id: 'management', labelKey: 'admin.tabs.management', adminOnly: true },
  { id: 'vault', labelKey: 'admin.tabs.vault', adminOnly: true, orPermission: 'injectCredentials' },
];

export function tabsFor(isAdmin: boolean, permissions?: Partial<Record<'viewReports' | 'injectCredentials', boolean>>): TabDef[] {
  return TABS.filter((t) => isAdmin || !t.adminOnly || (t.orPermission !== undefined && permissions?.[t.orPermission] === true));
}

export function isTabId(value: string): value is TabId {
  return TABS.some((t) => t.id === value);
}
