#!/usr/bin/env bash
# One command for a fresh machine with PostgreSQL and Redis running locally: installs, builds,
# migrates, loads the taxonomy and the demo data, then runs the API and the worker until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NODE_ENV="${NODE_ENV:-development}"

require_services
ensure_dependencies
ensure_database werkspoor

echo "==> build"
npm run --silent build
echo "==> migrate"
node dist/src/infra/database/migrate.js
echo "==> reference data (ESCO, sectors, postcodes)"
node dist/src/modules/taxonomy/taxonomy-import.cli.js
echo "==> demo data"
node dist/scripts/demo/seed-demo.js
echo "==> search indexes (rebuilt from the database)"
node dist/src/modules/search/search-reindex.cli.js
echo "==> demo shortlist (a link the employer opens)"
node dist/scripts/demo/demo-shortlist.js

node dist/src/worker.js &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
port="${PORT:-3000}"
echo "==> API on http://localhost:$port (docs: http://localhost:$port/docs, health: http://localhost:$port/health); Ctrl-C stops API and worker"
node dist/src/main.js
