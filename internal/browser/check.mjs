// Drives headless Chromium over a built Tilbudsviften site and prints what it finds as JSON.
// The Go test in this folder builds the site, serves it on loopback, runs this script and
// asserts on the result; this script only observes and reports.
//
// Usage: node check.mjs CONFIG.json   (see browser_test.go for the fields)
import { readFileSync } from "node:fs";
import { launch, newPage as openPage, runAxe } from "./lib.mjs";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const base = new URL(config.base);

const browser = await launch(config.chromium);
const newPage = (options) => openPage(browser, base, options);

async function overflow(page, width) {
  await page.setViewportSize({ width, height: 800 });
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const result = { pages: [] };

// checkPage opens one page in a fresh context and measures it.
async function checkPage(p) {
  const { context, page, log } = await newPage();
  const url = new URL(p.path, base).href;
  const response = await page.goto(url, { waitUntil: "load" });
  const entry = { path: p.path, status: response ? response.status() : 0 };
  Object.assign(entry, await runAxe(page));
  entry.overflow320 = await overflow(page, 320);
  // 200 % zoom of a 1280 px window lays the page out 640 CSS pixels wide.
  entry.overflow640 = await overflow(page, 640);
  if (config.shots) {
    const name = p.path.replace(/\W+/g, "_").replace(/^_|_$/g, "") || "forside";
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${config.shots}/${name}-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${config.shots}/${name}-1280.png` });
  }
  entry.consoleErrors = log.consoleErrors;
  entry.foreignRequests = log.foreignRequests;
  await context.close();
  return entry;
}

// Three pages at a time, each in its own context; the results in the order of the pages.
const entries = new Array(config.pages.length);
let next = 0;
await Promise.all([0, 1, 2].map(async () => {
  while (next < config.pages.length) {
    const i = next++;
    entries[i] = await checkPage(config.pages[i]);
  }
}));
result.pages.push(...entries);

// Quick exit: Shift three times on a sensitive page leaves for a neutral site, and the back button
// does not return to the sensitive page.
if (config.sensitive) {
  const { context, page, log } = await newPage();
  await page.goto(new URL("/", base).href);
  await page.goto(new URL(config.sensitive, base).href);
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForURL((u) => u.host !== base.host, { timeout: 5000 }).catch(() => {});
  const exitedTo = page.url();
  await page.goBack().catch(() => {});
  result.quickExit = { exitedTo, afterBack: page.url(), foreignRequests: log.foreignRequests };
  await context.close();
}

// Min liste: add offers on their pages, open the list, take its share link, and open the link
// in a new context (another device, as far as the site can tell).
if (config.myList) {
  const a = await newPage();
  for (const path of config.myList) {
    await a.page.goto(new URL(path, base).href);
    await a.page.click(".offer-head .add-to-list");
  }
  await a.page.goto(new URL("/min-liste/", base).href);
  await a.page.waitForSelector("#my-list-items li");
  const titles = () => [...document.querySelectorAll("#my-list-items h2")].map((h) => h.textContent);
  const first = await a.page.evaluate(titles);
  const link = await a.page.inputValue("#my-list-link");
  // The QR code as an image, and the list printed to PDF, for the Go test to decode and count.
  if (config.myListOut) {
    await a.page.waitForSelector("#my-list-qr svg");
    await a.page.locator("#my-list-qr svg").screenshot({ path: `${config.myListOut}/qr.png` });
    await a.page.pdf({ path: `${config.myListOut}/min-liste.pdf`, format: "A4", printBackground: true });
  }
  const b = await newPage();
  await b.page.goto(link);
  await b.page.waitForSelector("#my-list-items li");
  const second = await b.page.evaluate(titles);
  result.myList = { link, first, second, consoleErrors: a.log.consoleErrors.concat(b.log.consoleErrors),
    foreignRequests: a.log.foreignRequests.concat(b.log.foreignRequests) };
  await a.context.close();
  await b.context.close();
}

// "Åben nu" at fixed moments: the text each .open-now element shows, with its hours data.
if (config.openNow) {
  result.openNow = [];
  for (const time of config.openNow.times) {
    const { context, page } = await newPage();
    await page.clock.setFixedTime(new Date(time));
    await page.goto(new URL(config.openNow.path, base).href);
    const items = await page.$$eval(".open-now", (els) => els.map((e) => ({ hours: e.dataset.hours, text: e.textContent, hidden: e.hidden })));
    result.openNow.push({ time, items });
    await context.close();
  }
}

await browser.close();
process.stdout.write(JSON.stringify(result, null, 1));
