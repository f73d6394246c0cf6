// The provider clients for JavaScript: CegosClient, LaraClient, FranceTravailClient,
// CampusSkillsClient. The Rust core (wasm `WasmClient`) builds and validates each
// request, authenticates (single-flight token cache), rate-limits, retries and types
// every failure; this layer adds what JS does better: one method per endpoint of the
// table, async iterators over pages, AbortSignal plumbing and the hooks.
// Answers are parsed here with the generated checkers (the same as `parse`).

const PROVIDERS = { CegosClient: "cegos", LaraClient: "lara", FranceTravailClient: "francetravail", CampusSkillsClient: "campusskills" };

/** Pages fetched ahead by `.pages()` and the item iterator. */
const DEFAULT_CONCURRENCY = 4;

function describeValue(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "string" ? `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}` : typeof v;
}

function isSignal(s) {
  return s !== null && typeof s === "object" && typeof s.aborted === "boolean" && typeof s.addEventListener === "function";
}

/**
 * `api`: what createApi returned (FormakitError, safeParse, endpoints). `wasm`: the glue
 * module, or a function returning it (Node loads it on first use).
 */
export function createClients(api, wasm) {
  const w = typeof wasm === "function" ? wasm : () => wasm;
  const { FormakitError } = api;
  const usage = (message) => new FormakitError({ kind: "usage", message });
  let table;
  const endpointsOf = (provider) => (table ||= api.endpoints()).filter((e) => e.provider === provider && e.auth !== "clientCredentialsGrant");

  /** The error wasm rejected with (its JSON text) as a FormakitError; anything else is a bug. */
  function fromWasm(e) {
    if (typeof e === "string") {
      try {
        return new FormakitError(JSON.parse(e));
      } catch {
        /* not ours */
      }
    }
    if (e instanceof FormakitError) return e;
    return new FormakitError({ kind: "internal", message: `formakit internal error: ${e && e.message ? e.message : String(e)}` });
  }

  const OPTION_TYPES = {
    baseUrl: "string",
    authBaseUrl: "string",
    sandboxUrl: "string",
    clientId: "string",
    clientSecret: "string",
    scope: "string",
    token: "string",
    getToken: "function",
    retries: "count",
    timeoutMs: "positive",
    maxRequestsPerSecond: "positive",
    maxRetryAfterMs: "count",
    lang: "lang",
    environment: "environment",
    apiMode: "string",
    headers: "headers",
    onRequest: "function",
    onResponse: "function",
  };

  function checkOption(fn, key, v) {
    const kind = OPTION_TYPES[key];
    if (kind === undefined) throw usage(`${fn}: unknown option ${JSON.stringify(key)}; known options: ${Object.keys(OPTION_TYPES).join(", ")}`);
    const bad = (what) => usage(`${fn}: ${key} must be ${what}, got ${describeValue(v)}`);
    switch (kind) {
      case "string":
        if (typeof v !== "string") throw bad("a string");
        break;
      case "function":
        if (typeof v !== "function") throw bad("a function");
        break;
      case "count":
        if (!Number.isInteger(v) || v < 0) throw bad("a non-negative integer");
        break;
      case "positive":
        if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) throw bad("a positive number");
        break;
      case "lang":
        if (v !== "fr" && v !== "en") throw bad('"fr" or "en"');
        break;
      case "environment":
        if (v !== "production" && v !== "sandbox") throw bad('"production" or "sandbox"');
        break;
      case "headers":
        if (v === null || typeof v !== "object" || Array.isArray(v) || Object.values(v).some((h) => typeof h !== "string")) throw bad("an object of strings");
        break;
    }
  }

  function checkCall(fn, options) {
    if (options === undefined || options === null) return {};
    if (typeof options !== "object" || Array.isArray(options)) throw usage(`${fn}: options must be an object such as { signal }, got ${describeValue(options)}`);
    const known = ["signal", "retry", "timeoutMs", "headers", "concurrency"];
    for (const [k, v] of Object.entries(options)) {
      if (!known.includes(k)) throw usage(`${fn}: unknown call option ${JSON.stringify(k)}; known: ${known.join(", ")}`);
      if (v === undefined) continue;
      if (k === "signal" && !isSignal(v)) throw usage(`${fn}: signal must be an AbortSignal, got ${describeValue(v)}`);
      if (k === "retry" && typeof v !== "boolean") throw usage(`${fn}: retry must be a boolean, got ${describeValue(v)}`);
      if (k === "timeoutMs" && (typeof v !== "number" || !(v > 0) || !Number.isFinite(v))) throw usage(`${fn}: timeoutMs must be a positive number, got ${describeValue(v)}`);
      if (k === "concurrency" && (!Number.isInteger(v) || v < 1)) throw usage(`${fn}: concurrency must be a positive integer, got ${describeValue(v)}`);
      if (k === "headers" && (v === null || typeof v !== "object" || Object.values(v).some((h) => typeof h !== "string"))) throw usage(`${fn}: headers must be an object of strings`);
    }
    return options;
  }

  class ProviderClient {
    #core;
    #lang;
    #provider;
    #endpoints;

    constructor(provider, className, options) {
      if (options === undefined || options === null || typeof options !== "object" || Array.isArray(options)) {
        throw usage(`new ${className}(options): options must be an object such as { token }, got ${describeValue(options)}`);
      }
      const json = {};
      const hooks = {};
      for (const [k, v] of Object.entries(options)) {
        if (v === undefined) continue;
        checkOption(`new ${className}`, k, v);
        if (typeof v === "function") {
          hooks[k] = v;
          if (k === "getToken") json.getToken = true;
        } else json[k] = v;
      }
      const auth = ["token", "getToken", "clientId"].filter((k) => options[k] !== undefined);
      if (auth.length > 1) throw usage(`new ${className}: give one of token, getToken or clientId/clientSecret, not ${auth.join(" and ")}`);
      if ((options.clientId === undefined) !== (options.clientSecret === undefined)) throw usage(`new ${className}: clientId and clientSecret go together`);
      this.#lang = options.lang || "fr";
      this.#provider = provider;
      let glue;
      try {
        glue = w();
      } catch (e) {
        throw fromWasm(e);
      }
      if (typeof glue.WasmClient !== "function") throw usage(`${className} is not in this entry: import it from "formakit" or from its provider's entry`);
      try {
        this.#core = new glue.WasmClient(provider, JSON.stringify(json), hooks);
      } catch (e) {
        throw fromWasm(e);
      }
      this.#endpoints = new Map(endpointsOf(provider).map((e) => [e.name, e]));
    }

    /** @internal One request: validated, sent, retried by the core; the answer parsed as the endpoint's response schema. */
    async _call(name, request, options) {
      const e = this.#endpoints.get(name);
      if (!e) throw usage(`${this.#provider} has no endpoint ${JSON.stringify(name)}`);
      const o = checkCall(`${this.#provider}.${name}`, options);
      let text;
      if (e.request !== null) {
        const r = request === undefined ? {} : request;
        if (r === null || typeof r !== "object") throw usage(`${this.#provider}.${name}: the request must be an object (${e.request}), got ${describeValue(r)}`);
        try {
          text = JSON.stringify(r);
        } catch (err) {
          throw usage(`${this.#provider}.${name}: the request is not JSON-serializable (${err && err.message})`);
        }
      }
      if (o.signal && o.signal.aborted) {
        throw new FormakitError({ kind: "aborted", message: this.#lang === "en" ? "call aborted by the caller's signal" : "appel interrompu par le signal de l'appelant", endpoint: e.id, method: e.method, attempts: 0, retryable: false });
      }
      const call = {};
      if (o.retry !== undefined) call.retry = o.retry;
      if (o.timeoutMs !== undefined) call.timeoutMs = Math.ceil(o.timeoutMs);
      if (o.headers !== undefined) call.headers = o.headers;
      let reply;
      try {
        reply = await this.#core.call(name, text, JSON.stringify(call), o.signal);
      } catch (err) {
        throw fromWasm(err);
      }
      const parsed = api.safeParse(e.response, reply.body, { lang: this.#lang });
      if (parsed.success) return parsed.data;
      const first = parsed.issues[0] || { path: "", message: "" };
      const en = this.#lang === "en";
      throw new FormakitError({
        kind: "decode",
        message: en
          ? `the answer of ${e.id} is not a ${e.response}: at ${first.path || "(root)"}: ${first.message} (${parsed.issues.length} issue(s))`
          : `la réponse de ${e.id} n'est pas un ${e.response} : à ${first.path || "(racine)"} : ${first.message} (${parsed.issues.length} problème(s))`,
        issues: parsed.issues,
        truncated: parsed.truncated === true,
        path: first.path,
        expected: first.expected,
        found: first.found,
        line: first.line,
        column: first.column,
        status: reply.status,
        endpoint: e.id,
        method: e.method,
        url: reply.url,
        attempts: reply.attempts,
        retryable: false,
      });
    }

    /** @internal */
    _endpoint(name) {
      return this.#endpoints.get(name);
    }
  }

  /** The pages of a paged route: async-iterable over items; `.pages()`, `.toArray({ limit })`, `.page(n)`. */
  class Paged {
    #client;
    #endpoint;
    #request;
    #options;

    constructor(client, endpoint, request, options) {
      if (request !== undefined && (request === null || typeof request !== "object" || Array.isArray(request))) {
        throw usage(`${endpoint.id}: the request must be an object (${endpoint.request}), got ${describeValue(request)}`);
      }
      this.#client = client;
      this.#endpoint = endpoint;
      this.#request = request || {};
      this.#options = checkCall(endpoint.id, options);
    }

    /** One page: `n` from 1. */
    page(n, options) {
      if (!Number.isInteger(n) || n < 1) return Promise.reject(usage(`${this.#endpoint.id}.page(n): n must be a positive integer, got ${describeValue(n)}`));
      const p = this.#endpoint.paging;
      const request = { ...this.#request, [p.pageParam]: n };
      if (p.style === "pageLimit" && request[p.limitParam] === undefined) request[p.limitParam] = 100;
      const { concurrency, ...rest } = { ...this.#options, ...(options || {}) };
      return this.#client._call(this.#endpoint.name, request, rest);
    }

    /** Every page from the request's page on, fetched ahead (`concurrency`, default 4) and yielded in order. Breaking out stops the fetching. */
    async *pages() {
      const p = this.#endpoint.paging;
      const { concurrency = DEFAULT_CONCURRENCY, signal, ...rest } = this.#options;
      const stop = new AbortController();
      const relay = () => stop.abort();
      if (signal) {
        if (signal.aborted) stop.abort();
        else signal.addEventListener("abort", relay, { once: true });
      }
      const limit = p.style === "pageLimit" ? (Number.isInteger(this.#request[p.limitParam]) && this.#request[p.limitParam] > 0 ? this.#request[p.limitParam] : 100) : null;
      const fetchPage = (n) => {
        const req = { ...this.#request, [p.pageParam]: n };
        if (limit !== null) req[p.limitParam] = limit;
        const promise = this.#client._call(this.#endpoint.name, req, { ...rest, signal: stop.signal });
        promise.catch(() => {}); // awaited in order below; a page never awaited (loop left) must not be an unhandled rejection
        return promise;
      };
      let next = Number.isInteger(this.#request[p.pageParam]) && this.#request[p.pageParam] > 0 ? this.#request[p.pageParam] : 1;
      const queue = [fetchPage(next++)];
      let last = null;
      try {
        while (queue.length > 0) {
          const page = await queue.shift();
          if (last === null) {
            last = p.style === "pageNumber" ? Number(page[p.totalPages]) || 0 : Math.ceil((Number(page[p.total]) || 0) / limit);
          }
          while (queue.length < concurrency && next <= last) queue.push(fetchPage(next++));
          yield page;
        }
      } finally {
        stop.abort();
        if (signal) signal.removeEventListener("abort", relay);
      }
    }

    async *[Symbol.asyncIterator]() {
      const field = this.#endpoint.paging.items;
      for await (const page of this.pages()) {
        for (const item of page[field] || []) yield item;
      }
    }

    /** The first `limit` items (a limit is required: the catalog has thousands). */
    async toArray(options) {
      const limit = options && options.limit;
      if (!Number.isInteger(limit) || limit < 1) throw usage(`${this.#endpoint.id}.toArray({ limit }): limit must be a positive integer, got ${describeValue(limit)}`);
      const out = [];
      if (out.length >= limit) return out;
      for await (const item of this) {
        out.push(item);
        if (out.length >= limit) break;
      }
      return out;
    }
  }

  function method(e) {
    const single = e.pathParams.length === 1 ? e.pathParams[0] : null;
    // product("202500038", { hydrate }) as well as product({ yearlyProductCode, hydrate }).
    const args = (a, b, c) => {
      // An endpoint without a request takes its options first (testToken(options), as clients.d.ts types it);
      // testToken(undefined, options) is accepted too.
      if (e.request === null) return [undefined, a === undefined ? b : a];
      return single !== null && (typeof a === "string" || typeof a === "number") ? [{ ...(b || {}), [single]: String(a) }, c] : [a, b];
    };
    if (e.paging.style !== "none") {
      return function (a, b, c) {
        const [request, options] = args(a, b, c);
        return new Paged(this, e, request, options);
      };
    }
    return function (a, b, c) {
      const [request, options] = args(a, b, c);
      return this._call(e.name, request, options);
    };
  }

  const classes = {};
  for (const [className, provider] of Object.entries(PROVIDERS)) {
    let defined = false;
    const cls = {
      [className]: class extends ProviderClient {
        constructor(options) {
          super(provider, className, options);
          if (!defined) {
            for (const e of endpointsOf(provider)) if (!(e.name in cls.prototype)) Object.defineProperty(cls.prototype, e.name, { value: method(e), writable: true, configurable: true });
            defined = true;
          }
        }
      },
    }[className];
    classes[className] = cls;
  }
  return classes;
}
