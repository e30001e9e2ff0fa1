# shellcheck shell=bash
# Sourced by every npm script: puts Node.js 24 first on PATH and installs the
# project's dependencies under it, like a Gradle wrapper brings Gradle.
#
# Why: isolated-vm >= 6.2 (GHSA-864f-rcv7-6rh4 fix) needs Node >= 22, and these
# machines ship Node 20. When the system Node is older than 24 we install the npm
# registry's `node` package (pinned below) into .toolchain/ and point
# npm_config_nodedir at it, so native addons (better-sqlite3, argon2) compile
# offline against the same Node that runs them.
# 24.18.0, not the newest 24.x: from 24.19 the node_object_wrap.h header makes every ObjectWrap
# register an environment cleanup hook, and better-sqlite3 12 (built against those headers)
# aborts the process when an idle GC finalizes a Statement ("Assertion failed: (env) != nullptr",
# seen here under `npm start`; better-sqlite3 issue #1515, fixed only in 13.x, which TypeORM 1.x
# does not accept yet).
TOOLCHAIN_NODE_VERSION=24.18.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(_node_major)" -lt 24 ]; then
  _tc="$ROOT/.toolchain"
  _node_dir=$(ls -d "$_tc"/node_modules/node/node_modules/node-linux-* 2>/dev/null | head -n 1 || true)
  if [ -z "$_node_dir" ] || [ "$("$_node_dir/bin/node" -v 2>/dev/null)" != "v$TOOLCHAIN_NODE_VERSION" ]; then
    echo "toolchain: installing Node.js $TOOLCHAIN_NODE_VERSION into .toolchain/ (system Node is $(node -v 2>/dev/null || echo missing))" >&2
    mkdir -p "$_tc"
    npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      --prefix "$_tc" "node@$TOOLCHAIN_NODE_VERSION" >&2 || { echo "toolchain: could not install Node.js $TOOLCHAIN_NODE_VERSION from the npm registry" >&2; exit 1; }
    _node_dir=$(ls -d "$_tc"/node_modules/node/node_modules/node-linux-* | head -n 1)
  fi
  export PATH="$_node_dir/bin:$PATH"
  export npm_config_nodedir="$_node_dir"
fi

# Install dependencies when package-lock.json or the Node version changed since the last install.
ensure_deps() {
  local stamp="$ROOT/node_modules/.install-stamp"
  local node_v lock have=""
  node_v="$(node -v)"
  lock="$(sha1sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  [ -f "$stamp" ] && have="$(cat "$stamp")"
  [ "$have" = "$node_v $lock" ] && return 0
  # A fresh checkout gets the exact lockfile (npm ci); an existing node_modules is updated in place.
  local how=ci
  [ -d "$ROOT/node_modules" ] && how=install
  echo "toolchain: installing dependencies with Node $node_v (npm $how)" >&2
  (cd "$ROOT" && npm "$how" --no-audit --no-fund --loglevel=error >&2) || { echo "toolchain: npm $how failed" >&2; exit 1; }
  # Native addons compiled for another Node must be rebuilt against this one's headers.
  if [ "$how" = install ] && [ -n "$have" ] && [ "${have%% *}" != "$node_v" ]; then
    echo "toolchain: rebuilding native addons for Node $node_v" >&2
    (cd "$ROOT" && npm rebuild --loglevel=error >&2) || { echo "toolchain: npm rebuild failed" >&2; exit 1; }
  fi
  echo "$node_v $lock" > "$stamp"
}
