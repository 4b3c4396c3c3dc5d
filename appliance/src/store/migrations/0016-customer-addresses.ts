/**
 * 0016: where a customer connected from, for sessions started from the portal, a session link or
 * the Session Generation API: the public address the appliance saw and, when the customer client
 * reports it, the computer's private address. Reports show and search them (Jump sessions keep
 * reading their Jump Item's). Never edit: add a new migration.
 */
export const up = `
ALTER TABLE sessions ADD COLUMN customer_public_ip TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN customer_private_ip TEXT NOT NULL DEFAULT '';
`;
