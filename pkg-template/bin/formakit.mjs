#!/usr/bin/env node
// The `formakit` command line (`npx formakit`): Campus Skills spreadsheet exports
// checked against the provider's rules, converted to the sync body, diffed and
// synced through the client. Exit codes: 0 clean, 1 errors found or a call
// failed, 2 usage (a wrong argument, an unreadable file).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline/promises";

const require = createRequire(import.meta.url);
const pkg = require("../package.json");

const HELP = `formakit ${pkg.version} — checks and syncs data for French training providers' APIs

Usage:
  formakit campus <command> <file> [options]
  formakit --help | --version

Commands:
  campus check     check a Campus Skills CSV export against the provider's rules
  campus convert   write the sync request body (JSON) to stdout
  campus diff      ask Campus Skills what a sync would add, update and remove (dry run)
  campus sync      send the contracts (asks for confirmation unless --yes)

Run "formakit campus --help" for the options.
`;

const CAMPUS_HELP = `formakit campus — Campus Skills contracts from a spreadsheet export

Usage:
  formakit campus check <file> [--mapping map.json] [--lang en] [--json] [--all] [--strict]
  formakit campus convert <file> [--mapping map.json] [--force] > body.json
  formakit campus diff <file> --base-url <url> [--token <token>] [--json]
  formakit campus sync <file> --base-url <url> [--token <token>] [--yes]

<file> is a CSV export (";" "," tab or "|" separated; UTF-8, UTF-16 or Windows-1252),
or "-" to read standard input. The header row is found below title rows; columns are
matched to the API's fields by their labels (case, accents and spaces ignored).

Options:
  --mapping <file.json>   column label (or "#D" / "#4" for a column by letter or number)
                          → API field, or null to ignore the column:
                          {"Email étudiant": "emailApprenant", "#K": null}
  --delimiter <c>         the separator (detected when not given; "\\t" for tab)
  --date-format <f>       DD/MM/YYYY (default), MM/DD/YYYY or YYYY-MM-DD
  --encoding <e>          auto (default), utf-8, windows-1252 or utf-16le
  --lang <fr|en>          language of the messages (default fr)
  --json                  check/diff: print JSON instead of a table
  --all                   check: list every issue (the table groups repeats after 5)
  --strict                check: exit 1 on warnings too
  --force                 convert: write the body even when the file has errors
  --base-url <url>        diff/sync: your Campus Skills base URL (https://<you>.campus-skills.com)
  --token <token>         diff/sync: the Bearer token (default: $FORMAKIT_CAMPUS_TOKEN;
                          prefer the variable: arguments show in the process list)
  --timeout-ms <n>        diff/sync: per-attempt timeout (default 30000)
  --yes                   sync: do not ask for confirmation
  -h, --help              this help

Exit codes: 0 the file is clean (warnings allowed unless --strict) and the call succeeded;
1 the file has errors, or the provider refused or could not be reached; 2 usage errors.

Examples:
  formakit campus check export.csv
  formakit campus check export.csv --mapping map.json --lang en --json > issues.json
  formakit campus convert export.csv > body.json
  FORMAKIT_CAMPUS_TOKEN=… formakit campus diff export.csv --base-url https://ecole.campus-skills.com
`;

class UsageError extends Error {}

const FLAGS = { mapping: 1, delimiter: 1, "date-format": 1, encoding: 1, lang: 1, json: 0, all: 0, strict: 0, force: 0, "base-url": 1, token: 1, "timeout-ms": 1, yes: 0, help: 0, version: 0 };

function parseArgs(argv) {
  const positional = [];
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-h") {
      flags.help = true;
      continue;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (!(name in FLAGS)) throw new UsageError(`unknown option --${name}`);
      if (FLAGS[name] === 0) {
        if (eq > 0) throw new UsageError(`--${name} takes no value`);
        flags[name] = true;
      } else {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        flags[name] = value;
      }
      continue;
    }
    if (a.startsWith("-") && a !== "-") throw new UsageError(`unknown option ${a}`);
    positional.push(a);
  }
  return { positional, flags };
}

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);

