#!/usr/bin/env bash
# The API against its own OpenAPI document, by Schemathesis (property-based
# API testing, from the Python package registry): a demonstration forum is
# served from a throw-away data directory, and Schemathesis sends it
# generated requests, with the secretariat's token and with a head of
# delegation's, checking that no answer is a server error, that every status
# code is one the document names, and that every answer matches its schema.
# Needs the debug `accord` binary (the test suite builds it).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/schemathesis-venv
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis==4.32.5'
fi

cargo build --locked -q -p accord
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
target/debug/accord serve --demo --data-dir "$data/forum" --listen "127.0.0.1:$port" >"$data/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$data/serve.log"; exit 1; }
  sleep 0.5
done

token_of() { # the demonstration log-in whose e-mail address starts with $1
  local email password
  read -r email password < <(awk -v who="$1" '$0 ~ who"@demo" { for (i = 1; i <= NF; i++) if ($i ~ /@/) { print $i, $(i+1) } }' "$data/forum/demo-logins.txt")
  curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$base/api/v1/auth/token" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

status=0
# The delegation first: the secretariat's run may withdraw or suspend it.
for who in head.bra secretariat; do
  token=$(token_of "$who")
  echo "schemathesis as $who"
  # Revoking tokens, and resetting a password (which revokes the account's
  # tokens), would revoke the run's own token midway: those operations are
  # left out (the suite tests them).
  "$venv/bin/schemathesis" run "$base/api/openapi.json" \
    -H "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
    --phases examples,coverage,fuzzing --max-time "${SCHEMATHESIS_SECONDS:-120}" --workers 1 \
    --exclude-path '/api/v1/me/tokens/{id}' --exclude-path '/api/v1/delegates/{id}/password-reset' --no-color --seed 1 --generation-database none || status=1
done
exit $status
