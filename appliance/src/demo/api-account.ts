/** The demo site's API account (README lists it): an integration to try /api/command and /api/reporting with at once. */
export const DEMO_API_ACCOUNT = {
  name: 'Demo ticketing integration',
  clientId: 'demo-api-client',
  clientSecret: 'Demo-API-Secret-1',
} as const;
