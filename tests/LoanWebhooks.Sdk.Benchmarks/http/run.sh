#!/usr/bin/env bash
# HTTP load benchmark: requests per second and latency of MapLoanWebhooks against a bare endpoint in the same host,
# measured in the same run. For each provider and store it starts the benchmark host
# (tests/LoanWebhooks.Sdk.Benchmarks.Http, Release, logging at Warning) on 127.0.0.1, which writes unique, correctly
# authenticated deliveries (one per line), then runs wrk (after a warm-up each) on POST /raw (read the body into an
# array, answer 200) and right after on POST /webhooks/<provider> with the same bodies and settings.
# Beside rps and latency it prints the CPU time each request cost: the host's, redis-server's and the whole machine's
# (all processes, wrk included). Requests per second swing with whatever else runs on the machine; CPU per request
# hardly does, and on a saturated machine rps = cores / machine CPU per request, so it says where a ratio comes from.
#
# Usage: bash tests/LoanWebhooks.Sdk.Benchmarks/http/run.sh [options]
#   --providers LIST    comma-separated: spinwheel,receeve,canopy,payitoff (default: all four)
#   --stores LIST       comma-separated: memory,redis,passthrough (default: memory,redis; passthrough grants every claim)
#   --threads N         wrk -t (default 1)      --connections N   wrk -c (default 32)
#   --duration D        wrk -d (default 10s)    --warmup D        each endpoint's warm-up (default 3s)
#   --count N           deliveries per provider (default: 300000; receeve 3000, as RSA signing takes ~1 ms each)
#   --soak              60 s on the webhook endpoint per provider and store; prints the host's working set every 10 s
#   --smoke             for CI: a few hundred requests per provider and store, checks every one got 2xx; times nothing
#   --no-build          use the host as last built
# Needs wrk (installed from Debian's package when missing) and, for --stores redis, redis-server (a private one is
# started on a free port for the run). Loopback only; every wait is bounded; every process it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."

providers="spinwheel,receeve,canopy,payitoff"
stores="memory,redis"
threads=1
connections=32
duration=10s
warmup=3s
count=""
mode=measure
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --providers) providers="$2"; shift 2 ;;
    --stores) stores="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --count) count="$2"; shift 2 ;;
    --soak) mode=soak; shift ;;
    --smoke) mode=smoke; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

sudo_if_needed=()
if [ "$(id -u)" -ne 0 ]; then sudo_if_needed=(sudo); fi
apt_updated=0
install_package() {
  if [ "$apt_updated" -eq 0 ]; then
    "${sudo_if_needed[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  "${sudo_if_needed[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}
command -v wrk >/dev/null 2>&1 || { echo "wrk is not on PATH; installing Debian's wrk package." >&2; install_package wrk; }
if [[ ",$stores," == *",redis,"* ]] && ! command -v redis-server >/dev/null 2>&1; then
  echo "redis-server is not on PATH; installing Debian's redis-server package." >&2
  install_package redis-server
fi

host_project=tests/LoanWebhooks.Sdk.Benchmarks.Http
host_dll="$host_project/bin/Release/net10.0/LoanWebhooks.Sdk.Benchmarks.Http.dll"
lua="tests/LoanWebhooks.Sdk.Benchmarks/http/deliveries.lua"
if [ "$build" -eq 1 ]; then
  dotnet build "$host_project" -c Release -v quiet -nologo >/dev/null
fi

work="$(mktemp -d)"
host_pid=""
redis_pid=""
sampler_pid=""
stop_process() {
  local pid="$1"
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  stop_process "$sampler_pid"
  stop_process "$host_pid"
  stop_process "$redis_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "No free port found." >&2
  return 1
}

redis_port=""
if [[ ",$stores," == *",redis,"* ]]; then
  redis_port="$(free_port)"
  redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
  redis_pid=$!
  for _ in $(seq 1 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$redis_port" ping >/dev/null || { echo "redis-server did not start:" >&2; cat "$work/redis.log" >&2; exit 1; }
fi

# auth_header PROVIDER -> "NAME VALUE" (values as BenchmarkSecrets.cs in the host)
auth_header() {
  case "$1" in
    spinwheel) echo "X-Spinwheel-Secret benchmark-spinwheel-header-secret" ;;
    payitoff) echo "Authorization Basic $(printf 'payitoff:benchmark-basic-auth-password' | base64 -w0)" ;;
    *) echo "" ;;
  esac
}

stats() { curl -fsS --max-time 10 "http://127.0.0.1:$port/stats"; }
stat_field() { sed -n "s/.*\\b$1=\\([0-9]*\\).*/\\1/p"; }

