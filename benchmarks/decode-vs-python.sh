#!/usr/bin/env bash
# decode-vs-python.sh: how fast `pylon decode` is on the captures users decode (thousands of lines, not millions),
# against python-pylontech on the same RS485 lines and against the CAN bus's own frame rate. Measured by hand, never
# in CI (no timing is asserted anywhere); the figures and the machine go in benchmarks/README.md.
#
# Usage: benchmarks/decode-vs-python.sh [PYTHON_PYLONTECH_DIR]
#   PYTHON_PYLONTECH_DIR  a checkout of https://github.com/Frankkkkk/python-pylontech (fetched by hand; nothing of it
#                         is in this repository). Without it the python-pylontech rows are skipped.
# Environment: PYLON   the launcher to time (default: the built distribution, samples/target/pylon-*/bin/pylon,
#                      built by ./pylon when missing); PYLON_OPTS is passed on to it as usual
#              RUNS    runs per input, the median is reported (default 7; python-pylontech: PY_RUNS, default 3)
#              PYTHON  the interpreter with python3-construct (default /usr/bin/python3, Debian's)
#              PY_COMMIT  the python-pylontech commit to name when the checkout has no .git (e.g. a git archive)
#              KEEP    a folder to keep the generated inputs in (default: a temporary one, removed at the end)
#
# Inputs, generated from the repository's real captures:
#   RS485: the frame lines of docs/captures/rs485-tomcat42-lowlevel-us2000b.txt (a US2000B-Plus: 0x4F, 0x51, 0x42,
#          0x47, 0x44, 0x92, 0x96 requests and replies; from its '~', without the capture's "->"/"<-" and timing
#          lines), repeated to 8,000 and 40,000 lines;
#   CAN:   the candump log of the Setfire Labs US5000 capture (samples/.../demo/us5000-setfirelabs.log), repeated
#          with advancing timestamps to 8,000 and 40,000 lines.
# Per line = (median time of 40,000 lines - median time of 8,000 lines) / 32,000: the slope, start-up cancelled.
# Start-up = the median time of a one-line file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python_repo="${1:-}"
runs="${RUNS:-7}"
py_runs="${PY_RUNS:-3}"
python="${PYTHON:-/usr/bin/python3}"

pylon="${PYLON:-}"
if [ -z "$pylon" ]; then
  "$root/pylon" --version >/dev/null # builds the distribution when it is missing or stale
  for d in "$root"/samples/target/pylon-*/bin/pylon; do pylon=$d; done
fi
[ -x "$pylon" ] || { echo "decode-vs-python: no launcher at '$pylon'" >&2; exit 1; }

if [ -n "${KEEP:-}" ]; then
  work=$KEEP
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

# --- inputs ---
rs485_source="$root/docs/captures/rs485-tomcat42-lowlevel-us2000b.txt"
can_source="$root/samples/src/main/resources/io/pylon4j/samples/demo/us5000-setfirelabs.log"
sed -n 's/^ *[-<>]* *\(~[0-9A-F]\{12,\}\) *$/\1/p' "$rs485_source" > "$work/rs485-frames.txt"
grep -v '^#' "$can_source" | sed -n 's/^([0-9.]*) \(.*\)$/\1/p' > "$work/can-frames.txt"

# repeat FRAMES N: the frame lines in turn until there are N
repeat_rs485() {
  awk -v n="$2" '{ f[NR] = $0 } END { for (i = 0; i < n; i++) print f[i % NR + 1] }' "$1"
}
# the candump log's frames in turn, one cycle a second, 10 ms apart within it, as the bank sends them
repeat_can() {
  awk -v n="$2" '{ f[NR] = $0 } END {
    for (i = 0; i < n; i++) printf "(%d.%06d) %s\n", 1700000000 + int(i / NR), (i % NR) * 10000, f[i % NR + 1]
  }' "$1"
}
for n in 1 8000 40000; do
  repeat_rs485 "$work/rs485-frames.txt" "$n" > "$work/rs485-$n.log"
  repeat_can "$work/can-frames.txt" "$n" > "$work/can-$n.log"
done

# --- timing ---
# median_ns RUNS COMMAND...: the median wall time and the median CPU time (user + system, all the process's threads)
# of RUNS runs, in nanoseconds, as "WALL CPU" (output to /dev/null). On a loaded machine the CPU time is the steadier
# figure; on an idle one the wall time is what a user waits.
median_ns() {
  local n=$1 i t0 t1 cpu
  shift
  for ((i = 0; i < n; i++)); do
    t0=$(date +%s%N)
    # a line that does not decode makes exit status 1; the time still counts
    cpu=$( { TIMEFORMAT='%3U %3S'; time "$@" >/dev/null 2>&1 || true; } 2>&1 )
    t1=$(date +%s%N)
    echo "$((t1 - t0)) $cpu"
  done | awk '{ w[NR] = $1; c[NR] = ($2 + $3) * 1e9 }
    END { for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) {
            if (w[j] < w[i]) { t = w[i]; w[i] = w[j]; w[j] = t }
            if (c[j] < c[i]) { t = c[i]; c[i] = c[j]; c[j] = t } }
          m = int((NR + 1) / 2); printf "%.0f %.0f\n", w[m], c[m] }'
}

