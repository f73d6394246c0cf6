//! The catalog index: a BM25F inverted index over the normalized terms of each
//! product's fields, a sorted term dictionary for prefix and typo matching, and
//! per-product facet values for filters and counts.

use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (rustc's): a multiply-rotate hash, much smaller and faster than SipHash,
/// and the keys are the catalog's own words, not an attacker's.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut v = [0u8; 8];
            v.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(v));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut v = [0u8; 8];
            if let Some(d) = v.get_mut(..rest.len()) {
                d.copy_from_slice(rest);
            }
            self.write_u64(u64::from_le_bytes(v));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

use crate::normalize::{each_term, each_word, is_stopword, stem_into};

/// The indexed fields and their weights: title above topics above notice text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The title.
    Title,
    /// The marketing title and every title of `titles`.
    AltTitles,
    /// The codes: product, yearly product, RNCP, RS, CPF.
    Codes,
    /// The topic path labels.
    Topics,
    /// The cities.
    Cities,
    /// The notice's objective and program, HTML stripped.
    Text,
}

/// `(field, weight)`: how much one occurrence counts.
pub const WEIGHTS: [(Field, f32); 6] =
    [(Field::Title, 4.0), (Field::AltTitles, 2.5), (Field::Codes, 4.0), (Field::Topics, 1.5), (Field::Cities, 1.0), (Field::Text, 0.5)];

/// BM25's saturation.
pub const K1: f32 = 1.2;
/// BM25's length normalization.
pub const B: f32 = 0.75;

/// The least a word weighs (BM25's idf tends to 0 for a word in every product): a word
/// of every notice ("fondamentaux") still ranks the products with it in the title first.
/// The idf of a word in about 60 % of the products.
pub const IDF_FLOOR: f32 = 0.5;

/// Score factors of the ways a query term can match an index term: exact first.
pub const EXACT: f32 = 1.0;
/// The last query term, as a prefix of a longer term (as-you-type).
pub const PREFIX: f32 = 0.7;
/// One edit away (query terms from 4 characters).
pub const ONE_EDIT: f32 = 0.45;
/// Two edits away (query terms from 8 characters).
pub const TWO_EDITS: f32 = 0.3;

/// What is indexed of one product.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// `yearlyProductCode`, the hit's id.
    pub code: String,
    /// The title (highlights are ranges in it).
    pub title: String,
    /// Marketing title and other titles.
    pub alt_titles: Vec<String>,
    /// Product, RNCP, RS and CPF codes.
    pub codes: Vec<String>,
    /// Topic path labels.
    pub topics: Vec<String>,
    /// Cities (`"A DISTANCE"` for remote sessions).
    pub cities: Vec<String>,
    /// Notice text, HTML already stripped.
    pub text: String,
    /// Eligible to CPF.
    pub cpf: bool,
    /// Level label.
    pub level: String,
    /// Range label.
    pub range: String,
    /// Price excluding tax.
    pub price: f64,
    /// Session start days (days since 1970-01-01).
    pub session_starts: Vec<i32>,
}

/// The filters of a search; an empty list filters nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Any of these cities (`"remote"` or `"A DISTANCE"` for remote).
    pub cities: Vec<String>,
    /// CPF eligibility.
    pub cpf: Option<bool>,
    /// Any of these levels.
    pub levels: Vec<String>,
    /// Any of these ranges.
    pub ranges: Vec<String>,
    /// At most this price.
    pub max_price: Option<f64>,
    /// A session starting on or after this day (days since 1970-01-01).
    pub start_from: Option<i32>,
    /// A session starting on or before this day.
    pub start_to: Option<i32>,
}

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The product's `yearlyProductCode`.
    pub code: String,
    /// Its score (higher first).
    pub score: f32,
    /// Matched ranges in the title, UTF-16 code units, end exclusive.
    pub highlights: Vec<(u32, u32)>,
}

/// Facet counts: how many results each value would leave, the other filters applied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    /// Per city.
    pub city: Vec<(String, u32)>,
    /// Per level.
    pub level: Vec<(String, u32)>,
    /// Per range.
    pub range: Vec<(String, u32)>,
    /// CPF eligible (`true`) or not.
    pub cpf: Vec<(bool, u32)>,
}

/// A page of results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// The hits of the page.
    pub hits: Vec<Hit>,
    /// Results in all (filters applied).
    pub total: u32,
    /// Facet counts.
    pub facets: Facets,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Doc {
    pub(crate) code: String,
    pub(crate) title: String,
    pub(crate) cities: Vec<u32>,
    pub(crate) level: u32,
    pub(crate) range: u32,
    pub(crate) cpf: bool,
    pub(crate) price: f64,
    pub(crate) starts: Vec<i32>,
}

/// Terms longer than this (bytes) never match with edits; the trie stops there.
const MAX_EDIT_LEN: usize = 63;
const NO_TERM: u32 = u32::MAX;

