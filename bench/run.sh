#!/usr/bin/env bash
# The proxy benchmark: bench/run.sh [--quick] [--only CASE]
#
# Starts a fake OpenAI on loopback (nginx, answering POST /v1/audio/transcriptions with {"text":...} at once, after
# 200 ms or after 2 s, having read the whole body), the proxy on a config pointing at it, and drives wrk with a real
# multipart body (bench/multipart.lua). For each case it runs the load direct to nginx, through nginx as a plain
# reverse proxy (the reference: the floor of an HTTP proxy on this machine) and through the proxy, in this one run,
# and prints requests/s, p50/p99 latency, errors (socket errors + HTTP >= 400), the proxy's peak resident memory and
# the CPU time nginx and the proxy spent per request (user + system over the measured run / requests answered), with
# the ratios to direct. The CPU per request barely moves when the machine is busy (wrk, nginx and the proxy share its
# cores, so each run's throughput depends on how the scheduler splits them), so it is the figure to compare two builds
# by. The proxy is restarted for every case, so its peak (VmHWM from /proc) covers
# that case only: its warm-up and its measured run.
# Case "start": process start (bin/voxgate-proxy run) to /health/readiness answering 200, the median of several
# starts, on the default config (the offline engine, group "local") and on a cloud config (OpenAI, Groq and Deepgram
# deployments with keys from the environment, on loopback), beside the target (0.6 s).
#
# Options:   --quick        5 s per run instead of 15 s (a smoke test; the figures are noisier)
#            --only NAME    run only the cases whose name contains NAME (e.g. --only c64)
#            --redis        also run each case through the proxy sharing its routing state in a local redis-server
#                           (a row "proxy+redis" and its ratio to the in-memory proxy, in the same run)
# Env:       PROXY_JVM_OPTS overrides the proxy's JVM flags (default: bin/voxgate-proxy's, which starts it)
#            BENCH_DURATION / BENCH_WARMUP override the seconds per measured run / warm-up
#            BENCH_PORT_BASE (default 18080): the loopback ports are this + 1..3 (fake upstreams), + 11..13 (nginx),
#                           + 10 (proxy) and + 299 (redis), so two runs on one machine need not collide
#            BENCH_HOOK     a command (bash -c) started with each measured proxy run, PROXY_PID and PROXY_STATE
#                           (memory, or redis for the --redis run) set: e.g.
#                           'sleep 8; jcmd $PROXY_PID VM.native_memory summary > /tmp/nmt' (the proxy is started
#                           with PROXY_JVM_OPTS, so add -XX:NativeMemoryTracking=summary there)
#            BENCH_STARTS overrides the number of starts per config of case "start" (default 7; --quick 3)
# Needs:     wrk, nginx with the echo module, curl, a JDK 21+ (bin/jdk21 finds it). As root the script installs the
#            Debian packages itself (apt-get install -y wrk nginx-light libnginx-mod-http-echo curl); otherwise it
#            says what to install. Loopback only (127.0.0.1); everything it starts is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DURATION=${BENCH_DURATION:-15}
# The JIT needs about 20 s of this load before the proxy's throughput settles (measured: c64 100 KiB gave 1.5k req/s
# after a 4 s warm-up, 3.5k after 20 s); a gateway runs for days, so the figures are taken after 30 s.
WARMUP=${BENCH_WARMUP:-30}
STARTS=${BENCH_STARTS:-7}
# The start target of issue 22: process start to readiness 200.
START_TARGET_S=0.6
ONLY=""
REDIS=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) DURATION=${BENCH_DURATION:-5}; WARMUP=${BENCH_WARMUP:-10}; STARTS=${BENCH_STARTS:-3}; shift ;;
    --only) ONLY="$2"; shift 2 ;;
    --redis) REDIS=1; shift ;;
    -h|--help) sed -n '2,33p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

# The proxy runs with bin/voxgate-proxy's JVM flags, as an operator would run it, unless PROXY_JVM_OPTS says otherwise.
PROXY_JVM_OPTS=${PROXY_JVM_OPTS:-}

