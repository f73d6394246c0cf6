// The Campus Skills spreadsheet check (`campusSkills.checkCsv`): a 50,000-row
// export (~20 MB) from bytes to issues, every rule applied, against reading the
// same bytes with a plain JS split (decode, then `split("\n")` and `split(";")`).
// Peak memory: each engine once in a fresh Node process (`process.resourceUsage().maxRSS`).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compare, printTable } from "./harness.mjs";
import { rng } from "./data.mjs";

const require = createRequire(import.meta.url);

const FIRST = ["Jeanne", "Luc", "Élodie", "Minh-Anh", "Chloé", "Paul", "Inès", "Hélène", "Noé", "Zoé"];
const LAST = ["Dupont", "Martin", "Lefèvre", "Nguyễn", "Bernard", "Durand", "Moreau", "Garnier", "Faure", "Roux"];

/** A school's export: a title row, French labels, 50,000 contracts, ~20 MB. */
export function campusExport(rows = 50_000, seed = 7) {
  const { pick } = rng(seed);
  const out = [
    "entreprises;;;;",
    "Code Contrat;Date de début;Date de fin;Entreprise;Code groupe;Nom groupe;Code site;Nom site;Code marque;Nom marque;Code période;Nom période;Code formation;Nom formation;Code année;Nom année;Code apprenant;Nom apprenant;Prénom apprenant;Email apprenant;Code personnel;Nom personnel;Prénom personnel;Email personnel;Code tuteur entreprise;Nom tuteur entreprise;Prénom tuteur entreprise;Email tuteur entreprise;Titre mission;Détails mission;Code RNCP;Type de contrat",
  ];
  for (let i = 0; i < rows; i++) {
    const s = i % 23;
    const t = i % 311;
    const f = i % 17;
    // A school tutor (code PER-t) is one person: the same name on every row.
    const [fa, la, ft, fm, lm] = [pick(FIRST), pick(LAST), FIRST[t % FIRST.length], pick(FIRST), pick(LAST)];
    out.push(
      [
        `CTR-2025-${String(i).padStart(6, "0")}`, "01/09/2025", "31/08/2027", `${lm} et fils SARL n°${i}`,
        `GRP-${f}-${s}`, `Groupe ${f} site ${s}`, `S${s}`, `Site de la ville ${s}`, "ECX", "École X",
        "P2526", "2025/2026", `F${f}`, `BTS ou licence numéro ${f}`, `F${f}-1`, `Formation ${f} 1ère année`,
        `APP-${i}`, la, fa, `${fa}.${la}.${i}@apprenants-exemple.fr`.toLowerCase(),
        `PER-${t}`, `Tuteur${t}`, ft, `tuteur.${t}@ecole-exemple.fr`,
        `MA-${i}`, lm, fm, `${fm}.${lm}.${i}@entreprise-exemple.fr`.toLowerCase(),
        "Vendeur conseil en magasin", "Accueil, conseil, vente et encaissement", `RNCP${38000 + f}`, "APPRENTICESHIP",
      ].join(";"),
    );
  }
  return Buffer.from(out.join("\r\n") + "\r\n", "utf8");
}

export function campusCsvGroup() {
  const api = require("../pkg/node/index.cjs");
  const bytes = campusExport();
  const check = api.campusSkills.checkCsv(bytes);
  if (check.summary.contracts !== 50_000 || check.summary.errors !== 0) throw new Error(`bench export: ${JSON.stringify(check.summary)} ${JSON.stringify(check.issues.slice(0, 3))}`);
  const decoder = new TextDecoder();
  const rows = compare("campusCsv", [
    { name: "plain split (TextDecoder + split \\n and ;)", fn: () => decoder.decode(bytes).split("\n").map((l) => l.split(";")) },
    { name: "formakit campusSkills.checkCsv (every rule)", fn: () => api.campusSkills.checkCsv(bytes) },
    { name: "formakit campusSkills.fromCsv (+ request body)", fn: () => api.campusSkills.fromCsv(bytes) },
  ], { rounds: 7, inner: 1, warmup: 1 });
  // Peak memory, each alone in a fresh process.
  const dir = mkdtempSync(join(tmpdir(), "formakit-csv-"));
  const file = join(dir, "export.csv");
  writeFileSync(file, bytes);
  const pkg = fileURLToPath(new URL("../pkg/node/index.cjs", import.meta.url));
  const peak = (body) => Number(execFileSync(process.execPath, ["-e", `const fs=require("fs");const b=fs.readFileSync(${JSON.stringify(file)});const base=process.resourceUsage().maxRSS;${body};process.stdout.write(String((process.resourceUsage().maxRSS-base)/1024))`], { encoding: "utf8" }));
  const memory = {
    split: peak(`globalThis.r=new TextDecoder().decode(b).split("\\n").map(l=>l.split(";"))`),
    check: peak(`const api=require(${JSON.stringify(pkg)});globalThis.r=api.campusSkills.checkCsv(b)`),
    fromCsv: peak(`const api=require(${JSON.stringify(pkg)});globalThis.r=api.campusSkills.fromCsv(b)`),
  };
  printTable(`Campus Skills export, 50,000 rows, ${(bytes.length / 1048576).toFixed(1)} MiB, bytes to issues`, rows);
  console.log(`peak RSS growth in a fresh process: split ${memory.split.toFixed(0)} MiB, checkCsv ${memory.check.toFixed(0)} MiB, fromCsv ${memory.fromCsv.toFixed(0)} MiB (file ${(bytes.length / 1048576).toFixed(1)} MiB)`);
  return { rows, memoryMiB: memory, bytes: bytes.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) campusCsvGroup();
