#!/bin/sh
# Runs once, when the PostgreSQL container initialises an empty volume (docker-entrypoint-initdb.d).
# POSTGRES_USER owns the schema and runs the migrations (MIGRATION_DATABASE_URL); the service connects as
# cadre_app_login (DATABASE_URL), a member of the NOLOGIN role cadre_app that the migrations grant to.
# An existing volume: run the same two statements once with psql as POSTGRES_USER.
set -e
psql -v ON_ERROR_STOP=1 -v app_password="$APP_DB_PASSWORD" \
  --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE cadre_app NOLOGIN;
CREATE ROLE cadre_app_login LOGIN PASSWORD :'app_password' IN ROLE cadre_app;
SQL
