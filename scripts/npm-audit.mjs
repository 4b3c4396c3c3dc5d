// Supply-chain check of the test command: `npm audit --omit=dev --audit-level=high`, plus the rules
// npm audit cannot see (native packages allowed explicitly in package.json "allowScripts", lockfile
// committed). Exit 0: clean; 1: a high/critical finding or a rule broken; 77: the audit endpoint could
// not be reached (CI without network), which scripts/test.sh counts as "skipped", not passed or failed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const NATIVE = ['better-sqlite3', 'node-pty', 'keytar', 'electron', 'esbuild'];
const problems = [];
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
for (const name of NATIVE) if (pkg.allowScripts?.[name] !== true) problems.push(`package.json allowScripts does not allow native package ${name}`);
if (!existsSync('package-lock.json')) problems.push('package-lock.json is missing');
else {
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', 'package-lock.json'], { stdio: 'ignore' });
  } catch {
    problems.push('package-lock.json is not committed (git ls-files does not know it)');
  }
}

const r = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report = null;
try { report = JSON.parse(r.stdout); } catch { /* not JSON: npm could not talk to the registry */ }
// Without metadata npm did not audit anything: the endpoint was unreachable or refused (offline CI, a mirror without audit).
const unreachable = !report?.metadata;
if (problems.length) {
  for (const p of problems) console.error(`supply chain: ${p}`);
  process.exit(1);
}
if (unreachable || r.error) {
  console.log(`supply chain: ${String(report?.message ?? report?.error?.summary ?? r.error ?? r.stderr).split('\n')[0]}`);
  console.log('supply chain: npm audit skipped: the registry audit endpoint could not be reached');
  process.exit(77);
}
const v = report.metadata?.vulnerabilities ?? {};
const high = (v.high ?? 0) + (v.critical ?? 0);
console.log(`supply chain: npm audit --omit=dev: ${v.critical ?? 0} critical, ${v.high ?? 0} high, ${v.moderate ?? 0} moderate, ${v.low ?? 0} low`);
if (high > 0) {
  for (const [name, x] of Object.entries(report.vulnerabilities ?? {})) if (x.severity === 'high' || x.severity === 'critical') console.error(`  ${x.severity}: ${name} ${x.range ?? ''}`);
  process.exit(1);
}
process.exit(0);
