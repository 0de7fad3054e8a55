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
#              RUNS    rounds: each input runs once a round, the rounds interleaved and shuffled; each input's median
#                      time, and each slope and ratio with a 95 % bootstrap interval (default 21; python-pylontech's
#                      inputs take part in PY_RUNS of them, spread evenly, default all)
#              PYLON_BASE  a second launcher timed in the same rounds (e.g. a build of the previous commit), its rows
#                      prefixed "base"; PYLON_BASE_OPTS is its PYLON_OPTS. A/B on the same load, side by side
#              SEED    the seed of the rounds' shuffled order (default 1)
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
# Per line = (time of 40,000 lines - time of 8,000 lines) / 32,000, the two run back to back in each round, the
# rounds' differences summarised by their Hodges-Lehmann estimate: the slope, start-up cancelled;
# wall and CPU (user + system of all the process's threads, from wait4). Start-up = the median time of a one-line
# file. Needs python3 (the timing and statistics, benchmarks/decode_timing.py) besides the launcher.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python_repo="${1:-}"
runs="${RUNS:-21}"
py_runs="${PY_RUNS:-$runs}"
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
# Every command below runs once a round, the rounds interleaved and shuffled (decode_timing.py): pylon's three RS485
# and three CAN inputs, `pylon --version`, the base launcher's if PYLON_BASE is set, and python-pylontech's three
# RS485 inputs; the 8,000- and 40,000-line runs of one program and bus back to back (a group), so that each round
# gives a difference of two runs under the same load. Each time is a median over the rounds; each slope the
# Hodges-Lehmann estimate of the rounds' differences, with a 95 % bootstrap interval, and so each ratio.
timing="$root/benchmarks/decode_timing.py"
samples="$work/samples.tsv"
: > "$samples"
specs=()
add_launcher() { # PREFIX LAUNCHER OPTS
  local n
  for bus in rs485 can; do
    for n in 1 8000 40000; do
      specs+=("$1$bus-$n@$1$bus-$((n > 1))=env PYLON_OPTS=$(printf %q "$3") $(printf %q "$2") decode $(printf %q "$work/$bus-$n.log")")
    done
  done
  specs+=("${1}version=env PYLON_OPTS=$(printf %q "$3") $(printf %q "$2") --version")
}
add_launcher "" "$pylon" "${PYLON_OPTS:-}"
if [ -n "${PYLON_BASE:-}" ]; then
  [ -x "$PYLON_BASE" ] || { echo "decode-vs-python: no launcher at PYLON_BASE='$PYLON_BASE'" >&2; exit 1; }
  add_launcher "base-" "$PYLON_BASE" "${PYLON_BASE_OPTS:-}"
fi
driver="$root/benchmarks/python_pylontech_decode.py"
with_python=
if [ -z "$python_repo" ]; then
  python_note="python-pylontech: skipped (give the path of a python-pylontech checkout as the first argument to compare)"
elif ! "$python" -c 'import construct' 2>/dev/null; then
  python_note="python-pylontech: skipped ($python has no construct module: apt-get install python3-construct)"
else
  with_python=1
  "$python" "$driver" "$python_repo" "$work/rs485-8000.log" # its counts, once, on standard error
  every=$(((runs + py_runs - 1) / py_runs))
  for n in 1 8000 40000; do
    specs+=("py-$n%$every@py-$((n > 1))=$(printf '%q ' "$python" "$driver" "$python_repo" "$work/rs485-$n.log")")
  done
fi

echo "# decode-vs-python.sh, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg) before"
echo "# pylon: $pylon ($("$pylon" --version 2>/dev/null | head -1)), java: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
echo "# PYLON_OPTS: ${PYLON_OPTS:-(none)}${PYLON_BASE:+; base: $PYLON_BASE, PYLON_BASE_OPTS: ${PYLON_BASE_OPTS:-(none)}}"
"$pylon" decode "$work/rs485-1.log" >/dev/null 2>&1 || true # a first run warms the page cache
"$python" "$timing" run "$samples" "$runs" "${SEED:-1}" "${specs[@]}"
echo "# $runs interleaved rounds${with_python:+ (python-pylontech: $(((runs + every - 1) / every)))}, load average $(cut -d' ' -f1-3 /proc/loadavg) after"

report=()
for prefix in "" ${PYLON_BASE:+base-}; do
  for bus in rs485 can; do
    report+=(slope "$prefix$bus" "$prefix$bus-8000" "$prefix$bus-40000" 32000)
  done
