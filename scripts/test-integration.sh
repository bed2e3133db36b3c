#!/usr/bin/env bash
# npm run test:integration: the integration suites on PGlite and on a throw-away PostgreSQL cluster, in
# one Vitest run on two workers (as npm test runs them).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-temp.sh
trap stop_temp_pg EXIT
start_temp_pg
npx vitest run --project integration-pglite --project integration-postgres --maxWorkers=2 "$@"
