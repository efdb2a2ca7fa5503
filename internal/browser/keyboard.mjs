// The keyboard-only path of a professional or a parent who does not use a mouse: front page →
// its search box → results → a filter → an offer → its call link. Only Tab,
// Space, Enter and typed letters are used. Prints what happened as JSON for keyboard_test.go.
//
// Usage: node keyboard.mjs CONFIG.json   CONFIG: {base, chromium, query, filter, offer, shots?}
import { readFileSync } from "node:fs";
import { launch, newPage, waitResults } from "./lib.mjs";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const base = new URL(config.base);
const browser = await launch(config.chromium);
const { page, log } = await newPage(browser, base, { viewport: { width: 390, height: 844 } });

// focus describes the focused element, and whether the focus can be seen.
const focus = () => page.evaluate(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const cs = getComputedStyle(e), r = e.getBoundingClientRect();
  return {
    tag: e.tagName, id: e.id, name: e.getAttribute("name"), href: e.getAttribute("href"), text: (e.textContent || "").trim().slice(0, 60),
    visible: (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none",
    onScreen: r.width > 0 && r.height > 0, inMain: !!e.closest("main"), inFilters: !!e.closest("#filters"),
  };
});
// tabTo presses Tab until test(focused element) holds; it gives up after 150 presses.
async function tabTo(test) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press("Tab");
    const f = await focus();
    if (f && test(f)) return f;
  }
  return null;
}

const steps = [];
const step = (name, f) => steps.push({ name, url: new URL(page.url()).pathname + new URL(page.url()).search, focus: f });

await page.goto(new URL("/", base).href, { waitUntil: "load" });
step("search box", await tabTo((f) => f.tag === "INPUT" && f.name === "q"));
await page.keyboard.type(config.query);
await Promise.all([page.waitForURL((u) => u.pathname === "/soeg/", { timeout: 5000 }).catch(() => {}), page.keyboard.press("Enter")]);
// answered: the status line answers what the address says now, not an earlier keystroke.
const answered = () => waitResults(page).catch(() => {});
await answered();
step("results", await focus());
// The header's "Søg" and "Menu" folds are summaries too: the filters' is the one in #filters.
step("filters", await tabTo((f) => f.tag === "SUMMARY" && f.inFilters));
await page.keyboard.press("Enter");
step("filter", await tabTo((f) => f.id === config.filter));
await page.keyboard.press(" ");
await page.waitForFunction((id) => location.search.includes(id.replace(/^f-([a-z]+)-/, "$1=")), config.filter, { timeout: 5000 }).catch(() => {});
await answered();
const results = await page.$$eval("#results li h3 a, #results li a", (as) => as.map((a) => a.getAttribute("href")));
step("offer link", await tabTo((f) => f.href === config.offer));
await Promise.all([page.waitForURL((u) => u.pathname === config.offer, { timeout: 5000 }).catch(() => {}), page.keyboard.press("Enter")]);
step("offer", null);
// The urgent bar's numbers come first on every page; the offer's own call link is in main.
step("call link", await tabTo((f) => f.inMain && (f.href || "").startsWith("tel:")));
if (config.shots) await page.screenshot({ path: `${config.shots}/keyboard-call-390.png` });

await browser.close();
process.stdout.write(JSON.stringify({ steps, results, ...log }, null, 1));
