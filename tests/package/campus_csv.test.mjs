// campusSkills.fromCsv / checkCsv through the built package, and the `formakit`
// command line (check, convert, diff and sync against the sandbox, help, exit codes).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";
import { startSandbox } from "./sandbox.mjs";

const require = createRequire(import.meta.url);
const fk = require(`${ROOT}pkg/node/index.cjs`);
const { campusSkills, FormakitError } = fk;
const CSV = `${ROOT}tests/fixtures/campus_skills/csv/`;
const BIN = `${ROOT}pkg/bin/formakit.mjs`;
const bytes = (name) => readFileSync(`${CSV}${name}`);

let sbx;
before(async () => {
  sbx = await startSandbox();
});
after(() => sbx && sbx.close());

/** Runs the command line; resolves { code, stdout, stderr }. */
function cli(args, { env = {}, input } = {}) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) p.stdin.end(input);
    else p.stdin.end();
  });
}

test("fromCsv: bytes and text give the same request; checkCsv gives the same issues without one", () => {
  const a = campusSkills.fromCsv(bytes("api_fields.csv"));
  const b = campusSkills.fromCsv(bytes("api_fields.csv").toString("utf8"));
  assert.deepEqual(a.issues, []);
  assert.deepEqual(b.request, a.request);
  assert.equal(a.request.contrats.length, 3);
  assert.deepEqual(a.rows, [2, 3, 4]);
  assert.equal(b.summary.encoding, "text");
  assert.equal(fk.validate("campusskills.syncRequest", a.request).filter((i) => i.severity === "error").length, 0, "the body passes validate");
  const c = campusSkills.checkCsv(bytes("provider_template.csv"), { lang: "en" });
  assert.equal(c.request, undefined);
  assert.deepEqual(c.issues, campusSkills.fromCsv(bytes("provider_template.csv"), { lang: "en" }).issues);
  const dup = c.issues.find((i) => i.rule === "campusskills.csv.column.duplicate");
  assert.equal(dup.severity, "error");
  assert.match(dup.message, /"#B": "dateDebut"/);
});

