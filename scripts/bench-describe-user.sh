#!/usr/bin/env bash
# DescribeUser through the whole stack against a bare net/http handler, in
# the same run. Builds the server and the load tool, starts a fresh server
# (throttling off) and the load tool's bare server on loopback, and
# alternates runs against each, ROUNDS times, with the load tool's
# one-goroutine-per-connection client and, when it is installed, with wrk
# replaying the same signed request (the request stays valid for the
# server's 15-minute clock-skew window). Prints req/s, the server's CPU per
# request and the ratio ours/bare per round.
#
#   scripts/bench-describe-user.sh [ROUNDS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
SECS=${2:-10}
TMP=$(mktemp -d /tmp/sgbench.XXXXXX)
go build -o "$TMP/sg" ./cmd/sightglass
go build -o "$TMP/sgl" ./cmd/sightglass-load
"$TMP/sg" serve --listen 127.0.0.1:18192 --data-dir "$TMP/data" --log-level warn --throttle-rate 0 \
    --sample-rows 1000 >"$TMP/server.log" 2>&1 &
SG=$!
"$TMP/sgl" bare-server --listen 127.0.0.1:18193 2>"$TMP/bare.log" &
BARE=$!
trap 'kill -INT $SG $BARE 2>/dev/null; wait $SG $BARE 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 100); do
    [ -f "$TMP/data/credentials" ] && curl -sf http://127.0.0.1:18192/healthz >/dev/null && break
    sleep 0.2
done

cpu() { awk '{print $14+$15}' "/proc/$1/stat"; } # utime+stime in clock ticks
TICK=$(getconf CLK_TCK)

loadtool() { # port pid -> "req/s µs/req"
    "$TMP/sgl" --endpoint "http://127.0.0.1:$1" --profile-file "$TMP/data/credentials" --connections 64 \
        --duration "${SECS}s" --warmup 2s --server-pid "$2" --client conn --scenario describe-user --json 2>/dev/null |
        python3 -c 'import json,sys; r=json.load(sys.stdin); print(round(r["rps"]), round(r["server"]["cpu_us_per_request"],1))'
}

wrkrun() { # port pid -> "req/s µs/req"
    local args=() line req
    {
        read -r _ req
        while IFS= read -r line; do args+=(-H "$line"); done
    } < <("$TMP/sgl" --endpoint "http://127.0.0.1:18192" --profile-file "$TMP/data/credentials" \
        --scenario describe-user --print-signed)
    wrk -t1 -c64 -d2s "${args[@]}" "http://127.0.0.1:$1$req" >/dev/null # warmup
    local c0 c1 out rps n
    c0=$(cpu "$2")
    out=$(wrk -t1 -c64 -d"${SECS}s" "${args[@]}" "http://127.0.0.1:$1$req")
    c1=$(cpu "$2")
    if grep -q "Non-2xx" <<<"$out"; then echo "wrk: non-2xx responses" >&2; exit 1; fi
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    python3 -c "print(round($rps), round(($c1-$c0)/$TICK*1e6/$n,1))"
}

clients=(loadtool)
command -v wrk >/dev/null && clients+=(wrkrun)
printf '%-9s %-6s %11s %12s %11s %12s %6s\n' client round "ours req/s" "ours µs/req" "bare req/s" "bare µs/req" ratio
for i in $(seq "$ROUNDS"); do
    for c in "${clients[@]}"; do
        read -r o oc < <($c 18192 $SG)
        read -r b bc < <($c 18193 $BARE)
        printf '%-9s %-6s %11s %12s %11s %12s %6.2f\n' "$c" "$i" "$o" "$oc" "$b" "$bc" "$(python3 -c "print($o/$b)")"
    done
done
