/** A real SQLite site in a fresh temporary folder, for unit tests that need the real store; dispose() removes it again. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach } from 'vitest';
import { join } from 'node:path';
import type { Repositories } from '../../appliance/src/domain/ports.js';
import { openDatabase, sqliteRepositories, type Db } from '../../appliance/src/store/index.js';

export interface TempSite {
  dir: string;
  db: Db;
  repos: Repositories;
  /** Closes the database (unless the test already did) and removes the folder. */
  dispose(): void;
}

export function openTempSite(prefix: string): TempSite {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = openDatabase(dir);
  return {
    dir,
    db,
    repos: sqliteRepositories(db),
    dispose() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** For tests that open sites as they go: each call opens one, and all of them are removed after each test. */
export function tempSitesPerTest(prefix: string): () => TempSite {
  const open: TempSite[] = [];
  afterEach(() => open.splice(0).forEach((s) => s.dispose()));
  return () => {
    const site = openTempSite(prefix);
    open.push(site);
    return site;
  };
}
