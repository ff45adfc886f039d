#!/usr/bin/env bash
# Makes sure PostgreSQL answers on 127.0.0.1:5432 for the event-store tests (trust auth, user postgres); each test
# file creates and drops a database of its own (crm_test_<random>). Quick when the server already answers; starts
# the machine's installed cluster when it is down. Installing and configuring a server is left to the machine.
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT="${PG_PORT:-5432}"

pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
  else
    (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
  fi
}

if pg_answers; then
  exit 0
fi

if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  for version in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
  done
  for _ in $(seq 1 100); do
    if pg_answers; then
      echo "ensure-postgres: started PostgreSQL on $PG_HOST:$PG_PORT" >&2
      exit 0
    fi
    sleep 0.1
  done
fi
echo "ensure-postgres: PostgreSQL does not answer on $PG_HOST:$PG_PORT; start it (trust auth for user postgres) and retry" >&2
exit 1
