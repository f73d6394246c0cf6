// formakit/search: the French-aware catalog index (its own wasm entry).
import type { CegosProduct, CegosSession, Schemas } from "./types.js";

/** Filters combined with the query; a list means "any of". */
export interface SearchFilters {
  /** City (`"A DISTANCE"` or `"remote"` for remote sessions). */
  city?: string | string[];
  /** CPF eligibility. */
  cpf?: boolean;
  /** Level label (`product.level.label`). */
  level?: string | string[];
  /** Range label (`product.range.label`). */
  range?: string | string[];
  /** At most this price (excluding tax). */
  maxPrice?: number;
  /** A session starting on or after this day (`"YYYY-MM-DD"`). */
  startFrom?: string;
  /** A session starting on or before this day. */
  startTo?: string;
}

export interface SearchOptions {
  filters?: SearchFilters;
  /** Hits per page (default 20). */
  limit?: number;
  /** Hits skipped (default 0). */
  offset?: number;
}

export interface SearchHit {
  yearlyProductCode: string;
  /** BM25F score: higher first; exact matches above prefix and typo matches. */
  score: number;
  /** Matched ranges in the title, `[start, end)` in JavaScript string indexes, for bolding. */
  highlights: [number, number][];
  /** The product, when the index was built here with `fromProducts`. */
  product?: CegosProduct;
}

/** How many results a filter value would leave (the other filters applied). */
export interface FacetCount<V> {
  value: V;
  count: number;
}

export interface SearchResults {
  hits: SearchHit[];
  /** Results in all, filters applied. */
  total: number;
  facets: { city: FacetCount<string>[]; level: FacetCount<string>[]; range: FacetCount<string>[]; cpf: FacetCount<boolean>[] };
}

export declare class CatalogIndex {
  private constructor();
  /** Indexes parsed Cegos products; `topics` (a `cegos.topics` answer) adds the topic path, `sessions` the start dates. */
  static fromProducts(products: CegosProduct[], options?: { topics?: Schemas["cegos.topics"]; sessions?: CegosSession[] }): CatalogIndex;
  /** Loads `toBytes()`'s output. @throws FormakitError `kind: "decode"` for bytes that are not an index. */
  static fromBytes(bytes: Uint8Array | ArrayBuffer): CatalogIndex;
  /** The last word is a prefix unless the query ends with a space; every word must match. */
  search(query: string, options?: SearchOptions): SearchResults;
  toBytes(): Uint8Array;
  /** Products indexed. */
  readonly size: number;
  /** Frees the wasm memory now. */
  free(): void;
}
