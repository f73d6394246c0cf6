// The <formakit-catalog> rows of `make bench` (bench/run.mjs calls `runWidgetBench`;
// `node bench/widget.mjs` runs them alone). Headless Chromium (playwright-core driving
// /usr/bin/chromium, never a downloaded browser) against formakit-sandbox serving the demo
// partner page (www-demo/partner/index.html) and pkg/, on loopback:
//   - attach → first card painted, cold: a fresh browser context per run (empty IndexedDB,
//     empty HTTP cache). "Attach" is the element's connectedCallback (an init script wraps
//     it before the element is defined); "painted" is the animation frame after the first
//     one in which a product card exists in the shadow root (that frame has been drawn).
//   - the same, warm: one context whose first visit filled IndexedDB, then new pages in it.
//   - keystroke → updated results: keydown's event time to the end of the input event's
//     dispatch (the widget renders the results synchronously in its input handler), per
//     character typed into the search box; and to the next animation frame.
//   - gzip sizes (zlib level 9): the widget's own JS (pkg/widget/*.js), and every response
//     body of a cold first visit up to the `formakit-ready` event (recorded in the page,
//     each body gzipped alone), split into code/assets and API data.
// Where the cold time goes: the widget's performance marks (`fk:*`) and the page's Resource
// Timing entries, medians over the cold runs.
// FK_SANDBOX_URL=http://127.0.0.1:4377 reuses a running sandbox (it must serve www-demo/ at /
// and pkg/ at /pkg/); WIDGET_BENCH_RUNS sets the runs (default 7).
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { startSandbox } from "../scripts/sandbox.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PAGE = "/partner/index.html";
export const TARGETS = { coldMs: 300, warmMs: 100, keyMs: 16, widgetGzip: 20 * 1024, firstVisitGzip: 120 * 1024 };

const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};
const gz = (b) => gzipSync(b, { level: 9 }).length;

