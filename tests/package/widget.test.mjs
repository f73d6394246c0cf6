// <formakit-catalog> (formakit/widget) in Chromium against the sandbox: the partner pages of
// www-demo/partner/ (normal, hostile CSS, strict CSP), a phone viewport, the notice sanitizer,
// URL state, an outage and its retry, a second visit with the API cut, a keyboard-only flow and
// axe-core. Screenshots go to tests/package/.work/widget/ (WIDGET_SHOTS overrides).
// FK_SANDBOX_URL=http://127.0.0.1:4377 reuses a running sandbox instead of starting one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { ROOT } from "./helpers.mjs";
import { startSandbox } from "./sandbox.mjs";

const SHOTS = process.env.WIDGET_SHOTS || `${ROOT}tests/package/.work/widget`;
let sandbox, browser, base;
const CARD = "formakit-catalog .card";

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  sandbox = process.env.FK_SANDBOX_URL ? { url: process.env.FK_SANDBOX_URL, close() {} } : await startSandbox();
  base = sandbox.url;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage"] });
});
after(async () => {
  await browser?.close();
  sandbox?.close();
});

async function open(path, { viewport = { width: 1280, height: 900 }, context } = {}) {
  const ctx = context ?? (await browser.newContext({ viewport }));
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" && !/favicon|status of 404/.test(m.text())) errors.push(m.text());
  });
  await page.goto(base + path);
  await page.locator(CARD).first().waitFor({ timeout: 60_000 });
  // the first cards come before the rest of the catalog and its index: wait for those too
  await page.locator("formakit-catalog section[aria-busy=false]").waitFor({ timeout: 60_000 });
  return { ctx, page, errors };
}
const status = (page) => page.locator("formakit-catalog [role=status]").first().textContent();
const total = async (page) => Number((await status(page)).replace(/\D*?(\d[\d\s\u202f\u00a0]*).*/s, "$1").replace(/\D/g, ""));

test("renders the catalog: 1,247 products, 20 cards a page, 63 pages, French by default", { timeout: 120_000 }, async () => {
  const { ctx, page, errors } = await open("/partner/index.html");
  assert.equal(await page.locator(CARD).count(), 20);
  assert.match(await status(page), /^1\s247 formations — Page 1 sur 63$/);
  const card = await page.locator(CARD).first().textContent();
  assert.match(card, /€/);
  assert.match(card, /jours?/);
  // every page is reachable: the last one
  await page.locator("formakit-catalog nav button", { hasText: /^63$/ }).click();
  await page.waitForFunction(() => /Page 63 sur 63/.test(document.querySelector("formakit-catalog").shadowRoot.querySelector("[role=status]").textContent));
  assert.equal(await page.locator(CARD).count(), 1247 - 62 * 20);
  await page.screenshot({ path: `${SHOTS}/normal.png`, fullPage: true });
  // English
  await page.evaluate(() => document.querySelector("formakit-catalog").setAttribute("lang", "en"));
  assert.match(await status(page), /courses — Page 63 of 63/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("search as you type narrows and highlights; a filter changes the counts; the topic tree filters", { timeout: 120_000 }, async () => {
  const { ctx, page, errors } = await open("/partner/index.html");
  const input = page.locator("formakit-catalog input[type=search]");
  await input.pressSequentially("négociation", { delay: 20 });
  await page.waitForFunction(() => document.querySelector("formakit-catalog").shadowRoot.querySelector(".card mark"));
  const n = await total(page);
  assert.ok(n > 0 && n < 1247, `négociation: ${n}`);
  const marks = await page.locator(`${CARD} mark`).allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => /^n[ée]go/i.test(m)), marks.join("|"));
  const cityOptions = await page.locator("formakit-catalog select").first().locator("option").allTextContents();
  assert.ok(cityOptions.some((o) => /^À distance \(\d+\)$/.test(o)), cityOptions.join("|"));
  await page.locator("formakit-catalog select").first().selectOption("A DISTANCE");
  const remote = await total(page);
  assert.ok(remote > 0 && remote < n, `${remote} < ${n}`);
  await page.waitForFunction(() => new URL(location.href).searchParams.get("catalog-city") === "A DISTANCE");
  // CPF count on the label matches what checking it leaves
  const cpfLabel = await page.locator("formakit-catalog label.check").textContent();
  const cpfCount = Number(/\((\d+)\)/.exec(cpfLabel)[1]);
  await page.locator("formakit-catalog input[type=checkbox]").check();
  assert.equal(await total(page), cpfCount);
  await page.screenshot({ path: `${SHOTS}/search.png`, fullPage: true });
  // reset, then a topic
  await page.locator("formakit-catalog .side .btn").click();
  assert.equal(await total(page), 1247);
  const topic = page.locator("formakit-catalog [role=tree] > [role=treeitem]").nth(1);
  const topicCount = Number(/\((\d+)\)/.exec(await topic.locator(".ti").first().textContent())[1]);
  await topic.locator(".ti").first().click();
  assert.equal(await total(page), topicCount);
  assert.equal(await topic.getAttribute("aria-selected"), "true");
  assert.deepEqual(errors, []);
  await ctx.close();
});

// The topic tree's visible counts, by topic id ("" is "all topics").
const topicCounts = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelector("formakit-catalog").shadowRoot.querySelectorAll("[role=tree] [role=treeitem]")]
    .filter((li) => !li.hidden)
    .map((li) => [li.dataset.id, Number(li.querySelector(".n").textContent.replace(/\D/g, ""))])));
