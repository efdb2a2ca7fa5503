#!/usr/bin/env bash
# Builds the Herlev site, serves it on loopback and runs Lighthouse (mobile preset) on the front
# page, an offer, a sensitive offer (with the quick exit), the search page empty and with a
# query, a step page, Min liste and /tilbud/ (A–Å). A bench, not a CI gate: figures go to
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
# a sensitive offer: its page has the quick exit bar
sensitive=$(grep -l 'class="exit-bar"' "$out"/public/tilbud/*/index.html | head -1 | sed "s#$out/public##; s#index.html##")
node lighthouse.mjs "http://127.0.0.1:$port" / "/tilbud/$offer/" "$sensitive" /soeg/ "/soeg/?q=angst" "/trin/$step/" /min-liste/ /tilbud/
