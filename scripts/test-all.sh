#!/usr/bin/env bash
# `npm test`: the whole suite, as CI runs it. Starts a throwaway PostgreSQL on
# a loopback port, then typecheck, lint, formatting, unit + integration tests (PGlite and
# PostgreSQL), a production build, and Playwright end-to-end tests in
# Debian's Chromium. Stops PostgreSQL whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n==> %s\n' "$*"; }

# Chromium, PostgreSQL, nginx: found, or installed from Debian's packages when possible.
# shellcheck source=scripts/provision.sh
source scripts/provision.sh
step "provision"
provision

# shellcheck source=scripts/pg-temp.sh
source scripts/pg-temp.sh
step "start PostgreSQL"
pg_temp_start
trap pg_temp_stop EXIT

step "typecheck"
npm run typecheck

step "lint"
npm run lint

step "format (prettier --check; npm run format fixes it)"
npm run format:check

step "dependency check (offline)"
npm run check:deps

step "OpenAPI document (openapi/v1.json is what lib/api generates)"
npm run check:openapi

step "unit + integration tests (PGlite and PostgreSQL)"
npx vitest run

step "production build"
npm run build

step "end-to-end tests (Chromium, production build, PostgreSQL)"
"$PG_TEMP_BIN/createdb" -h 127.0.0.1 -p "$PG_TEMP_PORT" -U postgres skillgrid_e2e
export E2E_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_TEMP_PORT/skillgrid_e2e"
npx playwright test

step "all checks passed"
