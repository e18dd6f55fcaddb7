# Sourced by bench/run.sh and bench/versus.sh: the fake OpenAI both load the proxy against, and how they read a
# process's CPU time.

# The nginx echo module's path, if it is installed.
echo_module() {
  for f in /usr/lib/nginx/modules/ngx_http_echo_module.so /usr/share/nginx/modules/ngx_http_echo_module.so; do
    [[ -f "$f" ]] && { echo "$f"; return 0; }
  done
  return 1
}

FAKE_TRANSCRIPT='{"text":"Four score and seven years ago our fathers brought forth on this continent a new nation.","usage":{"type":"duration","seconds":6}}'

# fake_upstream_conf work_dir echo_module "port delay-statement"... -> an nginx.conf on standard output
# One worker: it stands for a remote vendor and should take as little of the two cores as it can. Each server reads
# the whole body (echo_read_request_body, in memory) before it answers POST /v1/audio/transcriptions with
# FAKE_TRANSCRIPT, as a vendor must; the delay statement (e.g. "echo_sleep 2;", or "") comes before the answer.
fake_upstream_conf() {
  local work=$1 module=$2 spec
  shift 2
  cat <<CONF
load_module $module;
worker_processes 1;
worker_rlimit_nofile 20000;
pid $work/nginx.pid;
error_log $work/nginx-error.log error;
events { worker_connections 8192; multi_accept on; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $work/nginx-body;
  client_max_body_size 32m;
  client_body_buffer_size 2m;
  keepalive_requests 10000000;
  keepalive_timeout 300s;
CONF
  for spec in "$@"; do
    cat <<CONF
  server {
    listen 127.0.0.1:${spec%% *} backlog=4096;
    location = /v1/audio/transcriptions {
      echo_read_request_body;
      ${spec#* }
      echo -n '$FAKE_TRANSCRIPT';
    }
  }
CONF
  done
  echo "}"
}

# cpu_ticks pid -> the CPU time (user + system, in clock ticks) of pid and its children so far (nginx: master + worker)
cpu_ticks() {
  local pids p
  pids="$1 $(ps --ppid "$1" -o pid= 2>/dev/null | tr '\n' ' ')"
  # shellcheck disable=SC2086
  for p in $pids; do cat "/proc/$p/stat" 2>/dev/null; done | sed 's/^.*) //' | awk '{ t += $12 + $13 } END { print t + 0 }'
}
