// What the browser scripts in this folder share: Chromium started the one way the project
// starts it, and pages that record console errors and keep every request on the site.
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
