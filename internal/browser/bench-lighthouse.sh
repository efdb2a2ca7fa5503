#!/usr/bin/env bash
# Builds the Herlev site, serves it on loopback and runs Lighthouse (mobile preset) on the front
# page, an offer, the search page and a step page. A bench, not a CI gate: figures go to
# docs/benchmarks.md. Needs Chromium and `npm ci` in this folder.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
go run ../../cmd/viften build -content ../../content -out "$out/public" >/dev/null
port=${PORT:-8765}
python3 -m http.server -d "$out/public" -b 127.0.0.1 "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$out"' EXIT
sleep 1
offer=$(ls "$out/public/tilbud" | head -1)
step=$(ls "$out/public/trin" | grep -v index.html | head -1)
node lighthouse.mjs "http://127.0.0.1:$port" / "/tilbud/$offer/" /soeg/ "/trin/$step/"
