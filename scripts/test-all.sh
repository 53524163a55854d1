#!/usr/bin/env bash
# The README's test command: install, lint, type-check, unit and integration tests, then e2e in real n8n
# (n8n 2.x regular and queue mode, n8n 1.x). Prints each step's time.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -a SUMMARY=()
step() {
  local name="$1"; shift
  local start=$SECONDS
  echo "=== $name"
  "$@"
  SUMMARY+=("$(printf '%-28s %5ss' "$name" $((SECONDS - start)))")
}

step "npm ci" npm ci --no-audit --no-fund
step "install n8n + node 24" bash scripts/install-n8n.sh all
step "install postgres + redis" bash scripts/install-services.sh
step "build" npm run build
step "lint" npm run lint
step "typecheck" npm run typecheck
step "unit + integration" npx jest --selectProjects unit
step "e2e (real n8n)" npx jest --selectProjects e2e --runInBand

echo "=== step times"
printf '%s\n' "${SUMMARY[@]}"
