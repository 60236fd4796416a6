#!/usr/bin/env bash
# Property-based API testing: schemathesis against the live app, DEBUG off.
#
# Builds a throwaway SQLite database under build/ (migrated, curated data loaded, a
# staff superuser with a token), serves Parley with gunicorn on a free localhost port,
# and runs every operation of /api/schema/ — reads and authenticated writes — with a
# fixed seed and a bounded number of examples. Fails on any server error, any response
# that does not match the schema, any undocumented status code or content type.
#
#   bash scripts/schemathesis.sh              # from the repository root
#   FUZZ_EXAMPLES=50 FUZZ_SEED=7 bash scripts/schemathesis.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${VENV:-.venv}/bin"
SEED="${FUZZ_SEED:-20240521}"
EXAMPLES="${FUZZ_EXAMPLES:-20}"
WORK="$PWD/build/schemathesis"
USERNAME="fuzzer"

for tool in python gunicorn schemathesis; do
  if [ ! -x "$BIN/$tool" ]; then
    echo "$BIN/$tool is missing: run make install (requirements-dev.txt) first." >&2
    exit 1
  fi
done

rm -rf "$WORK"
mkdir -p "$WORK"

export DATABASE_URL="sqlite:///$WORK/db.sqlite3"
export DEBUG=0
export SECRET_KEY="schemathesis-only-not-a-secret"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export LOG_LEVEL="${LOG_LEVEL:-WARNING}"
# One client making a few thousand requests a minute is the point here, not abuse.
export THROTTLE_ANON="1000000/minute" THROTTLE_USER="1000000/minute"

echo "== database: $DATABASE_URL"
"$BIN/python" manage.py migrate --noinput >"$WORK/migrate.log"
"$BIN/python" manage.py load_curated
DJANGO_SUPERUSER_PASSWORD="$(head -c 24 /dev/urandom | base64)" \
  "$BIN/python" manage.py createsuperuser --noinput --username "$USERNAME" \
  --email "$USERNAME@example.org" >/dev/null
TOKEN="$("$BIN/python" manage.py issue_token "$USERNAME")"

PORT="$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"

echo "== serving on $BASE (gunicorn, DEBUG=0)"
# --limit-request-line 0: the app, not gunicorn (414 in HTML), answers very long URLs.
"$BIN/gunicorn" config.wsgi:application \
  --bind "127.0.0.1:$PORT" --workers 2 --timeout 60 --limit-request-line 0 \
  --access-logfile "$WORK/access.log" --error-logfile "$WORK/server.log" \
  --capture-output &
SERVER_PID=$!

stop_server() {
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap stop_server EXIT

for _ in $(seq 1 60); do
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "the server did not start:" >&2
    cat "$WORK/server.log" >&2
    exit 1
  fi
  sleep 0.5
done
curl -fsS "$BASE/healthz"
echo

# What the checks must accept beyond their defaults, and why.
cat >"$WORK/schemathesis.toml" <<'TOML'
[checks.positive_data_acceptance]
# Slugs and ids are checked against the database (so is uniqueness, and date_to against
# date_from): a value the schema allows may name no record, and the answer is a
# documented 400 naming the field. Any other refusal of valid data still fails.
expected-statuses = ["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]

[checks.negative_data_rejection]
# The defaults, and 413: a body over DATA_UPLOAD_MAX_MEMORY_SIZE is refused for its size.
expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx"]

[checks.missing_required_header]
# A change without the required If-Match is 428 Precondition Required (RFC 6585).
expected-statuses = ["400", "401", "403", "406", "415", "422", "428"]
TOML
# Its crash cache (for `st replay`) stays with this run: nothing carries over to the next.
printf '[cache]\ndirectory = "%s"\n\n' "$WORK/cache" >>"$WORK/schemathesis.toml"
# Slugs and ids of the curated records, so that most generated references name a record
# and writes get past validation (the rest stay random, to exercise the refusals).
"$BIN/python" manage.py shell --verbosity 0 -c '
import json
from events.models import Actor, Meeting, Place, Source, Topic
def values(name, queryset, field):
    listed = json.dumps(list(queryset.order_by(field).values_list(field, flat=True)))
    print(f"[dictionaries.{name}]\nvalues = {listed}\n")
values("actors", Actor.objects, "slug")
values("places", Place.objects, "slug")
values("sources", Source.objects, "slug")
values("topics", Topic.objects, "slug")
values("meetings", Meeting.objects, "pk")
bindings = {
    "actors": ["participants[*].actor", "actors[*].actor", "speaker", "mentions[*]",
               "roles[*].organization"],
    "places": ["place"], "sources": ["citations[*].source"], "topics": ["topics[*]"],
    "meetings": ["meeting"],
}
queries = {"actors": ["mediator", "speaker"], "places": ["place"], "topics": ["topic"],
           "meetings": ["meeting"]}  # not the repeatable (array) ones: entries are single
print("[parameters]")
for name, paths in bindings.items():
    for path in paths:
        print(f"\"body.{path}\" = {{ dictionary = \"{name}\", probability = 0.8 }}")
for name, parameters in queries.items():
    for parameter in parameters:
        print(f"\"query.{parameter}\" = {{ dictionary = \"{name}\", probability = 0.8 }}")
' >>"$WORK/schemathesis.toml"

echo "== schemathesis (seed $SEED, at most $EXAMPLES examples per operation)"
status=0
# Hypothesis keeps its caches with this run too, not in the working tree.
export HYPOTHESIS_STORAGE_DIRECTORY="$WORK/hypothesis"
# If-Match: * lets updates and deletions through the lost-update check (428 without).
# No NUL bytes: text refuses them by design (tests/api/test_robustness.py checks how).
"$BIN/schemathesis" --config-file "$WORK/schemathesis.toml" run "$BASE/api/schema/" \
  --checks all \
  --seed "$SEED" \
  --max-examples "$EXAMPLES" \
  --workers 1 \
  --header "Authorization: Token $TOKEN" \
  --header "If-Match: *" \
  --generation-allow-x00 false \
  --generation-database none \
  --request-timeout 30 \
  --report junit --report-dir "$WORK/report" \
  --no-color || status=$?

echo "== answers by method and status (all $(wc -l <"$WORK/access.log") requests):"
awk '{print $6, $9}' "$WORK/access.log" | tr -d '"' | sort | uniq -c | sort -k2,2 -k3,3n

# Belt and braces: a 5xx is a failure even where no check would have looked.
if awk '$9 ~ /^5/ { found = 1 } END { exit !found }' "$WORK/access.log"; then
  echo "== the server answered 5xx (see $WORK/server.log):" >&2
  awk '$9 ~ /^5/' "$WORK/access.log" | head -n 20 >&2
  status=1
fi
exit "$status"
