#!/usr/bin/env bash
# Runs every check and test: type check, lint, unit and end-to-end tests against the local
# PostgreSQL and Redis. Prints "N passed, N failed" as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_services
ensure_dependencies
ensure_chromium
ensure_database werkspoor_test

echo "==> type check"
npx tsc --noEmit -p tsconfig.json
echo "==> lint"
npx eslint . --max-warnings=0

echo "==> tests"
mkdir -p test/artifacts
status=0
NODE_ENV=test npx jest --ci --runInBand --json --outputFile=test/artifacts/jest-results.json "$@" || status=$?
node -e '
  const r = require("./test/artifacts/jest-results.json");
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
'
exit $status
