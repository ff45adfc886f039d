#!/usr/bin/env bash
# Runs the event store append benchmark from the repository root. The benchmark-only peers (Emmett and the
# sqlite3 native package it needs) live in test/bench/node_modules and are installed on first use.
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$bench_dir/../.." && pwd)"

if [ ! -f "$bench_dir/node_modules/sqlite3/build/Release/node_sqlite3.node" ] \
  || [ ! -d "$bench_dir/node_modules/@event-driven-io/emmett-sqlite" ]; then
  echo "Installing benchmark peers into test/bench/node_modules (sqlite3 builds from source, about a minute)..."
  (cd "$bench_dir" && npm ci --loglevel=warn)
fi

cd "$repo_root"
exec node -r ts-node/register/transpile-only -r tsconfig-paths/register test/bench/event-store-appends.bench.ts "$@"
