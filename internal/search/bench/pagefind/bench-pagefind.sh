#!/usr/bin/env bash
# Bench, not CI: bytes the browser fetches for the same queries with our search (/soeg/,
# templates/search.js) and with Pagefind on the same built pages, Pagefind's index size and
# indexing time. Usage: bash bench-pagefind.sh [N] (N generated offers, default 10000; 0 = the
# Herlev content). Needs Chromium, `npm ci` here and in internal/browser (playwright-core).
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
root=$(cd ../../../.. && pwd)
n=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
if [ "$n" = 0 ]; then
  content=content
else
  go run ./internal/gen/gensite -n "$n" -out "$work/content" >/dev/null
  content="$work/content"
fi
go run ./cmd/viften build -content "$content" -out "$work/public" >/dev/null
# Pagefind indexes the offer pages only: each offer's <article class="offer"> without the
# related-offer cards and the step box (which list other offers), as a site would mark it up.
find "$work/public/tilbud" -name index.html -print0 | xargs -0 sed -i \
  -e 's/<article class="offer">/<article class="offer" data-pagefind-body>/' \
  -e 's/<section aria-labelledby="rel-h">/<section aria-labelledby="rel-h" data-pagefind-ignore="all">/' \
  -e 's/<section class="step-box" aria-labelledby="step-h">/<section class="step-box" aria-labelledby="step-h" data-pagefind-ignore="all">/'
start=$(date +%s.%N)
"$here/node_modules/.bin/pagefind" --site "$work/public" --force-language da >"$work/pagefind.log"
end=$(date +%s.%N)
indexing=$(echo "$end - $start" | bc)
# The harness page: Pagefind's own JS API, no UI, 20 results' fragments loaded as our page shows 20.
cat >"$work/public/pf-bench.html" <<'HTML'
<!doctype html><html lang="da"><meta charset="utf-8"><title>Pagefind bench</title>
<script type="module">
const pf = await import("/pagefind/pagefind.js");
await pf.init();
window.pfSearch = async (q) => {
  const s = await pf.search(q);
  const data = await Promise.all(s.results.slice(0, 20).map((r) => r.data()));
  return { total: s.results.length, top: data.slice(0, 3).map((d) => d.url) };
};
window.pfReady = true;
</script>
HTML
cd "$here"
CHROMIUM=${CHROMIUM:-$(command -v chromium)} node bench-pagefind.mjs "$work/public" "$indexing" "$(grep -o 'Indexed [0-9]* pages' "$work/pagefind.log" | head -1)"
