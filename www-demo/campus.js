// The Campus Skills spreadsheet check in the page: the file is read with the
// File API and checked by formakit/campus-skills in wasm; nothing is uploaded.
// Cell text is only ever written with textContent.
import { campusSkills, version, FormakitError } from "/pkg/web/campus-skills/index.js";

const $ = (id) => document.getElementById(id);
const MAX_ROWS = 200;
let last = null; // { name, bytes }

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const T = {
  fr: { none: "Aucun problème : le fichier peut être synchronisé.", errors: "erreur(s)", warnings: "avertissement(s)", contracts: "contrat(s)", row: "Ligne", file: "Fichier", more: (n) => `… et ${n} ligne(s) de plus avec des problèmes (non montrées).` },
  en: { none: "No issue: the file can be synced.", errors: "error(s)", warnings: "warning(s)", contracts: "contract(s)", row: "Row", file: "File", more: (n) => `… and ${n} more row(s) with issues (not shown).` },
};

function check() {
  if (!last) return;
  const lang = $("lang").value;
  const t = T[lang];
  const options = { lang, dateFormat: $("date-format").value };
  if ($("delimiter").value) options.delimiter = $("delimiter").value === "\\t" ? "\t" : $("delimiter").value;
  let r;
  try {
    r = campusSkills.fromCsv(last.bytes, options);
  } catch (e) {
    $("summary").textContent = e instanceof FormakitError ? `${e.kind}: ${e.message}` : String(e);
    return;
  }
  const s = r.summary;
  $("summary").replaceChildren(
    el("strong", { textContent: last.name }),
    ` — ${s.contracts} ${t.contracts}, `,
    el("span", { className: s.errors ? "count error" : "count", textContent: `${s.errors} ${t.errors}` }),
    ", ",
    el("span", { className: s.warnings ? "count warning" : "count", textContent: `${s.warnings} ${t.warnings}` }),
    ` (${s.encoding}, « ${s.delimiter === "\t" ? "tab" : s.delimiter} »${s.headerRow ? (lang === "en" ? `, header on row ${s.headerRow}` : `, en-tête ligne ${s.headerRow}`) : ""})`,
  );
  const fileLevel = r.issues.filter((i) => !r.rows.includes(i.row));
  const byRow = new Map();
  for (const i of r.issues) if (r.rows.includes(i.row)) byRow.set(i.row, [...(byRow.get(i.row) || []), i]);
  $("file-issues").replaceChildren(...fileLevel.map((i) => issueItem(i, t)));
  if (r.issues.length === 0) $("file-issues").replaceChildren(el("li", { className: "ok", textContent: t.none }));

  // The rows with issues and the rows a conflict points to, with the first column and the
  // columns that hold an issue (so every highlighted cell is on screen); cells as read.
  const cols = s.columns;
  const rows = [...byRow.keys()].sort((a, b) => a - b).slice(0, MAX_ROWS);
  const related = new Map(); // row -> Set of column letters another row's issue points to
  for (const row of rows) for (const i of byRow.get(row)) if (i.relatedRow) related.set(i.relatedRow, new Set([...(related.get(i.relatedRow) || []), i.relatedColumn]));
  const shownRows = [...new Set([...rows, ...related.keys()])].filter((row) => r.rows.includes(row)).sort((a, b) => a - b);
  const hot = new Set([cols[0]?.column, ...rows.flatMap((row) => byRow.get(row).map((i) => i.column)), ...[...related.values()].flatMap((set) => [...set])]);
  const shownCols = cols.filter((c) => hot.has(c.column));
  $("grid").querySelector("thead").replaceChildren(
    el("tr", {}, el("th", { scope: "col", textContent: "" }), ...shownCols.map((c) => el("th", { scope: "col", title: c.field ? `→ ${c.field}` : "non lue", className: c.field ? "" : "unmapped" }, el("span", { className: "letter", textContent: c.column }), " ", c.label))),
  );
  const index = new Map(r.rows.map((row, i) => [row, i]));
  $("grid").querySelector("tbody").replaceChildren(
    ...shownRows.map((row) => {
      const contract = r.request.contrats[index.get(row)];
      const issues = byRow.get(row) || [];
      return el("tr", {},
        el("th", { scope: "row", textContent: String(row) }),
        ...shownCols.map((c) => {
          const here = issues.filter((i) => i.column === c.column);
          const value = c.field ? String(contract[c.field] ?? "") : "";
          const td = el("td", { textContent: here.find((i) => i.value)?.value ?? value });
          if (here.length) {
            td.className = here.some((i) => i.severity === "error") ? "bad error" : "bad warning";
            td.title = here.map((i) => i.message).join("\n");
            td.tabIndex = 0;
          } else if (related.get(row)?.has(c.column)) {
            td.className = "other";
            td.title = lang === "en" ? "the other place of a conflict" : "l'autre place d'un conflit";
          }
          return td;
        }));
    }),
  );
  const hiddenCols = cols.length - shownCols.length;
  $("grid-note").textContent = lang === "en"
    ? `Rows with an issue and the rows they conflict with; offending cells in red or yellow, the other place of a conflict outlined (hover or focus a cell for its message).${hiddenCols ? ` ${hiddenCols} column(s) without issues are not shown.` : ""}`
    : `Les lignes qui ont un problème et celles avec lesquelles elles sont en conflit ; les cases en cause en rouge ou jaune, l'autre place d'un conflit encadrée (survol ou focus pour le message).${hiddenCols ? ` ${hiddenCols} colonne(s) sans problème ne sont pas montrées.` : ""}`;
  $("grid-wrap").hidden = shownRows.length === 0;
  $("grid-note").hidden = shownRows.length === 0;
  const list = rows.flatMap((row) => byRow.get(row).map((i) => issueItem(i, t)));
  if (byRow.size > MAX_ROWS) list.push(el("li", { textContent: t.more(byRow.size - MAX_ROWS) }));
  $("row-issues").replaceChildren(...list);
  document.body.dataset.checked = String(Date.now());
}

function issueItem(i, t) {
  const where = i.row ? `${i.column || ""}${i.row}` : t.file;
  return el("li", { className: i.severity },
    el("code", { textContent: where }),
    i.label ? ` ${i.label} — ` : " ",
    i.message,
    " ",
    el("small", { textContent: `[${i.rule}]` }));
}

async function load(file) {
  last = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  check();
}

$("version").textContent = `v${version}`;
$("file").addEventListener("change", (e) => e.target.files[0] && load(e.target.files[0]));
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  const f = e.dataTransfer.files[0];
  if (f) load(f);
});
$("sample").addEventListener("click", async () => {
  const res = await fetch("./samples/export-campus.csv");
  last = { name: "export-campus.csv", bytes: new Uint8Array(await res.arrayBuffer()) };
  check();
});
for (const id of ["lang", "date-format", "delimiter"]) $(id).addEventListener("change", check);
document.body.dataset.ready = "true";
