#!/usr/bin/env bash
# Start the web server, the django-q2 task cluster and the local fake Stripe together;
# Ctrl-C stops all three.
set -u
PY="$1"; HOST="$2"; PORT="$3"
# A port in use (another `make run`, another program): take a free one instead of failing.
FREE_PORT=$("$PY" - "$HOST" "$PORT" <<'PYEOF'
import socket, sys
host, port = sys.argv[1], int(sys.argv[2])
with socket.socket() as s:
    try:
        s.bind((host, port))
    except OSError:
        s.bind((host, 0))
    print(s.getsockname()[1])
PYEOF
)
if [ "$FREE_PORT" != "$PORT" ]; then
  echo "Port $PORT is in use; Semilla takes port $FREE_PORT instead."
  PORT="$FREE_PORT"
fi
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
}
trap cleanup EXIT INT TERM
# The fake Stripe of the tests (scripts/demo_stripe.py) on a free loopback port, unless a
# Stripe key is already configured: contributions by card then work in the demo.
if [ -z "${STRIPE_SECRET_KEY:-}" ]; then
  URL_FILE=$(mktemp -t semilla-stripe.XXXXXX)
  rm -f "$URL_FILE"
  WEBHOOK_HOST="$HOST"
  [ "$WEBHOOK_HOST" = "0.0.0.0" ] && WEBHOOK_HOST=127.0.0.1
  "$PY" scripts/demo_stripe.py "$URL_FILE" "http://$WEBHOOK_HOST:$PORT/stripe/webhook/" &
  PIDS+=($!)
  for _ in $(seq 1 100); do [ -s "$URL_FILE" ] && break; sleep 0.1; done
  if [ -s "$URL_FILE" ]; then
    export STRIPE_API_BASE="$(cat "$URL_FILE")"
    export STRIPE_SECRET_KEY=sk_test_semilla_demo
    export STRIPE_WEBHOOK_SECRET=whsec_semilla_demo
    echo "Fake Stripe (local, nothing is charged) on $STRIPE_API_BASE."
  else
    echo "The fake Stripe did not start: contributions by card are off in this run."
  fi
fi
"$PY" manage.py qcluster &
PIDS+=($!)
echo "Semilla is starting on http://$HOST:$PORT/es/ (Ctrl-C stops everything)."
"$PY" manage.py runserver "$HOST:$PORT"
