// No secrets in logs (issue 10): after the test suites ran, greps every appliance and agent log they
// kept (REP_TEST_LOG_DIR, default test-results/appliance-logs) for
//   - every password and API secret the demo site and the tests use (read from their sources, so a
//     new test password is checked without editing this file), and
//   - the shapes of the secrets made at run time: session-key links (?ak=), one-time tokens in URLs,
//     bearer tokens, session cookies, TOTP secrets and otpauth links, form-posted client secrets, and
//     JSON fields named like secrets.
// REP_LOG_SECRETS_LIST=1 also prints the known secrets (masked). Tested by tests/integration/log-secrets.test.ts.
// Exit 0: clean; 1: a finding (file:line and what matched, the secret itself masked); 77: no logs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = process.env.REP_TEST_LOG_DIR ?? join(root, 'test-results', 'appliance-logs');
if (!existsSync(dir) || readdirSync(dir).length === 0) {
  console.log(`log secrets: no appliance logs in ${dir}`);
  process.exit(77);
}

function filesUnder(d, re, out = []) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) filesUnder(p, re, out);
    else if (re.test(e.name)) out.push(p);
  }
  return out;
}

/** Secret-looking literals: long enough and not a plain word ("password" itself is a word in many log lines). */
const looksSecret = (s) => s.length >= 8 && /[0-9!?#@$%-]/.test(s) && /[A-Za-z]/.test(s);
const secrets = new Set();
const literal = [
  /(?:password|Password|secret|Secret|clientSecret|PASSWORD)\s*[:=]\s*'([^'\n]+)'/g,
  /[Pp]assword[^)\n]*\)\.fill\('([^'\n]+)'\)/g,
];
for (const file of [...filesUnder(join(root, 'appliance', 'src', 'demo'), /\.ts$/), ...filesUnder(join(root, 'tests'), /\.ts$/)]) {
  const text = readFileSync(file, 'utf8');
  for (const re of literal) for (const m of text.matchAll(re)) if (looksSecret(m[1])) secrets.add(m[1]);
}

const shapes = [
  ['session-key link token', /[?&]ak=[A-Za-z0-9_-]{16,}/],
  ['token in a URL', /[?&](?:token|access_token|t)=[A-Za-z0-9_-]{20,}/],
  ['bearer token', /Bearer\s+[A-Za-z0-9._~+/-]{16,}/],
  ['session cookie', /\brc_[a-z]+=[A-Za-z0-9_-]{16,}/],
  ['TOTP enrolment link', /otpauth:\/\/\S+/],
  ['TOTP secret (32 base32 characters)', /(?<![A-Za-z0-9])[A-Z2-7]{32}(?![A-Za-z0-9])/],
  ['client secret in a form body', /client_secret=[^&\s"]{8,}/],
  ['secret-named JSON field', /"(?:password|newPassword|currentPassword|secret|clientSecret|client_secret|totpSecret|token|customerToken)"\s*:\s*"[^"]{4,}"/],
];

const mask = (s) => (s.length <= 4 ? '****' : `${s.slice(0, 2)}…${s.slice(-1)} (${s.length} chars)`);
const findings = [];
const logs = filesUnder(dir, /\.log$/);
for (const file of logs) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    for (const s of secrets) if (line.includes(s)) findings.push(`${file}:${i + 1}: the test secret ${mask(s)}`);
    for (const [what, re] of shapes) {
      const m = re.exec(line);
      if (m) findings.push(`${file}:${i + 1}: ${what}: ${mask(m[0])}`);
    }
  });
}

if (process.env.REP_LOG_SECRETS_LIST) console.log([...secrets].map(mask).join(', '));
console.log(`log secrets: ${logs.length} logs, ${secrets.size} known secrets and ${shapes.length} secret shapes checked`);
if (findings.length) {
  console.log(findings.slice(0, 50).join('\n'));
  if (findings.length > 50) console.log(`… and ${findings.length - 50} more`);
  process.exit(1);
}
console.log('log secrets: none found');
