// Shared by the package tests: pack pkg/ once, make throw-away consumer
// projects, serve a folder on loopback, and load a page in Debian's Chromium.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";

export const ROOT = new URL("../../", import.meta.url).pathname;
const WORK = join(ROOT, "tests/package/.work");
const FIXTURES = join(ROOT, "tests/fixtures");

export function fixtureText(rel) {
  return readFileSync(join(FIXTURES, rel), "utf8");
}

let tarball;
/** `npm pack` of pkg/, once per process. */
export function packOnce() {
  if (tarball) return tarball;
  if (!existsSync(join(ROOT, "pkg/package.json"))) throw new Error("pkg/ is missing: run `make build` first");
  mkdirSync(WORK, { recursive: true });
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", WORK, join(ROOT, "pkg")], { encoding: "utf8" });
  tarball = join(WORK, JSON.parse(out)[0].filename);
  return tarball;
}

/** A fresh project dir with `files` written and the packed tarball installed. */
export function project(name, files) {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Always a package.json of its own, or npm would install into an enclosing project.
  files = { "package.json": '{ "private": true }', ...files };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", packOnce()], { cwd: dir, stdio: "pipe" });
  return dir;
}

export function copyInto(dir, from, to) {
  cpSync(from, join(dir, to), { recursive: true });
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".css": "text/css" };

/** Serves `dir` on 127.0.0.1 with a free port; resolves to { url, close }. */
export function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const file = join(dir, path.endsWith("/") ? path + "index.html" : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() }));
  });
}

/**
 * Opens `url` in headless Chromium and waits for the page to set
 * `document.body.dataset.result`; returns it parsed, with console errors.
 */
export async function runPage(url) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(url);
    await page.waitForFunction(() => document.body && document.body.dataset.result, null, { timeout: 20_000 }).catch(() => {});
    const result = await page.evaluate(() => document.body && document.body.dataset.result);
    if (!result) throw new Error(`page set no result; errors: ${errors.join(" | ")}`);
    return { result: JSON.parse(result), errors };
  } finally {
    await browser.close();
  }
}

/** The same checks every consumer runs, as page or Node code. Returns a JSON-able summary. */
export const CONSUMER_CHECKS = `
  const catalogs = parse("cegos.catalogs", CATALOGS);
  let decode = null;
  try { parse("cegos.catalogs", '{"data":[{"id":"x"}]}'); } catch (e) {
    decode = { isFormakitError: e instanceof FormakitError, isError: e instanceof Error, name: e.name, kind: e.kind, path: e.path, expected: e.expected, found: e.found };
  }
  const bytes = parse("cegos.catalogs", new TextEncoder().encode(CATALOGS)).data.length;
  const result = { label: catalogs.data[0].label, count: catalogs.data.length, bytes, decode, roundTrip: serialize("cegos.catalogs", catalogs) === JSON.stringify(catalogs), schemas: schemas().length };
`;

export const EXPECTED = {
  label: "Site Web 2025",
  count: 3,
  bytes: 3,
  decode: { isFormakitError: true, isError: true, name: "FormakitError", kind: "decode", path: "data[0].id", expected: "integer", found: '"x"' },
  roundTrip: true,
};
