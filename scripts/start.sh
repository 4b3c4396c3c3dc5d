#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and starts the desktop console with its
# embedded demo site — or, where no Electron binary can run, the demo appliance for the browser.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh run
if [ ! -f out/appliance/cli.js ] || [ ! -f out/renderer/console/index.html ] || [ "${REBUILD:-0}" = 1 ]; then
  npm run --silent build
fi
exec node scripts/start.mjs "$@"
