// The demo: the sandbox's Cegos catalog read through formakit in the page.
// Provider text is only ever written with textContent (never innerHTML).
import { parse, sessionAvailability, validate, version, FormakitError } from "/pkg/web/index.js";

const CEGOS = "/cegos";
const $ = (id) => document.getElementById(id);
let token = null;
let pageNumber = 1;
let totalPages = 1;

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

async function cegosToken() {
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: "sandbox", client_secret: "sandbox-secret", scope: "api-cegos" });
  const res = await fetch(`${CEGOS}/connect/token`, { method: "POST", body });
  if (!res.ok) throw new Error(`token: HTTP ${res.status}`);
  return (await res.json()).access_token;
}

async function cegos(path, schema) {
  token ??= await cegosToken();
  const res = await fetch(`${CEGOS}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (res.status === 401) token = null;
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  // Bytes straight into formakit: it checks them against the model, then returns the typed value.
  return parse(schema, new Uint8Array(await res.arrayBuffer()));
}

function show(error) {
  $("status").textContent = error instanceof FormakitError && error.kind === "decode" ? `Réponse invalide à ${error.path} : attendu ${error.expected}, trouvé ${error.found}` : String(error.message || error);
}

const dateFmt = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium" });
const day = (wire) => (wire ? dateFmt.format(new Date(wire)) : "—");

async function loadProducts() {
  $("status").textContent = "Chargement…";
  try {
    const page = await cegos(`/v1/Products?pageNumber=${pageNumber}`, "cegos.productsPage");
    totalPages = page.totalPages;
    $("page-info").textContent = `page ${page.pageNumber} / ${page.totalPages} — ${page.totalItems} formations`;
    $("prev").disabled = page.pageNumber <= 1;
    $("next").disabled = page.pageNumber >= page.totalPages;
    $("products").replaceChildren(
      ...page.data.map((p) => {
        const cities = (p.cities ?? []).slice(0, 4).join(", ");
        const price = typeof p.price === "number" ? `${p.price.toLocaleString("fr-FR")} € HT` : "";
        const button = el("button", { type: "button" }, p.title, el("span", { className: "meta", textContent: [p.yearlyProductCode, cities, price].filter(Boolean).join(" · ") }));
        button.addEventListener("click", () => loadSessions(p));
        return el("li", {}, button);
      }),
    );
    $("status").textContent = "";
  } catch (e) {
    show(e);
  }
}

async function loadSessions(product) {
  $("sessions-for").textContent = `— ${product.title}`;
  try {
    const page = await cegos(`/v1/Sessions?productCode=${encodeURIComponent(product.productCode)}`, "cegos.sessionsPage");
    const rows = page.data.map((s) => {
      const a = sessionAvailability(s);
      const [label, cls] = a.isFull ? ["complet", "full"] : a.lastPlaceByExactCount || a.lastPlaceByRange ? ["dernières places", "last"] : a.bookable ? ["ouvert", ""] : ["fermé", "full"];
      return el("tr", {},
        el("td", { textContent: s.yearlySessionCode ?? "" }),
        el("td", { textContent: s.city ?? "" }),
        el("td", { textContent: day(s.startDate) }),
        el("td", { textContent: day(s.endDate) }),
        el("td", { textContent: `${s.registrationCount ?? "?"} / ${s.limitMax ?? "?"}` }),
        el("td", {}, el("span", { className: `badge ${cls}`, textContent: label })));
    });
    $("sessions").querySelector("tbody").replaceChildren(...rows);
    $("sessions").hidden = rows.length === 0;
    if (rows.length === 0) $("sessions-for").textContent += " (aucune session)";
  } catch (e) {
    show(e);
  }
}

const SAMPLE_BATCH = {
  contrats: [
    { codeContrat: "C-001", dateDebut: "01/09/2025", dateFin: "31/08/2026", nomEntreprise: "Boulangerie Lefèvre", codeGroupe: "G1", nomGroupe: "BTS MCO 1 — Lyon", codeSite: "LYO", nomSite: "Lyon", codePeriode: "2025", nomPeriode: "2025/2026", codeFormation: "BTSMCO", nomFormation: "BTS MCO", codeAnnee: "A1", nomAnnee: "1re année", codeApprenant: "U-1", nomApprenant: "Dupont", prenomApprenant: "Léa", emailApprenant: "lea.dupont@exemple.fr", codePersonnel: "P-1", nomPersonnel: "Martin", prenomPersonnel: "Hélène", emailPersonnel: "h.martin@ecole.fr", codeMaitreApprentissage: "M-1", nomMaitreApprentissage: "Lefèvre", prenomMaitreApprentissage: "Jérôme", emailMaitreApprentissage: "jerome@lefevre.fr", type: "APPRENTICESHIP" },
    { codeContrat: "C-002", dateDebut: "01/09/2025", dateFin: "31/07/2025", nomEntreprise: "Garage Œuvre", codeGroupe: "G1", nomGroupe: "BTS MCO 1 — Lyon", codeSite: "LYO", nomSite: "Lyon Part-Dieu", codePeriode: "2025", nomPeriode: "2025/2026", codeFormation: "BTSMCO", nomFormation: "BTS MCO", codeAnnee: "A1", nomAnnee: "1re année", codeApprenant: "U-2", nomApprenant: "Nguyen", prenomApprenant: "Minh", emailApprenant: "Lea.Dupont@exemple.fr ", codePersonnel: "P-1", nomPersonnel: "Martin", prenomPersonnel: "Hélène", emailPersonnel: "h.martin@ecole.fr", codeMaitreApprentissage: "U-1", nomMaitreApprentissage: "Garnier", prenomMaitreApprentissage: "Paul", emailMaitreApprentissage: "paul@garage.fr", type: "APPRENTICESHIP" },
  ],
};

function runValidate() {
  const lang = $("lang").value;
  try {
    const issues = validate("campusskills.syncRequest", $("batch").value, { lang });
    $("issues").replaceChildren(
      ...(issues.length ? issues.map((i) => el("li", { className: i.severity }, el("code", { textContent: i.path || "(racine)" }), ` ${i.message} `, el("small", { textContent: `[${i.rule}]` }))) : [el("li", { className: "ok", textContent: lang === "en" ? "No issue." : "Aucun problème." })]),
    );
  } catch (e) {
    $("issues").replaceChildren(el("li", { className: "error", textContent: e instanceof FormakitError ? `${e.kind}: ${e.message}` : String(e) }));
  }
}

$("version").textContent = `v${version}`;
$("prev").addEventListener("click", () => { pageNumber = Math.max(1, pageNumber - 1); loadProducts(); });
$("next").addEventListener("click", () => { pageNumber = Math.min(totalPages, pageNumber + 1); loadProducts(); });
$("batch").value = JSON.stringify(SAMPLE_BATCH, null, 2);
$("run-validate").addEventListener("click", runValidate);
$("lang").addEventListener("change", runValidate);
loadProducts();
runValidate();
document.body.dataset.ready = "true";
