#!/usr/bin/env bash
# The API against its OpenAPI document: starts `jixiao serve --demo` from a temporary directory, signs in as the
# demo preparer and runs Schemathesis (PyPI) for a bounded number of cases. Fails on any 5xx, any status or content
# type the document does not list, any response that does not match its schema — and if the server is not answering
# afterwards. Usage: scripts/api-contract.sh JIXIAO_BINARY [EXAMPLES_PER_OPERATION]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
examples="${2:-25}"
work="$(mktemp -d)"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work" && exec "$binary" serve --demo --port "$port" > "$work/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
answers() { python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "/healthz", timeout=5)' "$base" 2>/dev/null; }
for _ in $(seq 1 120); do answers && break; sleep 0.5; done
password=$(grep -oP '密码均为 \K\S+?(?=，)' "$work/server.log")
mapfile -t credentials < <(python3 "$root/Tests/Contract/sign_in.py" "$base" preparer "$password")
status=0
# From the temporary directory: Schemathesis keeps its cache in the working directory.
cd "$work"
st --config-file "$root/Tests/Contract/schemathesis.toml" run "$base/api/v1/openapi.json" --url "$base" \
  -H "Cookie: ${credentials[0]}" -H "X-CSRF-Token: ${credentials[1]}" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing --max-examples "$examples" --workers 1 --seed 20261203 --no-color \
  > "$work/schemathesis.log" 2>&1 || status=$?
grep -E "generated|passed|failed|Failures|ST[0-9]{3}|Server|Network" "$work/schemathesis.log" | tail -15 || true
if ! answers; then
  echo "the server stopped answering during the run:"; tail -40 "$work/server.log"; status=1
fi
if [ "$status" -ne 0 ]; then
  echo "== schemathesis output =="; cat "$work/schemathesis.log"
fi
exit "$status"
