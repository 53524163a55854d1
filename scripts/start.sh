#!/usr/bin/env bash
# The README's start command: installs what is missing, builds, then runs a real n8n (http://localhost:5678) with
# our nodes, the Cloud API sandbox, pre-filled sandbox credentials and the example workflows. Ctrl+C stops it all.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/typescript ] || npm ci --no-audit --no-fund
bash scripts/install-n8n.sh n8n2 >/dev/null
npm run build --silent
exec node -r ./test/sandbox/ts-register.cjs scripts/start-demo.ts