test("fromCsv: every trait of real exports, placed by row and column", () => {
  const r = campusSkills.fromCsv(bytes("comma_bom_crlf.csv"), { lang: "en" });
  assert.equal(r.summary.delimiter, ",");
  assert.deepEqual(r.rows, [2, 3, 4]);
  const trimmed = r.issues.find((i) => i.rule === "campusskills.csv.trimmed");
  assert.deepEqual([trimmed.row, trimmed.field, trimmed.severity], [3, "nomApprenant", "warning"]);
  const w = campusSkills.fromCsv(new Uint8Array(bytes("windows1252.csv")).buffer);
  assert.equal(w.summary.encoding, "windows-1252");
  assert.equal(w.request.contrats[0].nomEntreprise, "Boulangerie Lefèvre SARL");
  const us = campusSkills.fromCsv(bytes("month_first.csv"), { dateFormat: "M/D/YYYY" });
  assert.equal(us.summary.errors, 0);
  assert.equal(us.request.contrats[0].dateFin, "31/08/2026");
  const conflicts = campusSkills.fromCsv(bytes("conflicts.csv"));
  const email = conflicts.issues.find((i) => i.rule === "campusskills.user.email.shared");
  assert.deepEqual([email.row, email.relatedRow, email.column], [4, 2, "T"]);
  assert.match(email.message, /ligne 2 \(colonne T/);
  assert.match(email.providerText, /un email est rattaché à un compte et un seul/);
});

test("fromCsv: the reader's rule ids are in the RuleId union types.d.ts prints from the registry", () => {
  const dts = readFileSync(`${ROOT}pkg/types.d.ts`, "utf8");
  const seen = new Set();
  for (const f of ["api_fields.csv", "provider_template.csv", "comma_bom_crlf.csv", "windows1252.csv", "month_first.csv", "conflicts.csv", "utf16_tab.txt"]) {
    for (const i of campusSkills.checkCsv(bytes(f)).issues) if (i.rule.startsWith("campusskills.csv.")) seen.add(i.rule);
  }
  assert.ok(seen.size >= 7, [...seen].join(", "));
  for (const r of seen) assert.ok(dts.includes(`"${r}"`), `${r} is in RuleId`);
});

test("fromCsv: wrong arguments are usage errors, never a trap", () => {
  const cases = [
    [42, undefined],
    [{}, undefined],
    ["a;b", 1],
    ["a;b", { delimiter: ";;" }],
    ["a;b", { delimiter: 1 }],
    ["a;b", { lang: 1 }],
    ["a;b", { lang: "de" }],
    ["a;b", { dateFormat: "YYYY/DD/MM" }],
    ["a;b", { encoding: "ebcdic" }],
    ["a;b", { mapping: [] }],
    ["a;b", { mapping: { A: 3 } }],
    ["a;b", { onProgress: "yes" }],
    ["a;b", { sheet: 1 }],
    ["code\ud800;b", undefined],
  ];
  for (const [input, options] of cases) {
    assert.throws(
      () => campusSkills.fromCsv(input, options),
      (e) => e instanceof FormakitError && e.kind === "usage" && e.message.startsWith("campusSkills.fromCsv"),
      JSON.stringify([typeof input, options]),
    );
  }
  // Still answering afterwards.
  assert.equal(campusSkills.checkCsv(bytes("api_fields.csv")).summary.contracts, 3);
});

test("fromCsv: 50,000 rows with onProgress; a conflict 39,990 rows apart names both rows", () => {
  const head = "Code Contrat;Date de début;Date de fin;Entreprise;Code groupe;Nom groupe;Code site;Nom site;Code période;Nom période;Code formation;Nom formation;Code année;Nom année;Code apprenant;Nom apprenant;Prénom apprenant;Email apprenant;Code personnel;Nom personnel;Prénom personnel;Email personnel;Code tuteur entreprise;Nom tuteur entreprise;Prénom tuteur entreprise;Email tuteur entreprise";
  const lines = [head];
  for (let i = 0; i < 50000; i++) {
    const s = i % 13;
    const t = i % 97;
    const mail = i === 40000 ? "app10@exemple.fr" : `app${i}@exemple.fr`;
    lines.push(`C${i};01/09/2024;31/08/2026;Entreprise ${i};G${s};Groupe ${s};S${s};Site ${s};P1;2024/2025;F${s};Formation ${s};A1;Année 1;APP${i};Nom${i};Prénom${i};${mail};PER${t};Tuteur${t};Élodie;per${t}@ecole.fr;MA${i};Maitre${i};Paul;ma${i}@entreprise.fr`);
  }
  const progress = [];
  const r = campusSkills.checkCsv(Buffer.from(lines.join("\r\n")), { onProgress: (p) => progress.push(p) });
  assert.equal(r.summary.contracts, 50000);
  assert.ok(progress.length >= 10 && progress.at(-1).done === true, `${progress.length} progress calls`);
  assert.ok(progress.every((p, i) => i === 0 || p.rows >= progress[i - 1].rows));
  const e = r.issues.filter((i) => i.severity === "error");
  assert.equal(e.length, 1, JSON.stringify(e.slice(0, 3)));
  assert.deepEqual([e[0].rule, e[0].row, e[0].relatedRow], ["campusskills.user.email.shared", 40002, 12]);
});

test("formakit --help, campus --help, --version, and usage errors exit 2", async () => {
  const help = await cli(["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /campus check/);
  const campus = await cli(["campus", "--help"]);
  assert.equal(campus.code, 0);
  for (const opt of ["--mapping", "--lang", "--json", "--base-url", "--token", "--yes", "--date-format", "--encoding", "--delimiter", "Exit codes"]) assert.ok(campus.stdout.includes(opt), opt);
  const version = await cli(["--version"]);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(`${ROOT}pkg/package.json`, "utf8")).version);
  for (const args of [[], ["campus"], ["campus", "check"], ["campus", "check", "nope.csv"], ["campus", "check", `${CSV}api_fields.csv`, "--colour"], ["campus", "frobnicate", "x.csv"], ["campus", "check", `${CSV}api_fields.csv`, "--lang", "de"], ["campus", "check", `${CSV}api_fields.csv`, "--date-format", "DMY?"]]) {
    const r = await cli(args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
  }
  const missing = await cli(["campus", "check", "nope.csv"]);
  assert.match(missing.stderr, /cannot read nope\.csv: no such file/);
});

test("formakit campus check: a table or JSON; exit 0 when clean, 1 on errors, --strict on warnings", async () => {
  const clean = await cli(["campus", "check", `${CSV}api_fields.csv`]);
  assert.equal(clean.code, 0, clean.stderr);
  assert.match(clean.stdout, /0 erreur\(s\), 0 avertissement\(s\) \(3 contrat\(s\)/);
  const bad = await cli(["campus", "check", `${CSV}conflicts.csv`, "--lang", "en"]);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /^T4\s+emailApprenant\s+error\s+.*row 2 \(column T/m);
  const json = await cli(["campus", "check", `${CSV}conflicts.csv`, "--json"]);
  assert.deepEqual(JSON.parse(json.stdout).issues, campusSkills.checkCsv(bytes("conflicts.csv")).issues);
  const dir = mkdtempSync(join(tmpdir(), "formakit-cli-"));
  writeFileSync(join(dir, "map.json"), JSON.stringify({ "#B": "dateDebut", "#AA": null }));
  const mapped = await cli(["campus", "check", `${CSV}provider_template.csv`, "--mapping", join(dir, "map.json")]);
  assert.equal(mapped.code, 0, mapped.stdout);
  const strict = await cli(["campus", "check", `${CSV}provider_template.csv`, "--mapping", join(dir, "map.json"), "--strict"]);
  assert.equal(strict.code, 1);
  writeFileSync(join(dir, "bad.json"), "{ nope");
  assert.equal((await cli(["campus", "check", `${CSV}api_fields.csv`, "--mapping", join(dir, "bad.json")])).code, 2);
  const stdin = await cli(["campus", "check", "-", "--json"], { input: bytes("api_fields.csv") });
  assert.equal(JSON.parse(stdin.stdout).summary.contracts, 3);
});

test("formakit campus convert writes the body; refuses a file with errors unless --force", async () => {
  const ok = await cli(["campus", "convert", `${CSV}api_fields.csv`]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(JSON.parse(ok.stdout), campusSkills.fromCsv(bytes("api_fields.csv")).request);
  const bad = await cli(["campus", "convert", `${CSV}conflicts.csv`]);
  assert.equal(bad.code, 1);
  assert.equal(bad.stdout, "");
  assert.match(bad.stderr, /rien n'est écrit/i);
  const forced = await cli(["campus", "convert", `${CSV}conflicts.csv`, "--force"]);
  assert.equal(forced.code, 1);
  assert.equal(JSON.parse(forced.stdout).contrats.length, 3);
});

test("formakit campus diff and sync against the sandbox; sync asks unless --yes", async () => {
  const base = ["--base-url", `${sbx.url}/campusskills`];
  const env = { FORMAKIT_CAMPUS_TOKEN: "sandbox-token" };
  const noToken = await cli(["campus", "diff", `${CSV}api_fields.csv`, ...base], { env: { FORMAKIT_CAMPUS_TOKEN: "" } });
  assert.equal(noToken.code, 2);
  const diff = await cli(["campus", "diff", `${CSV}api_fields.csv`, ...base, "--lang", "en"], { env });
  assert.equal(diff.code, 0, diff.stderr);
  assert.match(diff.stdout, /^Dry run \(.*\): \d+ added, \d+ updated, \d+ removed, \d+ unchanged/);
  const json = await cli(["campus", "diff", `${CSV}api_fields.csv`, ...base, "--json"], { env });
  const d = JSON.parse(json.stdout);
  for (const k of ["same", "added", "updated", "removed"]) assert.ok(Array.isArray(d[k]), k);
  const refused = await cli(["campus", "diff", `${CSV}conflicts.csv`, ...base], { env });
  assert.equal(refused.code, 1, "a file with errors is not sent");
  assert.match(refused.stderr, /rien n'a été envoyé/);
  const ask = await cli(["campus", "sync", `${CSV}api_fields.csv`, ...base], { env });
  assert.equal(ask.code, 2, "no terminal to confirm on: --yes is required");
  assert.match(ask.stderr, /--yes/);
  const sync = await cli(["campus", "sync", `${CSV}api_fields.csv`, ...base, "--yes", "--lang", "en"], { env });
  assert.equal(sync.code, 0, sync.stdout + sync.stderr);
  assert.match(sync.stdout, /^Synced: 3 accepted, 0 refused/);
  const wrongToken = await cli(["campus", "diff", `${CSV}api_fields.csv`, ...base, "--token", "nope"]);
  assert.equal(wrongToken.code, 1);
  assert.match(wrongToken.stderr, /formakit: auth/);
});

test("formakit campus check prints a progress line on a terminal for files over 10,000 rows", { skip: !existsSync("/usr/bin/script") && "util-linux script(1) is needed to give the command a terminal" }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "formakit-tty-"));
  const file = join(dir, "big.csv");
  const lines = [readFileSync(`${CSV}api_fields.csv`, "utf8").split("\n")[0]];
  for (let i = 0; i < 20000; i++) lines.push(`C${i};01/09/2024;31/08/2026;E;G;NG;S;NS;;;P;NP;F;NF;A;NA;APP${i};N;P;a${i}@x.fr;PER;NP;PP;p@e.fr;MA${i};NM;PM;m${i}@x.fr;;;;;`);
  writeFileSync(file, lines.join("\n"));
  const cmd = [process.execPath, BIN, "campus", "check", file].map((a) => `'${a}'`).join(" ");
  const r = await new Promise((resolve) => {
    const p = spawn("script", ["-qec", cmd, "/dev/null"], { env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.on("close", (code) => resolve({ code, out }));
  });
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /reading… 10,000 rows/);
  assert.match(r.out, /checking the rules…/);
  assert.match(r.out, /20,000 contrat\(s\)/);
  // Without a terminal, no progress line.
  const plain = await cli(["campus", "check", file]);
  assert.doesNotMatch(plain.stdout + plain.stderr, /reading…/);
});