PORT_BASE=${BENCH_PORT_BASE:-18080}
NGINX_PORT_INSTANT=$(( PORT_BASE + 1 )); NGINX_PORT_200MS=$(( PORT_BASE + 2 )); NGINX_PORT_2S=$(( PORT_BASE + 3 ))
PROXY_PORT=$(( PORT_BASE + 10 )); REDIS_PORT=$(( PORT_BASE + 299 ))
# nginx as a plain reverse proxy in front of the same upstream, port = upstream port + 10: the floor of an HTTP proxy
# on this machine, measured in the same run.
FLOOR_OFFSET=10

# ---- tools -------------------------------------------------------------------------------------------------------
# shellcheck source=bench/fake-upstream.sh
source "$ROOT/bench/fake-upstream.sh"
need_install=()
command -v wrk >/dev/null || need_install+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need_install+=(nginx-light)
echo_module >/dev/null || need_install+=(libnginx-mod-http-echo)
command -v curl >/dev/null || need_install+=(curl)
[[ -n "$REDIS" ]] && { command -v redis-server >/dev/null || need_install+=(redis-server); }
if [[ ${#need_install[@]} -gt 0 ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing ${need_install[*]} ..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_install[@]}" >/dev/null
  else
    echo "bench/run.sh needs: apt-get install -y wrk nginx-light libnginx-mod-http-echo curl" >&2
    exit 1
  fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
ECHO_MODULE=$(echo_module)
VOXGATE_QUIET_JDK=1 source "$ROOT/bin/jdk21"   # sets JAVA_HOME to a JDK 21+
JAVA="$JAVA_HOME/bin/java"

# 2,000 clients mean 2,000 sockets into the proxy and 2,000 out of it.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ $(ulimit -n) -lt 8192 ]]; then
  echo "warning: ulimit -n is $(ulimit -n); the 2,000-client case needs about 4,500 descriptors" >&2
fi

JAR="$ROOT/proxy-server/target/voxgate-proxy.jar"
if [[ ! -f "$JAR" ]] || [[ -n "$(find "$ROOT" -path '*/src/main/*' -newer "$JAR" -print -quit)" ]]; then
  echo "building the proxy jar ..."
  if ! build_log=$(cd "$ROOT" && VOXGATE_QUIET_JDK=1 bin/mvn -q -DskipTests package 2>&1); then
    echo "$build_log" >&2
    exit 1
  fi
fi

WORK=$(mktemp -d /tmp/voxgate-bench.XXXXXX)
chmod 755 "$WORK"
NGINX_PID=""; FLOOR_PID=""; PROXY_PID=""; REDIS_PID=""
cleanup() {
  [[ -n "$PROXY_PID" ]] && kill "$PROXY_PID" 2>/dev/null && wait "$PROXY_PID" 2>/dev/null
  [[ -n "$REDIS_PID" ]] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
  [[ -n "$FLOOR_PID" ]] && kill "$FLOOR_PID" 2>/dev/null && wait "$FLOOR_PID" 2>/dev/null
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the fake upstream ---------------------------------------------------------------------------------------------
fake_upstream_conf "$WORK" "$ECHO_MODULE" "$NGINX_PORT_INSTANT " "$NGINX_PORT_200MS echo_sleep 0.2;" \
  "$NGINX_PORT_2S echo_sleep 2;" >"$WORK/nginx.conf"
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!

# The reference reverse proxy: its own nginx process (one worker, as the proxy under test is one process), keep-alive
# connections to the upstream, the request body read whole before it is passed on (as the proxy must, to retry).
floor_server() { # upstream port
  cat <<EOF
  upstream up$1 { server 127.0.0.1:$1; keepalive 1024; }
  server {
    listen 127.0.0.1:$(( $1 + FLOOR_OFFSET )) backlog=4096;
    location / {
      proxy_pass http://up$1;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_request_buffering on;
      proxy_read_timeout 30s;
    }
  }
EOF
}
mkdir -p "$WORK/floor"
cat >"$WORK/floor/nginx.conf" <<EOF
worker_processes 1;
worker_rlimit_nofile 20000;
pid $WORK/floor/nginx.pid;
error_log $WORK/floor/nginx-error.log error;
events { worker_connections 8192; multi_accept on; }
http {
  access_log off;
  client_body_temp_path $WORK/floor/body;
  proxy_temp_path $WORK/floor/proxy;
  client_max_body_size 32m;
  client_body_buffer_size 2m;
  keepalive_requests 10000000;
  keepalive_timeout 300s;
$(floor_server $NGINX_PORT_INSTANT)
$(floor_server $NGINX_PORT_200MS)
$(floor_server $NGINX_PORT_2S)
}
EOF
"$NGINX" -p "$WORK/floor" -c "$WORK/floor/nginx.conf" -g 'daemon off;' &
FLOOR_PID=$!

cat >"$WORK/config.yaml" <<EOF
model_list:
  - model_name: bench-instant
    litellm_params: {model: openai/whisper-1, api_base: "http://127.0.0.1:$NGINX_PORT_INSTANT/v1", api_key: sk-upstream}
  - model_name: bench-200ms
    litellm_params: {model: openai/whisper-1, api_base: "http://127.0.0.1:$NGINX_PORT_200MS/v1", api_key: sk-upstream}
  - model_name: bench-2s
    litellm_params: {model: openai/whisper-1, api_base: "http://127.0.0.1:$NGINX_PORT_2S/v1", api_key: sk-upstream}
general_settings:
  master_key: sk-bench
EOF

# The start case's cloud config: three vendors' deployments, keys from the environment, api_base on loopback.
cat >"$WORK/cloud.yaml" <<EOF
model_list:
  - model_name: whisper
    litellm_params: {model: openai/whisper-1, api_base: "http://127.0.0.1:$NGINX_PORT_INSTANT/v1", api_key: os.environ/OPENAI_API_KEY}
  - model_name: whisper
    litellm_params: {model: groq/whisper-large-v3, api_base: "http://127.0.0.1:$NGINX_PORT_INSTANT/v1", api_key: os.environ/GROQ_API_KEY}
  - model_name: nova
    litellm_params: {model: deepgram/nova-3, api_base: "http://127.0.0.1:$NGINX_PORT_INSTANT", api_key: os.environ/DEEPGRAM_API_KEY}
router_settings: {fallbacks: [{whisper: [nova]}]}
general_settings:
  master_key: sk-bench
EOF

wait_http() { # url
  # 60 s: on a machine loaded by other builds and benchmarks (load 10 on two cores) the proxy took more than 15 s.
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "bench/run.sh: nothing answers at $1" >&2
  return 1
}
wait_http "http://127.0.0.1:$NGINX_PORT_INSTANT/"
wait_http "http://127.0.0.1:$(( NGINX_PORT_INSTANT + FLOOR_OFFSET ))/"

if [[ -n "$REDIS" ]]; then
  redis-server --port $REDIS_PORT --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
fi

start_proxy() { # [redis]: share the routing state through the local redis-server
  local shared=""
  [[ "${1:-}" == redis ]] && shared="redis://127.0.0.1:$REDIS_PORT"
  # shellcheck disable=SC2086
  REDIS_URL="$shared" VOXGATE_QUIET_JDK=1 VOXGATE_JAVA_OPTS="$PROXY_JVM_OPTS" "$ROOT/bin/voxgate-proxy" \
    --config "$WORK/config.yaml" --host 127.0.0.1 --port $PROXY_PORT \
    >"$WORK/proxy.log" 2>&1 &
  PROXY_PID=$!
  wait_http "http://127.0.0.1:$PROXY_PORT/health/liveliness"
}
stop_proxy() {
  kill "$PROXY_PID" 2>/dev/null || true
  wait "$PROXY_PID" 2>/dev/null || true
  PROXY_PID=""
}
peak_rss_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$PROXY_PID/status"; }
# cpu_per_request ticks_before ticks_after RESULT -> microseconds of CPU per request answered in that run
cpu_per_request() {
  awk -v b="$1" -v a="$2" -v n="$(field requests "$3")" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (n > 0) printf "%.0f", (a - b) / hz * 1e6 / n; else print "-" }'
}

# run_wrk port model bytes connections seconds -> the RESULT line
run_wrk() {
  local threads=2
  [[ $4 -lt 2 ]] && threads=1
  BENCH_BYTES=$3 BENCH_MODEL=$2 wrk -t"$threads" -c"$4" -d"$5"s --timeout 30s -s "$ROOT/bench/multipart.lua" \
    "http://127.0.0.1:$1" | grep '^RESULT'
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# One real call through the proxy first: the path under test must answer the transcript, not an error.
start_proxy
# The launcher execs the JVM: its command line shows the flags the proxy really runs with.
proxy_jvm=$(tr '\0' ' ' <"/proc/$PROXY_PID/cmdline" | sed 's/^[^ ]*java \(.*\) -jar .*/\1/')
printf 'RIFF\044\000\000\000WAVEfmt ' >"$WORK/probe.wav"   # a WAV signature: the proxy refuses non-audio
probe=$(curl -s -H 'Authorization: Bearer sk-bench' -F file=@"$WORK/probe.wav" -F model=bench-instant \
  "http://127.0.0.1:$PROXY_PORT/v1/audio/transcriptions")
stop_proxy
if [[ "$probe" != *"Four score"* ]]; then
  echo "bench/run.sh: the proxy did not answer the transcript: $probe" >&2
  exit 1
fi

# ---- targets -------------------------------------------------------------------------------------------------------
# The performance targets (issue "Performance II"), each printed under its case with the figure of this run.
# verdict description value op limit -> "target  <description>: <value> met|missed"
verdict() {
  local met
  met=$(awk -v v="$2" -v l="$4" -v op="$3" 'BEGIN { print ((op == ">=" ? v >= l : v <= l) ? "met" : "missed") }')
  printf '%-20s %-6s %s: %s %s\n' "" target "$1" "$2" "$met"
}
# target_line case direct nginx proxy peak_mb
target_line() {
  local ratio
  case "$1" in
    100KiB-c1-instant)
      verdict "added p50 at most 0.2 ms" \
        "$(awk -v d="$(field p50_ms "$2")" -v p="$(field p50_ms "$4")" 'BEGIN { printf "%.3f", p - d }')" "<=" 0.2 ;;
    100KiB-c64-instant)
      verdict "at least 0.6 of nginx's throughput" \
        "$(awk -v n="$(field rps "$3")" -v p="$(field rps "$4")" 'BEGIN { printf "%.2f", p / n }')" ">=" 0.6 ;;
    1MiB-c64-instant)
      verdict "peak RSS at most 250 MB" "$5" "<=" 250 ;;
    100KiB-c2000-2s)
      ratio=$(awk -v d="$(field rps "$2")" -v p="$(field rps "$4")" 'BEGIN { printf "%.3f", p / d }')
      verdict "at least 0.99 of direct" "$ratio" ">=" 0.99
      verdict "errors: none" "$(field errors "$4")" "<=" 0
      verdict "peak RSS at most 450 MB" "$5" "<=" 450 ;;
  esac
}

