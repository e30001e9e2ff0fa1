#!/usr/bin/env bash
# Entry point of every npm script. Works from a plain shell whose PATH has an older Node:
# toolchain.sh brings Node 24 and installs dependencies before anything runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ROOT"
export TZ=UTC
NODE_RUN=(node --no-node-snapshot --enable-source-maps)

build() {
  # Rebuild only when a source file is newer than the last build.
  local stamp=dist/.build-stamp
  if [ "${1:-}" != "force" ] && [ -f "$stamp" ] && [ -z "$(find apps/*/src libs/*/src migrations tools tsconfig*.json package-lock.json -newer "$stamp" \( -name '*.ts' -o -name '*.json' -o -name '*.graphql' \) -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  echo "build: compiling TypeScript" >&2
  rm -rf dist
  npx tsc -p tsconfig.build.json
  npx tsc-alias -p tsconfig.build.json
  mkdir -p dist && touch "$stamp"
}

web_codegen() {
  # Operation types of the web app from apps/api/schema.graphql (into apps/web/src/gql/): a
  # document that no longer matches the schema fails here, naming the file, line and field.
  local out
  if ! out=$(npx graphql-codegen --config apps/web/codegen.ts 2>&1); then
    echo "$out" >&2
    return 1
  fi
}

build_web() {
  # The SPA the API serves at `/` (apps/web/dist), rebuilt only when its sources changed.
  local stamp=apps/web/dist/.build-stamp
  if [ "${1:-}" != "force" ] && [ -f "$stamp" ] && [ -z "$(find apps/web package-lock.json -path apps/web/dist -prune -o -type f -newer "$stamp" -print -quit 2>/dev/null)" ] && [ ! apps/api/schema.graphql -nt "$stamp" ]; then
    return 0
  fi
  echo "build: web app (graphql-codegen, vite)" >&2
  web_codegen
  npx tsc -p apps/web/tsconfig.json --noEmit
  npx vite build apps/web --logLevel warn
  touch "$stamp"
}

lint() {
  # The module-boundary rule reads Nx's project graph: compute it first (no daemon on CI).
  NX_DAEMON=false npx nx show projects >/dev/null
  # The web app's lint is type-aware: its generated operation types must exist.
  web_codegen
  NX_DAEMON=false npx eslint --max-warnings=0 .
}

cmd="${1:-}"
shift || true
case "$cmd" in
  build) ensure_deps; build force; build_web force ;;
  start)
    ensure_deps; build; build_web
    "${NODE_RUN[@]}" dist/tools/platform-init.js
    # API and worker side by side; when either exits, stop the other and exit with its code.
    "${NODE_RUN[@]}" dist/apps/api/src/main.js &
    api=$!
    "${NODE_RUN[@]}" dist/apps/worker/src/main.js &
    worker=$!
    trap 'kill -TERM $api $worker 2>/dev/null || true' INT TERM
    set +e
    wait -n $api $worker
    code=$?
    kill -TERM $api $worker 2>/dev/null
    wait
    exit $code
    ;;
  api) ensure_deps; build; build_web; exec "${NODE_RUN[@]}" dist/apps/api/src/main.js "$@" ;;
  worker) ensure_deps; build; exec "${NODE_RUN[@]}" dist/apps/worker/src/main.js "$@" ;;
  migrate) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/platform-init.js --migrate-only ;;
  seed) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/platform-init.js ;;
  create-admin) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/create-admin.js "$@" ;;
  migration:generate) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/migration-generate.js "$@" ;;
  problems:import) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/import-problems.js "$@" ;;
  backup) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/backup.js "$@" ;;
  restore) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/restore.js "$@" ;;
  schema) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/print-schema.js --write ;;
  judge) ensure_deps; build; exec "${NODE_RUN[@]}" dist/apps/cli/src/judge.js "$@" ;;
  bank:report) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/bank-report.js "$@" ;;
  bench:judge) ensure_deps; build; exec "${NODE_RUN[@]}" --expose-gc dist/tools/bench/judge.js "$@" ;;
  bench:shortlist) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/bench/shortlist.js "$@" ;;
  bench:integrity) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/bench/integrity.js "$@" ;;
  bench:sweep) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/bench/sweep.js "$@" ;;
  bench:restart) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/bench/restart.js "$@" ;;
  chaos) ensure_deps; build; exec "${NODE_RUN[@]}" dist/tools/chaos/chaos.js "$@" ;;
  lint) ensure_deps; lint ;;
  node) ensure_deps; exec "${NODE_RUN[@]}" "$@" ;;
  test)
    ensure_deps
    # Says in one line what it could not install and why; the other tests still run.
    bash tools/ensure-chromium.sh || true
    build force
    build_web force
    echo "test: lint" >&2
    lint
    echo "test: jest (unit, integration on PostgreSQL and Redis, e2e)" >&2
    mkdir -p test-artifacts
    set +e
    node --no-node-snapshot --experimental-vm-modules --no-warnings node_modules/jest/bin/jest.js --ci --maxWorkers=2 \
      --json --outputFile=test-artifacts/jest-results.json "$@"
    code=$?
    set -e
    # One plain closing line that any CI reads: how many tests passed and failed.
    node -e 'const r = require("./test-artifacts/jest-results.json"); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`)' || true
    exit $code
    ;;
  *) echo "usage: tools/run.sh {start|test|build|api|worker|migrate|seed|create-admin|backup|restore|judge|lint|bank:report|bench:judge|bench:shortlist|bench:integrity|bench:sweep|bench:restart|chaos}" >&2; exit 2 ;;
esac
