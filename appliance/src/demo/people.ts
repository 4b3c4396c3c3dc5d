/** The demo site's people and issues (README lists the accounts). */
export const DEMO_REP_PASSWORD = 'Support-Demo-1';

export const DEMO_TEAMS = [
  { name: 'General', code: 'general', reps: [{ username: 'ana', displayName: 'Ana Lopez' }, { username: 'ben', displayName: 'Ben Walker' }] },
  { name: 'Remote Support', code: 'remote-support', reps: [{ username: 'carla', displayName: 'Carla Rossi' }, { username: 'dieter', displayName: 'Dieter Braun' }] },
] as const;

export const DEMO_ISSUES = [
  { codeName: 'password', description: 'Password reset or account locked', team: 'General' },
  { codeName: 'email', description: 'E-mail and calendar', team: 'General' },
  { codeName: 'printer', description: 'Printer or scanner', team: 'General' },
  { codeName: 'remote', description: 'Computer slow or not working', team: 'Remote Support' },
  { codeName: 'software', description: 'Install or update software', team: 'Remote Support' },
] as const;

/** Customers the generator sends: plausible names, companies, machines and problems. */
export const DEMO_CUSTOMERS = [
  { name: 'Holdout Customer', company: 'Northwind Traders', computer: 'NW-LT-0193', details: 'Outlook keeps asking for my password since this morning.' },
  { name: 'Li Wei', company: 'Contoso Ltd', computer: 'CON-WS-884', details: 'My second monitor stays black after the update.' },
  { name: 'Marie Dubois', company: 'Fabrikam SA', computer: 'FAB-PC-221', details: "Je n'arrive plus à imprimer sur l'imprimante du 2e étage." },
  { name: 'Jonas Becker', company: 'Tailspin GmbH', computer: 'TS-NB-042', details: 'VPN verbindet nicht mehr seit gestern Abend.' },
  { name: 'Priya Natarajan', company: 'Woodgrove Bank', computer: 'WGB-7731', details: 'Excel crashes when I open the quarterly report.' },
  { name: 'Tom Hughes', company: 'Adventure Works', computer: 'AW-DESK-15', details: 'Need Adobe Reader installed for the new forms.' },
  { name: 'Sofia Rossi', company: 'Litware Inc', computer: 'LIT-MBP-08', details: 'The laptop is extremely slow after startup.' },
  { name: 'Kenji Sato', company: 'Proseware', computer: 'PRO-WS-301', details: 'Locked out after too many password attempts.' },
  { name: 'Amara Okafor', company: 'Wide World Importers', computer: 'WWI-LT-77', details: 'Teams calls drop after a few minutes.' },
  { name: 'Lukas Schneider', company: 'Blue Yonder Airlines', computer: 'BYA-PC-12', details: 'Drucker druckt nur leere Seiten.' },
] as const;
