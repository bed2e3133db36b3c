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

step "End-to-end tests in the browser (production server on PGlite)"
npx playwright test --output test-results/pglite

step "End-to-end tests in the browser (production server on PostgreSQL)"
"${PG_TEMP_AS[@]}" "$PG_TEMP_BIN/createdb" -h 127.0.0.1 -p "$PG_TEMP_PORT" -U postgres civic_e2e
# The markup-only specs (axe, keyboard, print, 简/繁) ran on the PGlite pass; everything else runs again here.
# (Running the two passes side by side was tried: on 2 cores the browser journeys then hit their timeouts.)
E2E_ENGINE_ONLY=1 E2E_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_TEMP_PORT/civic_e2e" npx playwright test --output test-results/postgres

printf '\nAll test stages passed in %ss\n' "$((SECONDS - started))"
