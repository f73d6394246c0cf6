// formakit/search in Node and in headless Chromium: the catalog from the sandbox (through
// the clients), French normalization through the API, filters and facet counts, highlights
// as JS string ranges, toBytes/fromBytes, free, usage errors, and memory that stays flat.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { ROOT } from "./helpers.mjs";
import { startSandbox } from "./sandbox.mjs";

const require = createRequire(import.meta.url);
const fk = require(`${ROOT}pkg/node/index.cjs`);
const { CatalogIndex, FormakitError } = require(`${ROOT}pkg/node/search.cjs`);

let sbx;
let products;
let topics;
let sessions;
let index;
before(async () => {
  sbx = await startSandbox();
  const cegos = new fk.CegosClient({ sandboxUrl: sbx.url, clientId: "sandbox", clientSecret: "sandbox-secret" });
  products = await cegos.products({ hydrate: true }).toArray({ limit: 5000 });
  topics = await cegos.topics();
  sessions = await cegos.sessions().toArray({ limit: 10000 });
  index = CatalogIndex.fromProducts(products, { topics, sessions });
});
after(() => sbx && sbx.close());

const titles = (r) => r.hits.map((h) => h.product.title);

test("the same FormakitError class as the main entry; usage errors say what was wrong", () => {
  assert.equal(FormakitError, fk.FormakitError);
  assert.equal(index.size, 1247);
  for (const bad of [() => CatalogIndex.fromProducts("x"), () => index.search(3), () => index.search("a", { filters: { city: 3 } }), () => index.search("a", { filters: { nope: 1 } }), () => index.search("a", { limit: -1 }), () => index.search("a", { filters: { startFrom: "demain" } })]) {
    assert.throws(bad, (e) => e instanceof FormakitError && e.kind === "usage" && e.message.length > 10);
  }
  assert.throws(() => CatalogIndex.fromBytes(new Uint8Array([70, 75, 83, 73, 1, 0])), (e) => e instanceof FormakitError && e.kind === "decode" && /index/.test(e.message));
  assert.throws(() => CatalogIndex.fromBytes("x"), (e) => e.kind === "usage");
});

test("accents, ligatures, elisions, plurals, typos and prefixes find the same products", () => {
  const same = (a, b) => assert.deepEqual(titles(index.search(a, { limit: 10 })), titles(index.search(b, { limit: 10 })), `${a} / ${b}`);
  assert.ok(index.search("cœur").total > 0);
  same("coeur", "cœur");
  same("CŒUR", "coeur ");
  same("reseaux", "réseaux");
  same("réseau ", "réseaux ");
  same("l’entreprise ", "l'entreprise ");
  same("entreprise ", "l’entreprise ");
  for (const [typo, word] of [["managment", "management"], ["negotiation", "négociation"], ["comptabilte", "comptabilité"]]) {
    const r = index.search(typo, { limit: 5 });
    assert.ok(r.total > 0, typo);
    assert.ok(r.hits.every((h) => h.product.title.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").includes(word.normalize("NFD").replace(/\p{M}/gu, ""))) || r.hits.length > 0, typo);
  }
  const prefix = index.search("manag", { limit: 5 });
  assert.ok(prefix.total > 0 && prefix.hits.every((h) => /manag/i.test(h.product.title)));
  assert.equal(index.search("zzqxw").total, 0);
  assert.equal(index.search("format ").total < index.search("formation ").total, true, "format and formation stay apart");
});

test("highlights are JS string ranges of the title", () => {
  const r = index.search("cœur", { limit: 3 });
  for (const h of r.hits) {
    assert.ok(h.highlights.length > 0);
    for (const [a, b] of h.highlights) assert.equal(h.product.title.slice(a, b).toLowerCase(), "cœur");
  }
});

test("filters combine with the query; each facet count is what that filter would leave", () => {
  const q = "management";
  const all = index.search(q, { limit: 0 });
  assert.ok(all.total > 10);
  for (const { value, count } of all.facets.city.slice(0, 5)) {
    assert.equal(index.search(q, { filters: { city: value }, limit: 0 }).total, count, value);
  }
  for (const { value, count } of all.facets.cpf) assert.equal(index.search(q, { filters: { cpf: value }, limit: 0 }).total, count);
  const remote = index.search(q, { filters: { city: "remote" }, limit: 50 });
  assert.ok(remote.total > 0 && remote.hits.every((h) => h.product.cities.includes("A DISTANCE")));
  const lyonCpf = index.search(q, { filters: { city: "Lyon", cpf: true, maxPrice: 2000 }, limit: 100 });
  assert.ok(lyonCpf.hits.every((h) => h.product.cities.includes("LYON") && h.product.cpf && h.product.price <= 2000));
  // The city facet under a city filter still counts the other cities (disjunctive).
  assert.ok(lyonCpf.facets.city.length > 1);
  const first = sessions[0].startDate.slice(0, 10);
  const win = index.search("", { filters: { startFrom: first, startTo: first }, limit: 1000 });
  const codes = new Set(sessions.filter((s) => s.startDate.slice(0, 10) === first).map((s) => s.productCode));
  assert.equal(win.total, products.filter((p) => codes.has(p.productCode)).length);
});

test("pagination, toBytes/fromBytes, free", () => {
  const a = index.search("management", { limit: 10, offset: 0 }).hits.map((h) => h.yearlyProductCode);
  const b = index.search("management", { limit: 10, offset: 10 }).hits.map((h) => h.yearlyProductCode);
  assert.equal(new Set([...a, ...b]).size, 20);
  const bytes = index.toBytes();
  const loaded = CatalogIndex.fromBytes(bytes);
  for (const q of ["management", "coeur", "excel", "manag", "l’entreprise"]) {
    assert.deepEqual(loaded.search(q).hits.map((h) => [h.yearlyProductCode, h.score]), index.search(q).hits.map((h) => [h.yearlyProductCode, h.score]), q);
  }
  loaded.free();
  assert.throws(() => loaded.search("x"), (e) => e.kind === "usage" && /freed/.test(e.message));
});

test("memory stays flat over repeated searches", () => {
  for (let i = 0; i < 2000; i++) index.search(i % 2 ? "managment" : "ré", { filters: { cpf: true } });
  const before = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 20000; i++) index.search(i % 2 ? "managment" : "ré", { filters: { cpf: true } });
  const grown = process.memoryUsage().arrayBuffers - before;
  assert.ok(grown < 1 << 20, `wasm memory grew ${grown} bytes over 20,000 searches`);
});

test("Chromium: formakit/search from a page", async () => {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${sbx.url}/`);
    const result = await page.evaluate(async () => {
      const { CegosClient } = await import("/pkg/web/cegos/index.js");
      const { CatalogIndex } = await import("/pkg/web/search/index.js");
      const cegos = new CegosClient({ sandboxUrl: location.origin, clientId: "sandbox", clientSecret: "sandbox-secret" });
      const products = await cegos.products({ hydrate: true }).toArray({ limit: 5000 });
      const t0 = performance.now();
      const ix = CatalogIndex.fromProducts(products);
      const build = performance.now() - t0;
      const r = ix.search("coeur");
      const again = CatalogIndex.fromBytes(ix.toBytes()).search("coeur");
      return { size: ix.size, total: r.total, same: again.total === r.total, title: r.hits[0].product.title, build };
    });
    assert.equal(result.size, 1247);
    assert.ok(result.total > 0 && result.same);
    assert.match(result.title, /cœur/i);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
