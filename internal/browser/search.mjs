// Drives the search page (/soeg/) in headless Chromium and prints what it finds as JSON; the
// Go test search_test.go asserts on it. This script only observes and reports.
//
// Usage: node search.mjs CONFIG.json
// CONFIG: {base, chromium, shots?, query, second, typing: [queries], typingPauseMs?,
// filter: {param, value}, phoneFilter: address of a search with a filter, axe: bool, benchOnly?}
import { readFileSync } from "node:fs";
import { launch, newPage as openPage, runAxe, waitResults } from "./lib.mjs";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const base = new URL(config.base);

const browser = await launch(config.chromium);

// newPage opens a logged page (lib.mjs); a bench (benchOnly) does not route its requests
// through this script, which would cost each one a round trip to Node that a visitor's browser
// does not make. Either way the page keeps the timing of every file it fetches (searchFiles).
async function newPage(options = {}) {
  const { context, page, log } = await openPage(browser, base, options, { route: !config.benchOnly });
  await page.addInitScript(() => performance.setResourceTimingBufferSize(100000));
  return { context, page, log };
}

// searchFiles lists, in the order requested, the files the page has fetched under /search/ and
// their bytes (as served: the test server does not compress), from the page's Resource Timing.
function searchFiles(page) {
  return page.evaluate(() => performance.getEntriesByType("resource")
    .map((e) => ({ path: new URL(e.name).pathname, bytes: e.encodedBodySize, start: e.startTime }))
    .filter((f) => f.path.startsWith("/search/")));
}

// state reads what the page shows.
function state(page) {
  return page.evaluate(() => ({
    url: location.pathname + location.search,
    status: document.getElementById("search-status").textContent,
    live: document.getElementById("search-status").getAttribute("aria-live"),
    hits: Array.from(document.querySelectorAll("#results li a")).map((a) => a.getAttribute("href")),
    titles: Array.from(document.querySelectorAll("#results li h3")).map((h) => h.textContent),
    marks: Array.from(document.querySelectorAll("#results mark")).map((m) => m.textContent),
    checked: Array.from(document.querySelectorAll("#facets input:checked")).map((b) => b.name + "=" + b.value),
    age: (document.getElementById("f-alder") || {}).value,
    query: document.getElementById("q").value,
  }));
}

// timeQuery types q into the box in one input event and measures, in the page, the time until
// the page has written the new results (search.js writes the status line last: writtenMs) and
// until the next frame, which shows them (paintMs), and the page's clock then (end). It gives
// up after 5 s and reports -1.
function timeQuery(page, q) {
  return page.evaluate((q) => new Promise((resolve) => {
    const input = document.getElementById("q"), status = document.getElementById("search-status");
    const timer = setTimeout(() => { obs.disconnect(); resolve({ writtenMs: -1, paintMs: -1, end: performance.now() }); }, 5000);
    const obs = new MutationObserver(() => {
      if (!/fundet/.test(status.textContent)) return;
      obs.disconnect();
      clearTimeout(timer);
      const writtenMs = performance.now() - t0;
      requestAnimationFrame(() => { const end = performance.now(); resolve({ writtenMs, paintMs: end - t0, end }); });
    });
    obs.observe(status, { childList: true, characterData: true, subtree: true });
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }), q);
}

// trackShifts sums, in window.__cls, the layout shifts the page makes without user input.
function trackShifts(page) {
  return page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: "layout-shift", buffered: true });
  });
}

const result = {};

