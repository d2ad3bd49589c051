#!/usr/bin/env bash
# Fetch every record of a Kinto collection as whole processes, paired runs against a curl loop on
# the same server in the same run: wall time and peak memory, medians (tests/bench/README.md).
#   tests/bench/bench_fetchall.sh [--runs N] [--build DIR]
# Against the standalone sandbox (tenantctl sandbox kinto --seed demo) unless KINTO_SERVER_URL is
# set: then KINTO_AUTH, BENCH_BUCKET and BENCH_COLLECTION name a real server's collection. On the
# sandbox two collections of 10,000 records are read: the demo's main/devices (about 300 bytes a
# record) and main/bench, written first through /batch (about 120 bytes a record, 1.2 MB, the
# size of the issue's measurements on a real Kinto).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=11
build=build
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --build) build="$2"; shift 2 ;;
        *) echo "usage: $0 [--runs N] [--build DIR]" >&2; exit 2 ;;
    esac
done
tenantctl="$build/app/tenantctl/tenantctl"
[ -x "$tenantctl" ] || { echo "no $tenantctl: build first" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'kill "${sandbox:-}" 2>/dev/null || true; rm -rf "$scratch"' EXIT

if [ -n "${KINTO_SERVER_URL:-}" ]; then
    server="$KINTO_SERVER_URL"
    auth="${KINTO_AUTH:?KINTO_AUTH is needed with KINTO_SERVER_URL}"
    bucket="${BENCH_BUCKET:?}"
    collections="${BENCH_COLLECTION:?}"
    where="real server $server"
else
    port=$((20000 + RANDOM % 20000))
    "$tenantctl" sandbox kinto --port "$port" --seed demo >"$scratch/url" 2>/dev/null &
    sandbox=$!
    for _ in $(seq 100); do [ -s "$scratch/url" ] && break; sleep 0.1; done
    server=$(head -1 "$scratch/url")
    [ -n "$server" ] || { echo "the sandbox did not start" >&2; exit 1; }
    auth=admin:admin bucket=main collections="devices bench"
    where="sandbox $server"
fi
server="${server%/}"
case "$server" in */v1) ;; *) server="$server/v1" ;; esac

# The curl loop: each page to a file, its Next-Page header followed until there is none.
cat >"$scratch/curl-loop.sh" <<'EOF'
url="$1/buckets/$3/collections/$4/records"
while [ -n "$url" ]; do
    curl -sS --fail -u "$2" -D "$5/headers" -o "$5/page" "$url"
    url=$(sed -n 's/^[Nn]ext-[Pp]age: *//p' "$5/headers" | tr -d '\r')
done
EOF

measure() { # label command... -> "seconds peak_kib" appended to $scratch/<label>
    local label="$1" start end; shift
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$scratch/one" "$@" >/dev/null
    end=$(date +%s%N)
    echo "$(echo "($end - $start) / 1000000000" | bc -l) $(cat "$scratch/one")" >>"$scratch/$label"
}

if [ -z "${KINTO_SERVER_URL:-}" ]; then
    # main/bench: 10,000 small records, 400 batches of 25.
    curl -sS --fail -u "$auth" -X PUT "$server/buckets/main/collections/bench" -o /dev/null
    for chunk in $(seq 0 399); do
        requests=$(for i in $(seq 0 24); do
            n=$((chunk * 25 + i))
            printf '{"body":{"data":{"name":"Device %05d","serial":"C02X%07d","os":"14.%d","active":true}}}' "$n" "$n" $((n % 7))
            if [ "$i" -lt 24 ]; then printf ','; fi
        done)
        printf '{"defaults":{"method":"POST","path":"/buckets/main/collections/bench/records"},"requests":[%s]}' "$requests" \
            | curl -sS --fail -u "$auth" -H 'Content-Type: application/json' -d @- "$server/batch" -o /dev/null
    done
fi

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for collection in $collections; do
    rm -f "$scratch/curl" "$scratch/jsonl" "$scratch/json"
    records=$("$tenantctl" kinto -s "$server" -a "$auth" -b "$bucket" -c "$collection" --jsonl list records | wc -l)
    bytes=$(curl -sS -u "$auth" "$server/buckets/$bucket/collections/$collection/records" | wc -c)
    for _ in $(seq "$runs"); do
        measure curl bash "$scratch/curl-loop.sh" "$server" "$auth" "$bucket" "$collection" "$scratch"
        measure jsonl "$tenantctl" kinto -s "$server" -a "$auth" -b "$bucket" -c "$collection" --jsonl list records
        measure json "$tenantctl" kinto -s "$server" -a "$auth" -b "$bucket" -c "$collection" list records
    done
    echo "$bucket/$collection: $records records (first page $bytes bytes) on the $where; medians of $runs paired runs"
    base=$(cut -d' ' -f1 "$scratch/curl" | median)
    printf '  %-26s %10s %10s %12s\n' "" "wall s" "× curl" "peak MiB"
    for label in curl jsonl json; do
        wall=$(cut -d' ' -f1 "$scratch/$label" | median)
        peak=$(cut -d' ' -f2 "$scratch/$label" | median)
        case "$label" in
            curl) name="curl loop" ;;
            jsonl) name="tenantctl --jsonl" ;;
            json) name="tenantctl (JSON array)" ;;
        esac
        printf '  %-26s %10.3f %10.2f %12.1f\n' "$name" "$wall" "$(echo "$wall / $base" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
    done
done