# ---- cases ---------------------------------------------------------------------------------------------------------
#          name                    upstream port        model          bytes    clients
CASES=(
  "100KiB-c1-instant          $NGINX_PORT_INSTANT  bench-instant  102400   1"
  "100KiB-c64-instant         $NGINX_PORT_INSTANT  bench-instant  102400   64"
  "1MiB-c1-instant            $NGINX_PORT_INSTANT  bench-instant  1048576  1"
  "1MiB-c64-instant           $NGINX_PORT_INSTANT  bench-instant  1048576  64"
  "100KiB-c256-200ms          $NGINX_PORT_200MS    bench-200ms    102400   256"
  "100KiB-c2000-2s            $NGINX_PORT_2S       bench-2s       102400   2000"
)

echo "voxgate bench: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)," \
  "${DURATION}s per run, ${WARMUP}s proxy warm-up, $("$JAVA" -version 2>&1 | head -1)"
echo "proxy JVM: $proxy_jvm"
if [[ "$ONLY" != start ]]; then
  echo "errors = socket errors + HTTP >= 400; peak MB = the proxy's VmHWM over its warm-up and run (a fresh JVM per case)"
  printf '%-20s %-6s %10s %10s %10s %8s %9s %9s\n' case via 'req/s' 'p50 ms' 'p99 ms' errors 'peak MB' 'cpu us/req'
