#!/usr/bin/env bash
# Stops the broker of $KAFKA_PORT / $KAFKA_DATA_DIR (see env.sh) cleanly: SIGTERM, then waits for it to exit
# (a controlled shutdown takes a few seconds); SIGKILL only if it has not exited after the timeout.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
timeout_s="${KAFKA_STOP_TIMEOUT_S:-30}"

pid="$(kafka_pid)" || { kafka_log "not running"; rm -f "$KAFKA_DATA_DIR/broker.pid"; exit 0; }
kill -TERM "$pid"
for _ in $(seq 1 $((timeout_s * 10))); do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$KAFKA_DATA_DIR/broker.pid"
    kafka_log "stopped"
    exit 0
  fi
  sleep 0.1
done
kafka_log "did not stop within ${timeout_s} s; killing it"
kill -KILL "$pid" 2>/dev/null || true
rm -f "$KAFKA_DATA_DIR/broker.pid"
