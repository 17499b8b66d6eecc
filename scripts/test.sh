#!/usr/bin/env bash
# Runs the whole test suite: the bundle JSON Schema against the examples, then every Swift Testing suite.
# Golden report files are compared byte for byte; set UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 scripts/check-schema.py
swift build --build-tests
swift test --skip-build