/// The sorted dictionary as a trie laid out in pre-order: node `i` is one byte at
/// `depth[i]` (the root is implicit), its subtree is `i..end[i]`, and `term[i]` is the
/// term ending there (`NO_TERM` for none). Typo matching walks it with one
/// edit-distance row per depth and skips a whole subtree once every cell of its row
/// exceeds the allowed edits.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Trie {
    byte: Vec<u8>,
    depth: Vec<u8>,
    end: Vec<u32>,
    term: Vec<u32>,
}

impl Trie {
    fn build(terms: &[String]) -> Trie {
        let mut t = Trie::default();
        let mut stack: Vec<usize> = Vec::new();
        let mut prev: &[u8] = &[];
        for (id, term) in terms.iter().enumerate() {
            let full = term.as_bytes();
            let tb = full.get(..full.len().min(MAX_EDIT_LEN)).unwrap_or_default();
            let common = prev.iter().zip(tb).take_while(|(a, b)| a == b).count();
            while stack.len() > common {
                if let Some(e) = stack.pop().and_then(|n| t.end.get_mut(n)) {
                    *e = t.byte.len() as u32;
                }
            }
            for (d, b) in tb.iter().enumerate().skip(common) {
                stack.push(t.byte.len());
                t.byte.push(*b);
                t.depth.push(d as u8 + 1);
                t.end.push(0);
                t.term.push(NO_TERM);
            }
            if full.len() <= MAX_EDIT_LEN && common < tb.len() {
                if let Some(x) = t.term.last_mut() {
                    *x = id as u32;
                }
            }
            prev = tb;
        }
        while let Some(n) = stack.pop() {
            if let Some(e) = t.end.get_mut(n) {
                *e = t.byte.len() as u32;
            }
        }
        t
    }
}

/// The index. Build it with [`CatalogIndex::build`] (or `from_products`), query it with
/// [`CatalogIndex::search`], ship it with `to_bytes` / `from_bytes`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CatalogIndex {
    pub(crate) docs: Vec<Doc>,
    /// Sorted, unique.
    pub(crate) terms: Vec<String>,
    /// Term `t`'s postings are `post_doc[post_off[t]..post_off[t + 1]]` (by doc) and the
    /// same range of `post_tf` (BM25F-weighted term frequencies).
    pub(crate) post_off: Vec<u32>,
    pub(crate) post_doc: Vec<u32>,
    pub(crate) post_tf: Vec<f32>,
    pub(crate) cities: Vec<String>,
    pub(crate) levels: Vec<String>,
    pub(crate) ranges: Vec<String>,
    // Derived by `finish` (build and from_bytes), never saved:
    /// Per posting: BM25's saturated frequency, tf (k1 + 1) / (tf + k1).
    pub(crate) sat: Vec<f32>,
    /// Per term: its idf.
    pub(crate) idf: Vec<f32>,
    pub(crate) trie: Trie,
    /// One bitset over the products per facet value, `words` u64 each: the cities,
    /// then the levels, the ranges, CPF false, CPF true.
    pub(crate) facet_bits: Vec<u64>,
    pub(crate) words: usize,
    /// Per product, its facet value ids (numbered as `facet_bits`): `facet_of[facet_off[d]..facet_off[d + 1]]`.
    pub(crate) facet_off: Vec<u32>,
    pub(crate) facet_of: Vec<u32>,
    /// Per product, its place among the titles ordered by length then text: the
    /// tie-break of equal scores, as one integer.
    pub(crate) title_rank: Vec<u32>,
    /// The products in that order (the inverse of `title_rank`).
    pub(crate) by_title: Vec<u32>,
}

fn intern(values: &mut Vec<String>, v: &str) -> u32 {
    match values.iter().position(|x| x == v) {
        Some(i) => i as u32,
        None => {
            values.push(v.to_string());
            (values.len() - 1) as u32
        }
    }
}

/// Filters as id sets (`None`: not filtered).
struct Resolved {
    cities: Option<Vec<bool>>,
    levels: Option<Vec<bool>>,
    ranges: Option<Vec<bool>>,
    cpf: Option<bool>,
    max_price: Option<f64>,
    window: Option<(i32, i32)>,
}

/// True for the remote "city".
pub fn is_remote(city: &str) -> bool {
    let f = key(city);
    f == "a distance" || f == "remote" || f == "distanciel"
}

