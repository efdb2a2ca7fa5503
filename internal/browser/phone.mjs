// Drives headless Chromium over a built site at a phone's size (375 × 812) and prints what it
// finds as JSON: what the first screen shows, the header's folds with and without JavaScript,
// Min liste built from search results and shared by e-mail, the quick exit after scrolling.
// phone_test.go builds the site, serves it, runs this script and asserts on the result.
//
// Usage: node phone.mjs CONFIG.json   (see phone_test.go for the fields)
import { readFileSync } from "node:fs";
import { launch, newPage as openPage, runAxe, waitResults } from "./lib.mjs";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const base = new URL(config.base);
const phone = { viewport: { width: 375, height: 812 } };
const browser = await launch(config.chromium);
const newPage = (options = phone) => openPage(browser, base, options);
const at = (path) => new URL(path, base).href;
const result = {};
const errors = [];
const collect = (log) => errors.push(...log.consoleErrors, ...log.foreignRequests.filter((u) => !u.startsWith(config.exitTo)));

// rect returns the selector's first element's box in the viewport, or null when there is none
// or it is not rendered.
const rect = (page, selector) => page.evaluate((s) => {
  const e = document.querySelector(s);
  if (!e || !e.getClientRects().length) return null;
  const r = e.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
}, selector);

// The first screen: the search page's first result and every offer page's call button.
{
  const { context, page, log } = await newPage();
  await page.goto(at(config.search));
  await waitResults(page);
  result.search = { firstResult: await rect(page, "#results li.card h3"), header: await rect(page, "header.top") };
  if (config.shots) await page.screenshot({ path: `${config.shots}/soeg-375.png` });
  result.offers = [];
  for (const path of config.offers) {
    await page.goto(at(path));
    result.offers.push({ path, call: await rect(page, ".head-call .call"), header: await rect(page, "header.top") });
  }
  await page.goto(at("/"));
  result.home = {
    searchBoxes: await page.$$eval("input[type=search]", (els) => els.filter((e) => {
      const r = e.getBoundingClientRect();
      return e.getClientRects().length && r.bottom > 0 && r.top < window.innerHeight;
    }).length),
  };
  collect(log);
  await context.close();
}

// The header's folds: "Menu" hides the main menu on a phone until tapped, with JavaScript and
// without; on a wide screen the menu shows as it is. axe runs with the menu open.
{
  const navShown = (page) => page.$eval(".main-nav a[href='/emner/']", (a) => a.checkVisibility());
  const { context, page, log } = await newPage();
  await page.goto(at(config.offers[0]));
  const before = await navShown(page);
  await page.click(".nav-fold > summary");
  const after = await navShown(page);
  const axe = await runAxe(page);
  await page.click(".nav-fold > summary");
  await page.click(".search-fold > summary");
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "top-q", null, { timeout: 2000 }).catch(() => {});
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  await page.keyboard.press("Escape");
  const closed = await page.$eval(".search-fold", (d) => !d.open);
  if (config.shots) {
    await page.click(".nav-fold > summary");
    await page.screenshot({ path: `${config.shots}/menu-375.png` });
  }
  collect(log);
  await context.close();

  const nojs = await newPage({ ...phone, javaScriptEnabled: false });
  await nojs.page.goto(at(config.offers[0]));
  const nojsBefore = await navShown(nojs.page);
  await nojs.page.click(".nav-fold > summary");
  const nojsAfter = await navShown(nojs.page);
  await nojs.context.close();

  const wide = await newPage({ viewport: { width: 1280, height: 900 } });
  await wide.page.goto(at(config.offers[0]));
  const wideShown = await navShown(wide.page);
  const wideSearch = await rect(wide.page, "#top-q");
  await wide.context.close();
  result.nav = { before, after, focused, closed, nojsBefore, nojsAfter, wideShown, wideSearch: !!wideSearch,
    axeViolations: axe.violations };
}