# wrk_run PATH FILE DURATION LIMIT -> the RESULT line
wrk_run() {
  local path="$1" file="$2" run_duration="$3" limit="$4"
  local header value
  read -r header value <<<"$(auth_header "$provider")" || true
  wrk -t"$threads" -c"$connections" -d"$run_duration" --timeout 10s -s "$lua" "http://127.0.0.1:$port$path" \
    -- "$file" "${header:-}" "${value:-}" "$limit" "$threads" | grep '^RESULT' || { echo "wrk failed on $path" >&2; return 1; }
}
field() { sed -n "s/.*\\b$1=\\([0-9.]*\\).*/\\1/p" <<<"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
# CPU time a process has used (user + system), in clock ticks; per_request TICKS REQUESTS -> microseconds per request.
# Read around each timed run: unlike requests per second, CPU per request hardly moves when other work shares the cores.
clock_ticks="$(getconf CLK_TCK)"
cpu_ticks() { if [ -n "$1" ] && [ -r "/proc/$1/stat" ]; then awk '{ print $14 + $15 }' "/proc/$1/stat"; else echo 0; fi; }
# CPU time all processes on the machine used (every core, user + system + interrupts, not time stolen by the hypervisor), in clock ticks: with the host,
# wrk and redis-server sharing the cores, a saturated machine serves (cores / machine CPU per request) requests a second.
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
per_request() { awk -v t="$1" -v n="$2" -v hz="$clock_ticks" 'BEGIN { if (n > 0) printf "%.1f", t * 1000000 / hz / n; else print "n/a" }'; }

start_host() {
  local store="$1" unique="$2"
  port="$(free_port)"
  run_id="r$RANDOM$RANDOM"
  dotnet "$host_dll" --provider "$provider" --count "$unique" --bodies "$work/bodies.txt" --store "$store" \
    --redis "127.0.0.1:${redis_port:-6379}" --port "$port" --run "$run_id" >"$work/host.log" 2>&1 &
  host_pid=$!
  # Bounded: signing receeve bodies with RSA takes about a millisecond each.
  for _ in $(seq 1 1200); do
    curl -fsS --max-time 1 "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    kill -0 "$host_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "The benchmark host did not start:" >&2
  cat "$work/host.log" >&2
  exit 1
}

default_count() {
  case "$mode" in
    smoke) echo 400 ;;
    *) if [ -n "$count" ]; then echo "$count"; elif [ "$1" = receeve ]; then echo 3000; else echo 300000; fi ;;
  esac
}

if [ "$mode" = smoke ]; then
  echo "Smoke run (nothing is timed): a few hundred deliveries per provider and store, every answer must be 2xx."
else
  echo "wrk -t$threads -c$connections, $( [ "$mode" = soak ] && echo 60s || echo "$duration" ) per run after ${warmup} warm-up per endpoint; $(nproc) cores: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); $(dotnet --version | sed 's/^/.NET SDK /')"
fi
if [ "$mode" = measure ]; then
  echo
  echo "| provider | store | SDK ÷ bare rps | SDK ÷ bare p99 | bare rps | SDK rps | bare p50 ms | SDK p50 ms | bare p99 ms | SDK p99 ms | host CPU µs/req bare | host CPU µs/req SDK | redis-server CPU µs/req SDK | machine CPU µs/req bare | machine CPU µs/req SDK | unique deliveries | handled | gen2 GCs (SDK run) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
fi