done
if [ -n "$with_python" ]; then
  report+=(slope py py-8000 py-40000 32000 ratio vs-python py rs485)
  [ -n "${PYLON_BASE:-}" ] && report+=(ratio base-vs-python py base-rs485)
fi
"$python" "$timing" report "$samples" "${report[@]}" > "$work/report.tsv"

# the report's rows as Markdown: times in ms, slopes in µs, each "wall (CPU)"
get() { awk -F'\t' -v k="$1" -v l="$2" -v c="$3" -v f="$4" '$1 == k && $2 == l && $3 == c { print $f }' "$work/report.tsv"; }
ms() { printf '%.0f ms (%.0f)' "$(awk -v v="$(get time "$1" wall 5)" 'BEGIN { print v / 1e6 }')" \
  "$(awk -v v="$(get time "$1" cpu 5)" 'BEGIN { print v / 1e6 }')"; }
# µs a line, with the 95 % interval: "1.02 [0.95–1.10] (CPU 1.20 [1.10–1.31])"
us() { awk -v w="$(get slope "$1" wall 4)" -v wl="$(get slope "$1" wall 5)" -v wh="$(get slope "$1" wall 6)" \
  -v c="$(get slope "$1" cpu 4)" -v cl="$(get slope "$1" cpu 5)" -v ch="$(get slope "$1" cpu 6)" \
  'BEGIN { printf "%.2f [%.2f–%.2f] (CPU %.2f [%.2f–%.2f])", w / 1e3, wl / 1e3, wh / 1e3, c / 1e3, cl / 1e3, ch / 1e3 }'; }
times() { awk -v w="$(get slope "$1" wall 4)" -v m="$2" 'BEGIN { printf "%.0f", 32000 / (w * 32000 / 1e9) / m }'; }
ratio() { awk -v w="$(get ratio "$1" wall 4)" -v wl="$(get ratio "$1" wall 5)" -v wh="$(get ratio "$1" wall 6)" \
  -v c="$(get ratio "$1" cpu 4)" -v cl="$(get ratio "$1" cpu 5)" -v ch="$(get ratio "$1" cpu 6)" \
  'BEGIN { printf "%.1fx [%.1f–%.1f] (CPU: %.1fx [%.1f–%.1f])", w, wl, wh, c, cl, ch }'; }

echo "# times: median wall (CPU, all threads); per line = the slope between 8,000 and 40,000 lines (Hodges-Lehmann"
echo "# estimate of the rounds' differences), with its 95 % bootstrap interval over the rounds"
printf '\n| what | 1 line | 8,000 lines | 40,000 lines | per line (slope), µs [95 %% interval] |\n|---|---:|---:|---:|---:|\n'
for prefix in "" ${PYLON_BASE:+base-}; do
  for bus in rs485 can; do
    printf '| `%spylon decode`, %s | %s | %s | %s | %s |\n' "${prefix:+base }" "$bus" "$(ms "$prefix$bus-1")" \
      "$(ms "$prefix$bus-8000")" "$(ms "$prefix$bus-40000")" "$(us "$prefix$bus")"
  done
  printf '| `%spylon --version` | %s | | | |\n' "${prefix:+base }" "$(ms "${prefix}version")"
done
if [ -n "$with_python" ]; then
  printf '| python-pylontech (%s), rs485 | %s | %s | %s | %s |\n' \
    "${PY_COMMIT:-$(git -C "$python_repo" rev-parse --short HEAD 2>/dev/null || echo 'commit unknown')}" \
    "$(ms py-1)" "$(ms py-8000)" "$(ms py-40000)" "$(us py)"
fi
echo
echo "spread of each input's runs, ms: median [quartiles] {min–max}, wall / CPU"
awk -F'\t' '$1 == "time" { printf "  %-18s %-4s %7.1f [%7.1f %7.1f] {%7.1f %7.1f}\n", $2, $3, $5 / 1e6, $6 / 1e6, $7 / 1e6, $8 / 1e6, $9 / 1e6 }' \
  "$work/report.tsv"
echo
echo "CAN: $(times can 4400)x the 500 kbit/s bus limit of 4,400 frames/s by wall (target >= 100x)"
if [ -z "$with_python" ]; then
  echo "$python_note"
  exit 0
fi
echo "RS485: pylon decode is $(ratio vs-python) python-pylontech per line (target >= 50x)"
if [ -n "${PYLON_BASE:-}" ]; then
  echo "RS485, base: $(ratio base-vs-python) python-pylontech per line"
fi
