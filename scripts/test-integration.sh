#!/usr/bin/env bash
# npm run test:integration: the integration suites on PGlite, then on a throw-away PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-temp.sh
trap stop_temp_pg EXIT
npx vitest run --project integration-pglite "$@"
start_temp_pg
npx vitest run --project integration-postgres "$@"
