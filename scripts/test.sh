#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what is missing, builds, then runs every suite —
# static checks, unit + integration (vitest), Chromium e2e and Electron e2e (Playwright) — and ends
# with one line "N passed, N failed, N skipped" added up over all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test || exit 1
rm -rf test-results && mkdir -p test-results

step() { # name command... : a static check counted as one test
  local name=$1; shift
  echo "── $name"
  "$@"; local rc=$?
  # Exit status 77 (the automake convention): the check could not run here, e.g. no network for npm audit.
  if [ $rc -eq 0 ]; then echo "ok: $name" >> test-results/checks.txt
  elif [ $rc -eq 77 ]; then echo "skipped: $name" >> test-results/checks.txt
  else echo "FAILED: $name" >> test-results/checks.txt; fi
}

step build npm run --silent build
step typecheck npm run --silent typecheck
step boundaries npm run --silent lint
step electronegativity npm run --silent electronegativity
step supply-chain node scripts/npm-audit.mjs # npm audit --omit=dev --audit-level=high, allowScripts, lockfile

# Every appliance the suites start keeps its log here; the log-secrets step greps them afterwards.
export REP_TEST_LOG_DIR="$PWD/test-results/appliance-logs"

echo "── unit + integration (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json

echo "── end-to-end (Chromium)"
npx playwright test
echo "── end-to-end (Electron)"
npx playwright test -c playwright.electron.config.ts

step log-secrets node scripts/check-log-secrets.mjs # no password, API secret or token in any appliance log

node scripts/summarize-tests.mjs
