#!/usr/bin/env bash
# Load test: 50 locust clients for 60 s of mixed reads and curator writes against gunicorn
# on a fresh PostgreSQL database, then a check that every acknowledged write is stored.
#
#   bash bench/load_test.sh                          # the real run: 50 users, 60 s
#   DURATION=10s USERS=10 bash bench/load_test.sh    # a quick smoke run
#
# Other knobs: WORKERS (gunicorn, 4), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres),
# BENCH_DB (parley_bench), OUT_DIR (a new temporary directory), KEEP_DB=1 (do not drop
# the database at the end), BENCH_HOT_MEETINGS (meetings the PATCHes aim at, 8).
# Exits non-zero on any failed request, any lost write, or if the server does not start.
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
USERS=${USERS:-50}
DURATION=${DURATION:-60s}
SPAWN_RATE=${SPAWN_RATE:-10}
WORKERS=${WORKERS:-4}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-parley_bench}
OUT_DIR=${OUT_DIR:-$(mktemp -d -t parley-bench.XXXXXX)}
mkdir -p "$OUT_DIR"
export PGHOST PGPORT PGUSER

PORT=$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
HOST="http://127.0.0.1:$PORT"

export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB"
export DEBUG=0
export SECRET_KEY=${SECRET_KEY:-$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')}
export ALLOWED_HOSTS=127.0.0.1,localhost
export CONN_MAX_AGE=${CONN_MAX_AGE:-60}
export THROTTLE_ANON=1000000/second THROTTLE_USER=1000000/second
export LOG_LEVEL=${LOG_LEVEL:-WARNING}

SERVER_PID=
cleanup() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
    if [[ ${KEEP_DB:-0} != 1 && ${DB_CREATED:-0} == 1 ]]; then
        psql -q -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

step "fresh database $BENCH_DB"
psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)"
psql -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $BENCH_DB"
DB_CREATED=1
"$BIN/python" manage.py migrate --noinput -v 0
"$BIN/python" manage.py load_curated
DJANGO_SUPERUSER_PASSWORD=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(24))') \
    "$BIN/python" manage.py createsuperuser --noinput --username bench --email bench@example.org
PARLEY_TOKEN=$("$BIN/python" manage.py issue_token bench)
export PARLEY_TOKEN

step "gunicorn, $WORKERS workers, on $HOST"
"$BIN/gunicorn" config.wsgi:application --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
    --timeout 60 --error-logfile - --log-level warning 2>"$OUT_DIR/gunicorn.log" &
SERVER_PID=$!
for _ in $(seq 1 60); do
    if curl -fsS "$HOST/healthz" >/dev/null 2>&1; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT_DIR/gunicorn.log"; exit 1; }
    sleep 0.5
done
curl -fsS "$HOST/healthz"
echo

step "locust: $USERS users, spawn rate $SPAWN_RATE/s, $DURATION"
export BENCH_ACKS="$OUT_DIR/acks.jsonl" BENCH_COUNTERS="$OUT_DIR/counters.json"
export BENCH_STATS="$OUT_DIR/stats.json"
: >"$BENCH_ACKS"
LOCUST_RC=0
"$BIN/locust" --headless -u "$USERS" -r "$SPAWN_RATE" -t "$DURATION" --host "$HOST" \
    -f bench/locustfile.py --only-summary --csv "$OUT_DIR/locust" --stop-timeout 10 \
    --loglevel WARNING || LOCUST_RC=$?

step "stop the server"
kill -TERM "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
if grep -q -E 'Traceback|ERROR|WORKER TIMEOUT' "$OUT_DIR/gunicorn.log"; then
    echo "gunicorn logged errors:"
    grep -E -A5 'Traceback|ERROR|WORKER TIMEOUT' "$OUT_DIR/gunicorn.log" | head -40
    if [[ $LOCUST_RC == 0 ]]; then LOCUST_RC=1; fi
fi

step "verify every acknowledged write"
VERIFY_RC=0
"$BIN/python" bench/verify_writes.py --acks "$BENCH_ACKS" --counters "$BENCH_COUNTERS" \
    --stats "$BENCH_STATS" ||
    VERIFY_RC=$?
echo "users $USERS, duration $DURATION, gunicorn workers $WORKERS, $(nproc) cores"
echo "outputs in $OUT_DIR; total time ${SECONDS}s"
if [[ $LOCUST_RC != 0 || $VERIFY_RC != 0 ]]; then
    echo "load test FAILED (locust exit $LOCUST_RC, verification exit $VERIFY_RC)"
    exit 1
fi
echo "load test passed"
