// formakit/search for JavaScript: CatalogIndex over the search wasm (search/src/js.rs).
// Products cross as one text of fields (no JSON parser in that wasm, so it stays small);
// results come back as JSON text. Written once as ESM; the CommonJS copy is generated.

const RECORD = "\u001e";
const FIELD = "\u001f";
const ITEM = "\u001d";
const DAY = 86_400_000;

function clean(s) {
  return typeof s === "string" ? s.replace(/[\u001d-\u001f]/g, " ") : "";
}

function days(date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof date === "string" ? date : "");
  return m ? Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY) : null;
}

/** The topic id → label path (root first) of a `cegos.topics` answer (or its `data`). */
function topicPaths(topics) {
  const paths = new Map();
  const root = topics && topics.data ? topics.data : topics;
  const walk = (list, prefix) => {
    for (const t of list || []) {
      const path = [...prefix, t.label];
      paths.set(t.id, path);
      walk(t.subTopics, path);
    }
  };
  walk(root && root.topics, []);
  return paths;
}

/**
 * `FormakitError`: the package's error class (so `instanceof` works across entries).
 * `wasm`: the search glue (or a function returning it).
 */
export function createSearch(wasm, FormakitError) {
  const w = typeof wasm === "function" ? wasm : () => wasm;
  const usage = (message) => new FormakitError({ kind: "usage", message });
  const describe = (v) => (v === null ? "null" : Array.isArray(v) ? "an array" : typeof v);

  function documents(products, topics, sessions) {
    const paths = topicPaths(topics);
    const starts = new Map();
    for (const s of sessions || []) {
      const d = days(s && s.startDate);
      if (d === null || !s.productCode) continue;
      if (!starts.has(s.productCode)) starts.set(s.productCode, []);
      starts.get(s.productCode).push(d);
    }
    const records = [];
    for (const p of products) {
      if (p === null || typeof p !== "object" || typeof p.yearlyProductCode !== "string") {
        throw usage(`CatalogIndex.fromProducts: every product must be a Cegos product (with yearlyProductCode), got ${describe(p)}`);
      }
      const alt = [p.marketingTitle, ...(p.titles || []).map((t) => t && t.text)].filter((t) => typeof t === "string" && t !== p.title);
      const codes = [p.productCode, p.rncpCode, p.rsCode, p.cpfCode].filter((c) => typeof c === "string");
      const labels = [];
      for (const r of p.catalogTopicRelations || []) for (const l of paths.get(r && r.catalogTopicId) || []) if (!labels.includes(l)) labels.push(l);
      const notice = p.notice || {};
      const text = [notice.objective, notice.program].filter((t) => typeof t === "string").join(" ");
      const price = typeof p.price === "number" && p.price > 0 ? Math.round(p.price * 100) : 0;
      records.push(
        [
          clean(p.yearlyProductCode),
          clean(p.title),
          alt.map(clean).join(ITEM),
          codes.map(clean).join(ITEM),
          labels.map(clean).join(ITEM),
          (p.cities || []).map(clean).join(ITEM),
          clean(text),
          p.cpf ? "1" : "0",
          clean(p.level && p.level.label),
          clean(p.range && p.range.label),
          String(price),
          (starts.get(p.productCode) || []).join(ITEM),
        ].join(FIELD),
      );
    }
    return records.join(RECORD);
  }

  function filterText(filters) {
    if (filters === undefined || filters === null) return "";
    if (typeof filters !== "object" || Array.isArray(filters)) throw usage(`search: filters must be an object such as { city: "Lyon" }, got ${describe(filters)}`);
    const out = [];
    const list = (k, v) => {
      for (const x of Array.isArray(v) ? v : [v]) {
        if (typeof x !== "string") throw usage(`search: filters.${k} must be a string or an array of strings, got ${describe(x)}`);
        out.push(`${k}${FIELD}${clean(x)}`);
      }
    };
    for (const [k, v] of Object.entries(filters)) {
      if (v === undefined || v === null) continue;
      if (k === "city" || k === "level" || k === "range") list(k, v);
      else if (k === "cpf") {
        if (typeof v !== "boolean") throw usage(`search: filters.cpf must be a boolean, got ${describe(v)}`);
        out.push(`cpf${FIELD}${v}`);
      } else if (k === "maxPrice") {
        if (typeof v !== "number" || !(v >= 0) || !Number.isFinite(v)) throw usage(`search: filters.maxPrice must be a non-negative number, got ${describe(v)}`);
        out.push(`maxPriceCents${FIELD}${Math.round(v * 100)}`);
      } else if (k === "startFrom" || k === "startTo") {
        const d = days(v);
        if (d === null) throw usage(`search: filters.${k} must be a date "YYYY-MM-DD", got ${describe(v)}`);
        out.push(`${k}${FIELD}${d}`);
      } else throw usage(`search: unknown filter ${JSON.stringify(k)}; known: city, cpf, level, range, maxPrice, startFrom, startTo`);
    }
    return out.join(RECORD);
  }

  const count = (v, name, fallback) => {
    if (v === undefined) return fallback;
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw usage(`search: ${name} must be a non-negative integer, got ${describe(v)}`);
    return v;
  };

  /** A French-aware catalog index: build it from parsed Cegos products, or load a prebuilt one. */
  class CatalogIndex {
    #index;
    #products;

    constructor(index, products) {
      if (!index || typeof index.search !== "function") throw usage("CatalogIndex: use CatalogIndex.fromProducts(products) or CatalogIndex.fromBytes(bytes)");
      this.#index = index;
      this.#products = products;
    }

    /** Indexes products (an array of `cegos.product`s, as `parse` or the clients return them). */
    static fromProducts(products, options) {
      if (!Array.isArray(products)) throw usage(`CatalogIndex.fromProducts: products must be an array of Cegos products, got ${describe(products)}`);
      const { topics, sessions } = options || {};
      if (sessions !== undefined && !Array.isArray(sessions)) throw usage("CatalogIndex.fromProducts: sessions must be an array of Cegos sessions");
      const text = documents(products, topics, sessions);
      const byCode = new Map(products.map((p) => [p.yearlyProductCode, p]));
      return new CatalogIndex(w().WasmCatalogIndex.fromDocuments(text), byCode);
    }

    /** Loads `toBytes()`'s output (a Uint8Array or ArrayBuffer). */
    static fromBytes(bytes) {
      const b = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
      if (!(b instanceof Uint8Array)) throw usage(`CatalogIndex.fromBytes: bytes must be a Uint8Array or an ArrayBuffer, got ${describe(bytes)}`);
      try {
        return new CatalogIndex(w().WasmCatalogIndex.fromBytes(b), null);
      } catch (e) {
        throw new FormakitError({ kind: "decode", message: typeof e === "string" ? e : String(e && e.message), issues: [], path: "" });
      }
    }

    /**
     * `{ hits: [{ yearlyProductCode, score, highlights: [[start, end]], product? }], total, facets }`.
     * The last word is a prefix unless the query ends with a space.
     */
    search(query, options) {
      if (typeof query !== "string") throw usage(`search: query must be a string, got ${describe(query)}`);
      if (options !== undefined && (options === null || typeof options !== "object")) throw usage(`search: options must be an object such as { limit: 20 }`);
      const { filters, limit, offset } = options || {};
      const r = JSON.parse(this.#live().search(query, filterText(filters), count(limit, "limit", 20), count(offset, "offset", 0)));
      for (const h of r.hits) {
        h.score /= 1000;
        if (this.#products) h.product = this.#products.get(h.yearlyProductCode);
      }
      return r;
    }

    /** The index as bytes, for `CatalogIndex.fromBytes`. */
    toBytes() {
      return this.#live().toBytes();
    }

    /** Products indexed. */
    get size() {
      return this.#live().size;
    }

    /** Frees the wasm memory now (otherwise when the object is collected). */
    free() {
      if (this.#index) this.#index.free();
      this.#index = null;
    }

    #live() {
      if (!this.#index) throw usage("CatalogIndex: this index was freed");
      return this.#index;
    }
  }

  return { CatalogIndex };
}