/// A comparison key: the folded words joined by spaces ("Saint-Herblain" = "saint herblain").
pub fn key(s: &str) -> String {
    let mut out = String::new();
    each_word(s, |w, _, _| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// Above this many postings a word's matches are merged in a dense array.
const SPARSE_MAX: usize = 64;

impl CatalogIndex {
    /// Indexes `docs`.
    // Term ids index `names`, `stamp`, `slot` and `rank`, which grow with them; doc
    // ids index `occ_off` and `lens`, one entry per doc: in range by construction.
    #[allow(clippy::indexing_slicing)]
    pub fn build(docs: &[Document]) -> CatalogIndex {
        let mut ix = CatalogIndex::default();
        // Terms interned once; per doc, its (term id, per-field counts), concatenated.
        let mut ids: FxMap<String, u32> = FxMap::default();
        let mut names: Vec<String> = Vec::new();
        let mut stamp: Vec<u32> = Vec::new();
        let mut slot: Vec<u32> = Vec::new();
        let mut local: Vec<(u32, [u16; 6])> = Vec::new();
        let mut occ: Vec<(u32, [u16; 6])> = Vec::new();
        let mut occ_off: Vec<usize> = Vec::with_capacity(docs.len() + 1);
        occ_off.push(0);
        let mut lens: Vec<[u32; 6]> = Vec::with_capacity(docs.len());
        for (di, d) in docs.iter().enumerate() {
            local.clear();
            let mark = di as u32 + 1;
            let mut len = [0u32; 6];
            let mut add = |f: usize, text: &str| {
                each_term(text, |t, _, _| {
                    let id = match ids.get(t) {
                        Some(id) => *id as usize,
                        None => {
                            let id = names.len();
                            ids.insert(t.to_string(), id as u32);
                            names.push(t.to_string());
                            stamp.push(0);
                            slot.push(0);
                            id
                        }
                    };
                    if stamp[id] != mark {
                        stamp[id] = mark;
                        slot[id] = local.len() as u32;
                        local.push((id as u32, [0; 6]));
                    }
                    let c = &mut local[slot[id] as usize].1[f];
                    *c = c.saturating_add(1);
                    len[f] += 1;
                });
            };
            add(0, &d.title);
            for t in &d.alt_titles {
                add(1, t);
            }
            for t in d.codes.iter().chain(std::iter::once(&d.code)) {
                add(2, t);
            }
            for t in &d.topics {
                add(3, t);
            }
            for t in &d.cities {
                add(4, t);
            }
            add(5, &d.text);
            occ.extend_from_slice(&local);
            occ_off.push(occ.len());
            lens.push(len);
            let cities = d.cities.iter().map(|c| intern(&mut ix.cities, c)).collect::<BTreeSet<_>>().into_iter().collect();
            let level = intern(&mut ix.levels, &d.level);
            let range = intern(&mut ix.ranges, &d.range);
            ix.docs.push(Doc {
                code: d.code.clone(),
                title: d.title.clone(),
                cities,
                level,
                range,
                cpf: d.cpf,
                price: d.price,
                starts: d.session_starts.clone(),
            });
        }
        drop(ids);
        let n = docs.len().max(1) as f32;
        let mut avg = [0f32; 6];
        for l in &lens {
            for (a, v) in avg.iter_mut().zip(l) {
                *a += *v as f32 / n;
            }
        }
        // The dictionary sorted (prefix ranges, binary lookup, the trie); postings by new id.
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_unstable_by(|a, b| names[*a as usize].cmp(&names[*b as usize]));
        let mut rank = vec![0u32; names.len()];
        for (r, o) in order.iter().enumerate() {
            rank[*o as usize] = r as u32;
        }
        let mut off = vec![0u32; names.len() + 1];
        for (id, _) in &occ {
            off[rank[*id as usize] as usize + 1] += 1;
        }
        for i in 1..off.len() {
            off[i] += off[i - 1];
        }
        let mut cursor: Vec<u32> = off.clone();
        ix.post_doc = vec![0; occ.len()];
        ix.post_tf = vec![0.0; occ.len()];
        for (doc, len) in lens.iter().enumerate() {
            let mut norm = [1f32; 6];
            for (f, x) in norm.iter_mut().enumerate() {
                *x = 1.0 - B + B * (len[f] as f32) / avg[f].max(1e-6);
            }
            for (term, tf) in &occ[occ_off[doc]..occ_off[doc + 1]] {
                let mut w = 0f32;
                for (f, (_, weight)) in WEIGHTS.iter().enumerate() {
                    if tf[f] > 0 {
                        w += weight * f32::from(tf[f]) / norm[f];
                    }
                }
                let r = rank[*term as usize] as usize;
                let at = cursor[r] as usize;
                cursor[r] += 1;
                ix.post_doc[at] = doc as u32;
                ix.post_tf[at] = w;
            }
        }
        ix.post_off = off;
        ix.terms = order.iter().map(|o| std::mem::take(&mut names[*o as usize])).collect();
        ix.finish();
        ix
    }

    /// The derived tables: saturated frequencies, idf, the trie, the facet bitsets.
    pub(crate) fn finish(&mut self) {
        let n = self.docs.len() as f32;
        self.idf = (0..self.terms.len())
            .map(|t| {
                let df = self.postings(t).0.len() as f32;
                ((n - df + 0.5) / (df + 0.5) + 1.0).ln().max(IDF_FLOOR)
            })
            .collect();
        self.sat = self.post_tf.iter().map(|tf| tf * (K1 + 1.0) / (tf + K1)).collect();
        self.trie = Trie::build(&self.terms);
        let words = self.docs.len().div_ceil(64);
        let (nc, nl, nr) = (self.cities.len(), self.levels.len(), self.ranges.len());
        let mut bits = vec![0u64; (nc + nl + nr + 2) * words];
        self.facet_off = Vec::with_capacity(self.docs.len() + 1);
        self.facet_of = Vec::with_capacity(self.docs.len() * 5);
        self.facet_off.push(0);
        for (d, doc) in self.docs.iter().enumerate() {
            let (w, m) = (d / 64, 1u64 << (d % 64));
            let values =
                doc.cities.iter().map(|c| *c as usize).chain([nc + doc.level as usize, nc + nl + doc.range as usize, nc + nl + nr + usize::from(doc.cpf)]);
            for v in values {
                if let Some(b) = bits.get_mut(v * words + w) {
                    *b |= m;
                }
                self.facet_of.push(v as u32);
            }
            self.facet_off.push(self.facet_of.len() as u32);
        }
        self.facet_bits = bits;
        self.words = words;
        let mut by_title: Vec<u32> = (0..self.docs.len() as u32).collect();
        let title = |d: &u32| self.docs.get(*d as usize).map_or("", |x| x.title.as_str());
        by_title.sort_by(|a, b| title(a).len().cmp(&title(b).len()).then_with(|| title(a).cmp(title(b))));
        self.title_rank = vec![0; self.docs.len()];
        for (r, d) in by_title.iter().enumerate() {
            if let Some(x) = self.title_rank.get_mut(*d as usize) {
                *x = r as u32;
            }
        }
        self.by_title = by_title;
    }

    /// Term `t`'s postings: docs and saturated frequencies.
    fn postings(&self, t: usize) -> (&[u32], &[f32]) {
        let a = self.post_off.get(t).copied().unwrap_or(0) as usize;
        let b = self.post_off.get(t + 1).copied().unwrap_or(0) as usize;
        (self.post_doc.get(a..b).unwrap_or_default(), self.sat.get(a..b).unwrap_or_default())
    }

    /// Number of products.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when no product is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    fn term_id(&self, t: &str) -> Option<u32> {
        self.terms.binary_search_by(|x| x.as_str().cmp(t)).ok().map(|i| i as u32)
    }

    /// The ids of the terms starting with `p` (a contiguous run of the sorted dictionary).
    fn prefix_range(&self, p: &[u8]) -> (u32, u32) {
        let lo = self.terms.partition_point(|t| t.as_bytes() < p);
        let hi = lo + self.terms.get(lo..).unwrap_or_default().partition_point(|t| t.as_bytes().starts_with(p));
        (lo as u32, hi as u32)
    }

    /// The index terms a query word matches, with their factor: one entry per term, by term.
    /// Returns the prefix run (ids) it included.
    fn candidates(&self, word: &str, prefix: bool, out: &mut Vec<(u32, f32)>) -> (u32, u32) {
        out.clear();
        let mut s = String::new();
        stem_into(word, &mut s);
        let exact_s = self.term_id(&s);
        let exact_w = if s != word { self.term_id(word) } else { None };
        let (plo, phi) = if prefix { self.prefix_range(word.as_bytes()) } else { (0, 0) };
        let has_direct = exact_s.is_some() || exact_w.is_some() || plo < phi;
        out.extend(exact_s.map(|i| (i, EXACT)));
        out.extend(exact_w.map(|i| (i, EXACT)));
        out.extend((plo..phi).map(|i| (i, PREFIX)));
        let n = s.len();
        let max = if n >= 8 {
            2
        } else if n >= 4 {
            1
        } else {
            0
        };
        // Codes are exact: no edits in a word with a digit (one edit away from a product
        // code is another product's code).
        if max > 0 && n <= MAX_EDIT_LEN && !s.bytes().any(|b| b.is_ascii_digit()) {
            self.typos(s.as_bytes(), max, prefix && n >= 5 && !has_direct, out);
        }
        out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        out.dedup_by_key(|e| e.0);
        (plo, phi)
    }

    /// The terms within `k` edits of `q` (1 or 2 edits, not 0; an edit is a letter
    /// added, dropped, replaced, or two neighbours swapped) that start with its first
    /// letter, by a walk of that letter's subtree of the trie with one banded
    /// edit-distance row per depth. With `prefix_typo` (as-you-type, when the typed start
    /// matches nothing as it is), also the terms at least two letters longer whose start
    /// is one edit from `q`.
    // The rows are 65 × 65 and depths, columns and band ends stay within 0..=63.
    #[allow(clippy::indexing_slicing)]
    fn typos(&self, q: &[u8], k: usize, prefix_typo: bool, out: &mut Vec<(u32, f32)>) {
        let n = q.len();
        if n > MAX_EDIT_LEN {
            return;
        }
        let inf = (k + 1) as u8;
        let mut rows = [[0u8; MAX_EDIT_LEN + 2]; MAX_EDIT_LEN + 2];
        for (j, v) in rows[0].iter_mut().enumerate().take(n.min(k) + 1) {
            *v = j as u8;
        }
        if k < n {
            rows[0][k + 1] = inf;
        }
        let mut path = [0u8; MAX_EDIT_LEN + 1];
        let t = &self.trie;
        let count = t.byte.len().min(t.depth.len()).min(t.end.len()).min(t.term.len());
        // The first letter is never an edit (people mistype inside a word, not its
        // first letter): only the subtree of the word's first letter is walked.
        let Some(&first) = q.first() else { return };
        let mut i = 0usize;
        while i < count && t.byte[i] != first {
            i = (t.end[i] as usize).max(i + 1);
        }
        let stop = if i < count { t.end[i] as usize } else { count }.min(count);
        while i < stop {
            let d = usize::from(t.depth[i]).clamp(1, MAX_EDIT_LEN);
            let c = t.byte[i];
            path[d - 1] = c;
            let lo = d.saturating_sub(k);
            let hi = (d + k).min(n);
            let mut row_min = inf;
            if lo <= hi {
                let (before, after) = rows.split_at_mut(d);
                let (prev, cur) = (&before[d - 1], &mut after[0]);
                let (grand, parent_byte) = if d >= 2 { (Some(&before[d - 2]), path[d - 2]) } else { (None, 0) };
                if lo >= 1 {
                    cur[lo - 1] = inf;
                }
                for j in lo..=hi {
                    let v = if j == 0 {
                        (d as u8).min(inf)
                    } else {
                        let diag = prev[j - 1] + u8::from(q[j - 1] != c);
                        let mut v = diag.min(prev[j] + 1).min(cur[j - 1] + 1);
                        // Two neighbours swapped count as one edit ("feimnin" → "feminin").
                        if let Some(g) = grand {
                            if j >= 2 && c == q[j - 2] && parent_byte == q[j - 1] {
                                v = v.min(g[j - 2] + 1);
                            }
                        }
                        v.min(inf)
                    };
                    cur[j] = v;
                    row_min = row_min.min(v);
                }
                if hi < n {
                    cur[hi + 1] = inf;
                }
                if hi == n {
                    let dist = cur[n];
                    if dist >= 1 && dist < inf && t.term[i] != NO_TERM {
                        out.push((t.term[i], if dist == 1 { ONE_EDIT } else { TWO_EDITS }));
                    }
                }
                if prefix_typo && d == n && cur[n] == 1 {
                    let (a, b) = self.prefix_range(&path[..n]);
                    for id in a..b {
                        if self.terms.get(id as usize).is_some_and(|x| x.len() >= n + 2) {
                            out.push((id, ONE_EDIT * PREFIX));
                        }
                    }
                }
            }
            i = if row_min >= inf || d >= MAX_EDIT_LEN { (t.end[i] as usize).max(i + 1) } else { i + 1 };
        }
    }

    /// One query word's matches, by doc: the best of its candidate terms per product.
    // Doc ids are below `docs.len()` (checked by from_bytes), the size of `dense`.
    #[allow(clippy::indexing_slicing)]
    fn word_matches(&self, cand: &[(u32, f32)], dense: &mut Vec<f32>, touched: &mut Vec<u64>) -> Vec<(u32, f32)> {
        // A near miss never weighs more than the word itself: a typo neighbour that is
        // rare ("lettre" for "mettre") must not outscore the exact word's matches.
        let cap = cand.iter().filter(|(_, f)| *f == EXACT).filter_map(|(t, _)| self.idf.get(*t as usize).copied()).reduce(f32::max);
        let mult = |t: u32, factor: f32| {
            let idf = self.idf.get(t as usize).copied().unwrap_or(0.0);
            match cap {
                Some(c) if factor < EXACT => idf.min(c) * factor,
                _ => idf * factor,
            }
        };
        if let [(t, f)] = cand {
            let (docs, sat) = self.postings(*t as usize);
            let m = mult(*t, *f);
            return docs.iter().zip(sat).map(|(d, s)| (*d, m * s)).collect();
        }
        let total: usize = cand.iter().map(|(t, _)| self.postings(*t as usize).0.len()).sum();
        if total <= SPARSE_MAX {
            let mut out: Vec<(u32, f32)> = Vec::with_capacity(total);
            for (t, f) in cand {
                let (docs, sat) = self.postings(*t as usize);
                let m = mult(*t, *f);
                out.extend(docs.iter().zip(sat).map(|(d, s)| (*d, m * s)));
            }
            out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            out.dedup_by_key(|e| e.0);
            return out;
        }
        let n = self.docs.len();
        if dense.len() != n {
            *dense = vec![0.0; n];
            *touched = vec![0; n.div_ceil(64)];
        }
        for (t, f) in cand {
            let (docs, sat) = self.postings(*t as usize);
            let m = mult(*t, *f);
            for (d, s) in docs.iter().zip(sat) {
                let d = *d as usize;
                let v = m * s;
                if v > dense[d] {
                    dense[d] = v;
                }
                touched[d / 64] |= 1 << (d % 64);
            }
        }
        let mut out = Vec::new();
        for (w, bits) in touched.iter_mut().enumerate() {
            let mut b = std::mem::take(bits);
            while b != 0 {
                let d = w * 64 + b.trailing_zeros() as usize;
                out.push((d as u32, std::mem::take(&mut dense[d])));
                b &= b - 1;
            }
        }
        out
    }

    /// The filters as id sets, resolved once per search.
    fn resolve(&self, f: &Filters) -> Resolved {
        let ids = |names: &[String], wanted: &[String], remote: bool| -> Option<Vec<bool>> {
            if wanted.is_empty() {
                return None;
            }
            let keys: Vec<String> = wanted.iter().map(|w| key(w)).collect();
            let any_remote = remote && wanted.iter().any(|w| is_remote(w));
            Some(names.iter().map(|n| keys.contains(&key(n)) || (any_remote && is_remote(n))).collect())
        };
        Resolved {
            cities: ids(&self.cities, &f.cities, true),
            levels: ids(&self.levels, &f.levels, false),
            ranges: ids(&self.ranges, &f.ranges, false),
            cpf: f.cpf,
            max_price: f.max_price,
            window: (f.start_from.is_some() || f.start_to.is_some()).then(|| (f.start_from.unwrap_or(i32::MIN), f.start_to.unwrap_or(i32::MAX))),
        }
    }

    /// Which filters `d` passes: (city, level, range, cpf, the others).
    fn passes(d: &Doc, r: &Resolved) -> [bool; 5] {
        let set = |s: &Option<Vec<bool>>, id: u32| s.as_ref().is_none_or(|v| v.get(id as usize).copied().unwrap_or(false));
        [
            r.cities.as_ref().is_none_or(|v| d.cities.iter().any(|c| v.get(*c as usize).copied().unwrap_or(false))),
            set(&r.levels, d.level),
            set(&r.ranges, d.range),
            r.cpf.is_none_or(|c| c == d.cpf),
            r.max_price.is_none_or(|m| d.price <= m) && r.window.is_none_or(|(a, b)| d.starts.iter().any(|s| *s >= a && *s <= b)),
        ]
    }

    /// Searches `query` (the last word is a prefix unless the query ends with a space),
    /// every word required; filters and facet counts as [`Filters`] and [`Facets`] say.
    pub fn search(&self, query: &str, filters: &Filters, limit: usize, offset: usize) -> Results {
        let mut q: Vec<String> = Vec::new();
        each_word(query, |w, _, _| q.push(w.to_string()));
        if q.iter().any(|w| !is_stopword(w)) {
            q.retain(|w| !is_stopword(w));
        }
        let prefix_last = !query.ends_with(char::is_whitespace);
        let n = self.docs.len();
        // Every word's candidate terms (for the highlights), and the products every word matched so far.
        let mut marks: Vec<&str> = Vec::new();
        let mut matched: Option<Vec<(u32, f32)>> = None;
        let mut last_prefix = None;
        let (mut cand, mut dense, mut touched) = (Vec::new(), Vec::new(), Vec::new());
        for (qi, w) in q.iter().enumerate() {
            let prefix = prefix_last && qi + 1 == q.len();
            if prefix {
                last_prefix = Some(w.as_str());
            }
            if matched.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
            let (plo, phi) = self.candidates(w, prefix, &mut cand);
            // The prefix run is highlighted by the prefix itself (see `highlights`).
            marks.extend(cand.iter().map(|c| c.0).filter(|t| !(plo..phi).contains(t)).filter_map(|t| self.terms.get(t as usize)).map(String::as_str));
            let list = self.word_matches(&cand, &mut dense, &mut touched);
            matched = Some(match matched {
                None => list,
                Some(m) => intersect(&m, &list),
            });
        }
        drop((dense, touched));
        let matched: Vec<(u32, f32)> = matched.unwrap_or_else(|| (0..n as u32).map(|d| (d, 0.0)).collect());
        let mut facets = Facets::default();
        let mut city = vec![0u32; self.cities.len()];
        let mut level = vec![0u32; self.levels.len()];
        let mut range = vec![0u32; self.ranges.len()];
        let mut cpf = [0u32; 2];
        let unfiltered = filters.cities.is_empty()
            && filters.cpf.is_none()
            && filters.levels.is_empty()
            && filters.ranges.is_empty()
            && filters.max_price.is_none()
            && filters.start_from.is_none()
            && filters.start_to.is_none();
        let values = city.len() + level.len() + range.len() + 2;
        let hits: Vec<(u32, f32)> = if unfiltered {
            let mut counts = vec![0u32; values];
            if matched.len() * 16 > values * self.words {
                // Many matches: one popcount per facet value over the matched set's bitset.
                let mut set = vec![0u64; self.words];
                for (d, _) in &matched {
                    if let Some(w) = set.get_mut(*d as usize / 64) {
                        *w |= 1 << (d % 64);
                    }
                }
                for (c, bits) in counts.iter_mut().zip(self.facet_bits.chunks_exact(self.words.max(1))) {
                    *c = bits.iter().zip(&set).map(|(a, b)| (a & b).count_ones()).sum::<u32>();
                }
            } else {
                for (d, _) in &matched {
                    let a = self.facet_off.get(*d as usize).copied().unwrap_or(0) as usize;
                    let b = self.facet_off.get(*d as usize + 1).copied().unwrap_or(0) as usize;
                    for v in self.facet_of.get(a..b).unwrap_or_default() {
                        if let Some(c) = counts.get_mut(*v as usize) {
                            *c += 1;
                        }
                    }
                }
            }
            for (slot, c) in city.iter_mut().chain(level.iter_mut()).chain(range.iter_mut()).chain(cpf.iter_mut()).zip(counts) {
                *slot = c;
            }
            matched
        } else {
            let resolved = self.resolve(filters);
            let mut hits = Vec::new();
            for &(d, score) in &matched {
                let Some(doc) = self.docs.get(d as usize) else { continue };
                let p = Self::passes(doc, &resolved);
                let all_but = |i: usize| p.iter().enumerate().all(|(j, ok)| j == i || *ok);
                if all_but(0) {
                    for c in &doc.cities {
                        if let Some(x) = city.get_mut(*c as usize) {
                            *x += 1;
                        }
                    }
                }
                if all_but(1) {
                    if let Some(x) = level.get_mut(doc.level as usize) {
                        *x += 1;
                    }
                }
                if all_but(2) {
                    if let Some(x) = range.get_mut(doc.range as usize) {
                        *x += 1;
                    }
                }
                if all_but(3) {
                    if let Some(x) = cpf.get_mut(usize::from(doc.cpf)) {
                        *x += 1;
                    }
                }
                if p.iter().all(|ok| *ok) {
                    hits.push((d, score));
                }
            }
            hits
        };
        let named = |names: &[String], counts: Vec<u32>| -> Vec<(String, u32)> {
            let mut v: Vec<(String, u32)> = names.iter().zip(counts).filter(|(_, c)| *c > 0).map(|(n, c)| (n.clone(), c)).collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        facets.city = named(&self.cities, city);
        facets.level = named(&self.levels, level);
        facets.range = named(&self.ranges, range);
        facets.cpf = [(true, cpf[1]), (false, cpf[0])].into_iter().filter(|(_, c)| *c > 0).collect();
        let total = hits.len() as u32;
        // Higher score first, then the shorter title, then the title: one u64 per hit
        // (scores are finite and not negative, so their bits order as they do).
        let key =
            |(d, score): &(u32, f32)| (u64::from(!score.max(0.0).to_bits()) << 32) | u64::from(self.title_rank.get(*d as usize).copied().unwrap_or(u32::MAX));
        // Only the page needs ordering: the first offset + limit keys, kept sorted as they
        // come (a short page), else selected then sorted.
        let keep = offset.saturating_add(limit).min(hits.len());
        let keys: Vec<u64> = if keep == 0 {
            Vec::new()
        } else if keep.saturating_mul(8) < hits.len() {
            let mut top: Vec<u64> = Vec::with_capacity(keep + 1);
            for h in &hits {
                let k = key(h);
                if top.len() == keep {
                    if top.last().is_some_and(|last| k >= *last) {
                        continue;
                    }
                    top.pop();
                }
                let at = top.partition_point(|x| *x < k);
                top.insert(at, k);
            }
            top
        } else {
            let mut keys: Vec<u64> = hits.iter().map(key).collect();
            if keep < keys.len() {
                keys.select_nth_unstable(keep - 1);
                keys.truncate(keep);
            }
            keys.sort_unstable();
            keys
        };
        let hits = keys.iter().skip(offset).filter_map(|k| Some((*self.by_title.get(*k as u32 as usize)?, f32::from_bits(!((k >> 32) as u32)))));
        marks.sort_unstable();
        marks.dedup();
        let page = hits
            .take(limit)
            .filter_map(|(d, score)| {
                let doc = self.docs.get(d as usize)?;
                Some(Hit { code: doc.code.clone(), score, highlights: Self::highlights(&doc.title, &marks, last_prefix) })
            })
            .collect();
        Results { hits: page, total, facets }
    }

    /// The title's words whose term matched, as ranges: the word or its stem is one of
    /// `marks` (sorted) or starts with the prefix.
    fn highlights(title: &str, marks: &[&str], prefix: Option<&str>) -> Vec<(u32, u32)> {
        let mut out: Vec<(u32, u32)> = Vec::new();
        let mut stemmed = String::new();
        let marked = |t: &str| marks.binary_search(&t).is_ok() || prefix.is_some_and(|p| t.starts_with(p));
        each_word(title, |w, start, end| {
            stem_into(w, &mut stemmed);
            if marked(w) || marked(&stemmed) {
                out.push((start, end));
            }
        });
        out
    }
}

/// The products of both lists (sorted by doc), their scores added (`a`'s first).
fn intersect(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    if a.len().saturating_mul(16) < b.len() || b.len().saturating_mul(16) < a.len() {
        // Very different sizes: look the short one's docs up in the long one.
        // Scores added in the same order either way (`a`'s first), for the same sums.
        let a_short = a.len() <= b.len();
        let (short, long) = if a_short { (a, b) } else { (b, a) };
        let mut rest = long;
        for &(d, s) in short {
            let i = rest.partition_point(|x| x.0 < d);
            rest = rest.get(i..).unwrap_or_default();
            if let Some(&(e, t)) = rest.first() {
                if e == d {
                    let (sa, sb) = if a_short { (s, t) } else { (t, s) };
                    out.push((d, sa + sb));
                }
            }
        }
        return out;
    }
    let (mut i, mut j) = (0, 0);
    while let (Some(&(da, sa)), Some(&(db, sb))) = (a.get(i), b.get(j)) {
        match da.cmp(&db) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((da, sa + sb));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The Levenshtein distance of `a` and `b` (bytes of folded terms) when at most
/// `max`, else `None`; terms longer than 63 bytes never match with edits.
// Indexes are below 64 by the length guard: the rows are fixed arrays, so no allocation per term.
#[cfg(test)]
#[allow(clippy::indexing_slicing)]
fn within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max || a.len() > 63 || b.len() > 63 {
        return (a == b).then_some(0);
    }
    let mut prev = [0usize; 64];
    let mut cur = [0usize; 64];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j;
    }
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let v = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
            cur[j + 1] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|d| *d <= max)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn typo_terms(ix: &CatalogIndex, q: &str, k: usize) -> Vec<String> {
        let mut out = Vec::new();
        ix.typos(q.as_bytes(), k, false, &mut out);
        out.iter().map(|(t, _)| ix.terms[*t as usize].clone()).collect()
    }

    #[test]
    fn the_trie_walk_finds_what_a_scan_finds() {
        let words = "management manager managers menagement managment feminin femme formation format formats information informatique excel expert";
        let docs: Vec<Document> = words.split(' ').enumerate().map(|(i, w)| Document { code: i.to_string(), title: w.into(), ..Document::default() }).collect();
        let ix = CatalogIndex::build(&docs);
        for (q, k) in [("managment", 2), ("manager", 1), ("formatoin", 2), ("exel", 1), ("informatiqeu", 2)] {
            let mut scan: Vec<String> = ix
                .terms
                .iter()
                .filter(|t| t.as_bytes()[0] == q.as_bytes()[0] && within(q.as_bytes(), t.as_bytes(), k).is_some_and(|d| d > 0))
                .cloned()
                .collect();
            let walk = typo_terms(&ix, q, k);
            // The walk also counts a swap of neighbours as one edit.
            scan.retain(|t| !walk.contains(t));
            assert!(scan.is_empty(), "{q}: the walk misses {scan:?} (found {walk:?})");
        }
        assert!(typo_terms(&ix, "feimnin", 1).contains(&"feminin".to_string()), "{:?} {:?}", typo_terms(&ix, "feimnin", 1), typo_terms(&ix, "feimnin", 2));
        assert!(!typo_terms(&ix, "nanager", 1).contains(&"manager".to_string()), "the first letter is not an edit");
    }

    #[test]
    fn levenshtein_is_bounded() {
        assert_eq!(within(b"managment", b"management", 2), Some(1));
        assert_eq!(within(b"managment", b"managment", 1), Some(0));
        assert_eq!(within(b"managment", b"manager", 1), None);
        assert_eq!(within(b"negociation", b"negotiatio", 2), Some(2));
        assert_eq!(within(b"negociation", b"negotaition", 2), None);
    }
}
