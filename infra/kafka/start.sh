#!/usr/bin/env bash
# Starts a single-node KRaft broker on 127.0.0.1:$KAFKA_PORT with its data in $KAFKA_DATA_DIR (see env.sh),
# formatting the storage on first use, and returns once the broker has started (or fails after the timeout).
# The broker runs detached (its own session): it outlives the shell and the test run that started it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if pid="$(kafka_pid)"; then
  kafka_log "already running (pid $pid)"
  exit 0
fi
if kafka_port_open "$KAFKA_PORT"; then
  kafka_log "port $KAFKA_PORT is taken by another process"
  exit 1
fi

bash "$KAFKA_INFRA_DIR/fetch.sh"
mkdir -p "$KAFKA_DATA_DIR"
config="$KAFKA_DATA_DIR/server.properties"
sed -e "s|@PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" -e "s|@DATA_DIR@|$KAFKA_DATA_DIR|g" \
  "$KAFKA_INFRA_DIR/server.properties.template" >"$config"

classpath="$KAFKA_LIBS_DIR/*"
java_opts=(-server $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
  "-Dlog4j2.configurationFile=$KAFKA_INFRA_DIR/log4j2.yaml" "-Dkafka.logs.dir=$KAFKA_DATA_DIR")

if [ ! -f "$KAFKA_DATA_DIR/log/meta.properties" ]; then
  cluster_id="$(java -cp "$classpath" "${java_opts[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
  java -cp "$classpath" "${java_opts[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" >"$KAFKA_DATA_DIR/format.out" 2>&1 \
    || { kafka_log "formatting the storage failed:"; cat "$KAFKA_DATA_DIR/format.out" >&2; exit 1; }
fi

: >"$KAFKA_DATA_DIR/broker.out"
setsid nohup java -cp "$classpath" "${java_opts[@]}" kafka.Kafka "$config" >>"$KAFKA_DATA_DIR/broker.out" 2>&1 </dev/null &
echo $! >"$KAFKA_DATA_DIR/broker.pid"

# Ready means the broker says it has started (its listeners are up and it has joined the quorum); an open port
# alone comes a moment earlier.
for _ in $(seq 1 $((KAFKA_START_TIMEOUT_S * 5))); do
  if ! kafka_pid >/dev/null; then
    kafka_log "the broker exited during start; last lines of $KAFKA_DATA_DIR/broker.out:"
    tail -20 "$KAFKA_DATA_DIR/broker.out" >&2
    exit 1
  fi
  if grep -q 'Kafka Server started' "$KAFKA_DATA_DIR/broker.out" && kafka_port_open "$KAFKA_PORT"; then
    kafka_log "started (pid $(kafka_pid), data in $KAFKA_DATA_DIR)"
    exit 0
  fi
  sleep 0.2
done
kafka_log "not ready within ${KAFKA_START_TIMEOUT_S} s; see $KAFKA_DATA_DIR/broker.out"
exit 1
