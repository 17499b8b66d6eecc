#!/usr/bin/env bash
# Runs the whole test suite: the bundle JSON Schema against the examples, every Swift Testing suite on SQLite, then
# the store and web suites again on a throwaway PostgreSQL cluster (scripts/with-postgres.sh).
# Golden report files are compared byte for byte; set UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 scripts/check-schema.py
swift build --build-tests
unset DATABASE_URL
echo "== all suites, SQLite =="
swift test --skip-build
echo "== store and web suites, PostgreSQL =="
scripts/with-postgres.sh swift test --skip-build --filter JixiaoWebTests