// 1. A linked search: results, live count, highlighted words, layout shift, bytes fetched.
{
  const { context, page, log } = await newPage({ viewport: { width: 1280, height: 900 } });
  await trackShifts(page);
  await page.addInitScript(() => {
    // When the first results are shown: the files requested before then are the first query's.
    document.addEventListener("DOMContentLoaded", () => {
      const s = document.getElementById("search-status");
      new MutationObserver(() => { if (window.__answeredAt === undefined) window.__answeredAt = performance.now(); })
        .observe(s, { attributes: true, attributeFilter: ["data-answered"] });
    });
  });
  await page.goto(new URL("/soeg/?q=" + encodeURIComponent(config.query), base).href, { waitUntil: "load" });
  await waitResults(page);
  await page.waitForTimeout(500);
  result.linked = await state(page);
  result.linked.cls = await page.evaluate(() => window.__cls);
  // search.js fetches the rest of a small index once the first results are shown: count apart
  // what was requested before (the first query) and after (the prefetch).
  const answeredAt = await page.evaluate(() => window.__answeredAt);
  let files = await searchFiles(page);
  const first = files.filter((f) => f.start < answeredAt), rest = files.filter((f) => f.start >= answeredAt);
  const sum = (list) => list.reduce((n, f) => n + f.bytes, 0);
  result.linked.firstBytes = sum(first);
  result.linked.firstFiles = first.map((f) => f.path + " " + f.bytes);
  result.linked.prefetchBytes = sum(rest);
  result.linked.prefetchFiles = rest.length;
  // Files go to what was measured by when they were requested (Resource Timing lists a file
  // once it has arrived, ordered by that), read once all have arrived.
  const now = () => page.evaluate(() => performance.now());
  const between = (from, to) => files.filter((f) => f.start >= from && f.start < to);
  const secondFrom = await now();
  result.linked.second = await timeQuery(page, config.second);
  await page.waitForTimeout(500);
  // Typing timings once the files are loaded: each letter of a query, as a family types it,
  // with the files requested since the keystroke before was shown (those the keystroke waited
  // for, and any the page fetched in the pause before it).
  const typingFrom = await now();
  const typed = [];
  for (const q of config.typing) {
    await page.waitForTimeout(config.typingPauseMs || 0); // the time between two keystrokes
    typed.push({ q, t: await timeQuery(page, q) });
  }
  await page.waitForTimeout(500);
  files = await searchFiles(page);
  result.linked.secondBytes = sum(between(secondFrom, typingFrom));
  result.linked.typing = typed.map(({ q, t }, i) => {
    const got = between(i ? typed[i - 1].t.end : typingFrom, t.end);
    return { q, writtenMs: t.writtenMs, paintMs: t.paintMs, files: got.length, bytes: sum(got) };
  });
  result.linked.typingBytes = sum(between(typingFrom, Infinity));
  if (config.benchOnly) {
    // What a request costs the page: n document chunks that no search above fetched, fetched
    // at once from the server (not the cache) and parsed, as search.js fetches them.
    const fetched = new Set((await searchFiles(page)).map((f) => f.path));
    result.linked.requestMs = await page.evaluate(async (fetched) => {
      const meta = await (await fetch("/search/meta.json")).json(), out = {}, fresh = [];
      for (let c = 0; c * meta.chunk < meta.docs && fresh.length < 35; c++) {
        const path = `/search/d/${c}.${meta.hash}.json`;
        if (!fetched.includes(path)) fresh.push(path);
      }
      for (const n of [1, 1, 1, 2, 10, 20]) {
        const t0 = performance.now();
        await Promise.all(fresh.splice(0, n).map((path) => fetch(path, { cache: "no-store" }).then((r) => r.json())));
        (out[n] = out[n] || []).push(performance.now() - t0);
        await new Promise((ok) => setTimeout(ok, 150));
      }
      return out;
    }, [...fetched]);
  }
  if (config.axe) Object.assign(result.linked, await runAxe(page));
  result.linked.consoleErrors = log.consoleErrors;
  result.linked.foreignRequests = log.foreignRequests;
  await context.close();
}