fi
for spec in "${CASES[@]}"; do
  read -r name port model bytes clients <<<"$spec"
  [[ -n "$ONLY" && "$name" != *"$ONLY"* ]] && continue
  direct=$(run_wrk "$port" "$model" "$bytes" "$clients" "$DURATION")
  before=$(cpu_ticks "$FLOOR_PID")
  floor=$(run_wrk $(( port + FLOOR_OFFSET )) "$model" "$bytes" "$clients" "$DURATION")
  floor_cpu=$(cpu_per_request "$before" "$(cpu_ticks "$FLOOR_PID")" "$floor")
  start_proxy
  run_wrk $PROXY_PORT "$model" "$bytes" "$clients" "$WARMUP" >/dev/null
  [[ -n "${BENCH_HOOK:-}" ]] && { PROXY_PID=$PROXY_PID PROXY_STATE=memory bash -c "$BENCH_HOOK" & }
  before=$(cpu_ticks "$PROXY_PID")
  proxied=$(run_wrk $PROXY_PORT "$model" "$bytes" "$clients" "$DURATION")
  proxy_cpu=$(cpu_per_request "$before" "$(cpu_ticks "$PROXY_PID")" "$proxied")
  peak=$(peak_rss_mb)
  stop_proxy
  if [[ -n "$REDIS" ]]; then
    start_proxy redis
    run_wrk $PROXY_PORT "$model" "$bytes" "$clients" "$WARMUP" >/dev/null
    [[ -n "${BENCH_HOOK:-}" ]] && { PROXY_PID=$PROXY_PID PROXY_STATE=redis bash -c "$BENCH_HOOK" & }
    before=$(cpu_ticks "$PROXY_PID")
    shared=$(run_wrk $PROXY_PORT "$model" "$bytes" "$clients" "$DURATION")
    shared_cpu=$(cpu_per_request "$before" "$(cpu_ticks "$PROXY_PID")" "$shared")
    shared_peak=$(peak_rss_mb)
    stop_proxy
  fi
  printf '%-20s %-6s %10s %10s %10s %8s %9s %9s\n' "$name" direct "$(field rps "$direct")" "$(field p50_ms "$direct")" \
    "$(field p99_ms "$direct")" "$(field errors "$direct")" - -
  printf '%-20s %-6s %10s %10s %10s %8s %9s %9s\n' "" nginx "$(field rps "$floor")" "$(field p50_ms "$floor")" \
    "$(field p99_ms "$floor")" "$(field errors "$floor")" - "$floor_cpu"
  printf '%-20s %-6s %10s %10s %10s %8s %9s %9s\n' "" proxy "$(field rps "$proxied")" "$(field p50_ms "$proxied")" \
    "$(field p99_ms "$proxied")" "$(field errors "$proxied")" "$peak" "$proxy_cpu"
  awk -v d="$(field rps "$direct")" -v p="$(field rps "$proxied")" -v n="$(field rps "$floor")" \
    -v d50="$(field p50_ms "$direct")" -v p50="$(field p50_ms "$proxied")" -v n50="$(field p50_ms "$floor")" \
    -v pc="${proxy_cpu/-/0}" -v nc="${floor_cpu/-/0}" \
    'BEGIN { printf "%-20s %-6s %9.1f%% %+9.3f   (proxy/direct: throughput, added p50 ms)\n", "", "ratio", 100 * p / d, p50 - d50
             printf "%-20s %-6s %9.1f%% %+9.3f   (nginx/direct: the same for the reference proxy)\n", "", "floor", 100 * n / d, n50 - d50
             if (pc > 0 && nc > 0) printf "%-20s %-6s %9.2fx            (proxy/nginx: CPU per request)\n", "", "cpu", pc / nc }'
  target_line "$name" "$direct" "$floor" "$proxied" "$peak"
  if [[ -n "$REDIS" ]]; then
    printf '%-20s %-6s %10s %10s %10s %8s %9s %9s\n' "" +redis "$(field rps "$shared")" "$(field p50_ms "$shared")" \
      "$(field p99_ms "$shared")" "$(field errors "$shared")" "$shared_peak" "$shared_cpu"
    awk -v p="$(field rps "$proxied")" -v r="$(field rps "$shared")" -v p50="$(field p50_ms "$proxied")" \
      -v r50="$(field p50_ms "$shared")" \
      'BEGIN { printf "%-20s %-6s %9.1f%% %+9.3f   (proxy+redis/proxy: throughput, added p50 ms)\n", "", "shared", 100 * r / p, r50 - p50 }'
    [[ "$name" == 100KiB-c64-instant ]] && verdict "Redis state: at least 0.9 of the in-memory throughput" \
      "$(awk -v p="$(field rps "$proxied")" -v r="$(field rps "$shared")" 'BEGIN { printf "%.2f", r / p }')" ">=" 0.9
  fi
