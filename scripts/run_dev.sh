#!/usr/bin/env bash
# Start the web server and the django-q2 task cluster together; Ctrl-C stops both.
set -u
PY="$1"; HOST="$2"; PORT="$3"
"$PY" manage.py qcluster &
QPID=$!
cleanup() {
  kill -TERM "$QPID" 2>/dev/null
  wait "$QPID" 2>/dev/null
}
trap cleanup EXIT INT TERM
echo "Semilla is starting on http://$HOST:$PORT/es/ (task cluster pid $QPID). Ctrl-C stops both."
"$PY" manage.py runserver "$HOST:$PORT"