const statusIs = (page, re) => page.waitForFunction((src) => new RegExp(src).test(document.querySelector("formakit-catalog").shadowRoot.querySelector("[role=status]").textContent), re.source, { timeout: 20_000 });

test("topic counts follow the query and the filters, counted like a facet (the topic itself left out)", { timeout: 120_000 }, async () => {
  const { ctx, page, errors } = await open("/partner/index.html");
  const catalog = await topicCounts(page);
  assert.equal(catalog[""], 1247);
  await page.locator("formakit-catalog input[type=search]").fill("négociation");
  await page.waitForFunction(() => document.querySelector("formakit-catalog").shadowRoot.querySelector(".card mark"));
  const n = await total(page);
  const q = await topicCounts(page);
  assert.equal(q[""], n, "all topics: the query's total");
  for (const [id, c] of Object.entries(q)) assert.ok(c > 0 && c <= catalog[id], `topic ${id}: ${c} (catalog ${catalog[id]})`);
  const fewer = Object.keys(catalog).filter((id) => (q[id] ?? 0) < catalog[id]);
  assert.ok(fewer.length > 0, "the counts are the query's, not the catalog's");
  assert.ok(Object.keys(q).length < Object.keys(catalog).length, "topics with no result are hidden");
  // each root topic's count is what selecting it leaves; the others keep theirs (disjunctive)
  const roots = await page.locator("formakit-catalog [role=tree] > [role=treeitem]:not([hidden])").evaluateAll((lis) => lis.map((li) => li.dataset.id).filter(Boolean));
  assert.ok(roots.length >= 2, roots.join());
  for (const id of roots.slice(0, 2)) {
    await page.locator(`formakit-catalog [role=tree] > [role=treeitem][data-id="${id}"] > .ti`).click();
    await statusIs(page, new RegExp(`^${q[id]} formations?\\b`));
    const during = await topicCounts(page);
    for (const [k, c] of Object.entries(q)) assert.equal(during[k], c, `topic ${k} while ${id} is selected`);
  }
  // a filter moves them too: remote only, back to all topics
  await page.locator("formakit-catalog [role=tree] > [role=treeitem][data-id=''] > .ti").click();
  await page.locator("formakit-catalog select").first().selectOption("A DISTANCE");
  const remote = await total(page);
  assert.ok(remote < n, `${remote} < ${n}`);
  const r = await topicCounts(page);
  assert.equal(r[""], remote);
  for (const [id, c] of Object.entries(r)) assert.ok(c <= q[id], `remote ${id}: ${c} ≤ ${q[id]}`);
  // clearing everything gives the catalog's totals back
  await page.locator("formakit-catalog .side .btn").click();
  assert.deepEqual(await topicCounts(page), catalog);
  assert.deepEqual(errors, []);
  await ctx.close();
});

