#!/usr/bin/env bash
# Development only, until the first release: rewrites the single Initial migration of each
# dialect from the current entities. After a release, add migrations with
# `npm run migration:generate -- Name` instead.
# Builds first, so a tree that does not compile leaves the migrations untouched.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ROOT"
ensure_deps
bash tools/run.sh build
rm -f migrations/sqlite/*.ts migrations/postgres/*.ts dist/migrations/sqlite/* dist/migrations/postgres/*
node --no-node-snapshot dist/tools/migration-generate.js Initial
