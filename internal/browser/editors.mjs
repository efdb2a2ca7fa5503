// Browser checks of the editors' loop, run by editors_test.go with a JSON config file:
//   {mode: "reload", chromium, url, file, from, to}: open a page of viften serve, edit the
//     content file, and wait until the page has reloaded by itself with the new text.
//   {mode: "admin", chromium, base, collections}: open /admin/ (Decap CMS, test backend), log
//     in, and list the collections shown; console errors and foreign requests are reported.
// Prints one JSON object on stdout.
import fs from 'node:fs';
import { launch, newPage } from './lib.mjs';

const cfg = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const browser = await launch(cfg.chromium);
const { page, log } = await newPage(browser, new URL(cfg.url || cfg.base));
const out = { consoleErrors: log.consoleErrors, foreign: log.foreignRequests };
try {
  if (cfg.mode === 'reload') {
    await page.goto(cfg.url);
    await page.evaluate(() => { window.__notReloaded = true; });
    // Wait until the event stream is open: the script has connected once.
    await page.waitForTimeout(300);
    const src = fs.readFileSync(cfg.file, 'utf8');
    fs.writeFileSync(cfg.file, src.replace(cfg.from, cfg.to));
    const start = Date.now();
    // Poll from here: the page's own context is replaced by the reload.
    const want = cfg.to.replace(/^titel: /, '').trim();
    for (;;) {
      const ok = await page.evaluate(t => !window.__notReloaded && document.body.innerText.includes(t), want).catch(() => false);
      if (ok) break;
      if (Date.now() - start > 10000) throw new Error('the page did not reload with the new text within 10 s');
      await new Promise(r => setTimeout(r, 20));
    }
    out.reloadedMs = Date.now() - start;
    out.heading = await page.innerText('h1');
  } else if (cfg.mode === 'admin') {
    await page.goto(cfg.base + '/admin/');
    const login = page.getByRole('button', { name: /log ind/i });
    await login.waitFor({ timeout: 15000 });
    await login.click();
    await page.waitForTimeout(500);
    // The sidebar is there once the first collection is; then list those it shows.
    await page.getByText(cfg.collections[0], { exact: true }).first().waitFor({ timeout: 15000 });
    out.collections = [];
    for (const label of cfg.collections) {
      if (await page.getByText(label, { exact: true }).count() > 0) out.collections.push(label);
    }
  }
} catch (e) {
  out.error = String(e) + ' / page: ' + (await page.innerText('body').catch(() => '')).slice(0, 300);
}
await browser.close();
console.log(JSON.stringify(out));
