// What the browser scripts in this folder share: Chromium started the one way the project
// starts it, and pages that record console errors and keep every request on the site.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

// launch starts Debian's Chromium headless with the project's flags (playwright-core adds
// --headless and a fresh profile of its own).
export function launch(executablePath) {
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

// newPage opens a page in a fresh context that records console errors and every request that
// leaves the site (base's host). With route (the default) such requests are answered locally
// with a neutral page, so nothing reaches the network and a quick exit still has somewhere to
// land; every request then takes a round trip through this script, which a bench that times
// requests does not want (route: false only notes them).
export async function newPage(browser, base, options = {}, { route = true } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const log = { consoleErrors: [], foreignRequests: [] };
  page.on("console", (m) => { if (m.type() === "error") log.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => log.consoleErrors.push(String(e)));
  if (!route) {
    page.on("request", (r) => { if (new URL(r.url()).host !== base.host) log.foreignRequests.push(r.url()); });
    return { context, page, log };
  }
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.host === base.host || u.protocol === "data:") return route.continue();
    log.foreignRequests.push(u.href);
    return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Neutral</title><p>Neutral side" });
  });
  return { context, page, log };
}

let axeSource; // axe-core's script, read when first run: scripts that never run it need no axe-core
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

// runAxe runs axe-core's WCAG 2.2 AA rules on the page: its violations and how many checks passed.
export async function runAxe(page) {
  axeSource = axeSource || readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
  await page.evaluate(axeSource);
  const axe = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), wcag);
  return {
    violations: axe.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) })),
    passes: axe.passes.length,
  };
}

// waitResults waits until the search page's status line says how many offers were found for
// what the address says now, not for an earlier keystroke.
export function waitResults(page, timeout = 10000) {
  return page.waitForFunction(() => {
    const s = document.getElementById("search-status");
    return s && /fundet/.test(s.textContent) && s.getAttribute("data-answered") === location.search.slice(1);
  }, null, { timeout });
}
