#!/usr/bin/env bash
# Runs the SocketCAN integration tests (transport-socketcan's *IT classes) in one plain JVM, where vcan exists:
#
#   ./mvnw -B -pl transport/transport-socketcan -am verify      # on the host: build, unit tests, class path file
#   scripts/socketcan-vm-test.sh scripts/socketcan-it.sh         # boot the VM and run them there
#
# Arguments: test classes to run (default: all of them). Exits non-zero when a test fails or is skipped.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)/transport/transport-socketcan"
cd "$module"
if [ ! -s target/test-classpath.txt ] || [ ! -d target/test-classes ]; then
  echo "socketcan-it: build first: ./mvnw -B -pl transport/transport-socketcan -am verify" >&2
  exit 2
fi
[ $# -gt 0 ] || set -- SocketCanContractIT SocketCanVcanIT SocketCanThroughputIT PylonDumpIT GatewayVcanIT
java_bin=java
if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; fi
exec "$java_bin" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.pylon4j.transport.socketcan.VmTestMain "$@"
