// <formakit-catalog>: the embeddable Cegos catalog (issue 11).
// Bundled by scripts/build-pkg.mjs into pkg/widget/formakit-catalog.js, with sanitize.js (DOMPurify)
// beside it; the Cegos and search wasm entries are loaded from ../web/ next to it, on demand.
// Rules: shadow DOM, one constructable stylesheet (no <style>, no style attributes, so
// `style-src 'self'` holds), sizes in px/em only, provider text through textContent; the
// notice HTML goes through DOMPurify (strict allow-list) and is appended as a fragment.
const WEB = new URL("../web/", import.meta.url);

// ---- sanitizing: ./sanitize.js (DOMPurify), loaded when a detail first opens ----
let sanitizer = null;
const loadSanitizer = () => (sanitizer ??= import("./sanitize.js"));
/** Sanitized notice HTML as a DocumentFragment (never assigned through innerHTML). */
export const sanitizeNotice = async (html) => (await loadSanitizer()).sanitizeNotice(html);
/** The same, serialized: for tests and for partners who want to check the rules. */
export const sanitizeNoticeToString = async (html) => (await loadSanitizer()).sanitizeNoticeToString(html);

// ---- text ----
const TEXT = {
  fr: {
    search: "Rechercher une formation", searchPh: "Ex. : management, Excel, négociation…", filters: "Filtres", topics: "Thèmes",
    allTopics: "Tous les thèmes", city: "Ville", allCities: "Toutes les villes", remote: "À distance", cpf: "Éligible CPF",
    level: "Niveau", allLevels: "Tous les niveaux", price: "Prix maximum", anyPrice: "Tous les prix", from: "Session à partir du",
    to: "Session jusqu’au", reset: "Effacer les filtres", results: (n) => (n === 0 ? "Aucune formation" : n === 1 ? "1 formation" : `${fmtInt("fr", n)} formations`),
    loading: "Chargement du catalogue…", empty: "Aucune formation ne correspond à votre recherche.", emptyHint: "Essayez d’autres mots ou effacez les filtres.",
    error: "Le catalogue n’a pas pu être chargé.", retry: "Réessayer", prev: "Précédente", next: "Suivante", page: (p, n) => `Page ${p} sur ${n}`,
    pagination: "Pagination", bestSeller: "Best-seller", days: (d) => (Number(d) > 1 ? `${d} jours` : `${d} jour`), ht: "HT",
    close: "Fermer", sessions: "Sessions", noSessions: "Aucune session programmée.", full: "Complet", lastPlaces: "Dernières places",
    guaranteed: "Session garantie", likely: "Forte probabilité", cities: "Villes",
    sections: { introduction: "Présentation", objective: "Objectifs", forWho: "Pour qui", prerequisite: "Prérequis", program: "Programme", participantBenefits: "Les plus", highlights: "Points forts", evaluation: "Évaluation", visioTrainingProcedure: "Classe à distance" },
    noticePage: "Fiche complète sur cegos.fr", stale: "Affiché depuis le cache ; mise à jour…", catalog: "Catalogue des formations",
  },
  en: {
    search: "Search courses", searchPh: "E.g. management, Excel, negotiation…", filters: "Filters", topics: "Topics",
    allTopics: "All topics", city: "City", allCities: "All cities", remote: "Remote", cpf: "CPF eligible",
    level: "Level", allLevels: "All levels", price: "Maximum price", anyPrice: "Any price", from: "Session from",
    to: "Session until", reset: "Clear filters", results: (n) => (n === 0 ? "No courses" : n === 1 ? "1 course" : `${fmtInt("en", n)} courses`),
    loading: "Loading the catalog…", empty: "No course matches your search.", emptyHint: "Try other words or clear the filters.",
    error: "The catalog could not be loaded.", retry: "Retry", prev: "Previous", next: "Next", page: (p, n) => `Page ${p} of ${n}`,
    pagination: "Pagination", bestSeller: "Best seller", days: (d) => (Number(d) > 1 ? `${d} days` : `${d} day`), ht: "excl. VAT",
    close: "Close", sessions: "Sessions", noSessions: "No session scheduled.", full: "Full", lastPlaces: "Last places",
    guaranteed: "Guaranteed", likely: "Likely to run", cities: "Cities",
    sections: { introduction: "Overview", objective: "Objectives", forWho: "Who is it for", prerequisite: "Prerequisites", program: "Program", participantBenefits: "Benefits", highlights: "Highlights", evaluation: "Assessment", visioTrainingProcedure: "Remote class" },
    noticePage: "Full page on cegos.fr", stale: "Shown from cache; updating…", catalog: "Course catalog",
  },
};
const locale = (lang) => (lang === "en" ? "en-GB" : "fr-FR");
// Intl date formatters, made once each
const fmts = new Map();
const fmt = (key, make) => fmts.get(key) ?? fmts.set(key, make()).get(key);
// Numbers by hand, as fr-FR and en-GB write them: the first Intl.NumberFormat of a page measured
// ~54 ms (its locale data), more than the rest of the first render.
function fmtInt(lang, n, digits = 0) {
  const [int, frac] = Number(n).toFixed(digits).split(".");
  const en = lang === "en";
  return int.replace(/\B(?=(\d{3})+$)/g, en ? "," : "\u202f") + (frac ? (en ? "." : ",") + frac : "");
}
const PRICES = [500, 1000, 1500, 2000, 3000];
const PER_PAGE = 20;
// what a card shows: the fields kept in the localStorage head
const CARD = ["yearlyProductCode", "productCode", "title", "bestSeller", "cpf", "cities", "commercialDuration", "moduleDuration", "level", "range", "price"];
const REMOTE = "A DISTANCE";
// performance marks fk:load, fk:head (cached cards), fk:page1, fk:cards, fk:index, fk:ready: once per page (bench/widget.mjs reads them)
const marked = new Set();
const mark = (n) => marked.has(n) || (marked.add(n), performance.mark?.(`fk:${n}`));
// resolves after the next frame has been drawn
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
// key → items, one item under each of its keys
function group(list, keys, value = (x) => x) {
  const m = new Map();
  for (const x of list) for (const k of keys(x)) (m.get(k) ?? m.set(k, []).get(k)).push(value(x));
  return m;
}

