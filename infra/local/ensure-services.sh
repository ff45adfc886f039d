#!/usr/bin/env bash
# Makes sure the services the tests need are up: PostgreSQL on 127.0.0.1:5432 (ensure-postgres.sh), Redis on
# 127.0.0.1:6379 (nothing kept on disk), the Kafka broker on 127.0.0.1:9092 unless KAFKA_BROKERS names another
# one, and Debian's kcat (the tests read topics with it). Idempotent and quick when everything already answers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

ensure_kcat() {
  command -v kcat >/dev/null 2>&1 && return 0
  echo "ensure-services: installing Debian's kcat with apt-get" >&2
  apt-get install -y kcat >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y kcat >/dev/null 2>&1; } \
    || { echo "ensure-services: could not install kcat" >&2; return 1; }
}

# The shared broker stays up after the tests, like Redis; a private one for a test runs on another port.
ensure_kafka() {
  [ -n "${KAFKA_BROKERS:-}" ] && return 0
  KAFKA_PORT=9092 bash "$here/../kafka/ensure.sh"
}

ensure_kcat
ensure_kafka

bash "$(dirname "${BASH_SOURCE[0]}")/ensure-postgres.sh"

REDIS_HOST=127.0.0.1
REDIS_PORT="${REDIS_PORT:-6379}"

redis_answers() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]
  else
    # No client installed: speak the protocol over bash's /dev/tcp.
    exec 3<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT" 2>/dev/null || return 1
    printf 'PING\r\n' >&3
    local reply
    IFS= read -r -t 2 reply <&3 || true
    exec 3>&- 3<&-
    [[ "$reply" == "+PONG"* ]]
  fi
}

if redis_answers; then
  exit 0
fi

if ! command -v redis-server >/dev/null 2>&1; then
  echo "ensure-services: Redis is not running and redis-server is not installed; installing it with apt-get" >&2
  if ! { command -v apt-get >/dev/null 2>&1 && (apt-get install -y redis-server >/dev/null 2>&1 \
      || { apt-get update >/dev/null 2>&1 && apt-get install -y redis-server >/dev/null 2>&1; }); }; then
    echo "ensure-services: could not install redis-server; start Redis on $REDIS_HOST:$REDIS_PORT and retry" >&2
    exit 1
  fi
fi

redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --save '' --appendonly no >/dev/null

for _ in $(seq 1 50); do
  if redis_answers; then
    echo "ensure-services: started Redis on $REDIS_HOST:$REDIS_PORT" >&2
    exit 0
  fi
  sleep 0.1
done
echo "ensure-services: redis-server did not answer on $REDIS_HOST:$REDIS_PORT within 5 s" >&2
exit 1
