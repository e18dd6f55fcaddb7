#!/usr/bin/env bash
# Two builds of the proxy side by side: bench/versus.sh [--rounds N] [--clients N] [--seconds S] [--warmup S]
#                                      [--redis-b] DIR_A DIR_B
#
# Starts the proxy of each checkout (DIR/bin/voxgate-proxy, its jar as that checkout built it) on the same config, in
# front of one fake OpenAI (nginx with the echo module, answering POST /v1/audio/transcriptions at once having read
# the whole body), and loads both at the same time with wrk (bench/multipart.lua, 100 KiB, the same number of
# clients each). Each round prints both proxies' requests/s and CPU time per request (user + system from /proc over
# the round / requests answered) and the ratios A/B.
#
# Why side by side: on a shared two-core machine the load of other work moves one run of bench/run.sh by 30-40%
# against the next, so two builds measured one after the other differ by more than most changes do. Run at the same
# time, both proxies see the same machine, and the ratio of their throughputs holds within a few percent from round
# to round. Use it to say what a change costs or gains (e.g. a checkout with a feature taken out against one with
# it); bench/run.sh stays the reference for absolute figures and the targets.
#
# Options:   --rounds N   measured rounds after the warm-up (default 3)
#            --clients N  wrk connections per proxy (default 32: 64 in all, as run.sh's c64 case)
#            --seconds S  seconds per round (default 20)
#            --warmup S   seconds of the same load before the first round (default 60: the JIT settles in 20-60 s)
#            --redis-b    B shares its routing state in a local redis-server (started and stopped here), A keeps it
#                         in memory: with DIR_A = DIR_B, what Redis state costs
# Env:       BENCH_PORT_BASE (default 19000): the fake on +1, proxy A on +10, proxy B on +20, redis on +30
# Needs:     what bench/run.sh needs (wrk, nginx with the echo module, curl), and both jars built
#            (bin/mvn -q -pl proxy-server -am package -DskipTests in each checkout).
set -euo pipefail

ROUNDS=3; CLIENTS=32; SECONDS_PER_ROUND=20; WARMUP=60; REDIS_B=""
while [[ $# -gt 2 ]]; do
  case "$1" in
    --redis-b) REDIS_B=1; shift ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --seconds) SECONDS_PER_ROUND="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    *) echo "bench/versus.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