// ---- styles (one constructable sheet, shared by every instance) ----
const DARK = `color-scheme:dark;--_bg:var(--fk-bg,#111827);--_fg:var(--fk-fg,#e5e7eb);--_muted:var(--fk-muted,#a3acb9);--_border:var(--fk-border,#374151);
--_card:var(--fk-card-bg,#1f2937);--_surface:var(--fk-surface,#0b1220);--_accent:var(--fk-accent,#7aa7ff);--_accent-fg:var(--fk-accent-contrast,#0b1220);--_mark:var(--fk-mark-bg,#854d0e);`;
const CSS = `
:host{display:block;}
:host([hidden]){display:none;}
.root{--_accent:var(--fk-accent,#1a56db);--_accent-fg:var(--fk-accent-contrast,#fff);--_bg:var(--fk-bg,#fff);--_fg:var(--fk-fg,#1f2937);
--_muted:var(--fk-muted,#5b6472);--_border:var(--fk-border,#d7dce3);--_card:var(--fk-card-bg,#fff);--_surface:var(--fk-surface,#f5f7fa);
--_radius:var(--fk-radius,10px);--_space:var(--fk-space,16px);--_mark:var(--fk-mark-bg,#fde68a);--_danger:var(--fk-danger,#b42318);--_ok:var(--fk-success,#067647);
all:initial;display:block;box-sizing:border-box;font-family:var(--fk-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);
font-size:var(--fk-font-size,16px);line-height:1.45;color:var(--_fg);background:var(--_bg);text-align:left;}
.root[data-density=compact]{--_space:var(--fk-space,10px);}
@media (prefers-color-scheme:dark){:host([theme=auto]) .root{${DARK}}}
:host([theme=dark]) .root{${DARK}}
*,*::before,*::after{box-sizing:border-box;}
[hidden]{display:none!important;}
h2,h3,h4,h5,h6,p,ul,ol,li,fieldset,legend,figure{margin:0;padding:0;}
button,input,select{font:inherit;color:inherit;letter-spacing:normal;text-transform:none;}
button{cursor:pointer;}
:focus-visible{outline:3px solid var(--_accent);outline-offset:2px;}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;margin:-1px;padding:0;border:0;}
.top{display:flex;gap:.5em;align-items:end;flex-wrap:wrap;margin-bottom:var(--_space);}
.field{display:flex;flex-direction:column;gap:.25em;min-width:0;}
.field>span,.label{font-size:.875em;font-weight:600;color:var(--_fg);}
.q{flex:1 1 16em;}
input[type=search],input[type=date],select{width:100%;min-height:2.5em;padding:.45em .65em;border:1px solid var(--_border);border-radius:calc(var(--_radius) * .6);background:var(--_bg);color:var(--_fg);margin:0;}
input[type=search]{font-size:1.0625em;}
input[type=checkbox]{width:1.1em;height:1.1em;margin:0;accent-color:var(--_accent);}
.btn{display:inline-flex;align-items:center;justify-content:center;gap:.4em;min-height:2.5em;padding:.4em .9em;border:1px solid var(--_border);border-radius:calc(var(--_radius) * .6);background:var(--_card);color:var(--_fg);text-decoration:none;font-weight:600;line-height:1.2;margin:0;box-shadow:none;white-space:nowrap;}
.btn:hover{border-color:var(--_accent);}
.btn.primary{background:var(--_accent);border-color:var(--_accent);color:var(--_accent-fg);}
.btn[disabled]{opacity:.45;cursor:default;}
.btn.ftoggle{display:none;}
.layout{display:grid;grid-template-columns:minmax(14em,17em) minmax(0,1fr);gap:calc(var(--_space) * 1.5);align-items:start;}
.side{display:flex;flex-direction:column;gap:var(--_space);padding:var(--_space);background:var(--_surface);border-radius:var(--_radius);border:1px solid var(--_border);}
.check{display:flex;gap:.5em;align-items:center;font-size:.9375em;}
.tree,.tree ul{list-style:none;margin:0;padding:0;}
.tree ul{padding-left:1em;}
.tree [role=treeitem]>.ti{display:flex;align-items:flex-start;gap:.3em;padding:.25em .4em;border-radius:6px;cursor:pointer;font-size:.9375em;}
.tree [role=treeitem]:focus{outline:none;}
.tree [role=treeitem]:focus-visible>.ti{outline:3px solid var(--_accent);outline-offset:-1px;}
.tree [role=treeitem][aria-selected=true]>.ti{background:var(--_accent);color:var(--_accent-fg);}
.tree .tw{flex:0 0 1em;text-align:center;color:inherit;opacity:.7;}
.tree .n{color:inherit;opacity:.8;font-variant-numeric:tabular-nums;}
.status{font-weight:600;margin:0 0 .75em;min-height:1.45em;}
.cards{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));gap:var(--_space);}
.card{display:flex;flex-direction:column;gap:.5em;padding:var(--_space);background:var(--_card);border:1px solid var(--_border);border-radius:var(--_radius);min-width:0;}
.card:hover{border-color:var(--_accent);}
.card h3{font-size:1.0625em;line-height:1.3;font-weight:650;}
.card h3 button{all:unset;cursor:pointer;color:var(--_fg);overflow-wrap:anywhere;}
.card h3 button:hover{color:var(--_accent);text-decoration:underline;}
.card h3 button:focus-visible{outline:3px solid var(--_accent);outline-offset:2px;border-radius:3px;}
mark{background:var(--_mark);color:inherit;padding:0 .05em;border-radius:2px;}
.meta{display:flex;flex-wrap:wrap;gap:.35em .9em;font-size:.875em;color:var(--_muted);}
.price{margin-top:auto;font-size:1.125em;font-weight:700;color:var(--_fg);}
.price small{font-size:.75em;font-weight:500;color:var(--_muted);}
.tags{display:flex;flex-wrap:wrap;gap:.35em;}
.tag{display:inline-block;padding:.1em .55em;border-radius:999px;font-size:.8125em;font-weight:600;background:var(--_surface);border:1px solid var(--_border);color:var(--_fg);white-space:nowrap;}
.tag.best{background:#fff4d6;border-color:#e9b949;color:#6b4a00;}
.tag.cpf{background:#e7f6ec;border-color:#7cc49a;color:#0b5a2c;}
.tag.full{background:#fde8e7;border-color:#f0a39e;color:#8a1c12;}
.tag.last{background:#fff1e0;border-color:#f5b66b;color:#7a3d00;}
.tag.guar{background:#e7f6ec;border-color:#7cc49a;color:#0b5a2c;}
.tag.likely{background:#e8efff;border-color:#9db6f5;color:#173f9c;}
.cities,.day{font-size:.8125em;color:var(--_muted);}
.day:empty{display:none;}
.pager{display:flex;flex-wrap:wrap;gap:.4em;align-items:center;justify-content:center;margin-top:calc(var(--_space) * 1.5);}
.pager .btn{min-width:2.5em;padding:.4em .6em;}
.pager .btn[aria-current=page]{background:var(--_accent);border-color:var(--_accent);color:var(--_accent-fg);}
.pager .gap{color:var(--_muted);padding:0 .2em;}
.state{padding:calc(var(--_space) * 2) var(--_space);text-align:center;border:1px dashed var(--_border);border-radius:var(--_radius);display:flex;flex-direction:column;align-items:center;gap:.75em;color:var(--_fg);}
.state .hint{color:var(--_muted);}
.state.err{border-color:var(--_danger);}
.state.err strong{color:var(--_danger);}
.spin{width:2em;height:2em;border-radius:50%;border:.25em solid var(--_border);border-top-color:var(--_accent);animation:fkspin .8s linear infinite;}
@keyframes fkspin{to{transform:rotate(360deg);}}
@media (prefers-reduced-motion:reduce){.spin{animation-duration:3s;}}
.skel{height:9em;border-radius:var(--_radius);background:var(--_surface);border:1px solid var(--_border);}
.note{font-size:.8125em;color:var(--_muted);margin:-.5em 0 .75em;}
.overlay{position:fixed;inset:0;z-index:2147483000;background:rgba(15,23,42,.55);display:flex;justify-content:flex-end;}
.dialog{width:min(46em,100%);height:100%;overflow:auto;background:var(--_bg);color:var(--_fg);padding:calc(var(--_space) * 1.5);display:flex;flex-direction:column;gap:var(--_space);box-shadow:-8px 0 30px rgba(0,0,0,.25);}
.dhead{display:flex;gap:var(--_space);align-items:flex-start;justify-content:space-between;}
.dialog h2{font-size:1.5em;line-height:1.25;font-weight:700;overflow-wrap:anywhere;}
.dialog .sub{color:var(--_muted);margin-top:.35em;}
.notice h3{font-size:1.125em;font-weight:700;margin:.6em 0 .3em;}
.notice h4,.notice h5,.notice h6{font-size:1em;font-weight:700;margin:.5em 0 .25em;}
.notice p{margin:0 0 .6em;}
.notice ul,.notice ol{margin:0 0 .6em;padding-left:1.4em;}
.notice li{margin:.15em 0;}
.notice a,.dialog a.link{color:var(--_accent);text-decoration:underline;}
.sessions{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:.5em;}
.sess{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:.25em 1em;padding:.65em .85em;border:1px solid var(--_border);border-radius:calc(var(--_radius) * .7);background:var(--_card);}
.sess .when{font-weight:600;}
.sess .where{color:var(--_muted);font-size:.9375em;}
.sess .sp{font-weight:700;text-align:right;grid-row:1 / span 2;grid-column:2;align-self:center;}
.sess .tags{grid-column:1 / -1;}
.frame{container-type:inline-size;}
@container (max-width:760px){
 .layout{grid-template-columns:minmax(0,1fr);gap:var(--_space);}
 .btn.ftoggle{display:inline-flex;}
 .side[data-open=false]{display:none;}
}
@container (max-width:480px){.cards{grid-template-columns:minmax(0,1fr);}}
@media (max-width:600px){
 .dialog{padding:var(--_space);}
 .dialog h2{font-size:1.25em;}
}
`;
let sheet = null;
function getSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