// Runs in every page before its scripts.
function probe() {
  const fk = (window.__fkBench = { attach: null, seen: null, painted: null, ready: null, keys: [] });
  const define = customElements.define.bind(customElements);
  customElements.define = (name, cls, options) => {
    if (name === "formakit-catalog") {
      const cc = cls.prototype.connectedCallback;
      cls.prototype.connectedCallback = function () {
        if (fk.attach === null) fk.attach = performance.now();
        return cc.call(this);
      };
    }
    return define(name, cls, options);
  };
  addEventListener("formakit-ready", () => (fk.ready ??= performance.now()));
  const tick = () => {
    if (document.querySelector("formakit-catalog")?.shadowRoot?.querySelector(".card")) {
      fk.seen = performance.now();
      requestAnimationFrame(() => (fk.painted = performance.now()));
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // keystrokes: keydown's timestamp, then the end of the input dispatch (document, bubble phase:
  // after the widget's own listener), then the next frame
  let down = null;
  document.addEventListener("keydown", (e) => (down = e.timeStamp), true);
  document.addEventListener("input", () => {
    if (down === null) return;
    const k = { down, done: performance.now(), frame: null };
    down = null;
    fk.keys.push(k);
    requestAnimationFrame(() => (k.frame = performance.now()));
  });
}

// In the page: the phases of the cold path, from the widget's marks and Resource Timing.
function phases() {
  const res = performance.getEntriesByType("resource");
  const last = (re) => Math.max(...res.filter((r) => re.test(r.name)).map((r) => r.responseEnd), -Infinity);
  const first = (re) => Math.min(...res.filter((r) => re.test(r.name)).map((r) => r.responseEnd), Infinity);
  const marks = {};
  for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("fk:")) marks[m.name] ??= m.startTime;
  const fin = (x) => (Number.isFinite(x) ? x : null);
  return {
    marks,
    token: fin(last(/connect\/token/)),
    productsFirst: fin(first(/\/Products\b/i)),
    productsLast: fin(last(/\/Products\b/i)),
    sessionsLast: fin(last(/\/Sessions\b/i)),
    topics: fin(last(/CatalogTopics/i)),
    cegosWasm: fin(last(/cegos\/formakit_bg\.wasm/)),
    searchWasm: fin(last(/search_bg\.wasm/)),
    widgetJs: fin(last(/widget\/formakit-catalog\.js/)),
  };
}

async function visit(ctx, base, { collect = false } = {}) {
  const page = await ctx.newPage();
  const bodies = [];
  if (collect) {
    page.on("response", (r) => {
      bodies.push(
        r.body().then(
          (b) => ({ url: r.url(), status: r.status(), type: r.headers()["content-type"] ?? "", raw: b.length, gzip: gz(b) }),
          () => ({ url: r.url(), status: r.status(), type: "", raw: 0, gzip: 0 }),
        ),
      );
    });
  }
  await page.goto(base + PAGE);
  await page.waitForFunction(() => window.__fkBench.painted !== null && window.__fkBench.ready !== null, null, { timeout: 60_000, polling: 50 });
  const fk = await page.evaluate(() => window.__fkBench);
  const ph = await page.evaluate(phases);
  return { page, fk, ph, bodies: collect ? await Promise.all(bodies) : null };
}

export async function runWidgetBench({ runs = Number(process.env.WIDGET_BENCH_RUNS) || 7, log = console.log } = {}) {
  const sandbox = process.env.FK_SANDBOX_URL ? { url: process.env.FK_SANDBOX_URL, close() {} } : await startSandbox(["--www", "www-demo", "--pkg", "pkg"], { release: true });
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage"] });
  const newContext = async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
    await ctx.addInitScript(probe);
    return ctx;
  };
  try {
    const base = sandbox.url;
    // 1. cold: a fresh context per run; the first one also records every response
    const cold = [];
    let first = null;
    for (let i = 0; i < runs + 1; i++) {
      const ctx = await newContext();
      const v = await visit(ctx, base, { collect: i === 1 });
      if (i === 1) first = v.bodies;
      if (i > 0) cold.push(v); // run 0 warms the sandbox and the OS file cache
      await ctx.close();
    }
    // 2. warm: one context, a first visit fills IndexedDB, then new pages in it
    const warm = [];
    {
      const ctx = await newContext();
      const v = await visit(ctx, base);
      await v.page.waitForTimeout(800); // the cache writes
      await v.page.close();
      for (let i = 0; i < runs; i++) {
        const w = await visit(ctx, base);
        warm.push(w);
        await w.page.waitForTimeout(300);
        await w.page.close();
      }
      await ctx.close();
    }
    // 3. keystrokes: type queries into a loaded page
    const keys = [];
    {
      const ctx = await newContext();
      const v = await visit(ctx, base);
      const input = v.page.locator("formakit-catalog input[type=search]");
      for (const q of ["management", "excel avancé", "négociation commerciale", "sécurité", "prise de parole"]) {
        await input.fill("");
        await v.page.evaluate(() => (window.__fkBench.keys = []));
        await input.pressSequentially(q, { delay: 40 });
        await v.page.waitForTimeout(100);
        keys.push(...(await v.page.evaluate(() => window.__fkBench.keys)));
      }
      await ctx.close();
    }

    const attachToPaint = (v) => v.fk.painted - v.fk.attach;
    const coldMs = median(cold.map(attachToPaint));
    const warmMs = median(warm.map(attachToPaint));
    const keyMs = median(keys.map((k) => k.done - k.down));
    const keyFrameMs = median(keys.map((k) => k.frame - k.down));
    // sizes
    const widgetDir = new URL("../pkg/widget/", import.meta.url);
    const widgetFiles = readdirSync(widgetDir).filter((f) => f.endsWith(".js"));
    const widgetGzip = widgetFiles.reduce((n, f) => n + gz(readFileSync(new URL(f, widgetDir))), 0);
    const api = first.filter((r) => /\/cegos\/(v1|connect)\//.test(r.url));
    const assets = first.filter((r) => !api.includes(r));
    const sum = (list, k) => list.reduce((n, r) => n + r[k], 0);
    const ratio = (v, t) => (v === null ? null : v / t);
    const rows = [
      { group: "widget", name: "attach → first card painted, cold (fresh context)", ms: coldMs, target: TARGETS.coldMs, ratio: ratio(coldMs, TARGETS.coldMs), runs: cold.length },
      { group: "widget", name: "attach → first card painted, warm (IndexedDB filled)", ms: warmMs, target: TARGETS.warmMs, ratio: ratio(warmMs, TARGETS.warmMs), runs: warm.length },
      { group: "widget", name: "navigation start → first card painted, cold", ms: median(cold.map((v) => v.fk.painted)), target: null, ratio: null },
      { group: "widget", name: "attach → catalog complete (formakit-ready), cold", ms: median(cold.map((v) => v.fk.ready - v.fk.attach)), target: null, ratio: null },
      { group: "widget", name: "keystroke → results updated (input handled)", ms: keyMs, target: TARGETS.keyMs, ratio: ratio(keyMs, TARGETS.keyMs), runs: keys.length },
      { group: "widget", name: "keystroke → next frame", ms: keyFrameMs, target: null, ratio: null },
      { group: "widget", name: `widget JS, gzip -9 (pkg/widget/: ${widgetFiles.join(", ")})`, bytes: widgetGzip, target: TARGETS.widgetGzip, ratio: widgetGzip / TARGETS.widgetGzip },
      { group: "widget", name: `first visit, everything downloaded, gzip -9 (${first.length} responses)`, bytes: sum(first, "gzip"), target: TARGETS.firstVisitGzip, ratio: sum(first, "gzip") / TARGETS.firstVisitGzip },
      { group: "widget", name: `  of which code and assets (${assets.length} responses)`, bytes: sum(assets, "gzip"), target: null, ratio: null },
      { group: "widget", name: `  of which API data (${api.length} responses)`, bytes: sum(api, "gzip"), target: null, ratio: null },
    ];
    // where the cold time goes, from attach (medians)
    const rel = (f) => median(cold.map((v) => { const x = f(v); return x === null || x === undefined ? null : x - v.fk.attach; }));
    const breakdown = {
      token: rel((v) => v.ph.token),
      firstProductsPage: rel((v) => v.ph.productsFirst),
      lastProductsPage: rel((v) => v.ph.productsLast),
      lastSessionsPage: rel((v) => v.ph.sessionsLast),
      topics: rel((v) => v.ph.topics),
      cegosWasmLoaded: rel((v) => v.ph.cegosWasm),
      searchWasmLoaded: rel((v) => v.ph.searchWasm),
      ...Object.fromEntries([...new Set(cold.flatMap((v) => Object.keys(v.ph.marks)))].map((m) => [m, rel((v) => v.ph.marks[m] ?? null)])),
      firstCardPainted: coldMs,
    };
    const warmBreakdown = Object.fromEntries([...new Set(warm.flatMap((v) => Object.keys(v.ph.marks)))].map((m) => [m, median(warm.map((v) => (v.ph.marks[m] ?? NaN) - v.fk.attach))]));
    warmBreakdown.firstCardPainted = warmMs;
    const assetList = assets.map((r) => ({ url: r.url.replace(base, ""), raw: r.raw, gzip: r.gzip })).sort((a, b) => b.gzip - a.gzip);
    printWidget(rows, breakdown, assetList, log);
    log(`warm path, ms after attach (median): ${Object.entries(warmBreakdown).map(([k, v]) => `${k} ${v === null ? "-" : v.toFixed(0)}`).join(", ")}`);
    return { rows, coldBreakdownMs: breakdown, warmBreakdownMs: warmBreakdown, firstVisitAssets: assetList, raw: { cold: cold.map(attachToPaint), warm: warm.map(attachToPaint) } };
  } finally {
    await browser.close();
    sandbox.close();
  }
}

export function printWidget(rows, breakdown, assets, log = console.log) {
  log(`\n<formakit-catalog> in headless Chromium against the sandbox (median; ratio to the target)`);
  const w = Math.max(60, ...rows.map((r) => r.name.length));
  log(`${"".padEnd(w)} ${"measured".padStart(10)} ${"target".padStart(10)} ${"ratio".padStart(7)}`);
  const fmt = (r, v) => (v === null || v === undefined ? "-" : "bytes" in r ? `${(v / 1024).toFixed(1)} KB` : `${v.toFixed(1)} ms`);
  for (const r of rows) {
    const v = "bytes" in r ? r.bytes : r.ms;
    const ok = r.ratio === null || r.ratio === undefined ? "" : r.ratio <= 1 ? " met" : " missed";
    log(`${r.name.padEnd(w)} ${fmt(r, v).padStart(10)} ${(r.target === null ? "-" : `< ${fmt(r, r.target)}`).padStart(10)} ${(r.ratio === null || r.ratio === undefined ? "-" : r.ratio.toFixed(2) + "×").padStart(7)}${ok}`);
  }
  log(`cold path, ms after attach (median): ${Object.entries(breakdown).map(([k, v]) => `${k} ${v === null ? "-" : v.toFixed(0)}`).join(", ")}`);
  log(`first visit code and assets, gzip: ${assets.map((a) => `${a.url.split("?")[0]} ${(a.gzip / 1024).toFixed(1)} KB`).join(", ")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runWidgetBench();