if [[ $# -ne 2 || "$1" == -h || "$1" == --help ]]; then
  sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
A=$(cd "$1" && pwd); B=$(cd "$2" && pwd)
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
for dir in "$A" "$B"; do
  [[ -f "$dir/proxy-server/target/voxgate-proxy.jar" ]] \
    || { echo "bench/versus.sh: no jar in $dir: bin/mvn -q -pl proxy-server -am package -DskipTests there" >&2; exit 1; }
done
# shellcheck source=bench/fake-upstream.sh
source "$ROOT/bench/fake-upstream.sh"
ECHO_MODULE=$(echo_module || true)
[[ -n "$ECHO_MODULE" ]] && command -v wrk >/dev/null && command -v curl >/dev/null \
  || { echo "bench/versus.sh: needs wrk, curl and nginx's echo module (bench/run.sh installs them as root)" >&2; exit 1; }

PORT_BASE=${BENCH_PORT_BASE:-19000}
UPSTREAM=$(( PORT_BASE + 1 )); PORT_A=$(( PORT_BASE + 10 )); PORT_B=$(( PORT_BASE + 20 )); REDIS_PORT=$(( PORT_BASE + 30 ))
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fake_upstream_conf "$WORK" "$ECHO_MODULE" "$UPSTREAM " >"$WORK/nginx.conf"
nginx -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
cat >"$WORK/config.yaml" <<CONF
model_list:
  - model_name: bench-instant
    litellm_params: {model: openai/whisper-1, api_base: "http://127.0.0.1:$UPSTREAM/v1", api_key: sk-upstream}
general_settings:
  master_key: sk-bench
CONF

if [[ -n "$REDIS_B" ]]; then
  command -v redis-server >/dev/null || { echo "bench/versus.sh: --redis-b needs redis-server" >&2; exit 1; }
  redis-server --port $REDIS_PORT --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  PIDS+=($!)
fi
start_proxy() { # dir port log [redis url] -> pid
  REDIS_URL="${4:-}" VOXGATE_QUIET_JDK=1 "$1/bin/voxgate-proxy" --config "$WORK/config.yaml" --host 127.0.0.1 --port "$2" >"$3" 2>&1 &
  echo $!
}
PROXY_A=$(start_proxy "$A" $PORT_A "$WORK/a.log"); PIDS+=("$PROXY_A")
PROXY_B=$(start_proxy "$B" $PORT_B "$WORK/b.log" "${REDIS_B:+redis://127.0.0.1:$REDIS_PORT}"); PIDS+=("$PROXY_B")
for port in $PORT_A $PORT_B; do
  for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/health/liveliness" && break; sleep 0.1; done
  curl -s -o /dev/null "http://127.0.0.1:$port/health/liveliness" \
    || { echo "bench/versus.sh: the proxy on $port did not start: $(cat "$WORK"/*.log)" >&2; exit 1; }
done

load() { # port seconds -> RESULT line
  BENCH_BYTES=102400 BENCH_MODEL=bench-instant wrk -t1 -c"$CLIENTS" -d"$2"s --timeout 30s \
    -s "$ROOT/bench/multipart.lua" "http://127.0.0.1:$1" | grep '^RESULT'
}
both() { # seconds: both loads at once, results in $WORK/a and $WORK/b
  load $PORT_A "$1" >"$WORK/a" & local a=$!
  load $PORT_B "$1" >"$WORK/b" & local b=$!
  wait $a $b
}
requests() { sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$1"; }

echo "voxgate versus: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $CLIENTS clients each, 100 KiB," \
  "${WARMUP}s warm-up, ${SECONDS_PER_ROUND}s rounds"
echo "A: $A ($(git -C "$A" log -1 --format=%h 2>/dev/null || echo ?)$(git -C "$A" diff --quiet 2>/dev/null || echo ', uncommitted changes'))"
echo "B: $B ($(git -C "$B" log -1 --format=%h 2>/dev/null || echo ?)$(git -C "$B" diff --quiet 2>/dev/null || echo ', uncommitted changes'))${REDIS_B:+, routing state in redis-server}"
both "$WARMUP"
printf '%-6s %9s %8s %8s %9s %8s %8s %10s %9s %9s\n' round 'A req/s' 'A p50' 'A cpu' 'B req/s' 'B p50' 'B cpu' \
  'A/B req/s' 'A/B cpu' 'B-A p50'
p50() { sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' "$1"; }
for round in $(seq 1 "$ROUNDS"); do
  a0=$(cpu_ticks "$PROXY_A"); b0=$(cpu_ticks "$PROXY_B")
  both "$SECONDS_PER_ROUND"
  a1=$(cpu_ticks "$PROXY_A"); b1=$(cpu_ticks "$PROXY_B")
  awk -v r="$round" -v s="$SECONDS_PER_ROUND" -v hz="$(getconf CLK_TCK)" -v na="$(requests "$WORK/a")" \
    -v nb="$(requests "$WORK/b")" -v a0="$a0" -v a1="$a1" -v b0="$b0" -v b1="$b1" -v pa="$(p50 "$WORK/a")" \
    -v pb="$(p50 "$WORK/b")" 'BEGIN {
      ca = (a1 - a0) / hz * 1e6 / na; cb = (b1 - b0) / hz * 1e6 / nb
      printf "%-6s %9.0f %8.3f %8.0f %9.0f %8.3f %8.0f %10.3f %9.3f %+9.3f\n", r, na / s, pa, ca, nb / s, pb, cb, na / nb, ca / cb, pb - pa }'
done
echo "req/s and p50 (ms) from wrk; cpu = the proxy's CPU time per request answered, in microseconds"
