// Measures, in headless Chromium, the bytes fetched for the same queries by our search page
// (/soeg/, templates/search.js over /search/) and by Pagefind's JS API (/pagefind/) on one built
// site, and prints a table. Called by bench-pagefind.sh: node bench-pagefind.mjs DIR INDEXING_S PAGES
import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { extname, join, normalize } from "node:path";

import { launch, waitResults } from "../../../browser/lib.mjs";
const [dir, indexing, indexed] = process.argv.slice(2);
const queries = ["skilsmisse", "angst", "tandlæge", "sundhed", "mobning"];

// A plain static file server on loopback: files as they are, no compression.
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".css": "text/css" };
const server = createServer((req, res) => {
  let p = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  let f = join(dir, p);
  try { if (statSync(f).isDirectory()) f = join(f, "index.html"); } catch { }
  try {
    const body = readFileSync(f);
    res.writeHead(200, { "content-type": types[extname(f)] || "application/octet-stream" });
    res.end(body);
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

// open starts Chromium (fresh profile, the project's flags) and records every response's body size; a
// response counts as "script" for the search engine itself (search.js; pagefind.js, its wasm
// and entry file) and as "data" for the other files under prefix (the index).
async function open(prefix, script) {
  const browser = await launch(process.env.CHROMIUM);
  const page = await (await browser.newContext()).newPage();
  const log = [];
  page.on("response", async (r) => {
    const u = new URL(r.url());
    const kind = script.test(u.pathname) ? "script" : u.pathname.startsWith(prefix) ? "data" : null;
    if (!kind) return;
    const body = await r.body().catch(() => Buffer.alloc(0));
    log.push({ kind, path: u.pathname, bytes: body.length, gz: gzipSync(body).length });
  });
  return { page, log, close: () => browser.close() };
}

// sum adds up the log from entry `from` on.
function sum(log, from) {
  const s = { data: 0, dataGz: 0, script: 0, scriptGz: 0, files: [] };
  for (const e of log.slice(from)) {
    s.files.push(e.path + " " + e.bytes);
    if (e.kind === "data") { s.data += e.bytes; s.dataGz += e.gz; } else { s.script += e.bytes; s.scriptGz += e.gz; }
  }
  return s;
}

const settle = (page) => page.waitForTimeout(500); // late responses (body reads) land in the log

async function ours() {
  const { page, log, close } = await open("/search/", /^\/assets\/search\..*\.js$/);
  const out = [];
  // search.js fetches the rest of a small index once the first results are shown: the files
  // requested before then are the first query's, the others its prefetch.
  await page.addInitScript(() => document.addEventListener("DOMContentLoaded", () => {
    const s = document.getElementById("search-status");
    new MutationObserver(() => { if (window.answeredAt === undefined) window.answeredAt = performance.now(); })
      .observe(s, { attributes: true, attributeFilter: ["data-answered"] });
  }));
  await page.goto(`${base}/soeg/?q=${encodeURIComponent(queries[0])}`, { waitUntil: "load" });
  const wait = () => waitResults(page, 60000);
  await wait();
  await settle(page);
  const before = new Set(await page.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => e.startTime < window.answeredAt).map((e) => new URL(e.name).pathname)));
  const total = await page.evaluate(() => document.getElementById("search-status").textContent);
  out.push({ q: queries[0], ...sum(log.filter((e) => before.has(e.path)), 0), total });
  out.prefetch = sum(log.filter((e) => !before.has(e.path)), 0);
  for (const q of queries.slice(1)) {
    const from = log.length;
    await page.evaluate((q) => { const i = document.getElementById("q"); i.value = q; i.dispatchEvent(new Event("input", { bubbles: true })); }, q);
    await wait();
    await settle(page);
    out.push({ q, ...sum(log, from), total: await page.evaluate(() => document.getElementById("search-status").textContent) });
  }
  await close();
  return out;
}

async function pagefind() {
  const { page, log, close } = await open("/pagefind/", /^\/pagefind\/(pagefind(-worker)?\.js|wasm\..*|pagefind-entry\.json)$/);
  const out = [];
  await page.goto(`${base}/pf-bench.html`, { waitUntil: "load" });
  await page.waitForFunction(() => window.pfReady, null, { timeout: 60000 });
  let from = 0;
  for (const q of queries) {
    const r = await page.evaluate((q) => window.pfSearch(q), q);
    await settle(page);
    out.push({ q, ...sum(log, from), total: r.total + " results" });
    from = log.length;
  }
  await close();
  return out;
}

function du(d) {
  let bytes = 0, files = 0;
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.isDirectory()) { const s = du(join(d, e.name)); bytes += s.bytes; files += s.files; } else { bytes += statSync(join(d, e.name)).size; files++; }
  }
  return { bytes, files };
}

const a = await ours(), b = await pagefind();
server.close();
const kb = (n) => (n / 1024).toFixed(1);
const ix = du(join(dir, "search")), pf = du(join(dir, "pagefind"));
// Pagefind's index proper: the language meta, word index, fragments and filters (the folder also
// holds its script, wasm for every language and its UI bundles).
const pfIndex = { bytes: 0, files: 0 };
for (const d of ["index", "fragment", "filter"]) { try { const s = du(join(dir, "pagefind", d)); pfIndex.bytes += s.bytes; pfIndex.files += s.files; } catch { } }
for (const f of readdirSync(join(dir, "pagefind"))) if (f.endsWith(".pf_meta")) { pfIndex.bytes += statSync(join(dir, "pagefind", f)).size; pfIndex.files++; }
const gzTree = (d) => readdirSync(d, { withFileTypes: true }).reduce((n, e) =>
  n + (e.isDirectory() ? gzTree(join(d, e.name)) : gzipSync(readFileSync(join(d, e.name))).length), 0);
const ourGz = gzTree(join(dir, "search"));
console.log(`index: ours ${ix.files} files ${kb(ix.bytes)} KB (${kb(ourGz)} KB gzipped); Pagefind index ${pfIndex.files} files ${kb(pfIndex.bytes)} KB (gzipped on disk), its folder ${pf.files} files ${kb(pf.bytes)} KB, ${indexed}, indexing ${Number(indexing).toFixed(1)} s`);
console.log("KB fetched per query, in order in one page (first query includes start-up); ours raw / gzipped, Pagefind as served (its index files are gzip-compressed on disk)");
console.log("| query | ours data | ours data gz | ours script (gz) | Pagefind data | Pagefind script+wasm (gz) | ours | Pagefind |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
for (let i = 0; i < queries.length; i++) {
  const o = a[i], p = b[i];
  console.log(`| ${o.q} | ${kb(o.data)} | ${kb(o.dataGz)} | ${kb(o.script)} (${kb(o.scriptGz)}) | ${kb(p.data)} | ${kb(p.script)} (${kb(p.scriptGz)}) | ${o.total} | ${p.total} |`);
}
console.log(`ours, prefetched after the first results: ${kb(a.prefetch.data)} KB (${kb(a.prefetch.dataGz)} KB gzipped) in ${a.prefetch.files.length} files`);
if (process.env.VERBOSE) console.log(JSON.stringify({ ours: a, pagefind: b }, null, 1));