for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
  test(`the whole topic tree is reachable at ${viewport.width}×${viewport.height}: nothing clipped in the sidebar`, { timeout: 120_000 }, async () => {
    const { ctx, page } = await open("/partner/index.html", { viewport });
    if (viewport.width < 600) await page.locator("formakit-catalog .ftoggle").click();
    // expand every topic, so the tree is as long as it gets
    await page.evaluate(() => {
      const tree = document.querySelector("formakit-catalog").shadowRoot.querySelector("[role=tree]");
      for (let more = true; more; ) {
        more = false;
        for (const li of tree.querySelectorAll("[role=treeitem][aria-expanded=false]")) if (!li.closest("[hidden]")) { li.querySelector(":scope>.ti>.tw").click(); more = true; }
      }
    });
    const items = await page.locator("formakit-catalog [role=treeitem]").evaluateAll((lis) => lis.filter((li) => !li.closest("[hidden]")).length);
    assert.ok(items > 13, `${items} topics shown`);
    // scrolling the page brings each topic into view, where a click would land on it
    const missed = await page.evaluate(async () => {
      const root = document.querySelector("formakit-catalog").shadowRoot;
      const out = [];
      for (const li of [...root.querySelectorAll("[role=treeitem]")].filter((x) => !x.closest("[hidden]"))) {
        const ti = li.querySelector(":scope>.ti");
        const y = ti.getBoundingClientRect().top + scrollY;
        scrollTo(0, Math.max(0, y - innerHeight / 2));
        await new Promise(requestAnimationFrame);
        const b = ti.getBoundingClientRect();
        const hit = root.elementFromPoint(b.left + Math.min(40, b.width / 2), b.top + b.height / 2);
        if (!ti.contains(hit)) out.push(ti.textContent);
      }
      scrollTo(0, 0);
      return out;
    });
    assert.deepEqual(missed, []);
    const side = page.locator("formakit-catalog .side");
    await side.screenshot({ path: `${SHOTS}/topics-${viewport.width}.png` });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    await ctx.close();
  });
}