done
# ---- start ---------------------------------------------------------------------------------------------------------
# One start: bin/voxgate-proxy run -> readiness 200. Appends "wall_s cpu_s aot" to $WORK/starts: cpu_s is the process's CPU time until
# then (less moved by the other work on a shared machine than the wall time), aot whether the JVM was given the cache.
start_once() { # proxy args...
  local begin ready cpu aot
  begin=$(date +%s%N)
  OPENAI_API_KEY=sk-upstream GROQ_API_KEY=gsk-upstream DEEPGRAM_API_KEY=dg-upstream VOXGATE_QUIET_JDK=1 \
    VOXGATE_JAVA_OPTS="$PROXY_JVM_OPTS" "$ROOT/bin/voxgate-proxy" "$@" --host 127.0.0.1 --port $PROXY_PORT \
    >"$WORK/start.log" 2>&1 &
  PROXY_PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PROXY_PORT/health/readiness"; do
    kill -0 "$PROXY_PID" 2>/dev/null || { echo "bench/run.sh: the proxy exited at start: $(cat "$WORK/start.log")" >&2; exit 1; }
    sleep 0.01
  done
  ready=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$PROXY_PID/stat")
  aot=no
  tr '\0' ' ' <"/proc/$PROXY_PID/cmdline" | grep -q -- '-XX:AOTCache=' && aot=yes
  stop_proxy
  awk -v b="$begin" -v r="$ready" -v c="$cpu" -v a="$aot" 'BEGIN { printf "%.3f %s %s\n", (r - b) / 1e9, c, a }' \
    >>"$WORK/starts"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
if [[ -z "$ONLY" || "start" == *"$ONLY"* ]]; then
  echo
  echo "start: bin/voxgate-proxy run -> /health/readiness 200, median of $STARTS starts per config; cpu s = the proxy's" \
    "CPU time until then"
  printf '%-20s %-6s %10s %10s %10s %8s %9s\n' case config 'median s' 'min s' 'max s' 'cpu s' 'AOT cache'
  for spec in "local:" "cloud:--config $WORK/cloud.yaml"; do
    config=${spec%%:*}
    read -r -a args <<<"${spec#*:}"
    : >"$WORK/starts"
    for _ in $(seq 1 "$STARTS"); do start_once "${args[@]}"; done
    walls=$(cut -d' ' -f1 "$WORK/starts")
    wall=$(median <<<"$walls")
    printf '%-20s %-6s %10s %10s %10s %8s %9s\n' "start-$config" "$config" "$wall" "$(sort -n <<<"$walls" | head -1)" \
      "$(sort -n <<<"$walls" | tail -1)" "$(cut -d' ' -f2 "$WORK/starts" | median)" \
      "$(cut -d' ' -f3 "$WORK/starts" | sort -u | paste -sd/)"
    awk -v w="$wall" -v t="$START_TARGET_S" \
      'BEGIN { printf "%-20s %-6s %10.3f   (target: %s)\n", "", "target", t, (w <= t) ? "met" : "missed" }'
  done
fi
echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
