#!/usr/bin/env bash
# The auth performance benchmark: BenchmarkDotNet micro-benchmarks of token validation, then (if wrk
# is installed) anonymous vs authenticated HTTP throughput on catalog-api, loopback only.
# Usage: benchmarks/run.sh  (SKIP_MICRO=1: HTTP part only; DURATION=10s: wrk time per endpoint)
#           Results: docs/PERFORMANCE.md describes how to read them.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
ARTIFACTS="${ARTIFACTS:-$ROOT/benchmarks/artifacts}"
IDP_URL="http://127.0.0.1:5900"
ISSUER="$IDP_URL/realms/shop"
API_URL="http://127.0.0.1:5901"
DURATION="${DURATION:-10s}"
# Placeholder secrets the realm file asks for; this IdP lives only for the run, on loopback.
ORDERS_API_SECRET="bench-orders-api-secret"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    # Each server runs in its own process group (setsid), so `dotnet run` and the app stop together.
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

# wait_for URL SECONDS: poll until the URL answers 2xx, or fail.
wait_for() {
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; do
    if ((SECONDS >= deadline)); then echo "Timed out after $2 s waiting for $1" >&2; return 1; fi
    sleep 0.5
  done
}

echo "== Build (Release)"
for project in benchmarks/ShopAuthDemo.Benchmarks services/Identity.Local services/Catalog.Api; do
  dotnet build -c Release --nologo -v quiet "$project"
done

echo "== Micro-benchmarks (BenchmarkDotNet, ShortRun in-process)"
[[ "${SKIP_MICRO:-0}" == 1 ]] || dotnet run -c Release --no-build --project benchmarks/ShopAuthDemo.Benchmarks -- \
  --filter '*' --artifacts "$ARTIFACTS/bdn" | sed -n '/^| Method/,/^$/p'
echo "Full report: $ARTIFACTS/bdn/results/"

if ! command -v wrk >/dev/null; then
  echo "wrk is not installed; skipping the HTTP comparison. Install it with:"
  echo "  sudo apt-get update && sudo apt-get install -y wrk"
  exit 0
fi

for url in "$IDP_URL" "$API_URL"; do
  if curl -s -o /dev/null --max-time 1 "$url"; then echo "Something already listens on $url; stop it first." >&2; exit 1; fi
done

mkdir -p "$ARTIFACTS"
echo "== Starting Identity.Local ($IDP_URL) and Catalog.Api ($API_URL) in Release"
# Development: both talk plain http on loopback (the API only allows http discovery in Development).
ASPNETCORE_ENVIRONMENT=Development \
Identity__Issuer="$ISSUER" \
Realm__File="$ROOT/AppHost/Realms/shop-realm.json" \
SHOP_WEB_URL=http://127.0.0.1:9 BACKOFFICE_WEB_URL=http://127.0.0.1:9 GATEWAY_URL=http://127.0.0.1:9 \
SHOP_WEB_BACKCHANNEL_URL=http://127.0.0.1:9/shop BACKOFFICE_WEB_BACKCHANNEL_URL=http://127.0.0.1:9/backoffice \
WEB_ACCESS_TOKEN_LIFESPAN=300 \
SHOP_WEB_CLIENT_SECRET=bench-shop-web-secret BACKOFFICE_WEB_CLIENT_SECRET=bench-backoffice-web-secret \
ORDERS_API_CLIENT_SECRET="$ORDERS_API_SECRET" PARTNER_ACME_CLIENT_SECRET=bench-partner-acme-secret \
DEV_USER_PASSWORD=bench-user-password \
  setsid dotnet run -c Release --no-build --no-launch-profile --project services/Identity.Local \
  --urls "$IDP_URL" >"$ARTIFACTS/identity-local.log" 2>&1 &
pids+=($!)

ASPNETCORE_ENVIRONMENT=Development \
Identity__Authority="$ISSUER" \
Identity__Audience=catalog-api \
  setsid dotnet run -c Release --no-build --no-launch-profile --project services/Catalog.Api \
  --urls "$API_URL" >"$ARTIFACTS/catalog-api.log" 2>&1 &
pids+=($!)

wait_for "$ISSUER/.well-known/openid-configuration" 60
wait_for "$API_URL/api/products" 60

# orders-api's client-credentials token for the catalog (aud catalog-api), as in the running app.
token_response="$(curl -fsS --max-time 10 -X POST "$ISSUER/protocol/openid-connect/token" \
  -d grant_type=client_credentials -d client_id=orders-api \
  -d client_secret="$ORDERS_API_SECRET" -d scope=catalog)"
TOKEN="$(printf '%s' "$token_response" | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')"
[[ -n "$TOKEN" ]] || { echo "No access token in the IdP's response (${#token_response} bytes)" >&2; exit 1; }
status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $TOKEN" "$API_URL/whoami")"
[[ "$status" == 200 ]] || { echo "GET /whoami with the token answered $status, expected 200" >&2; exit 1; }

# run_wrk NAME URL [HEADER]: a short warm-up (JIT, key fetch), then the measured run.
run_wrk() {
  local name=$1 url=$2 header=${3:-}
  local args=(-t1 -c32 --timeout 5s)
  [[ -n "$header" ]] && args+=(-H "$header")
  wrk "${args[@]}" -d3s "$url" >/dev/null
  wrk "${args[@]}" -d"$DURATION" --latency "$url" | tee "$ARTIFACTS/wrk-$name.txt" >&2
  if grep -q "Non-2xx" "$ARTIFACTS/wrk-$name.txt"; then echo "$name: some responses were not 2xx" >&2; exit 1; fi
  awk '/^Requests\/sec:/ {print $2}' "$ARTIFACTS/wrk-$name.txt"
}

echo "== wrk -t1 -c32 -d$DURATION (loopback)"
# /alive is the anonymous endpoint closest to /whoami in shape (no database, tiny body);
# /api/products reads the catalog through EF Core, so it is not a like-for-like baseline.
products="$(run_wrk anonymous-products "$API_URL/api/products")"
alive="$(run_wrk anonymous-alive "$API_URL/alive")"
authenticated="$(run_wrk authenticated "$API_URL/whoami" "Authorization: Bearer $TOKEN")"

echo
printf '| %-36s | %10s |\n' "Endpoint" "Requests/s"
printf '|%s|%s|\n' "--------------------------------------" "-----------:"
printf '| %-36s | %10.0f |\n' "GET /api/products (anonymous, EF)" "$products"
printf '| %-36s | %10.0f |\n' "GET /alive (anonymous, no database)" "$alive"
printf '| %-36s | %10.0f |\n' "GET /whoami (JWT, stock JwtBearer)" "$authenticated"
awk -v a="$authenticated" -v p="$products" -v l="$alive" 'BEGIN {
  printf "Authenticated / anonymous: %.1f%% of /api/products, %.1f%% of /alive (goal in issue 7: >= 90%% on the same endpoint shape)\n", 100 * a / p, 100 * a / l }'