test("index-url: cached in IndexedDB for its URL, revalidated by ETag; a new file or a new URL wins over the cache", { timeout: 180_000 }, async () => {
  // Three prebuilt indexes told apart by their size: the first 10, 30 and 20 products.
  const maker = await browser.newContext();
  const mp = await maker.newPage();
  await mp.goto(base + "/partner/index.html");
  const built = await mp.evaluate(async () => {
    const { CegosClient } = await import("/pkg/web/cegos/index.js");
    const { CatalogIndex } = await import("/pkg/web/search/index.js");
    const getToken = async () => (await (await fetch("/cegos/connect/token", { method: "POST", body: new URLSearchParams({ grant_type: "client_credentials", client_id: "sandbox", client_secret: "sandbox-secret", scope: "api-cegos" }) })).json()).access_token;
    const base = new URL("/cegos", location.href).href;
    const products = await new CegosClient({ baseUrl: base, authBaseUrl: base, getToken }).products({ hydrate: true }).toArray({ limit: 30 });
    return [10, 30, 20].map((n) => Array.from(CatalogIndex.fromProducts(products.slice(0, n)).toBytes()));
  });
  await maker.close();
  const files = { "/idx/a.bin": { etag: '"a1"', body: Buffer.from(built[0]) }, "/idx/b.bin": { etag: '"b1"', body: Buffer.from(built[2]) } };
  const asked = [];
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  let indexUrl = "/idx/a.bin";
  let apiDown = false;
  let indexDown = false;
  await ctx.route("**/idx/*.bin", (route) => {
    const path = new URL(route.request().url()).pathname;
    const f = files[path];
    const inm = route.request().headers()["if-none-match"] ?? null;
    asked.push({ path, inm });
    if (indexDown) return route.abort("internetdisconnected");
    if (inm && inm === f.etag) return route.fulfill({ status: 304, headers: { ETag: f.etag } });
    return route.fulfill({ status: 200, headers: { ETag: f.etag, "Content-Type": "application/octet-stream", "Cache-Control": "no-cache" }, body: f.body });
  });
  await ctx.route(/\/cegos\/(v1|connect)\//, (route) => (apiDown ? route.abort("internetdisconnected") : route.continue()));
  await ctx.route("**/partner/index.html", async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace('<formakit-catalog id="catalog"', `<formakit-catalog id="catalog" index-url="${indexUrl}"`);
    await route.fulfill({ response: res, body: html });
  });
  const visit = async (re) => {
    const page = await ctx.newPage();
    await page.goto(base + "/partner/index.html");
    await statusIs(page, re).catch(async (e) => assert.fail(`${re}: ${await status(page)} (${e.message})`));
    await page.waitForTimeout(400); // the cache writes
    await page.close();
  };
  // 1. cold: the file is fetched in full and used
  await visit(/^10 formations$/);
  assert.deepEqual(asked.splice(0), [{ path: "/idx/a.bin", inm: null }]);
  // 2. warm, the API cut: the cached index serves, revalidated with its ETag (304)
  apiDown = true;
  await visit(/^10 formations$/);
  assert.deepEqual(asked.splice(0), [{ path: "/idx/a.bin", inm: '"a1"' }]);
  apiDown = false;
  // 3. a newer file at the same URL replaces the cached one
  files["/idx/a.bin"] = { etag: '"a2"', body: Buffer.from(built[1]) };
  await visit(/^30 formations\b/);
  assert.deepEqual(asked.splice(0), [{ path: "/idx/a.bin", inm: '"a1"' }]);
  // 4. a changed index-url: the old URL's cache is not used, nor its validator sent
  indexUrl = "/idx/b.bin";
  await visit(/^20 formations$/);
  assert.deepEqual(asked.splice(0), [{ path: "/idx/b.bin", inm: null }]);
  // 5. offline altogether: the cached index of the current URL still serves
  apiDown = indexDown = true;
  await visit(/^20 formations$/);
  await ctx.close();
});

test("detail: sanitized notice, sessions with badges, focus in and back; Escape and back close it", { timeout: 120_000 }, async () => {
  const { ctx, page, errors } = await open("/partner/index.html");
  const first = page.locator(`${CARD} h3 button`).first();
  const title = await first.textContent();
  await first.click();
  const dialog = page.locator("formakit-catalog [role=dialog]");
  await dialog.waitFor();
  await dialog.locator(".notice p").first().waitFor(); // the sanitizer module loads on the first detail
  assert.equal(await dialog.getAttribute("aria-modal"), "true");
  assert.equal(await dialog.locator("h2").textContent(), title);
  assert.ok((await dialog.locator(".sessions li").count()) > 0);
  assert.match(await dialog.locator(".sessions").textContent(), /\d{4}/);
  assert.equal(await dialog.locator(".notice script, .notice img, .notice [style], .notice [onclick]").count(), 0);
  for (const rel of await dialog.locator(".notice a").evaluateAll((as) => as.map((a) => a.rel))) assert.equal(rel, "noopener noreferrer");
  assert.ok((await dialog.locator(".notice").count()) >= 2);
  assert.equal(await page.evaluate(() => document.querySelector("formakit-catalog").shadowRoot.activeElement?.textContent), "✕ Fermer");
  assert.ok(new URL(page.url()).searchParams.get("catalog-product"));
  await page.screenshot({ path: `${SHOTS}/detail.png` });
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.querySelector("formakit-catalog").shadowRoot.activeElement?.textContent), title);
  // open again, the back button closes it
  await first.click();
  await dialog.waitFor();
  await page.goBack();
  await dialog.waitFor({ state: "detached" });
  // a badge from the whole catalog: some session somewhere is full / guaranteed
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("the notice sanitizer: no script, no handlers, no javascript: links; nothing runs", { timeout: 60_000 }, async () => {
  const { ctx, page } = await open("/partner/index.html");
  const payload = `<h3 onclick="window.xssed=1">T</h3><p style="color:red">a<script>window.xssed=1</script><img src=x onerror="window.xssed=1"><svg onload="window.xssed=1"></svg><iframe src="javascript:window.xssed=1"></iframe>
    <a href="javascript:window.xssed=1">j</a> <a href=" JaVaScRiPt:window.xssed=1">k</a> <a href="data:text/html,x">d</a> <a href="https://example.org/x">ok</a> <a href="mailto:a@b.c">m</a></p><form><input autofocus onfocus="window.xssed=1"></form><ul><li><em>e</em><strong>s</strong></li></ul>`;
  const out = await page.evaluate(async (html) => {
    const El = customElements.get("formakit-catalog");
    const s = await El.sanitize(html);
    const { sanitizeNotice } = await import("/pkg/widget/formakit-catalog.js");
    const box = document.createElement("div");
    box.append(await sanitizeNotice(html));
    // the synchronous module says the same
    const sync = await import("/pkg/widget/sanitize.js");
    if (sync.sanitizeNoticeToString(html) !== s) throw new Error("sanitize.js and the element disagree");
    document.body.append(box);
    await new Promise((r) => setTimeout(r, 300));
    return { s, xssed: window.xssed ?? null };
  }, payload);
  assert.equal(out.xssed, null);
  assert.doesNotMatch(out.s, /<script|onerror|onclick|onload|onfocus|javascript:|<img|<svg|<iframe|<form|<input|style=|data:/i);
  assert.match(out.s, /<a href="https:\/\/example.org\/x" rel="noopener noreferrer" target="_blank">ok<\/a>/);
  assert.match(out.s, /<a href="mailto:a@b.c" rel="noopener noreferrer">m<\/a>/);
  assert.match(out.s, /<h3>T<\/h3>/);
  assert.match(out.s, /<li><em>e<\/em><strong>s<\/strong><\/li>/);
  await ctx.close();
});