if (config.benchOnly) {
  await browser.close();
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

// 1b. A linked search with a filter on a phone: the filter panel stands open above the results
// and must not push them down as the facet table arrives.
{
  const { context, page, log } = await newPage({ viewport: { width: 390, height: 844 } });
  await trackShifts(page);
  await page.goto(new URL(config.phoneFilter, base).href, { waitUntil: "load" });
  await waitResults(page);
  await page.waitForTimeout(500);
  result.phoneFilter = await state(page);
  result.phoneFilter.cls = await page.evaluate(() => window.__cls);
  result.phoneFilter.consoleErrors = log.consoleErrors;
  result.phoneFilter.foreignRequests = log.foreignRequests;
  await context.close();
}

// 2. Keyboard only: Tab to the box, type, Enter; open the filters and tick one with Space;
// the list and the address change; open the first result with Enter.
{
  const { context, page, log } = await newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(new URL("/soeg/", base).href, { waitUntil: "load" });
  const tabTo = async (test, arg) => {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(test, arg)) return true;
    }
    return false;
  };
  const k = { reachedBox: await tabTo(() => document.activeElement && document.activeElement.id === "q") };
  await page.keyboard.type(config.query);
  await page.keyboard.press("Enter");
  await waitResults(page);
  k.afterQuery = await state(page);
  k.reachedFilters = await tabTo(() => document.activeElement && document.activeElement.tagName === "SUMMARY");
  await page.keyboard.press("Enter"); // opens the filters on a phone
  const id = "f-" + config.filter.param + "-" + config.filter.value;
  k.reachedFilter = await tabTo((id) => document.activeElement && document.activeElement.id === id, id);
  await page.keyboard.press(" ");
  await page.waitForFunction((v) => location.search.includes(v), config.filter.param + "=" + config.filter.value, { timeout: 5000 }).catch(() => {});
  await waitResults(page).catch(() => {});
  k.afterFilter = await state(page);
  k.focusAfterFilter = await page.evaluate(() => document.activeElement && document.activeElement.id);
  if (config.shots) {
    await page.screenshot({ path: `${config.shots}/soeg-filter-390.png`, fullPage: true });
  }
  // Open the first result from the keyboard.
  k.reachedResult = await tabTo(() => document.activeElement && document.activeElement.closest && !!document.activeElement.closest("#results"));
  const href = await page.evaluate(() => document.activeElement.getAttribute("href"));
  await Promise.all([page.waitForURL((u) => u.pathname === href, { timeout: 5000 }).catch(() => {}), page.keyboard.press("Enter")]);
  k.opened = new URL(page.url()).pathname;
  k.expected = href;
  k.consoleErrors = log.consoleErrors;
  k.foreignRequests = log.foreignRequests;
  result.keyboard = k;
  await context.close();
}

// 3. The address round-trips: the filtered address opened in a fresh page shows the same.
{
  const { context, page, log } = await newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(new URL(result.keyboard.afterFilter.url, base).href, { waitUntil: "load" });
  await waitResults(page);
  result.reopened = await state(page);
  if (config.shots) {
    await page.screenshot({ path: `${config.shots}/soeg-filter-1280.png` });
  }
  if (config.axe) result.reopened.violations = (await runAxe(page)).violations;
  result.reopened.consoleErrors = log.consoleErrors;
  result.reopened.foreignRequests = log.foreignRequests;
  await context.close();
}

// 4. Directory mode: no query, an age and a route from the address.
{
  const { context, page, log } = await newPage();
  await page.goto(new URL("/soeg/?alder=3&vej=kom-selv", base).href, { waitUntil: "load" });
  await waitResults(page);
  result.directory = await state(page);
  result.directory.consoleErrors = log.consoleErrors;
  await context.close();
}

// 5. Without JavaScript the page says so and links to the browse pages.
{
  const { context, page } = await newPage({ javaScriptEnabled: false });
  await page.goto(new URL("/soeg/?q=" + encodeURIComponent(config.query), base).href, { waitUntil: "load" });
  const note = page.locator(".no-js-note");
  result.noScript = {
    text: (await note.innerText().catch(() => "")).replace(/\s+/g, " ").trim(),
    links: await note.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))).catch(() => []),
  };
  await context.close();
}

await browser.close();
process.stdout.write(JSON.stringify(result));
