#!/usr/bin/env bash
# The auth performance benchmark, one command, no containers:
#  1. BenchmarkDotNet micro-benchmarks of token validation (benchmarks/ShopAuthDemo.Benchmarks);
#  2. the HTTP benchmark (benchmarks/ShopAuthDemo.Benchmarks.Driver): starts Identity.Local, policy-api, catalog-api,
#     payments-api, orders-api, the gateway and the benchmark API from Release builds on 127.0.0.1:5910-5917
#     (mutual TLS off, so wrk can call each service), then the services an order passes through twice more, side by
#     side: mutual TLS off on the same ports, and on at 5918-5926 (the internal services' https on 5918-5921, their
#     health checks on plain http 5922-5925, the gateway on 5926); then twice more: on SQLite files on the same ports,
#     and on PostgreSQL at 5927-5931; a second gateway, in front of the benchmark API, listens on 5932;
#     looks shop-web sessions up in memory and in Redis;
#     gets tokens through the real flows, drives load with wrk, counts token requests at the identity provider and
#     TLS handshakes at the services, times the AppHost's cold start, and prints one markdown table of figures and
#     ratios (also written to benchmarks/artifacts/http-benchmark.md). Every process it starts is stopped at the end.
# Usage: benchmarks/run.sh               about 8-10 minutes on 2 cores (6 with SKIP_MICRO=1 SKIP_COLD_START=1)
#   SKIP_MICRO=1          the HTTP part only
#   DURATION=10s          measured time per load point; WARMUP=5s runs before each
#   SKIP_COLD_START=1     leave out the cold-start row (it starts the AppHost, whose web apps need ports 7100 and 7200)
#   ROWS=gateway,sessions only these groups of rows (authentication, gateway, orders, access-rules, mutual-tls,
#                         databases, sessions); all when unset
#   BENCH_BASE_PORT=5910  first of the 23 consecutive ports the HTTP part listens on
#   SHOPAUTHDEMO_POSTGRES, SHOPAUTHDEMO_REDIS  the servers of the scale-out rows (as the tests read them); when either
#                         is unset, throwaway ones are started with .ci/shared-servers and stopped at the end
# How to read the results: docs/PERFORMANCE.md.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export ARTIFACTS="${ARTIFACTS:-$ROOT/benchmarks/artifacts}"

# Checked first, so a missing tool does not surface only after the build and the micro-benchmarks.
if ! command -v wrk >/dev/null; then
  echo "wrk is not installed; on Debian or Ubuntu: sudo apt-get update && sudo apt-get install -y wrk" >&2
  exit 1
fi

echo "== Build (Release)"
# The driver references the AppHost and the benchmark API, so this builds every service it starts.
for project in benchmarks/ShopAuthDemo.Benchmarks benchmarks/ShopAuthDemo.Benchmarks.Driver; do
  dotnet build -c Release --nologo -v quiet "$project"
done

if [[ "${SKIP_MICRO:-0}" != 1 ]]; then
  echo "== Micro-benchmarks (BenchmarkDotNet, ShortRun in-process)"
  dotnet run -c Release --no-build --project benchmarks/ShopAuthDemo.Benchmarks -- \
    --filter '*' --artifacts "$ARTIFACTS/bdn" | sed -n '/^| Method/,/^$/p'
  echo "Full report: $ARTIFACTS/bdn/results/"
fi

echo "== HTTP benchmark (${DURATION:-10s} per load point after a ${WARMUP:-5s} warm-up)"
driver=(dotnet benchmarks/ShopAuthDemo.Benchmarks.Driver/bin/Release/net10.0/ShopAuthDemo.Benchmarks.Driver.dll)
if [[ -n "${SHOPAUTHDEMO_POSTGRES:-}" && -n "${SHOPAUTHDEMO_REDIS:-}" ]]; then
  # exec: Ctrl+C or a SIGTERM sent to this script reaches the driver, which then stops everything it started.
  exec "${driver[@]}"
fi

echo "== Starting throwaway PostgreSQL and Redis (.ci/shared-servers), stopped at the end"
# Stopped however the run ends; the signal is passed on, so the driver stops its services before the servers go.
trap 'bash .ci/shared-servers stop' EXIT
eval "$(bash .ci/shared-servers start)"
"${driver[@]}" &
driver_pid=$!
trap 'kill -TERM "$driver_pid" 2>/dev/null' INT TERM
status=0
wait "$driver_pid" || status=$?
# A signal interrupts the first wait; the second waits for the driver to finish stopping its services.
if kill -0 "$driver_pid" 2>/dev/null; then wait "$driver_pid" || status=$?; fi
exit "$status"
