# Sourced by the broker scripts: every setting comes from the environment, so that a test can run a second,
# private broker (its own port and data dir) beside the shared one on 9092.
KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
# The controller listener: by default the broker port + 1 (9093 for the shared broker).
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_CACHE_DIR="${KAFKA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/crm-kafka}"
# The broker's jars, resolved from Maven Central once per version; outside the repository.
KAFKA_LIBS_DIR="$KAFKA_CACHE_DIR/$KAFKA_VERSION/libs"
# Logs, metadata and the pid file of one broker.
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$KAFKA_CACHE_DIR/data-$KAFKA_PORT}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"
KAFKA_START_TIMEOUT_S="${KAFKA_START_TIMEOUT_S:-90}"
KAFKA_INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

kafka_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

kafka_pid() {
  local pid
  pid="$(cat "$KAFKA_DATA_DIR/broker.pid" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

kafka_log() {
  echo "kafka[$KAFKA_PORT]: $*" >&2
}
