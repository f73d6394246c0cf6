// `make demo` end to end: the sandbox serves www-demo/ and pkg/, and the page
// lists the Cegos catalog, shows a product's sessions and validates a batch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { ROOT } from "./helpers.mjs";

async function startSandbox() {
  const child = spawn("cargo", ["run", "--quiet", "-p", "formakit-sandbox", "--", "--port", "0", "--www", "www-demo", "--pkg", "pkg", "--today", "2026-01-05"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  for await (const chunk of child.stdout) {
    out += chunk;
    const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (m) return { url: m[1] + "/", stop: async () => { child.kill(); await once(child, "exit"); } };
  }
  throw new Error(`sandbox exited without printing its URL: ${out}`);
}

test("demo: catalog, sessions and batch validation against the sandbox in Chromium", { timeout: 300_000 }, async () => {
  const sandbox = await startSandbox();
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(sandbox.url);
    await page.waitForSelector("#products li button", { timeout: 30_000 });
    assert.equal(await page.locator("#products li").count(), 100);
    assert.match(await page.textContent("#page-info"), /page 1 \/ 13 — 1247 formations/);
    await page.click("#next");
    await page.waitForFunction(() => document.querySelector("#page-info").textContent.startsWith("page 2"));
    await page.click("#products li:first-child button");
    await page.waitForSelector("#sessions:not([hidden]) tbody tr, #sessions-for:has-text('aucune session')", { timeout: 15_000 });
    // The sample batch has conflicts; each names both places, in French by default.
    await page.waitForSelector("#issues li.error");
    const issues = await page.locator("#issues li").allTextContents();
    assert.ok(issues.some((t) => /contrats\[1\]\.emailApprenant/.test(t) && /contrats\[0\]\.emailApprenant/.test(t)), issues.join("\n"));
    assert.ok(issues.some((t) => /contrats\[1\]\.dateFin/.test(t)), issues.join("\n"));
    await page.selectOption("#lang", "en");
    await page.waitForFunction(() => /\b(is|are)\b/.test(document.querySelector("#issues").textContent));
    assert.deepEqual(errors, []);
    assert.equal(await page.textContent("#status"), "");
    await page.screenshot({ path: `${ROOT}tests/package/.work/demo.png`, fullPage: true });
  } finally {
    await browser.close();
    await sandbox.stop();
  }
});

test("demo: a Campus Skills spreadsheet dropped in the page, checked with nothing uploaded, offending cells highlighted", { timeout: 300_000 }, async () => {
  const sandbox = await startSandbox();
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    const posts = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => r.method() !== "GET" && posts.push(r.url()));
    await page.goto(`${sandbox.url}campus.html`);
    await page.waitForSelector("body[data-ready]");
    await page.click("#sample");
    await page.waitForSelector("#grid td.bad");
    assert.match(await page.textContent("#summary"), /2 contrat\(s\), 1 erreur\(s\), 2 avertissement\(s\)/);
    assert.match(await page.textContent("#file-issues"), /2 colonnes donnent le champ dateDebut/);
    // The file picker: conflicts across rows, each offending cell highlighted with its message.
    await page.setInputFiles("#file", `${ROOT}tests/fixtures/campus_skills/csv/conflicts.csv`);
    await page.waitForFunction(() => document.querySelector("#summary").textContent.includes("conflicts.csv"));
    const bad = await page.locator("#grid td.bad.error").count();
    assert.equal(bad, 3, "one highlighted cell per conflict");
    assert.equal(await page.locator("#grid td.other").count(), 3, "and the other place of each, on row 2");
    assert.deepEqual(await page.locator("#grid tbody th").allTextContents(), ["2", "3", "4"]);
    assert.match(await page.locator("#grid td.bad.error").first().getAttribute("title"), /ligne 2/);
    await page.selectOption("#lang", "en");
    await page.waitForFunction(() => document.querySelector("#row-issues").textContent.includes("row 2"));
    await page.screenshot({ path: `${ROOT}tests/package/.work/campus.png`, fullPage: true });
    assert.deepEqual(posts, [], "nothing uploaded");
    // The full web build leaves the reader out, and says where it is.
    const full = await page.evaluate(async () => {
      const m = await import("/pkg/web/index.js");
      try {
        m.campusSkills.fromCsv("a;b");
        return "no error";
      } catch (e) {
        return `${e.kind}: ${e.message}`;
      }
    });
    assert.match(full, /^usage: .*formakit\/campus-skills/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await sandbox.stop();
  }
});
