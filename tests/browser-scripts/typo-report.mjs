// Tries typo.js for real against a running site: selects a word in the body of the newest article,
// presses Control+Enter, changes the suggestion, sends, and waits for the thank-you.
// Usage: node typo-report.mjs http://127.0.0.1:5141 [/tmp/typo-dialog.png]
// Needs playwright-core (npm i playwright-core) and Debian's Chromium; never `playwright install`.
import { chromium } from "playwright-core";

const site = process.argv[2] ?? "http://127.0.0.1:5141";
const shot = process.argv[3] ?? "/tmp/typo-dialog.png";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", e => errors.push(e.message));
  // A missing favicon or demo picture is not this script's business; failing requests of its own are.
  page.on("response", r => { if (r.status() >= 400 && r.url().includes("/api/typo-reports")) errors.push(`${r.status()} ${r.url()}`); });

  await page.goto(site + "/");
  await page.click(".teasers a[href*='/20']");
  await page.waitForSelector("[data-article-id] .story__body p");

  // Select the fourth word of the second paragraph of the body.
  const word = await page.evaluate(() => {
    const p = document.querySelectorAll(".story__body p")[1] ?? document.querySelector(".story__body p");
    const node = [...p.childNodes].find(n => n.nodeType === 3 && n.data.trim().split(/\s+/).length > 4);
    const match = [...node.data.matchAll(/\S+/g)][3];
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return match[0];
  });
  await page.keyboard.press("Control+Enter");
  await page.waitForSelector("#typo-dialog[open]");
  const shown = await page.textContent("[data-typo-fragment]");
  if (shown !== word) throw new Error(`dialog shows "${shown}", selected "${word}"`);
  if (await page.evaluate(() => document.activeElement?.id) !== "typo-suggestion") throw new Error("focus is not in the suggestion field");
  await page.fill("#typo-suggestion", word + "s");
  await page.fill("#typo-comment", "Plural, surely?");
  await page.screenshot({ path: shot });
  await page.press("#typo-suggestion", "Enter");
  await page.waitForSelector(".typo__status--done", { timeout: 5000 });
  const thanks = await page.textContent("[data-typo-status]");
  await page.screenshot({ path: shot.replace(/\.png$/, "-thanks.png") });
  await page.keyboard.press("Escape");
  if (await page.evaluate(() => document.getElementById("typo-dialog").open)) throw new Error("Escape did not close the dialog");
  if (errors.length) throw new Error("script errors: " + errors.join("; "));
  console.log(`reported "${word}": ${thanks}`);
} finally {
  await browser.close();
}
