#!/usr/bin/env bash
# The auth performance benchmark, one command, no containers:
#  1. BenchmarkDotNet micro-benchmarks of token validation (benchmarks/ShopAuthDemo.Benchmarks);
#  2. the HTTP benchmark (benchmarks/ShopAuthDemo.Benchmarks.Driver): starts Identity.Local, policy-api, catalog-api,
#     payments-api, orders-api, the gateway and the benchmark API from Release builds on 127.0.0.1:5910-5917
#     (mutual TLS off, so wrk can call each service), then the services an order passes through twice more, side by
#     side: mutual TLS off on the same ports, and on at 5918-5926 (the internal services' https on 5918-5921, their
#     health checks on plain http 5922-5925, the gateway on 5926);
#     gets tokens through the real flows, drives load with wrk, counts token requests at the identity provider and
#     TLS handshakes at the services, times the AppHost's cold start, and prints one markdown table of figures and
#     ratios (also written to benchmarks/artifacts/http-benchmark.md). Every process it starts is stopped at the end.
# Usage: benchmarks/run.sh               about 8-10 minutes on 2 cores (6 with SKIP_MICRO=1 SKIP_COLD_START=1)
#   SKIP_MICRO=1          the HTTP part only
#   DURATION=10s          measured time per load point; WARMUP=5s runs before each
#   SKIP_COLD_START=1     leave out the cold-start row (it starts the AppHost, whose web apps need ports 7100 and 7200)
#   BENCH_BASE_PORT=5910  first of the 17 consecutive ports the HTTP part listens on
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
# exec: Ctrl+C or a SIGTERM sent to this script reaches the driver, which then stops everything it started.
exec dotnet benchmarks/ShopAuthDemo.Benchmarks.Driver/bin/Release/net10.0/ShopAuthDemo.Benchmarks.Driver.dll