// ---- DOM helper: text only ----
function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs)
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
      else if (k === "text") node.textContent = v;
      else if (k in node && typeof v !== "string") node[k] = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

// ---- IndexedDB cache ----
const DB = "formakit-widget";
function idb() {
  return new Promise((resolve, reject) => {
    if (!globalThis.indexedDB) return reject(new Error("no IndexedDB"));
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore("catalog");
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
async function cacheGet(key) {
  try {
    const db = await idb();
    return await new Promise((resolve) => {
      const r = db.transaction("catalog").objectStore("catalog").get(key);
      r.onsuccess = () => resolve(r.result ?? null);
      r.onerror = () => resolve(null);
    });
  } catch {
    return null;
  }
}
async function cachePut(key, value) {
  try {
    const db = await idb();
    await new Promise((resolve) => {
      const tx = db.transaction("catalog", "readwrite");
      tx.objectStore("catalog").put(value, key);
      tx.oncomplete = tx.onerror = tx.onabort = () => resolve();
    });
  } catch {
    /* private mode, quota: the widget works without the cache */
  }
}

// ---- the prebuilt index (index-url) ----
// One IndexedDB entry per catalog: { url, etag, lastModified, bytes }. It is used only for the
// same resolved URL (a changed index-url is a miss) and revalidated on every visit with
// If-None-Match / If-Modified-Since: 304 keeps the cached bytes, 200 replaces them. When the
// fetch fails the cached bytes serve (offline); with none, the index is built in the page.
async function fetchIndex(url, cached) {
  const entry = cached?.url === url && cached.bytes ? cached : null;
  const headers = {};
  if (entry?.etag) headers["If-None-Match"] = entry.etag;
  if (entry?.lastModified) headers["If-Modified-Since"] = entry.lastModified;
  try {
    // no-store: the validators above go to the server and its 304 comes back to us
    const r = await fetch(url, { headers, cache: "no-store", credentials: "same-origin" });
    if (r.status === 304 && entry) return { bytes: entry.bytes, entry: null };
    if (!r.ok) return { bytes: entry?.bytes ?? null, entry: null };
    const bytes = new Uint8Array(await r.arrayBuffer());
    return { bytes, entry: { url, etag: r.headers.get("ETag"), lastModified: r.headers.get("Last-Modified"), bytes, at: Date.now() } };
  } catch {
    return { bytes: entry?.bytes ?? null, entry: null };
  }
}

// ---- URL state ----
const KEYS = ["q", "city", "cpf", "level", "max", "from", "to", "topic", "page", "product"];
function readState(prefix) {
  const sp = new URLSearchParams(location.search);
  const s = {};
  for (const k of KEYS) s[k] = sp.get(prefix + k) ?? "";
  s.page = Math.max(1, parseInt(s.page, 10) || 1);
  return s;
}
function writeState(prefix, state, push) {
  const sp = new URLSearchParams(location.search);
  for (const k of KEYS) {
    const v = state[k];
    if (v === "" || v === null || v === undefined || (k === "page" && v === 1)) sp.delete(prefix + k);
    else sp.set(prefix + k, String(v));
  }
  const qs = sp.toString();
  const url = `${location.pathname}${qs ? `?${qs}` : ""}${location.hash}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  history[push ? "pushState" : "replaceState"](history.state, "", url);
}

// ---- the element ----
export class FormakitCatalog extends HTMLElement {
  static observedAttributes = ["api-base", "token-url", "lang", "catalog-id", "index-url", "fault", "density"];
  static sanitize = sanitizeNoticeToString;

  #client = null;
  #ownClient = true;
  #root;
  #els = {};
  #data = null; // { products, byCode, topics, sessionsByProduct, index, topicIndex }
  #state;
  #status = "idle";
  #error = null;
  #loadId = 0;
  #opener = null;
  #typing = null;
  #connected = false;
  #sidebarOpen = false;
  #popHandler = () => this.#onPop();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.adoptedStyleSheets = [getSheet()];
  }

  get client() {
    return this.#ownClient ? null : this.#client;
  }
  set client(c) {
    this.#client = c;
    this.#ownClient = !c;
    if (this.#connected) this.reload();
  }
  get lang() {
    return this.getAttribute("lang") === "en" ? "en" : "fr";
  }
  get #t() {
    return TEXT[this.lang];
  }
  get #prefix() {
    return this.id ? `${this.id}-` : "fk-";
  }

  connectedCallback() {
    this.#connected = true;
    this.#state = readState(this.#prefix);
    addEventListener("popstate", this.#popHandler);
    this.#build();
    this.reload();
  }
  disconnectedCallback() {
    this.#connected = false;
    removeEventListener("popstate", this.#popHandler);
  }
  attributeChangedCallback(name, oldV, newV) {
    if (!this.#connected || oldV === newV) return;
    if (name === "lang" || name === "density") {
      this.#build();
      this.#render();
      return;
    }
    if (this.#ownClient) this.#client = null;
    this.reload();
  }

  /** Reloads the catalog (the retry button does this). */
  reload() {
    const id = ++this.#loadId;
    this.#status = "loading";
    this.#error = null;
    this.#render();
    this.#load(id).catch((e) => {
      if (id !== this.#loadId) return;
      this.#status = "error";
      this.#error = e;
      this.#render();
      this.dispatchEvent(new CustomEvent("formakit-error", { detail: e, bubbles: true, composed: true }));
    });
  }

  #makeClient(cegos) {
    if (this.#client) return this.#client;
    const base = new URL(this.getAttribute("api-base") || "/cegos", location.href).href.replace(/\/$/, "");
    const tokenUrl = this.getAttribute("token-url");
    if (!tokenUrl) throw Object.assign(new Error("formakit-catalog: set token-url or the client property"), { kind: "usage" });
    const fault = this.getAttribute("fault");
    const headers = fault ? { "X-Formakit-Fault": fault } : undefined;
    this.#client = new cegos.CegosClient({
      baseUrl: base,
      authBaseUrl: base,
      lang: this.lang,
      retries: fault ? 0 : 2,
      headers,
      getToken: async () => {
        // The partner's token proxy: a POST answered with { access_token }; no secret in the page.
        const res = await fetch(new URL(tokenUrl, location.href), { method: "POST", credentials: "same-origin", headers });
        if (!res.ok) throw Object.assign(new Error(`token: HTTP ${res.status}`), { kind: "http", status: res.status });
        return (await res.json()).access_token;
      },
    });
    return this.#client;
  }

  #cacheKey() {
    return `v1|${this.getAttribute("api-base") || "/cegos"}|${this.getAttribute("catalog-id") || ""}|${this.lang}`;
  }

  // The cold path: the network starts at once; the first products page is rendered as it
  // arrives (no index needed for the catalog's own order); the other pages, the topics and the
  // sessions follow in parallel while the search wasm compiles; the index is built after that
  // first paint. A revisit renders a small IndexedDB entry (the first products, for the cards)
  // first, then the whole cached catalog with its index, while the network revalidates.
  async #load(id) {
    mark("load");
    const live = () => id === this.#loadId;
    const key = this.#cacheKey();
    const indexAttr = this.getAttribute("index-url");
    const indexUrl = indexAttr ? new URL(indexAttr, location.href).href : null;
    let done = false;
    const shown = (status) => {
      this.#status = status;
      this.#render();
    };
    // The head (the first products, card fields only) is in localStorage: read synchronously,
    // where an IndexedDB open alone measured 300-400 ms in a fresh page. The whole catalog (its
    // structured clone takes the main thread a while) is read once those cards are drawn.
    let head = null;
    try {
      head = JSON.parse(localStorage.getItem(`formakit-catalog|${key}`));
    } catch {}
    if (head?.products) {
      if (!this.#data) this.#setData(head), shown("stale"), mark("head");
      await frame(); // the cached cards are drawn before anything else starts
      if (!live()) return;
    }
    const search = import(WEB + "search/index.js");
    search.catch(() => {});
    const cachedIndex = indexUrl ? cacheGet(`index|${key}`) : null;
    const fromCache = cacheGet(key).then(async (cached) => {
      if (!cached || !live()) return null;
      await frame();
      const ci = await cachedIndex;
      const s = await search;
      if (live() && !done) this.#setData(cached, s, ci?.url === indexUrl ? ci.bytes : null), shown("stale");
      return cached;
    });
    const cegos = this.#client ? null : await import(WEB + "cegos/index.js");
    if (!live()) return;
    const client = this.#makeClient(cegos);
    // the index file is revalidated alongside the catalog requests, not after them
    const index = indexUrl ? Promise.resolve(cachedIndex).then((ci) => fetchIndex(indexUrl, ci)) : null;
    const catalogId = this.getAttribute("catalog-id");
    const topics = client.topics(catalogId ? { catalogId: Number(catalogId) || catalogId } : undefined).catch(() => null);
    let sessions = null;
    const products = [];
    try {
      for await (const page of client.products({ hydrate: true }, { concurrency: 6 }).pages()) {
        products.push(...(page.data ?? []));
        // sessions wait for the first page: they must not delay the first cards
        sessions ??= client.sessions().toArray({ limit: 20000 }).catch(() => []);
        if (!live()) return;
        if (!this.#data?.index && (products.length === page.data?.length || this.#waiting)) {
          mark("page1");
          this.#setData({ products, total: page.totalItems });
          shown("loading");
        }
      }
    } catch (e) {
      if (!(await fromCache)) throw e;
      if (live()) shown("ready"); // offline or outage: keep the cached catalog
      return;
    }
    const fresh = { products, topics: await topics, sessions: await (sessions ?? []), at: Date.now() };
    const fetched = await index;
    await frame();
    if (!live()) return;
    done = true;
    const usedBytes = this.#setData(fresh, await search, fetched?.bytes ?? null);
    mark("index");
    shown("ready");
    cachePut(key, fresh);
    try {
      const card = (p) => Object.fromEntries(CARD.map((k) => [k, p[k]]));
      localStorage.setItem(`formakit-catalog|${key}`, JSON.stringify({ products: products.slice(0, 3 * PER_PAGE).map(card), total: products.length }));
    } catch {}
    // a file fromBytes rejects is not kept: the next visit asks for it again
    if (fetched?.entry && usedBytes) cachePut(`index|${key}`, fetched.entry);
    mark("ready");
    this.dispatchEvent(new CustomEvent("formakit-ready", { detail: { products: products.length }, bubbles: true, composed: true }));
  }

  // Without `search` the data has no index yet: the catalog's own order is shown, and a query,
  // a filter or a topic waits for the index.
  #setData({ products, topics, sessions, total }, search, bytes) {
    const old = this.#data?.index;
    let index = null;
    if (search && bytes) {
      try {
        index = search.CatalogIndex.fromBytes(bytes);
      } catch {
        index = null;
      }
    }
    const fromBytes = !!index;
    if (search) index ??= search.CatalogIndex.fromProducts(products, { topics: topics ?? undefined, sessions: sessions ?? [] });
    const byCode = new Map();
    const pos = new Map();
    products.forEach((p, i) => {
      byCode.set(p.yearlyProductCode, p);
      pos.set(p.yearlyProductCode, i);
    });
    const sessionsByProduct = group(sessions ?? [], (s) => [s.productCode]);
    for (const list of sessionsByProduct.values()) list.sort((a, b) => String(a.startDate).localeCompare(String(b.startDate)));
    // topic id → product codes (itself and every sub-topic)
    const tree = topics?.data?.topics ?? [];
    const direct = group(products, (p) => (p.catalogTopicRelations ?? []).map((r) => r.catalogTopicId), (p) => p.yearlyProductCode);
    const topicCodes = new Map();
    const walk = (t) => {
      const set = new Set(direct.get(t.id));
      for (const s of t.subTopics ?? []) for (const c of walk(s)) set.add(c);
      topicCodes.set(String(t.id), set);
      return set;
    };
    tree.forEach(walk);
    // product code → every topic it counts under (its own and their ancestors), for the counts
    const productTopics = new Map();
    for (const [topic, codes] of topicCodes) for (const c of codes) (productTopics.get(c) ?? productTopics.set(c, []).get(c)).push(topic);
    this.#data = { products, byCode, pos, total: index ? null : total, tree, topicCodes, productTopics, sessionsByProduct, index };
    this.#openedCode = null; // the open detail gets the new sessions
    if (old && old !== index) queueMicrotask(() => old.free?.());
    return fromBytes;
  }

  #onPop() {
    const before = this.#state.product;
    this.#state = readState(this.#prefix);
    this.#syncControls();
    this.#render();
    if (before && !this.#state.product) this.#restoreFocus();
  }

  #set(patch, { push = true, resetPage = true } = {}) {
    Object.assign(this.#state, patch);
    if (resetPage && !("page" in patch)) this.#state.page = 1;
    writeState(this.#prefix, this.#state, push);
    this.#render();
  }

  // -- static frame (rebuilt on lang change) --
  #build() {
    const t = this.#t;
    const uid = Math.random().toString(36).slice(2, 8);
    const e = (this.#els = {});
    e.q = h("input", {
      type: "search", id: `q-${uid}`, placeholder: t.searchPh, autocomplete: "off", spellcheck: "false", part: "search",
      on: {
        input: () => {
          clearTimeout(this.#typing);
          const v = e.q.value;
          // the index answers in well under a frame: render now, write the URL once typing pauses
          Object.assign(this.#state, { q: v, page: 1 });
          this.#render(true);
          this.#typing = setTimeout(() => writeState(this.#prefix, this.#state, false), 300);
        },
        keydown: (ev) => {
          if (ev.key === "Enter") {
            ev.preventDefault();
            this.#els.cards?.querySelector("h3 button")?.focus();
          }
        },
      },
    });
    e.filterToggle = h("button", { type: "button", class: "btn ftoggle", "aria-expanded": "false", "aria-controls": `side-${uid}`, text: t.filters, on: { click: () => { this.#sidebarOpen = !this.#sidebarOpen; this.#renderSide(this.#facets); } } });
    const top = h("div", { class: "top" }, h("label", { class: "field q", for: `q-${uid}` }, h("span", { text: t.search }), e.q), e.filterToggle);

    const sel = (key, label) => {
      const s = h("select", { id: `${key}-${uid}`, on: { change: () => this.#set({ [key]: s.value }) } });
      return [s, h("label", { class: "field", for: `${key}-${uid}` }, h("span", { text: label }), s)];
    };
    let cityF, levelF, maxF;
    [e.city, cityF] = sel("city", t.city);
    [e.level, levelF] = sel("level", t.level);
    [e.max, maxF] = sel("max", t.price);
    e.cpf = h("input", { type: "checkbox", id: `cpf-${uid}`, on: { change: () => this.#set({ cpf: e.cpf.checked ? "1" : "" }) } });
    e.cpfLabel = h("span", { text: t.cpf });
    const cpfF = h("label", { class: "check", for: `cpf-${uid}` }, e.cpf, e.cpfLabel);
    // A native date input shows its value in the browser's locale, whatever the lang attribute
    // says (Chromium, Firefox): the chosen day is written beside it in the widget's language.
    const date = (key, label) => {
      const i = h("input", { type: "date", id: `${key}-${uid}`, on: { change: () => { this.#set({ [key]: i.value }); this.#syncControls(); } } });
      e[`${key}Day`] = h("small", { class: "day", part: "date-text", "aria-hidden": "true" });
      return [i, h("label", { class: "field", for: `${key}-${uid}` }, h("span", { text: label }), i, e[`${key}Day`])];
    };
    let fromF, toF;
    [e.from, fromF] = date("from", t.from);
    [e.to, toF] = date("to", t.to);
    e.reset = h("button", { type: "button", class: "btn", text: t.reset, on: { click: () => { e.q.value = ""; this.#set({ q: "", city: "", cpf: "", level: "", max: "", from: "", to: "", topic: "" }); this.#syncControls(); } } });
    e.tree = h("ul", { class: "tree", role: "tree", "aria-labelledby": `tl-${uid}`, on: { keydown: (ev) => this.#treeKey(ev), click: (ev) => this.#treeClick(ev) } });
    const topicsBox = h("div", { class: "field" }, h("span", { class: "label", id: `tl-${uid}`, text: t.topics }), h("div", { class: "treebox" }, e.tree));
    e.side = h("aside", { class: "side", id: `side-${uid}`, part: "filters", "aria-label": t.filters }, cityF, cpfF, levelF, maxF, fromF, toF, e.reset, topicsBox);

    e.status = h("p", { class: "status", role: "status", "aria-live": "polite", "aria-atomic": "true", part: "status" });
    e.note = h("p", { class: "note", hidden: true });
    e.body = h("div", { class: "body" });
    const results = (e.results = h("section", { class: "results", "aria-label": t.catalog }, e.status, e.note, e.body));
    e.dialogHost = h("div");
    const root = h("div", { class: "root", part: "root", lang: this.lang, "data-density": this.getAttribute("density") || "normal" }, h("div", { class: "frame" }, top, h("div", { class: "layout" }, e.side, results)), e.dialogHost);
    this.#root.replaceChildren(root);
    this.#treeBuiltFor = null;
    this.#sideSig = "";
    this.#syncControls();
  }
  #treeBuiltFor = null;

  #syncControls() {
    const e = this.#els;
    if (!e.q) return;
    if (e.q.value !== this.#state.q) e.q.value = this.#state.q;
    e.cpf.checked = this.#state.cpf === "1";
    for (const k of ["from", "to"]) {
      const v = this.#state[k];
      e[k].value = v;
      e[`${k}Day`].textContent = /^\d{4}-\d\d-\d\d$/.test(v) ? fmt(`w${this.lang}`, () => new Intl.DateTimeFormat(locale(this.lang), { weekday: "short", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })).format(new Date(`${v}T00:00Z`)) : "";
    }
  }

  #filters() {
    const s = this.#state;
    const f = {};
    if (s.city) f.city = s.city === REMOTE ? "remote" : s.city;
    if (s.cpf === "1") f.cpf = true;
    if (s.level) f.level = s.level;
    if (s.max && Number(s.max) > 0) f.maxPrice = Number(s.max);
    if (/^\d{4}-\d\d-\d\d$/.test(s.from)) f.startFrom = s.from;
    if (/^\d{4}-\d\d-\d\d$/.test(s.to)) f.startTo = s.to;
    return f;
  }

  // The page of hits, the facets, and the topic counts: like a facet, a topic counts the results
  // of the query and the other filters (not the topic itself); null means the catalog's totals.
  // The facets, with a topic selected, count what each value would leave in that topic.
  // With no query the hits keep the catalog's order. null: the index is not there yet.
  #query(typing) {
    const d = this.#data;
    const s = this.#state;
    const filters = this.#filters();
    const topicSet = s.topic ? d.topicCodes.get(s.topic) ?? new Set() : null;
    const narrowed = s.q.trim() !== "" || Object.keys(filters).length > 0;
    const from = (s.page - 1) * PER_PAGE;
    if (typing && d.index && s.q.trim() && !topicSet) return { ...d.index.search(s.q, { filters, limit: PER_PAGE, offset: from }), later: true };
    if (!d.index) {
      const n = d.products.length;
      return narrowed || topicSet || (from >= n && n < d.total) ? null : { hits: d.products.slice(from, from + PER_PAGE).map((product) => ({ product })), total: d.total ?? n };
    }
    const limit = Math.max(d.products.length, d.index.size ?? 0) + 1;
    const find = (f) => {
      const r = d.index.search(s.q, { filters: f, limit });
      if (!s.q.trim()) r.hits.sort((a, b) => (d.pos.get(a.yearlyProductCode) ?? limit) - (d.pos.get(b.yearlyProductCode) ?? limit));
      return r;
    };
    const all = find(filters);
    const inTopic = (hits) => (topicSet ? hits.filter((x) => topicSet.has(x.yearlyProductCode)) : hits);
    let facets = all.facets;
    if (topicSet) {
      const count = (key, values) => {
        const { [key]: _, ...others } = filters;
        const m = new Map();
        for (const x of inTopic(key in filters ? find(others).hits : all.hits)) {
          const p = d.byCode.get(x.yearlyProductCode);
          if (p) for (const v of values(p)) m.set(v, (m.get(v) ?? 0) + 1);
        }
        return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
      };
      facets = { city: count("city", (p) => new Set(p.cities)), level: count("level", (p) => [p.level?.label ?? ""]), cpf: count("cpf", (p) => [!!p.cpf]) };
    }
    let topicCounts = null;
    if (topicSet || narrowed) {
      topicCounts = new Map();
      for (const hit of all.hits) for (const t of d.productTopics.get(hit.yearlyProductCode) ?? []) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
    }
    const hits = inTopic(all.hits);
    return { hits: hits.slice(from, from + PER_PAGE), total: hits.length, facets, topicCounts, topicTotal: all.total };
  }

  // -- rendering --
  // typing: the cards first (one page asked of the index); the sidebar's counts, which need every
  // hit, once that frame is drawn
  #render(typing) {
    const e = this.#els;
    if (!e.body) return;
    const t = this.#t;
    // busy until the whole catalog and its index are in (the first cards come before)
    e.results.setAttribute("aria-busy", String(!/ready|error/.test(this.#status)));
    e.note.hidden = this.#status !== "stale";
    e.note.textContent = t.stale;
    let r = null;
    if (this.#data) {
      try {
        r = this.#query(typing);
        const pages = Math.max(1, Math.ceil((r?.total ?? 0) / PER_PAGE));
        if (r && this.#state.page > pages) {
          this.#state.page = pages;
          r = this.#query();
        }
      } catch (err) {
        r = { hits: [], total: 0 };
        console.warn("formakit-catalog: search failed", err);
      }
    }
    this.#waiting = !r;
    if (!r) {
      this.#renderSide(null, null);
      const error = this.#status === "error";
      e.status.textContent = error ? t.error : t.loading;
      e.body.replaceChildren(
        error
          ? h("div", { class: "state err", part: "error" }, h("strong", { text: t.error }), h("span", { class: "hint", text: errorText(this.#error) }), h("button", { type: "button", class: "btn primary", part: "retry", text: t.retry, on: { click: () => this.reload() } }))
          : h("div", { class: "state", part: "loading", "aria-busy": "true" }, h("div", { class: "spin", "aria-hidden": "true" }), h("span", { text: t.loading })),
      );
      this.#renderDialog();
      return;
    }
    const pages = Math.max(1, Math.ceil(r.total / PER_PAGE));
    if (r.later) {
      const n = ++this.#later;
      frame().then(() => {
        const q = n === this.#later && this.#data?.index && this.#query();
        if (q) this.#renderSide(q.facets, q);
      });
    } else this.#renderSide(r.facets ?? null, r);
    e.status.textContent = t.results(r.total) + (pages > 1 ? ` — ${t.page(this.#state.page, pages)}` : "");
    if (r.total === 0) {
      e.body.replaceChildren(h("div", { class: "state", part: "empty" }, h("strong", { text: t.empty }), h("span", { class: "hint", text: t.emptyHint }), h("button", { type: "button", class: "btn", text: t.reset, on: { click: () => e.reset.click() } })));
    } else {
      e.cards = h("ul", { class: "cards", part: "cards", "aria-label": t.catalog }, r.hits.map((hit) => this.#card(hit)));
      e.body.replaceChildren(e.cards, this.#pager(pages));
      mark("cards");
    }
    this.#renderDialog();
  }

  #waiting = false;
  #later = 0;
  #facets = null;
  #sideSig = "";
  #topicCounts = null;
  #renderSide(facets, counts = this.#topicCounts) {
    this.#facets = facets;
    this.#topicCounts = counts;
    // typing re-renders on every key: skip the sidebar when nothing it shows has changed
    const sig = JSON.stringify([facets, counts?.topicTotal, counts?.topicCounts ? [...counts.topicCounts] : null, this.#sidebarOpen, this.#state.city, this.#state.level, this.#state.max, this.#state.topic, !this.#data?.index, this.#treeBuiltFor === this.#data]);
    if (sig === this.#sideSig) return;
    this.#sideSig = sig;
    const e = this.#els;
    const t = this.#t;
    const s = this.#state;
    e.side.dataset.open = String(this.#sidebarOpen);
    e.filterToggle.setAttribute("aria-expanded", String(this.#sidebarOpen));
    const opts = (select, all, list, current, label = (v) => v) => {
      const items = [h("option", { value: "", text: all })];
      const seen = new Set();
      for (const { value, count } of list ?? []) {
        seen.add(String(value));
        items.push(h("option", { value: String(value), text: `${label(value)} (${fmtInt(this.lang, count)})`, selected: String(value) === current }));
      }
      if (current && !seen.has(current)) items.push(h("option", { value: current, text: `${label(current)} (0)`, selected: true }));
      select.replaceChildren(...items);
      select.value = current;
    };
    const cities = [...(facets?.city ?? [])].sort((a, b) => (a.value === REMOTE ? -1 : b.value === REMOTE ? 1 : b.count - a.count || a.value.localeCompare(b.value)));
    opts(e.city, t.allCities, cities, s.city, (v) => (v === REMOTE ? t.remote : titleCase(v)));
    opts(e.level, t.allLevels, facets?.level, s.level);
    const maxItems = [h("option", { value: "", text: t.anyPrice })];
    for (const p of PRICES) maxItems.push(h("option", { value: String(p), text: `≤ ${money(this.lang, p)}`, selected: String(p) === s.max }));
    e.max.replaceChildren(...maxItems);
    e.max.value = PRICES.map(String).includes(s.max) ? s.max : "";
    const cpfYes = facets?.cpf?.find((x) => x.value === true)?.count;
    e.cpfLabel.textContent = cpfYes === undefined ? t.cpf : `${t.cpf} (${fmtInt(this.lang, cpfYes)})`;
    const disabled = !this.#data?.index;
    for (const k of ["city", "level", "max", "cpf", "from", "to", "reset"]) e[k].disabled = disabled;
    this.#renderTree();
  }

  #renderTree() {
    const e = this.#els;
    const d = this.#data;
    if (!d) {
      e.tree.replaceChildren();
      return;
    }
    if (this.#treeBuiltFor !== d) {
      this.#treeBuiltFor = d;
      const t = this.#t;
      const item = (node, level) => {
        const subs = (node.subTopics ?? []).filter((x) => d.topicCodes.get(String(x.id))?.size);
        const li = h("li", { role: "treeitem", "data-id": node.id === null ? "" : String(node.id), "aria-level": String(level), tabindex: "-1", "aria-selected": "false" });
        li.append(h("div", { class: "ti" }, h("span", { class: "tw", "aria-hidden": "true", text: subs.length ? "▸" : "" }), h("span", null, node.label, " ", h("span", { class: "n" }))));
        if (subs.length) {
          li.setAttribute("aria-expanded", "false");
          li.append(h("ul", { role: "group", hidden: true }, subs.map((x) => item(x, level + 1))));
        }
        return li;
      };
      const roots = d.tree.filter((x) => d.topicCodes.get(String(x.id))?.size);
      e.tree.replaceChildren(item({ id: null, label: t.allTopics, subTopics: [] }, 1), ...roots.map((x) => item(x, 1)));
    }
    // counts under the current query and filters; a topic with none is hidden unless selected
    const counts = this.#topicCounts;
    const current = this.#state.topic || "";
    let selected = null;
    for (const li of e.tree.querySelectorAll("[role=treeitem]")) {
      const id = li.dataset.id;
      const n = id === "" ? counts?.topicTotal ?? d.products.length : counts?.topicCounts ? counts.topicCounts.get(id) ?? 0 : d.topicCodes.get(id)?.size ?? 0;
      const text = `(${fmtInt(this.lang, n)})`;
      const span = li.querySelector(":scope>.ti .n");
      if (span.textContent !== text) span.textContent = text;
      li.hidden = n === 0 && id !== "";
      const on = id === current;
      li.setAttribute("aria-selected", String(on));
      li.tabIndex = -1;
      if (on) selected = li;
    }
    // selection, expansion of the selected path, roving tabindex
    if (selected) {
      selected.tabIndex = 0;
      for (let p = selected; p; p = p.parentElement?.closest("[role=treeitem]")) {
        p.hidden = false;
        if (p !== selected) this.#expand(p, true);
      }
    } else e.tree.querySelector("[role=treeitem]").tabIndex = 0;
  }
  #expand(li, open) {
    if (!li.hasAttribute("aria-expanded")) return;
    li.setAttribute("aria-expanded", String(open));
    li.querySelector(":scope>ul").hidden = !open;
    li.querySelector(":scope>.ti>.tw").textContent = open ? "▾" : "▸";
  }
  #visibleItems() {
    return [...this.#els.tree.querySelectorAll("[role=treeitem]")].filter((li) => !li.closest("[hidden]"));
  }
  #treeClick(ev) {
    const li = ev.target.closest("[role=treeitem]");
    if (!li) return;
    if (ev.target.closest(".tw") && li.hasAttribute("aria-expanded")) {
      this.#expand(li, li.getAttribute("aria-expanded") !== "true");
      return;
    }
    if (li.hasAttribute("aria-expanded")) this.#expand(li, true);
    this.#set({ topic: li.dataset.id });
    li.focus();
  }
  #treeKey(ev) {
    const li = ev.target.closest("[role=treeitem]");
    if (!li) return;
    const items = this.#visibleItems();
    const i = items.indexOf(li);
    const go = (n) => {
      if (!n) return;
      li.tabIndex = -1;
      n.tabIndex = 0;
      n.focus();
    };
    const open = li.getAttribute("aria-expanded");
    switch (ev.key) {
      case "ArrowDown": go(items[i + 1]); break;
      case "ArrowUp": go(items[i - 1]); break;
      case "Home": go(items[0]); break;
      case "End": go(items.at(-1)); break;
      case "ArrowRight":
        if (open === "false") this.#expand(li, true);
        else if (open === "true") go(li.querySelector("[role=treeitem]"));
        break;
      case "ArrowLeft":
        if (open === "true") this.#expand(li, false);
        else go(li.parentElement.closest("[role=treeitem]"));
        break;
      case "Enter": case " ":
        this.#set({ topic: li.dataset.id });
        li.focus();
        break;
      default: return;
    }
    ev.preventDefault();
  }

  #card(hit) {
    const t = this.#t;
    const p = hit.product ?? this.#data.byCode.get(hit.yearlyProductCode);
    if (!p) return null;
    const title = h("button", { type: "button", "data-code": p.yearlyProductCode, "aria-haspopup": "dialog", on: { click: (ev) => this.#open(p.yearlyProductCode, ev.currentTarget) } }, highlight(p.title ?? "", hit.highlights));
    const tags = [];
    if (p.bestSeller) tags.push(h("span", { class: "tag best", text: t.bestSeller }));
    if (p.cpf) tags.push(h("span", { class: "tag cpf", text: "CPF" }));
    const cities = (p.cities ?? []).map((c) => (c === REMOTE ? t.remote : titleCase(c)));
    const shown = cities.slice(0, 4).join(" · ") + (cities.length > 4 ? ` + ${cities.length - 4}` : "");
    return h("li", { class: "card", part: "card" },
      h("h3", null, title),
      tags.length ? h("div", { class: "tags" }, tags) : null,
      h("div", { class: "meta" }, h("span", { text: duration(t, p) }), p.level?.label ? h("span", { text: p.level.label }) : null, p.range?.label ? h("span", { text: p.range.label }) : null),
      cities.length ? h("p", { class: "cities" }, h("span", { class: "sr", text: `${t.cities} : ` }), shown) : null,
      p.price ? h("p", { class: "price" }, money(this.lang, p.price), " ", h("small", { text: t.ht })) : null,
    );
  }

  #pager(pages) {
    const t = this.#t;
    if (pages <= 1) return h("span");
    const cur = this.#state.page;
    const go = (n) => () => {
      this.#set({ page: n });
      this.#els.status.scrollIntoView?.({ block: "nearest" });
      this.#els.cards?.querySelector("h3 button")?.focus({ preventScroll: true });
    };
    const nums = new Set([1, pages, cur - 1, cur, cur + 1].filter((n) => n >= 1 && n <= pages));
    const list = [...nums].sort((a, b) => a - b);
    const kids = [h("button", { type: "button", class: "btn", disabled: cur <= 1, "aria-label": t.prev, text: "‹", on: { click: go(cur - 1) } })];
    let last = 0;
    for (const n of list) {
      if (n - last > 1) kids.push(h("span", { class: "gap", "aria-hidden": "true", text: "…" }));
      kids.push(h("button", { type: "button", class: "btn", "aria-current": n === cur ? "page" : undefined, "aria-label": t.page(n, pages), text: String(n), on: { click: go(n) } }));
      last = n;
    }
    kids.push(h("button", { type: "button", class: "btn", disabled: cur >= pages, "aria-label": t.next, text: "›", on: { click: go(cur + 1) } }));
    return h("nav", { class: "pager", part: "pager", "aria-label": t.pagination }, kids);
  }

  #open(code, opener) {
    this.#opener = opener ?? null;
    this.#set({ product: code }, { resetPage: false });
  }
  #close() {
    if (!this.#state.product) return;
    this.#set({ product: "" }, { resetPage: false });
    this.#restoreFocus();
  }
  #restoreFocus() {
    const code = this.#openedCode;
    const btn = (this.#opener?.isConnected && this.#opener) || (code && this.#els.cards?.querySelector(`button[data-code="${CSS_escape(code)}"]`)) || this.#els.q;
    btn?.focus();
    this.#opener = null;
  }
  #openedCode = null;

  #renderDialog() {
    const e = this.#els;
    const code = this.#state.product;
    const p = code && this.#data?.byCode.get(code);
    if (!p) {
      if (e.dialogHost.firstChild) e.dialogHost.replaceChildren();
      return;
    }
    if (this.#openedCode === code && e.dialogHost.firstChild) return;
    this.#openedCode = code;
    const t = this.#t;
    const titleId = `dt-${code}`;
    const closeBtn = h("button", { type: "button", class: "btn", part: "close", text: `✕ ${t.close}`, on: { click: () => this.#close() } });
    const notice = p.notice ?? {};
    const sections = [];
    for (const [key, label] of Object.entries(t.sections)) {
      const html = notice[key];
      if (!html || typeof html !== "string") continue;
      const box = h("section", { class: "notice" }, h("h3", { text: key === "introduction" && notice.introductionTitle ? notice.introductionTitle : label }));
      loadSanitizer().then((m) => box.append(m.sanitizeNotice(html)));
      sections.push(box);
    }
    const sessions = this.#data.sessionsByProduct.get(p.productCode) ?? [];
    const sessionList = sessions.length
      ? h("ul", { class: "sessions", part: "sessions" }, sessions.map((s) => this.#session(s)))
      : h("p", { class: "hint", text: this.#data.index ? t.noSessions : t.loading });
    const dialog = h("div", { class: "dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId, part: "dialog", tabindex: "-1" },
      h("div", { class: "dhead" }, h("div", null, h("h2", { id: titleId, text: p.title ?? code }), h("p", { class: "sub", text: [duration(t, p), p.level?.label, p.price ? `${money(this.lang, p.price)} ${t.ht}` : null].filter(Boolean).join(" · ") })), closeBtn),
      h("div", { class: "tags" }, p.bestSeller ? h("span", { class: "tag best", text: t.bestSeller }) : null, p.cpf ? h("span", { class: "tag cpf", text: "CPF" }) : null),
      h("section", { "aria-labelledby": `ds-${code}` }, h("h3", { id: `ds-${code}`, class: "label", text: `${t.sessions} (${sessions.length})` }), sessionList),
      sections,
      /^https:\/\//.test(p.noticeUrl ?? "") ? h("p", null, h("a", { class: "link", href: p.noticeUrl, target: "_blank", rel: "noopener noreferrer", text: t.noticePage })) : null,
    );
    const overlay = h("div", { class: "overlay", on: {
      click: (ev) => { if (ev.target === overlay) this.#close(); },
      keydown: (ev) => {
        if (ev.key === "Escape") { ev.preventDefault(); this.#close(); }
        else if (ev.key === "Tab") trapTab(ev, dialog, this.#root);
      },
    } }, dialog);
    e.dialogHost.replaceChildren(overlay);
    queueMicrotask(() => closeBtn.focus());
  }

  #session(s) {
    const t = this.#t;
    let a = null;
    try {
      a = this.#avail?.(s) ?? null;
    } catch {
      a = null;
    }
    const full = a ? a.isFull : s.isFull;
    const last = !full && (s.isLastPlaceAvailable || (a && (a.lastPlaceByRange || a.lastPlaceByExactCount)));
    const likely = a ? a.isHighProbability : s.isHighProbability;
    const dates = dateRange(this.lang, s.startDate, s.endDate);
    const remote = s.isRemote || s.city === REMOTE;
    return h("li", { class: "sess" },
      h("span", { class: "when", text: dates }),
      h("span", { class: "where", text: remote ? t.remote : titleCase(s.city ?? "") }),
      h("span", { class: "sp", text: s.price ? money(this.lang, s.price) : "" }),
      h("span", { class: "tags" },
        full ? h("span", { class: "tag full", text: t.full }) : null,
        last ? h("span", { class: "tag last", text: t.lastPlaces }) : null,
        s.guaranteedSession ? h("span", { class: "tag guar", text: t.guaranteed }) : null,
        likely && !s.guaranteedSession ? h("span", { class: "tag likely", text: t.likely }) : null),
    );
  }
  get #avail() {
    return FormakitCatalog.availability;
  }
  /** Set once the Cegos entry has loaded: its `sessionAvailability`. */
  static availability = null;
}

function trapTab(ev, dialog, root) {
  const f = [...dialog.querySelectorAll("button,a[href],input,select,[tabindex='0']")].filter((x) => !x.disabled && !x.closest("[hidden]"));
  if (!f.length) return;
  const active = root.activeElement;
  if (ev.shiftKey && (active === f[0] || active === dialog)) {
    ev.preventDefault();
    f.at(-1).focus();
  } else if (!ev.shiftKey && active === f.at(-1)) {
    ev.preventDefault();
    f[0].focus();
  }
}

function CSS_escape(s) {
  return globalThis.CSS?.escape ? globalThis.CSS.escape(s) : String(s).replace(/["\\]/g, "\\$&");
}
function highlight(text, ranges) {
  const out = [];
  let at = 0;
  for (const [a, b] of [...(ranges ?? [])].sort((x, y) => x[0] - y[0])) {
    if (a < at || b <= a || b > text.length) continue;
    if (a > at) out.push(text.slice(at, a));
    out.push(h("mark", { text: text.slice(a, b) }));
    at = b;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
function titleCase(s) {
  return String(s).toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (m, a, b) => a + b.toUpperCase());
}
function money(lang, n) {
  const s = fmtInt(lang, n, n % 1 ? 2 : 0);
  return lang === "en" ? `€${s}` : `${s}\u00a0€`;
}
function duration(t, p) {
  const d = p.commercialDuration;
  if (d?.days && Number(d.days) > 0) return `${t.days(d.days)}${d.hours && Number(d.hours) > 0 ? ` (${d.hours} h)` : ""}`;
  return p.moduleDuration ?? "";
}
function dateRange(lang, a, b) {
  const f = fmt(`d${lang}`, () => new Intl.DateTimeFormat(locale(lang), { day: "numeric", month: "short", year: "numeric" }));
  const da = a ? new Date(a) : null;
  const db = b ? new Date(b) : null;
  if (!da || isNaN(da)) return "—";
  if (!db || isNaN(db) || da.toDateString() === db.toDateString()) return f.format(da);
  return `${f.format(da)} → ${f.format(db)}`;
}
function errorText(e) {
  if (!e) return "";
  const kind = e.kind ? `[${e.kind}${e.status ? ` ${e.status}` : ""}] ` : "";
  return kind + String(e.message ?? e).slice(0, 200);
}

// sessionAvailability comes with the Cegos entry; fetch it once, lazily.
import(WEB + "cegos/index.js")
  .then((m) => { FormakitCatalog.availability = m.sessionAvailability; })
  .catch(() => {});

if (!customElements.get("formakit-catalog")) customElements.define("formakit-catalog", FormakitCatalog);
export default FormakitCatalog;