failures=0
IFS=',' read -r -a provider_list <<<"$providers"
IFS=',' read -r -a store_list <<<"$stores"
for provider in "${provider_list[@]}"; do
  for store in "${store_list[@]}"; do
    unique="$(default_count "$provider")"
    start_host "$store" "$unique"
    webhook="/webhooks/$provider"

    case "$mode" in
      smoke)
        # Each body about once (400 unique deliveries, 200 to /raw; wrk may send a few more while it stops): every answer
        # must be 2xx, and at least 100 deliveries must have reached the handler. Nothing is timed.
        head -n 200 "$work/bodies.txt" >"$work/raw.txt"
        raw="$(wrk_run /raw "$work/raw.txt" 1s 200)"
        sdk="$(wrk_run "$webhook" "$work/bodies.txt" 2s "$unique")"
        handled="$(stats | stat_field handled)"
        echo "smoke $provider/$store: /raw $(field requests "$raw") requests, $(field status_errors "$raw") errors; $webhook $(field requests "$sdk") requests, $(field status_errors "$sdk") errors, $(field socket_errors "$sdk") socket errors, $handled handled"
        if [ "$(field status_errors "$raw")" != 0 ] || [ "$(field status_errors "$sdk")" != 0 ] || [ "$(field socket_errors "$sdk")" != 0 ] \
          || [ "$(field requests "$sdk")" -lt 100 ] || [ "$handled" -lt 100 ]; then
          echo "smoke $provider/$store FAILED" >&2
          tail -n 40 "$work/host.log" >&2
          failures=$((failures + 1))
        fi
        ;;
      measure|soak)
        # The first lines warm the webhook endpoint up; the measured run sends the rest, unseen by the store.
        warm_lines=$((unique / 10))
        head -n "$warm_lines" "$work/bodies.txt" >"$work/warm.txt"
        tail -n +"$((warm_lines + 1))" "$work/bodies.txt" >"$work/measure.txt"
        # Bare first (its warm-up, its run), then the webhook endpoint's warm-up and run: the webhook warm-up fills the
        # store, and the collections that garbage causes would otherwise land in the bare run.
        wrk_run /raw "$work/measure.txt" "$warmup" 0 >/dev/null
        raw_cpu_before="$(cpu_ticks "$host_pid")"
        raw_machine_before="$(machine_ticks)"
        [ "$mode" = soak ] || raw="$(wrk_run /raw "$work/measure.txt" "$duration" 0)"
        raw_cpu="$(( $(cpu_ticks "$host_pid") - raw_cpu_before ))"
        raw_machine="$(( $(machine_ticks) - raw_machine_before ))"
        wrk_run "$webhook" "$work/warm.txt" "$warmup" 0 >/dev/null
        if [ "$mode" = soak ]; then
          before="$(stats)"
          (
            for second in 10 20 30 40 50; do
              sleep 10
              echo "  soak $provider/$store ${second}s: working set $(( $(stats | stat_field workingSetBytes) / 1048576 )) MiB" >&2
            done
          ) &
          sampler_pid=$!
          sdk="$(wrk_run "$webhook" "$work/measure.txt" 60s 0)"
          wait "$sampler_pid" 2>/dev/null || true
          sampler_pid=""
          after="$(stats)"
          echo "soak $provider/$store: working set $(( $(stat_field workingSetBytes <<<"$before") / 1048576 )) MiB at start, $(( $(stat_field workingSetBytes <<<"$after") / 1048576 )) MiB after 60 s; $(field rps "$sdk") rps, p99 $(ms "$(field p99_us "$sdk")") ms, $(field status_errors "$sdk") errors; gen2 GCs $(stat_field gen2 <<<"$before") → $(stat_field gen2 <<<"$after"); unique deliveries $unique"
        else
          gen2_before="$(stats | stat_field gen2)"
          sdk_cpu_before="$(cpu_ticks "$host_pid")"
          redis_cpu_before="$(cpu_ticks "$redis_pid")"
          sdk_machine_before="$(machine_ticks)"
          sdk="$(wrk_run "$webhook" "$work/measure.txt" "$duration" 0)"
          sdk_machine="$(( $(machine_ticks) - sdk_machine_before ))"
          sdk_cpu="$(( $(cpu_ticks "$host_pid") - sdk_cpu_before ))"
          redis_cpu="$(( $(cpu_ticks "$redis_pid") - redis_cpu_before ))"
          redis_cpu_column="-"
          [ "$store" != redis ] || redis_cpu_column="$(per_request "$redis_cpu" "$(field requests "$sdk")")"
          after="$(stats)"
          echo "| $provider | $store | **$(ratio "$(field rps "$sdk")" "$(field rps "$raw")")** | **$(ratio "$(field p99_us "$sdk")" "$(field p99_us "$raw")")** | $(field rps "$raw") | $(field rps "$sdk") | $(ms "$(field p50_us "$raw")") | $(ms "$(field p50_us "$sdk")") | $(ms "$(field p99_us "$raw")") | $(ms "$(field p99_us "$sdk")") | $(per_request "$raw_cpu" "$(field requests "$raw")") | $(per_request "$sdk_cpu" "$(field requests "$sdk")") | $redis_cpu_column | $(per_request "$raw_machine" "$(field requests "$raw")") | $(per_request "$sdk_machine" "$(field requests "$sdk")") | $unique | $(stat_field handled <<<"$after") | $(( $(stat_field gen2 <<<"$after") - gen2_before )) |"
          errors=$(( $(field status_errors "$raw") + $(field status_errors "$sdk") + $(field socket_errors "$sdk") ))
          if [ "$errors" -ne 0 ]; then echo "  ($errors error responses or socket errors in that row)" >&2; failures=$((failures + 1)); fi
        fi
        ;;
    esac
    stop_process "$host_pid"
    host_pid=""
  done
done

if [ -n "$redis_port" ] && [ "$mode" = measure ]; then
  echo
  echo "redis-benchmark on the same machine (-c $connections, no pipelining; requests per second):"
  redis-benchmark -h 127.0.0.1 -p "$redis_port" -c "$connections" -n 200000 -q -t set,get 2>/dev/null \
    | tr '\r' '\n' | grep 'requests per second' | sed 's/^/  /'
  # What the Redis store sends per delivery: one script to claim, one to complete (EVALSHA after the first).
  redis-benchmark -h 127.0.0.1 -p "$redis_port" -c "$connections" -n 200000 -q \
    EVAL "return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', 300000)" 1 'bench:eval:__rand_int__' v 2>/dev/null \
    | tr '\r' '\n' | grep 'requests per second' | sed 's/^EVAL[^:]*:/  EVAL SET NX PX (a script like the store'"'"'s claim):/'
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures run(s) failed." >&2
  exit 1
fi
