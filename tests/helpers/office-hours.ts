/**
 * The demo's Finance workstations (WS-107, WS-115) keep office hours in Paris (Jump Policy "Business
 * hours"). Tests that Jump to them for another reason lift the schedule, so they pass at whatever
 * hour CI runs; the schedule itself is tested in tests/integration/jump.test.ts and tests/e2e/jump.spec.ts.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';

export function liftOfficeHours(dataDir: string): void {
  const db = new Database(join(dataDir, 'site.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare("UPDATE jump_policies SET schedule_enabled = 0 WHERE code = 'business-hours'").run();
  } finally {
    db.close();
  }
}