wall() { echo "${1% *}"; }
cpu() { echo "${1#* }"; }
ms() { awk -v w="$(wall "$1")" -v c="$(cpu "$1")" 'BEGIN { printf "%.0f ms (%.0f)", w / 1e6, c / 1e6 }'; }
# slope A B: per line between 8,000 (A) and 40,000 (B) lines, in µs, wall (CPU)
per_line_us() {
  awk -v a="$(wall "$1")" -v b="$(wall "$2")" -v ca="$(cpu "$1")" -v cb="$(cpu "$2")" \
    'BEGIN { printf "%.2f (%.2f)", (b - a) / 32000 / 1000, (cb - ca) / 32000 / 1000 }'
}
per_second() {
  awk -v a="$(wall "$1")" -v b="$(wall "$2")" -v ca="$(cpu "$1")" -v cb="$(cpu "$2")" \
    'BEGIN { printf "%.0f (%.0f)", 32000 / ((b - a) / 1e9), 32000 / ((cb - ca) / 1e9) }'
}

echo "# decode-vs-python.sh, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# pylon: $pylon ($("$pylon" --version 2>/dev/null | head -1)), java: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
echo "# PYLON_OPTS: ${PYLON_OPTS:-(none)}; $runs runs per figure, median"
"$pylon" decode "$work/rs485-1.log" >/dev/null 2>&1 || true # a first run may create the class-data archive

declare -A t
for bus in rs485 can; do
  for n in 1 8000 40000; do
    t[$bus-$n]=$(median_ns "$runs" "$pylon" decode "$work/$bus-$n.log")
  done
done
t[version]=$(median_ns "$runs" "$pylon" --version)

echo "# times: wall (CPU, all threads); per line = the slope between 8,000 and 40,000 lines"
printf '\n| what | 1 line | 8,000 lines | 40,000 lines | per line (slope) | lines/s (slope) |\n|---|---:|---:|---:|---:|---:|\n'
for bus in rs485 can; do
  printf '| `pylon decode`, %s | %s | %s | %s | %s µs | %s |\n' "$bus" "$(ms "${t[$bus-1]}")" "$(ms "${t[$bus-8000]}")" \
    "$(ms "${t[$bus-40000]}")" "$(per_line_us "${t[$bus-8000]}" "${t[$bus-40000]}")" \
    "$(per_second "${t[$bus-8000]}" "${t[$bus-40000]}")"
done
printf '| `pylon --version` | %s | | | | |\n' "$(ms "${t[version]}")"
echo
awk -v a="$(wall "${t[can-8000]}")" -v b="$(wall "${t[can-40000]}")" -v ca="$(cpu "${t[can-8000]}")" \
  -v cb="$(cpu "${t[can-40000]}")" 'BEGIN { printf "CAN: %.0fx (CPU: %.0fx) the 500 kbit/s bus limit of 4,400 frames/s (target >= 100x)\n",
    32000 / ((b - a) / 1e9) / 4400, 32000 / ((cb - ca) / 1e9) / 4400 }'

if [ -z "$python_repo" ]; then
  echo "python-pylontech: skipped (give the path of a python-pylontech checkout as the first argument to compare)"
  exit 0
fi
if ! "$python" -c 'import construct' 2>/dev/null; then
  echo "python-pylontech: skipped ($python has no construct module: apt-get install python3-construct)"
  exit 0
fi
driver="$root/benchmarks/python_pylontech_decode.py"
"$python" "$driver" "$python_repo" "$work/rs485-8000.log" # its counts, once, on standard error
for n in 1 8000 40000; do
  t[py-$n]=$(median_ns "$py_runs" "$python" "$driver" "$python_repo" "$work/rs485-$n.log")
done
printf '| python-pylontech (%s), rs485 | %s | %s | %s | %s µs | %s |\n' \
  "${PY_COMMIT:-$(git -C "$python_repo" rev-parse --short HEAD 2>/dev/null || echo 'commit unknown')}" "$(ms "${t[py-1]}")" \
  "$(ms "${t[py-8000]}")" "$(ms "${t[py-40000]}")" "$(per_line_us "${t[py-8000]}" "${t[py-40000]}")" \
  "$(per_second "${t[py-8000]}" "${t[py-40000]}")"
awk -v p8="$(wall "${t[rs485-8000]}")" -v p40="$(wall "${t[rs485-40000]}")" -v y8="$(wall "${t[py-8000]}")" \
  -v y40="$(wall "${t[py-40000]}")" -v c8="$(cpu "${t[rs485-8000]}")" -v c40="$(cpu "${t[rs485-40000]}")" \
  -v z8="$(cpu "${t[py-8000]}")" -v z40="$(cpu "${t[py-40000]}")" \
  'BEGIN { printf "RS485: pylon decode is %.1fx (CPU: %.1fx) python-pylontech per line (target >= 50x)\n",
    (y40 - y8) / (p40 - p8), (z40 - z8) / (c40 - c8) }'
