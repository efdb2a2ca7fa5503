// Runs templates/search.js in Node for the parity tests in internal/search (js_test.go).
//
//   node parity.mjs SEARCH_JS stem            < words, one a line    > stems, one a line
//   node parity.mjs SEARCH_JS analyze DIR     < texts, JSON a line   > terms, one text a line
//   node parity.mjs SEARCH_JS search DIR      < requests, JSON a line > responses, JSON a line
//   node parity.mjs SEARCH_JS vocab DIR       < term numbers          > meta.json's terms
//
// DIR holds the exported search/ files. A request is {"q": "...", "filters": {...}, "size": 5,
// "cold": false, "typed": ""}; the response to a cold one also lists the files it fetched. A
// cold request with "typed" first searches that (the query as typed so far) and lets the engine
// prefetch and read ahead after it, as the page does; the files listed are then those q fetched itself. A
// cold request with "only": "h/…" gets no head shard but that one (the others never arrive);
// its response, with no facets, comes when the results do, or says "error" after 2 s; with
// "fail": true the other head shards fail instead, and the response comes once the facets are
// counted, saying how many facet values got a number ("numbers") and how many promise
// rejections were left unhandled so far ("unhandled": the page would log each as an error).
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

const [script, mode, dir] = process.argv.slice(2);
vm.runInThisContext(fs.readFileSync(script, "utf8"), { filename: script });
const S = globalThis.ViftenSearch;
const lines = fs.readFileSync(0, "utf8").split("\n");
if (lines[lines.length - 1] === "") lines.pop();
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
const out = [];
let unhandled = 0;
process.on("unhandledRejection", () => unhandled++);

if (mode === "stem") {
  for (const w of lines) out.push(S.stem(w));
} else if (mode === "analyze") {
  const an = new S.Analyzer(read("meta.json"));
  for (const l of lines) out.push(an.analyze(JSON.parse(l)).map((t) => t.term + "@" + t.pos).join(" "));
} else if (mode === "search") {
  const get = (name) => Promise.resolve(read(name));
  const warm = new S.Engine(get);
  await warm.init();
  await warm.facets(); // the page loads the facet table once its first results are shown
  for (const l of lines) {
    const req = JSON.parse(l);
    // "cold": a first visit, on a fresh engine whose facet table arrives after every other file
    // (so a filter in the address is set before it arrives).
    const fetched = [];
    const slow = (name) => {
      fetched.push(name);
      if (req.only && name.startsWith("h/") && name !== req.only) return req.fail ? Promise.reject(new Error("404 " + name)) : new Promise(() => {});
      return name === warm.meta.facetFile ? new Promise((ok) => setTimeout(ok, 10)).then(() => get(name)) : get(name);
    };
    const engine = req.cold ? new S.Engine(slow) : warm;
    if (req.typed) {
      await engine.search(req.typed, {}, req.size || 10);
      await Promise.all([engine.prefetch(), engine.ahead(req.typed)]);
      fetched.length = 0;
    }
    const search = engine.search(req.q, req.filters || {}, req.size || 10);
    if (req.only) {
      const late = new Promise((ok) => setTimeout(ok, 2000, { error: "no results within 2 s" }));
      const res = await Promise.race([search, late]).catch((e) => ({ error: String(e) }));
      let numbers = 0;
      if (req.fail && !res.error) {
        await res.all;
        await engine.facets();
        for (const f of engine.counts(res)) numbers += f.values.filter((v) => typeof v.count === "number").length;
        await new Promise((ok) => setTimeout(ok, 0)); // unhandled rejections are reported by now
      }
      out.push(JSON.stringify({ total: res.total, hits: (res.hits || []).map((h) => h.url), others: (res.others || []).map((h) => h.url), files: fetched, error: res.error, numbers, unhandled }));
      continue;
    }
    const res = await search;
    const files = fetched.slice(); // what a cold search fetched before its results
    await res.all;
    await engine.facets();
    res.facets = engine.counts(res); // the page counts them once the results are shown
    // The matches whose weight is still unread, per kind: the page settled without them.
    const unknown = [0, 0];
    for (const t of new Set(res.terms)) {
      const x = engine.terms[engine.index.get(t)];
      if (x) x.docs.forEach((d, j) => { if (Number.isNaN(x.w[j])) unknown[d < engine.meta.offers ? 0 : 1]++; });
    }
    out.push(JSON.stringify({ total: res.total, hits: res.hits.map((h) => h.url), others: res.others.map((h) => h.url), age: res.age, facets: res.facets, unknown, files }));
  }
} else if (mode === "vocab") {
  const meta = read("meta.json");
  new S.Analyzer(meta); // decodes meta.vocab into meta.terms
  for (const l of lines) out.push(meta.terms[+l]);
} else {
  console.error("unknown mode " + mode);
  process.exit(2);
}
process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));
