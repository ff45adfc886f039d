#!/usr/bin/env bash
# Runs a benchmark from the repository root: appends (default), durability, postgres, http, projection-rebuild,
# projection-lag, kafka-relay, kafka-relay-phases, nurture-saga, due-claims, or all. The benchmark-only peers (Emmett for SQLite and
# PostgreSQL, and the sqlite3 native package it needs) live in test/bench/node_modules and are installed on first use
# of the appends or postgres benchmark.
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$bench_dir/../.." && pwd)"
which="${1:-appends}"
[ $# -gt 0 ] && shift

run() {
  (cd "$repo_root" && node -r ts-node/register/transpile-only -r tsconfig-paths/register "test/bench/$1" "${@:2}")
}

ensure_peers() {
  if [ ! -f "$bench_dir/node_modules/sqlite3/build/Release/node_sqlite3.node" ] \
    || [ ! -d "$bench_dir/node_modules/@event-driven-io/emmett-sqlite" ] \
    || [ ! -d "$bench_dir/node_modules/@event-driven-io/emmett-postgresql" ]; then
    echo "Installing benchmark peers into test/bench/node_modules (sqlite3 builds from source, about a minute)..."
    (cd "$bench_dir" && npm ci --loglevel=warn)
  fi
}

case "$which" in
  appends) ensure_peers; run event-store-appends.bench.ts "$@" ;;
  durability) run event-store-durability.bench.ts "$@" ;;
  postgres) ensure_peers; run postgres-appends.bench.ts "$@" ;;
  http) run http-commands.bench.ts "$@" ;;
  projection-rebuild) run projection-rebuild.bench.ts "$@" ;;
  projection-lag) run projection-lag.bench.ts "$@" ;;
  kafka-relay) bash "$repo_root/infra/local/ensure-services.sh"; run kafka-relay.bench.ts "$@" ;;
  kafka-relay-phases) bash "$repo_root/infra/local/ensure-services.sh"; run kafka-relay-phases.bench.ts "$@" ;;
  nurture-saga) run nurture-saga.bench.ts "$@" ;;
  due-claims) run due-claims.bench.ts "$@" ;;
  all)
    ensure_peers
    run event-store-appends.bench.ts
    run event-store-durability.bench.ts
    run postgres-appends.bench.ts
    run http-commands.bench.ts
    run projection-lag.bench.ts
    run projection-rebuild.bench.ts
    bash "$repo_root/infra/local/ensure-services.sh"
    run kafka-relay.bench.ts
    run nurture-saga.bench.ts
    run due-claims.bench.ts
    ;;
  *) echo "usage: bash test/bench/run.sh [appends|durability|postgres|http|projection-rebuild|projection-lag|kafka-relay|kafka-relay-phases|nurture-saga|due-claims|all] [args...]" >&2; exit 2 ;;
esac