function fmt(n) {
  return n.toLocaleString("en-US");
}

function readInput(file) {
  try {
    return file === "-" ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
  }
}

function csvOptions(flags) {
  const o = {};
  if (flags.mapping !== undefined) {
    let text;
    try {
      text = readFileSync(flags.mapping, "utf8");
    } catch (e) {
      throw new UsageError(`cannot read the mapping ${flags.mapping}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
    }
    try {
      o.mapping = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`the mapping ${flags.mapping} is not JSON: ${e.message}`);
    }
  }
  if (flags.delimiter !== undefined) o.delimiter = flags.delimiter === "\\t" || flags.delimiter === "tab" ? "\t" : flags.delimiter;
  if (flags["date-format"] !== undefined) o.dateFormat = flags["date-format"];
  if (flags.encoding !== undefined) o.encoding = flags.encoding;
  if (flags.lang !== undefined) o.lang = flags.lang;
  return o;
}

/** Runs fromCsv/checkCsv with a progress line on big files when stdout is a terminal. */
function read(formakit, fn, bytes, flags) {
  const options = csvOptions(flags);
  let shown = false;
  if (process.stdout.isTTY && process.stderr.isTTY) {
    options.onProgress = ({ rows, done }) => {
      if (rows < 10000) return;
      shown = true;
      process.stderr.write(`\r${done ? "checking the rules…" : `reading… ${fmt(rows)} rows`}\x1b[K`);
    };
  }
  try {
    return formakit.campusSkills[fn](bytes, options);
  } catch (e) {
    if (e instanceof formakit.FormakitError && e.kind === "usage") throw new UsageError(e.message.replace(/^campusSkills\.\w+: /, ""));
    throw e;
  } finally {
    if (shown) process.stderr.write("\r\x1b[K");
  }
}

function summaryLine(file, r, en) {
  const s = r.summary;
  const counts = `${fmt(s.errors)} ${en ? "error(s)" : "erreur(s)"}, ${fmt(s.warnings)} ${en ? "warning(s)" : "avertissement(s)"}`;
  const sep = s.delimiter === "\t" ? "tab" : `"${s.delimiter}"`;
  const what = en
    ? `${fmt(s.contracts)} contract(s), separator ${sep}, ${s.encoding}${s.headerRow ? `, header on row ${s.headerRow}` : ""}`
    : `${fmt(s.contracts)} contrat(s), séparateur ${sep}, ${s.encoding}${s.headerRow ? `, en-tête ligne ${s.headerRow}` : ""}`;
  return `${file}: ${counts} (${what})`;
}

/** The issues as a table: cell (D5), column label, severity, message; repeats grouped after 5 unless --all. */
function table(issues, flags, en) {
  const lines = [];
  const seen = new Map();
  const hidden = new Map();
  const rows = [];
  for (const i of issues) {
    const key = `${i.rule}\u0000${i.column || ""}`;
    const n = (seen.get(key) || 0) + 1;
    seen.set(key, n);
    if (n > 5 && !flags.all) {
      hidden.set(key, { issue: i, count: (hidden.get(key)?.count || 0) + 1 });
      continue;
    }
    rows.push(i);
  }
  const cell = (i) => (i.row ? `${i.column || ""}${i.row}` : i.column || "—");
  const label = (i) => i.label || i.field || "";
  const wCell = Math.max(4, ...rows.map((i) => cell(i).length));
  const wLabel = Math.min(28, Math.max(6, ...rows.map((i) => label(i).length)));
  lines.push(paint("2", `${(en ? "cell" : "case").padEnd(wCell)}  ${(en ? "column" : "colonne").padEnd(wLabel)}  ${"".padEnd(7)}  message`));
  for (const i of rows) {
    const sev = i.severity === "error" ? paint("31", (en ? "error" : "erreur").padEnd(7)) : paint("33", (en ? "warning" : "avert.").padEnd(7));
    let l = label(i);
    if (l.length > wLabel) l = l.slice(0, wLabel - 1) + "…";
    lines.push(`${cell(i).padEnd(wCell)}  ${l.padEnd(wLabel)}  ${sev}  ${i.message}`);
  }
  for (const { issue, count } of hidden.values()) {
    const what = issue.column ? `${en ? "column" : "colonne"} ${issue.column}` : en ? "the file" : "le fichier";
    lines.push(paint("2", en ? `… and ${fmt(count)} more ${issue.rule} in ${what} (--all lists them)` : `… et ${fmt(count)} autre(s) ${issue.rule} en ${what} (--all les liste)`));
  }
  return lines.join("\n");
}

function clientFor(formakit, flags) {
  const baseUrl = flags["base-url"];
  const token = flags.token ?? process.env.FORMAKIT_CAMPUS_TOKEN;
  if (!baseUrl) throw new UsageError("--base-url is required (your Campus Skills address, e.g. https://ecole.campus-skills.com)");
  if (!token) throw new UsageError("a token is required: set FORMAKIT_CAMPUS_TOKEN or pass --token");
  const options = { baseUrl, token, lang: flags.lang === "en" ? "en" : "fr" };
  if (flags["timeout-ms"] !== undefined) {
    const t = Number(flags["timeout-ms"]);
    if (!Number.isInteger(t) || t <= 0) throw new UsageError(`--timeout-ms must be a positive integer, got ${flags["timeout-ms"]}`);
    options.timeoutMs = t;
  }
  try {
    return new formakit.CampusSkillsClient(options);
  } catch (e) {
    if (e instanceof formakit.FormakitError && e.kind === "usage") throw new UsageError(e.message);
    throw e;
  }
}

/** Reads, and stops with the issues when the file has errors. */
function readClean(formakit, file, flags, en) {
  const r = read(formakit, "fromCsv", readInput(file), flags);
  if (r.summary.errors > 0) {
    process.stderr.write(`${summaryLine(file, r, en)}\n${table(r.issues, flags, en)}\n`);
    process.stderr.write(en ? "Fix the errors first: nothing was sent.\n" : "Corrigez d'abord les erreurs : rien n'a été envoyé.\n");
    return null;
  }
  return r;
}

function rowOf(r) {
  const m = new Map();
  r.request.contrats.forEach((c, i) => m.set(c.codeContrat, r.rows[i]));
  return m;
}

async function campus(command, positional, flags) {
  const formakit = require("../node/index.cjs");
  const en = flags.lang === "en";
  if (flags.lang !== undefined && flags.lang !== "fr" && flags.lang !== "en") throw new UsageError(`--lang must be fr or en, got ${flags.lang}`);
  const file = positional[0];
  if (!file) throw new UsageError(`formakit campus ${command}: give the file to read (or - for standard input)`);
  if (positional.length > 1) throw new UsageError(`formakit campus ${command}: one file at a time (got ${positional.length})`);
  switch (command) {
    case "check": {
      const r = read(formakit, "checkCsv", readInput(file), flags);
      if (flags.json) process.stdout.write(JSON.stringify(r, null, 2) + "\n");
      else {
        process.stdout.write(summaryLine(file, r, en) + "\n");
        if (r.issues.length) process.stdout.write(table(r.issues, flags, en) + "\n");
      }
      return r.summary.errors > 0 || (flags.strict && r.summary.warnings > 0) ? 1 : 0;
    }
    case "convert": {
      const r = read(formakit, "fromCsv", readInput(file), flags);
      if (r.summary.errors > 0 || r.summary.warnings > 0) process.stderr.write(`${summaryLine(file, r, en)}\n${table(r.issues, flags, en)}\n`);
      if (r.summary.errors > 0 && !flags.force) {
        process.stderr.write(en ? "Not written: the file has errors (--force writes it anyway).\n" : "Rien n'est écrit : le fichier a des erreurs (--force l'écrit quand même).\n");
        return 1;
      }
      process.stdout.write(JSON.stringify(r.request, null, 2) + "\n");
      return r.summary.errors > 0 ? 1 : 0;
    }
    case "diff": {
      const client = clientFor(formakit, flags);
      const r = readClean(formakit, file, flags, en);
      if (!r) return 1;
      const d = await client.diffContracts(r.request);
      if (flags.json) {
        process.stdout.write(JSON.stringify(d, null, 2) + "\n");
        return 0;
      }
      const rows = rowOf(r);
      const head = en
        ? `Dry run (${flags["base-url"]}): ${d.added.length} added, ${d.updated.length} updated, ${d.removed.length} removed, ${d.same.length} unchanged`
        : `Simulation (${flags["base-url"]}) : ${d.added.length} ajouté(s), ${d.updated.length} modifié(s), ${d.removed.length} supprimé(s), ${d.same.length} inchangé(s)`;
      process.stdout.write(head + "\n");
      for (const [kind, fr, color] of [["added", "ajouté", "32"], ["updated", "modifié", "33"], ["removed", "supprimé", "31"]]) {
        for (const c of d[kind]) {
          const row = rows.get(c.codeContrat);
          const who = [c.prenomApprenant, c.nomApprenant].filter(Boolean).join(" ");
          process.stdout.write(`  ${paint(color, (en ? kind : fr).padEnd(9))} ${String(c.codeContrat).padEnd(14)} ${who}${row ? (en ? `  (row ${row})` : `  (ligne ${row})`) : ""}\n`);
        }
      }
      return 0;
    }
    case "sync": {
      const client = clientFor(formakit, flags);
      const r = readClean(formakit, file, flags, en);
      if (!r) return 1;
      const n = r.request.contrats.length;
      if (!flags.yes) {
        if (!process.stdin.isTTY) throw new UsageError("sync asks for confirmation on a terminal; pass --yes to send without asking");
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        const answer = await rl.question(en ? `Send ${fmt(n)} contract(s) to ${flags["base-url"]}? [y/N] ` : `Envoyer ${fmt(n)} contrat(s) à ${flags["base-url"]} ? [o/N] `);
        rl.close();
        if (!/^(y|yes|o|oui)$/i.test(answer.trim())) {
          process.stderr.write(en ? "Nothing sent.\n" : "Rien n'a été envoyé.\n");
          return 1;
        }
      }
      const res = await client.syncContracts(r.request);
      const rows = rowOf(r);
      process.stdout.write(
        en
          ? `${res.success ? "Synced" : "Refused"}: ${res.validContrats.length} accepted, ${res.invalidContrats.length} refused\n`
          : `${res.success ? "Synchronisé" : "Refusé"} : ${res.validContrats.length} accepté(s), ${res.invalidContrats.length} refusé(s)\n`,
      );
      for (const c of res.invalidContrats) {
        const row = rows.get(c.codeContrat);
        const why = (c.errors || [c.message ?? c.error ?? ""]).map((e) => (typeof e === "string" ? e : JSON.stringify(e))).join("; ");
        process.stdout.write(`  ${paint("31", String(c.codeContrat ?? "?").padEnd(14))} ${row ? (en ? `row ${row}: ` : `ligne ${row} : `) : ""}${why}\n`);
      }
      return res.success && res.invalidContrats.length === 0 ? 0 : 1;
    }
    default:
      throw new UsageError(`unknown command "campus ${command}"; commands: check, convert, diff, sync`);
  }
}

async function main(argv) {
  const { positional, flags } = parseArgs(argv);
  if (flags.version) {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const [group, command, ...rest] = positional;
  if (group === "campus") {
    if (flags.help || !command) {
      process.stdout.write(CAMPUS_HELP);
      return command || flags.help ? 0 : 2;
    }
    return campus(command, rest, flags);
  }
  if (flags.help || !group) {
    process.stdout.write(HELP);
    return group || flags.help ? 0 : 2;
  }
  throw new UsageError(`unknown command "${group}"; see formakit --help`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`formakit: ${e.message}\n`);
      process.exitCode = 2;
    } else if (e && e.name === "FormakitError") {
      const where = e.status ? ` (HTTP ${e.status}${e.url ? `, ${e.url}` : ""})` : "";
      process.stderr.write(`formakit: ${e.kind}: ${e.message}${where}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`formakit: internal error: ${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 1;
    }
  },
);
