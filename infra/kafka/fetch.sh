#!/usr/bin/env bash
# Resolves the broker's runtime jars from Maven Central into $KAFKA_LIBS_DIR (once per version), installing a JRE
# and Maven with apt-get when they are missing. Safe to run concurrently: one fetch per machine at a time.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

[ -f "$KAFKA_LIBS_DIR/.complete" ] && exit 0

if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  kafka_log "java or mvn missing; installing default-jre-headless and maven with apt-get"
  apt-get install -y default-jre-headless maven >/dev/null 2>&1 \
    || { apt-get update >/dev/null 2>&1 && apt-get install -y default-jre-headless maven >/dev/null 2>&1; } \
    || { kafka_log "could not install java/maven"; exit 1; }
fi

mkdir -p "$KAFKA_CACHE_DIR"
exec 9>"$KAFKA_CACHE_DIR/.fetch.lock"
flock 9
[ -f "$KAFKA_LIBS_DIR/.complete" ] && exit 0

kafka_log "resolving org.apache.kafka:kafka_2.13:$KAFKA_VERSION from Maven Central into $KAFKA_LIBS_DIR"
staging="$KAFKA_LIBS_DIR.partial"
rm -rf "$staging"
mvn -q -B -Dstyle.color=never -f "$KAFKA_INFRA_DIR/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$staging" >&2
touch "$staging/.complete"
rm -rf "$KAFKA_LIBS_DIR"
mv "$staging" "$KAFKA_LIBS_DIR"
