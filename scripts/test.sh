#!/usr/bin/env bash
# npm test: everything, in order; any failure or missing prerequisite fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-temp.sh
trap stop_temp_pg EXIT

step() { printf '\n==> %s\n' "$*"; }
started=$SECONDS

step "Typecheck"
npx tsc --noEmit
step "Lint"
npx eslint --max-warnings 0 .

step "Unit tests"
npx vitest run --project unit

step "Integration tests on PGlite"
npx vitest run --project integration-pglite

step "Integration tests on PostgreSQL"
start_temp_pg
npx vitest run --project integration-postgres

step "Browser"
CHROMIUM_PATH=$(bash scripts/ensure-browser.sh)
export CHROMIUM_PATH
echo "End-to-end browser: $CHROMIUM_PATH"

step "Production build"
npx next build

step "End-to-end tests in the browser: PGlite and PostgreSQL passes side by side"
"${PG_TEMP_AS[@]}" "$PG_TEMP_BIN/createdb" -h 127.0.0.1 -p "$PG_TEMP_PORT" -U postgres civic_e2e
# Both passes serve the same build on their own ports, data folders and result folders; most of an
# e2e run is waiting on the browser and the server, so running them together saves minutes on 2 cores.
# The markup-only specs (axe, keyboard, print, 简/繁) run on the PGlite pass; everything else runs on both.
e2e_pass() { # name, then env assignments
  local name=$1; shift
  env "$@" npx playwright test --output "test-results/$name" 2>&1 | sed -u "s/^/[$name] /"
}
e2e_pass pglite E2E_PORT=3210 DURABILITY_PORT=3241 &
pglite_pid=$!
e2e_pass postgres E2E_PORT=3310 DURABILITY_PORT=3341 E2E_ENGINE_ONLY=1 \
  E2E_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_TEMP_PORT/civic_e2e" &
postgres_pid=$!
failed=0
wait "$pglite_pid" || { echo "FAIL: end-to-end tests on PGlite"; failed=1; }
wait "$postgres_pid" || { echo "FAIL: end-to-end tests on PostgreSQL"; failed=1; }
[ "$failed" = 0 ]

printf '\nAll test stages passed in %ss\n' "$((SECONDS - started))"