// Min liste from search results: one tap per offer on the result cards; the offer page shows the
// same state; the list page's e-mail link carries the offers and the share link.
{
  const { context, page, log } = await newPage();
  await page.goto(at(config.search));
  await waitResults(page);
  await page.waitForSelector("#results li.card .add-to-list");
  const cards = page.locator("#results li.card");
  const picked = [];
  for (let i = 0; i < 3; i++) {
    const card = cards.nth(i);
    picked.push({ title: await card.locator("h3").textContent(), url: await card.locator("h3 a").getAttribute("href") });
    await card.locator(".add-to-list").click();
  }
  const pressed = await page.$$eval("#results .add-to-list", (bs) => bs.map((b) => b.getAttribute("aria-pressed")));
  const navText = await page.$eval("header .my-list-nav", (a) => (a.hidden ? "" : a.textContent.trim()));
  await page.goto(at(picked[0].url));
  const offerButton = await page.$eval(".offer-head .add-to-list", (b) => b.getAttribute("aria-pressed"));
  // The header with "Liste (3)" shown is as high as without it: showing it moves nothing.
  const header = await rect(page, "header.top");
  await page.goto(at("/min-liste/"));
  await page.waitForSelector("#my-list-items li");
  const titles = await page.$$eval("#my-list-items h2", (hs) => hs.map((h) => h.textContent));
  const mail = await page.getAttribute("#my-list-mail", "href");
  // With "Min liste (3)" in the header, the header row still fits a phone, down to 320 px.
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const overflow = [await sideways()];
  await page.setViewportSize({ width: 320, height: 812 });
  overflow.push(await sideways());
  await page.setViewportSize(phone.viewport);
  const link = await page.inputValue("#my-list-link");
  if (config.shots) await page.screenshot({ path: `${config.shots}/min-liste-375.png`, fullPage: true });
  result.list = { picked, pressed, navText, offerButton, titles, mail, link, overflow, header };
  collect(log);
  await context.close();
}

// The quick exit on a sensitive page: in view after scrolling to the end, reached by the second
// Tab (after "Gå til indholdet"), not set off by a capital letter typed in the search box, and
// set off by Shift pressed three times, leaving no way back.
{
  const { context, page, log } = await newPage();
  await page.goto(at("/"));
  await page.goto(at(config.sensitive));
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(100);
  const scrolled = await page.evaluate(() => window.scrollY);
  const inView = await rect(page, ".quick-exit");
  const hint = await page.$eval(".exit-hint", (e) => e.textContent);
  if (config.shots) await page.screenshot({ path: `${config.shots}/exit-scrolled-375.png` });
  await page.evaluate(() => window.scrollTo(0, 0));
  const tabs = [];
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press("Tab");
    tabs.push(await page.evaluate(() => document.activeElement.className || document.activeElement.tagName));
  }
  await page.click(".search-fold > summary");
  await page.keyboard.type("Hej Anne Og Bo");
  const afterTyping = page.url();
  await page.keyboard.press("Escape");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForURL((u) => u.host !== base.host, { timeout: 5000 }).catch(() => {});
  const exitedTo = page.url();
  await page.goBack().catch(() => {});
  result.exit = { scrolled, inView, hint, tabs, afterTyping, exitedTo, afterBack: page.url() };
  collect(log);
  await context.close();
}

// /tilbud/ (cut from an offer's address) lists every offer without JavaScript, at a phone's width.
{
  const { context, page } = await newPage({ ...phone, javaScriptEnabled: false });
  const response = await page.goto(at("/tilbud/"));
  result.allOffers = {
    status: response ? response.status() : 0,
    links: await page.$$eval("main a[href^='/tilbud/']", (as) => as.map((a) => a.getAttribute("href"))),
    overflow: await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  };
  if (config.shots) await page.screenshot({ path: `${config.shots}/tilbud-375.png` });
  await context.close();
}

result.errors = errors;
await browser.close();
process.stdout.write(JSON.stringify(result, null, 1));
