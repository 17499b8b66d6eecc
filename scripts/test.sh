#!/usr/bin/env bash
# Runs the whole test suite: builds the package with its tests and runs every Swift Testing suite.
# Golden report files are compared byte for byte; set UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --build-tests
swift test --skip-build
