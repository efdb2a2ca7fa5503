// Lighthouse bench: runs Lighthouse (mobile preset) in Debian's Chromium on a few pages of a
// served site and prints the four category scores per page as a Markdown table.
//
// Usage: node lighthouse.mjs BASE_URL PATH...   (see docs/benchmarks.md; bench-lighthouse.sh
// builds and serves the Herlev site and calls this)
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const [base, ...paths] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
  userDataDir: mkdtempSync(join(tmpdir(), "lh-")),
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
const categories = ["performance", "accessibility", "best-practices", "seo"];
console.log("| page | performance | accessibility | best practices | SEO |");
console.log("| --- | ---: | ---: | ---: | ---: |");
try {
  for (const p of paths) {
    const r = await lighthouse(new URL(p, base).href, { port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: categories, formFactor: "mobile" });
    const s = categories.map((c) => Math.round(r.lhr.categories[c].score * 100));
    const consoleErrors = (r.lhr.audits["errors-in-console"].details?.items || []).map((i) => i.description || i.url);
    if (consoleErrors.length) console.error(p, "console errors:", JSON.stringify(r.lhr.audits["errors-in-console"].details.items));
    const failing = Object.values(r.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map((a) => a.id);
    console.log(`| ${p} | ${s.join(" | ")} |${failing.length ? " <!-- failing: " + failing.join(", ") + " -->" : ""}`);
  }
} finally {
  await chrome.kill();
}