test("URL state: query, filter, page and product survive a reload; back walks the history", { timeout: 120_000 }, async () => {
  const { ctx, page } = await open("/partner/index.html");
  await page.locator("formakit-catalog input[type=search]").fill("management");
  const n = await total(page);
  assert.ok(n > 20, `management: ${n}`);
  await page.locator("formakit-catalog select").nth(1).selectOption({ index: 1 });
  const filtered = await total(page);
  await page.locator("formakit-catalog nav button[aria-label='Suivante']").click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("catalog-page") === "2").catch(() => {});
  const pageNow = new URL(page.url()).searchParams.get("catalog-page");
  const statusBefore = await status(page);
  const titles = await page.locator(`${CARD} h3`).allTextContents();
  await page.reload();
  await page.locator(CARD).first().waitFor();
  assert.equal(await page.locator("formakit-catalog input[type=search]").inputValue(), "management");
  assert.equal(await status(page), statusBefore);
  assert.equal(await total(page), filtered);
  assert.deepEqual(await page.locator(`${CARD} h3`).allTextContents(), titles);
  if (pageNow === "2") {
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get("catalog-page"));
    assert.match(await status(page), /Page 1 sur/);
  }
  // a shared link to a product opens its detail
  const code = await page.locator(`${CARD} h3 button`).first().getAttribute("data-code");
  const link = new URL(page.url());
  link.searchParams.set("catalog-product", code);
  await page.goto(link.href);
  await page.locator("formakit-catalog [role=dialog]").waitFor({ timeout: 60_000 });
  await ctx.close();
});

test("an API outage shows the error state; retry recovers", { timeout: 120_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  let outage = true;
  // the sandbox's own fault injection, on every catalog request while the outage lasts
  await ctx.route("**/cegos/v1/**", (route) => route.continue({ headers: { ...route.request().headers(), "x-formakit-fault": outage ? "503" : "none" } }));
  const page = await ctx.newPage();
  await page.goto(base + "/partner/index.html");
  const err = page.locator("formakit-catalog [part=error]");
  await err.waitFor({ timeout: 60_000 });
  assert.match(await err.textContent(), /n’a pas pu être chargé/);
  await page.screenshot({ path: `${SHOTS}/error.png` });
  outage = false;
  await err.locator("button").click();
  await page.locator(CARD).first().waitFor({ timeout: 60_000 });
  assert.match(await status(page), /^1\s247 formations/);
  await ctx.close();
});

