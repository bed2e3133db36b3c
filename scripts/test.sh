#!/usr/bin/env bash
# npm test: everything, in order; any failure or missing prerequisite fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-temp.sh
trap stop_temp_pg EXIT

started=$SECONDS
# Each stage line says when it started, in seconds since the start of the run (CI's 20-minute budget).
step() { printf '\n==> %s (at %ss)\n' "$*" "$((SECONDS - started))"; }

step "Typecheck and lint, side by side"
# Each is one single-threaded process: on two cores they take the time of the longer one. ESLint's output
# is printed after the type check's, whole.
lint_log=$(mktemp)
npx eslint --max-warnings 0 . >"$lint_log" 2>&1 &
lint_pid=$!
typecheck_status=0
npx tsc --noEmit || typecheck_status=$?
lint_status=0
wait "$lint_pid" || lint_status=$?
cat "$lint_log"
rm -f "$lint_log"
if [ "$typecheck_status" != 0 ]; then echo "FAIL: the type check (tsc --noEmit) failed" >&2; exit 1; fi
if [ "$lint_status" != 0 ]; then echo "FAIL: ESLint found errors or warnings" >&2; exit 1; fi

step "Unit tests"
npx vitest run --project unit

step "Integration tests on PGlite and on PostgreSQL"
start_temp_pg
# One run, two workers: a PGlite file (the database in the worker, CPU-bound) beside a PostgreSQL one
# (mostly waiting on the server) uses both cores.
npx vitest run --project integration-pglite --project integration-postgres --maxWorkers=2

step "Browser"
CHROMIUM_PATH=$(bash scripts/ensure-browser.sh)
export CHROMIUM_PATH
echo "End-to-end browser: $CHROMIUM_PATH"

step "Production build"
CIVIC_BUILD_CACHE=off npx next build

step "End-to-end tests in the browser: the PGlite and the PostgreSQL pass side by side"
"${PG_TEMP_AS[@]}" "$PG_TEMP_BIN/createdb" -h 127.0.0.1 -p "$PG_TEMP_PORT" -U postgres civic_e2e
# Each pass has its own production server (one Node process, with PGlite in it), browser and ports, and
# runs one spec at a time; side by side they use both cores. The markup-only specs (axe, keyboard, print,
# 简/繁, the attack corpora) run on the PGlite pass only; the PostgreSQL pass runs the journeys that write.
# Each line of output is prefixed with its pass; the summary of each is printed again at the end.
run_pass() {
  local name=$1
  shift
  set +e
  env "$@" npx playwright test --output "test-results/$name" 2>&1 | tee "test-results/$name.log" | sed -u "s/^/[$name] /"
  local status=${PIPESTATUS[0]}
  set -e
  return "$status"
}
mkdir -p test-results
run_pass pglite E2E_PORT=3210 DURABILITY_PORT=3241 &
pglite_pid=$!
run_pass postgres E2E_PORT=3220 DURABILITY_PORT=3251 E2E_ENGINE_ONLY=1 E2E_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_TEMP_PORT/civic_e2e" &
postgres_pid=$!
failed=0
wait "$pglite_pid" || failed=1
wait "$postgres_pid" || failed=1
for name in pglite postgres; do
  printf '\n--- %s pass ---\n' "$name"
  grep -E '^\s+[0-9]+ (passed|failed|flaky|skipped|did not run)|^\s+\[chromium\] ' "test-results/$name.log" || true
done
if [ "$failed" != 0 ]; then
  echo "FAIL: an end-to-end pass failed (full output above, test-results/<pass>.log)" >&2
  exit 1
fi

printf '\nAll test stages passed in %ss\n' "$((SECONDS - started))"
