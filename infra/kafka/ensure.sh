#!/usr/bin/env bash
# Starts the broker of $KAFKA_PORT (see env.sh) unless something already listens there. Quick when it runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
if kafka_port_open "$KAFKA_PORT"; then
  exit 0
fi
exec bash "$KAFKA_INFRA_DIR/start.sh"