test("a second visit with the API cut still shows the catalog (IndexedDB)", { timeout: 120_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const first = await open("/partner/index.html", { context: ctx });
  await first.page.waitForTimeout(500); // the cache write
  await first.page.close();
  await ctx.route(/\/cegos\/(v1|connect)\//, (route) => route.abort("internetdisconnected"));
  const second = await open("/partner/index.html", { context: ctx });
  assert.match(await status(second.page), /^1\s247 formations/);
  await ctx.close();
});

test("keyboard only: search, Enter to the first card, open, Escape, focus returned", { timeout: 120_000 }, async () => {
  const { ctx, page } = await open("/partner/index.html");
  await page.locator("formakit-catalog input[type=search]").focus();
  await page.keyboard.type("excel");
  await page.keyboard.press("Enter");
  const focused = () => page.evaluate(() => document.querySelector("formakit-catalog").shadowRoot.activeElement?.textContent);
  const title = await focused();
  assert.match(title, /excel/i);
  await page.keyboard.press("Enter");
  await page.locator("formakit-catalog [role=dialog]").waitFor();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Escape");
  await page.locator("formakit-catalog [role=dialog]").waitFor({ state: "detached" });
  assert.equal(await focused(), title);
  // the tree: focus it, move down (past the topics "excel" leaves empty, which are hidden), select with Enter
  await page.locator("formakit-catalog [role=treeitem][tabindex='0']").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const next = page.locator("formakit-catalog [role=tree] > [role=treeitem]:not([hidden])").nth(1);
  assert.equal(await next.getAttribute("aria-selected"), "true");
  assert.equal(await total(page), Number(/\((\d+)\)/.exec(await next.locator(".ti").first().textContent())[1]));
  await ctx.close();
});

test("hostile stylesheet: same card font size and title size as the normal page", { timeout: 120_000 }, async () => {
  const measure = (page) => page.evaluate(() => {
    const r = document.querySelector("formakit-catalog").shadowRoot;
    const cs = (sel) => getComputedStyle(r.querySelector(sel));
    return { card: cs(".card").fontSize, title: cs(".card h3").fontSize, button: cs(".pager .btn").backgroundColor, lh: cs(".card").lineHeight, width: r.querySelector(".card").getBoundingClientRect().width };
  });
  const a = await open("/partner/index.html");
  const b = await open("/partner/hostile.html");
  assert.equal((await b.page.evaluate(() => getComputedStyle(document.documentElement).fontSize)), "10px");
  const ma = await measure(a.page);
  const mb = await measure(b.page);
  assert.equal(mb.card, ma.card);
  assert.equal(mb.title, ma.title);
  assert.equal(mb.lh, ma.lh);
  assert.equal(mb.button, ma.button);
  assert.equal(ma.card, "16px");
  await b.page.screenshot({ path: `${SHOTS}/hostile.png`, fullPage: true });
  await a.ctx.close();
  await b.ctx.close();
});

test("strict CSP page: works, with no CSP violation", { timeout: 120_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to: CSP ${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(base + "/partner/csp.html");
  await page.locator(CARD).first().waitFor({ timeout: 60_000 });
  await page.locator("formakit-catalog input[type=search]").fill("vente");
  await page.locator(`${CARD} h3 button`).first().click();
  await page.locator("formakit-catalog [role=dialog]").waitFor();
  await page.screenshot({ path: `${SHOTS}/csp.png` });
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("phone viewport 390×844: no horizontal overflow, filters behind a toggle", { timeout: 120_000 }, async () => {
  const { ctx, page } = await open("/partner/index.html", { viewport: { width: 390, height: 844 } });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await overflow(), 0);
  const toggle = page.locator("formakit-catalog .ftoggle");
  assert.ok(await toggle.isVisible());
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.equal(await overflow(), 0);
  await page.screenshot({ path: `${SHOTS}/phone.png` });
  await toggle.click();
  await page.locator(`${CARD} h3 button`).first().click();
  await page.locator("formakit-catalog [role=dialog]").waitFor();
  assert.equal(await overflow(), 0);
  await page.screenshot({ path: `${SHOTS}/phone-detail.png` });
  await ctx.close();
});

test("axe-core: no serious or critical violation (list, filters, detail, empty, error states)", { timeout: 180_000 }, async () => {
  const { ctx, page } = await open("/partner/index.html");
  await page.addScriptTag({ path: `${ROOT}node_modules/axe-core/axe.min.js` });
  const check = async (label) => {
    const res = await page.evaluate(() => window.axe.run(document.querySelector("formakit-catalog"), { resultTypes: ["violations"] }));
    const bad = res.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), []);
  };
  await check("list");
  await page.locator("formakit-catalog [role=tree] > [role=treeitem]").nth(1).locator(".ti").first().click();
  await check("topic");
  await page.locator("formakit-catalog input[type=search]").fill("zzzzqqqq");
  await page.locator("formakit-catalog [part=empty]").waitFor();
  await check("empty");
  await page.locator("formakit-catalog [part=empty] button").click();
  await page.locator(`${CARD} h3 button`).first().click();
  await page.locator("formakit-catalog [role=dialog]").waitFor();
  await check("detail");
  await ctx.close();
});

test("attributes only: token-url (a partner's token proxy), api-base, the fault attribute, lang=en", { timeout: 120_000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  let proxied = 0;
  // the partner's token proxy, played by the test: it holds the (public, sandbox) credentials, the page never sees them
  await ctx.route("**/partner/token", async (route) => {
    assert.equal(route.request().method(), "POST");
    proxied++;
    const res = await fetch(`${base}/cegos/connect/token`, { method: "POST", body: new URLSearchParams({ grant_type: "client_credentials", client_id: "sandbox", client_secret: "sandbox-secret", scope: "api-cegos" }) });
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ access_token: (await res.json()).access_token }) });
  });
  const page = await ctx.newPage();
  await page.goto(base + "/partner/index.html");
  await page.evaluate(() => {
    const el = document.createElement("formakit-catalog");
    el.id = "b";
    el.setAttribute("lang", "en");
    el.setAttribute("api-base", "/cegos");
    el.setAttribute("token-url", "/partner/token");
    el.setAttribute("fault", "503");
    document.querySelector("main").append(el);
  });
  const err = page.locator("#b [part=error]");
  await err.waitFor({ timeout: 60_000 });
  assert.match(await err.textContent(), /could not be loaded/);
  await page.evaluate(() => document.getElementById("b").removeAttribute("fault"));
  await page.locator("#b .card").first().waitFor({ timeout: 60_000 });
  assert.match(await page.locator("#b [role=status]").textContent(), /^1,247 courses/);
  assert.ok(proxied >= 1);
  await ctx.close();
});

