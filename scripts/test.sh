#!/usr/bin/env bash
# Runs the whole test suite: the bundle JSON Schema and the OpenAPI document, the embedded resources against their
# sources, every Swift Testing suite on SQLite, a
# real browser session against `jixiao serve --demo` (Tests/Browser/browser_test.py), Schemathesis against the served
# API (scripts/api-contract.sh), then the store and web suites
# again on a throwaway PostgreSQL cluster (scripts/with-postgres.sh), and two servers behind nginx on PgBouncer with a
# streaming replica (scripts/two-servers.py).
# Golden report files are compared byte for byte; set UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 scripts/check-schema.py
python3 scripts/embed-resources.py --check
swift build --build-tests
unset DATABASE_URL
echo "== all suites, SQLite =="
swift test --skip-build
echo "== browser (headless Chromium) =="
if [ -n "${CI:-}" ] || { command -v chromedriver >/dev/null && python3 -c 'import selenium' 2>/dev/null; }; then
  python3 Tests/Browser/browser_test.py "$(swift build --show-bin-path)/jixiao"
else
  echo "skipped: chromium-driver or Python's selenium is not installed (.ci/run installs both)"
fi
echo "== API against its OpenAPI document (Schemathesis) =="
if [ -n "${CI:-}" ] || command -v st >/dev/null; then
  scripts/api-contract.sh "$(swift build --show-bin-path)/jixiao" 25
else
  echo "skipped: Python's schemathesis is not installed (.ci/run installs it)"
fi
echo "== store and web suites, PostgreSQL =="
scripts/with-postgres.sh swift test --skip-build --filter JixiaoWebTests
echo "== two servers behind nginx, PgBouncer (transaction pooling), a streaming replica =="
have() { command -v "$1" >/dev/null || [ -x "/usr/sbin/$1" ]; }
if [ -n "${CI:-}" ] || { have nginx && have pgbouncer; }; then
  python3 scripts/two-servers.py "$(swift build --show-bin-path)/jixiao"
else
  echo "skipped: nginx or PgBouncer is not installed (.ci/run installs both)"
fi
