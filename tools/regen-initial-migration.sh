#!/usr/bin/env bash
# Development only, until the first release: rewrites the single Initial migration of each
# dialect from the current entities. After a release, add migrations with
# `npm run migration:generate -- Name` instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -f migrations/sqlite/*.ts migrations/postgres/*.ts
bash tools/run.sh migration:generate Initial