// The city, level and CPF counts of the sidebar, as shown.
const facetCounts = (page) => page.evaluate(() => {
  const r = document.querySelector("formakit-catalog").shadowRoot;
  const sel = (i) => Object.fromEntries([...r.querySelectorAll(".side select")[i].options].filter((o) => o.value).map((o) => [o.value, Number(/\((\d[\d\s\u202f\u00a0]*)\)$/.exec(o.textContent)[1].replace(/\D/g, ""))]));
  const cpf = /\((\d[\d\s\u202f\u00a0]*)\)/.exec(r.querySelector("label.check").textContent);
  return { city: sel(0), level: sel(1), cpf: cpf ? Number(cpf[1].replace(/\D/g, "")) : 0 };
});

test("facet counts follow the selected topic: each value's count is what choosing it leaves in that topic, with the query", { timeout: 180_000 }, async () => {
  const { ctx, page, errors } = await open("/partner/index.html");
  await statusIs(page, /^1\s247 formations/);
  const catalog = await facetCounts(page);
  const root = page.locator("formakit-catalog [role=tree] > [role=treeitem]:not([hidden])").nth(1);
  const id = await root.getAttribute("data-id");
  await root.locator(".ti").first().click();
  const inTopic = await total(page);
  assert.ok(inTopic > 0 && inTopic < 1247, `topic ${id}: ${inTopic}`);
  const f = await facetCounts(page);
  // the topic applies: no count above the topic's total, and some below the catalog's
  for (const [v, c] of Object.entries(f.city)) assert.ok(c <= inTopic && c <= catalog.city[v], `city ${v}: ${c}`);
  assert.ok(Object.entries(f.city).some(([v, c]) => c < catalog.city[v]), "city counts are the topic's, not the catalog's");
  assert.ok(f.cpf < catalog.cpf, `cpf ${f.cpf} < ${catalog.cpf}`);
  // each count is what choosing the value leaves (the topic kept)
  const city = Object.keys(f.city).includes("A DISTANCE") ? "A DISTANCE" : Object.keys(f.city)[0];
  await page.locator("formakit-catalog .side select").first().selectOption(city);
  assert.equal(await total(page), f.city[city], `city ${city}`);
  // another facet's counts, with the city chosen, still in the topic and disjunctive on themselves
  const g = await facetCounts(page);
  const level = Object.keys(g.level)[0];
  await page.locator("formakit-catalog .side select").nth(1).selectOption(level);
  assert.equal(await total(page), g.level[level], `level ${level} in ${city}, topic ${id}`);
  const h = await facetCounts(page);
  await page.locator("formakit-catalog input[type=checkbox]").check();
  assert.equal(await total(page), h.cpf, "cpf");
  // the city's own counts still ignore the city chosen (another city's count is what switching leaves)
  const k = await facetCounts(page);
  const other = Object.keys(k.city).find((v) => v !== city);
  if (other) {
    await page.locator("formakit-catalog .side select").first().selectOption(other);
    assert.equal(await total(page), k.city[other], `switching to ${other}`);
  }
  // with a query too
  await page.locator("formakit-catalog .side .btn").click();
  await page.locator("formakit-catalog input[type=search]").fill("management");
  await page.locator(`formakit-catalog [role=tree] > [role=treeitem][data-id="${id}"] > .ti`).click().catch(() => {});
  if ((await page.locator(`formakit-catalog [role=tree] > [role=treeitem][data-id="${id}"]`).getAttribute("aria-selected")) === "true") {
    const q = await facetCounts(page);
    await page.locator("formakit-catalog input[type=checkbox]").check();
    assert.equal(await total(page), q.cpf, "cpf with the query and the topic");
  }
  await page.screenshot({ path: `${SHOTS}/facets-topic.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("date filters speak the widget's language, not the browser's: the chosen day is written in fr or en beside the input", { timeout: 120_000 }, async () => {
  for (const [browserLocale, lang, day] of [["en-US", "fr", /^jeu\. 5 mars 2026$/], ["fr-FR", "en", /^Thu,? 5 March 2026$/]]) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: browserLocale });
    const page = await ctx.newPage();
    await page.goto(base + "/partner/index.html");
    await page.evaluate((l) => document.querySelector("formakit-catalog").setAttribute("lang", l), lang);
    await page.locator(CARD).first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector("formakit-catalog").shadowRoot.querySelector("input[type=date]").disabled, null, { timeout: 60_000 });
    const from = page.locator("formakit-catalog input[type=date]").first();
    assert.equal(await page.locator("formakit-catalog [part=date-text]").first().textContent(), "");
    const before = await total(page);
    await from.fill("2026-03-05");
    assert.equal(await from.inputValue(), "2026-03-05");
    assert.match(await page.locator("formakit-catalog [part=date-text]").first().textContent(), day);
    assert.ok((await total(page)) <= before);
    assert.equal(new URL(page.url()).searchParams.get("catalog-from"), "2026-03-05");
    await page.locator("formakit-catalog .side").screenshot({ path: `${SHOTS}/dates-${lang}.png` });
    // switching the widget's language rewrites it; a reload keeps it
    await page.evaluate((l) => document.querySelector("formakit-catalog").setAttribute("lang", l), lang === "fr" ? "en" : "fr");
    assert.match(await page.locator("formakit-catalog [part=date-text]").first().textContent(), lang === "fr" ? /^Thu,? 5 March 2026$/ : /^jeu\. 5 mars 2026$/);
    await ctx.close();
  }
});
