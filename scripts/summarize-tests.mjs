// Adds up every suite's results (static checks, vitest JSON, Playwright JSON) into the one closing
// line CI reads: "N passed, N failed, N skipped". Exits non-zero when anything failed or a suite
// produced no report at all (a suite that crashed before reporting counts as one failure).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
const problems = [];

const checks = existsSync('test-results/checks.txt') ? readFileSync('test-results/checks.txt', 'utf8').trim().split('\n') : [];
for (const line of checks.filter(Boolean)) {
  if (line.startsWith('ok:')) passed++;
  else if (line.startsWith('skipped:')) { skipped++; console.log(`(${line})`); }
  else { failed++; problems.push(line); }
}

function readJson(path, label) {
  if (!existsSync(path)) { failed++; problems.push(`${label}: no report written (${path})`); return null; }
  try { return JSON.parse(readFileSync(path, 'utf8')); }
  catch { failed++; problems.push(`${label}: unreadable report`); return null; }
}

const unit = readJson('test-results/unit.json', 'vitest');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  // A file that failed to load has no tests but is a failure.
  for (const f of unit.testResults ?? []) {
    if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) { failed++; problems.push(`vitest: ${f.name} failed to run`); }
  }
}

for (const [path, label] of [['test-results/e2e.json', 'e2e'], ['test-results/electron.json', 'electron e2e']]) {
  const r = readJson(path, label);
  if (!r) continue;
  const s = r.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  for (const e of r.errors ?? []) { failed++; problems.push(`${label}: ${String(e.message ?? e).split('\n')[0]}`); }
}

if (problems.length) console.log(`\nProblems:\n- ${problems.join('\n- ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
