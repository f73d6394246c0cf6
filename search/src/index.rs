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
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

use crate::normalize::{stem, terms, words, STOPWORDS};

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

/// The index. Build it with [`CatalogIndex::build`] (or `from_products`), query it with
/// [`CatalogIndex::search`], ship it with `to_bytes` / `from_bytes`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CatalogIndex {
    pub(crate) docs: Vec<Doc>,
    /// Sorted, unique.
    pub(crate) terms: Vec<String>,
    /// Per term: (doc, BM25F-weighted term frequency), by doc.
    pub(crate) postings: Vec<Vec<(u32, f32)>>,
    pub(crate) cities: Vec<String>,
    pub(crate) levels: Vec<String>,
    pub(crate) ranges: Vec<String>,
    /// Term ids by byte length (terms are folded, so mostly ASCII), for typo matching.
    pub(crate) by_len: Vec<Vec<u32>>,
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
    words(s).into_iter().map(|t| t.term).collect::<Vec<_>>().join(" ")
}

impl CatalogIndex {
    /// Indexes `docs`.
    pub fn build(docs: &[Document]) -> CatalogIndex {
        let mut ix = CatalogIndex::default();
        // Terms interned once; per doc, (term id, per-field counts) sorted by term id.
        let mut ids: FxMap<String, u32> = FxMap::default();
        let mut names: Vec<String> = Vec::new();
        let mut per_doc: Vec<Vec<(u32, [u16; 6])>> = Vec::with_capacity(docs.len());
        let mut lens: Vec<[u32; 6]> = Vec::with_capacity(docs.len());
        let mut counts: FxMap<u32, [u16; 6]> = FxMap::default();
        for d in docs {
            counts.clear();
            let mut len = [0u32; 6];
            let fields: [(usize, Vec<&str>); 6] = [
                (0, vec![d.title.as_str()]),
                (1, d.alt_titles.iter().map(String::as_str).collect()),
                (2, d.codes.iter().map(String::as_str).chain([d.code.as_str()]).collect()),
                (3, d.topics.iter().map(String::as_str).collect()),
                (4, d.cities.iter().map(String::as_str).collect()),
                (5, vec![d.text.as_str()]),
            ];
            for (f, texts) in fields {
                for text in texts {
                    for t in terms(text) {
                        let id = match ids.get(&t.term) {
                            Some(id) => *id,
                            None => {
                                let id = names.len() as u32;
                                ids.insert(t.term.clone(), id);
                                names.push(t.term);
                                id
                            }
                        };
                        if let Some(c) = counts.entry(id).or_insert([0; 6]).get_mut(f) {
                            *c = c.saturating_add(1);
                        }
                        if let Some(l) = len.get_mut(f) {
                            *l += 1;
                        }
                    }
                }
            }
            let mut list: Vec<(u32, [u16; 6])> = counts.iter().map(|(k, v)| (*k, *v)).collect();
            list.sort_unstable_by_key(|(k, _)| *k);
            per_doc.push(list);
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
        let n = docs.len().max(1) as f32;
        let mut avg = [0f32; 6];
        for l in &lens {
            for (a, v) in avg.iter_mut().zip(l) {
                *a += *v as f32 / n;
            }
        }
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); names.len()];
        for (doc, (list, len)) in per_doc.into_iter().zip(&lens).enumerate() {
            for (term, tf) in list {
                let mut w = 0f32;
                for (f, (_, weight)) in WEIGHTS.iter().enumerate() {
                    let (tf, l, a) = (tf.get(f).copied().unwrap_or(0), len.get(f).copied().unwrap_or(0), avg.get(f).copied().unwrap_or(1.0));
                    if tf > 0 {
                        let norm = 1.0 - B + B * (l as f32) / a.max(1e-6);
                        w += weight * f32::from(tf) / norm;
                    }
                }
                if let Some(p) = postings.get_mut(term as usize) {
                    p.push((doc as u32, w));
                }
            }
        }
        // The dictionary sorted, for prefix search and binary lookup.
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_unstable_by(|a, b| names.get(*a as usize).cmp(&names.get(*b as usize)));
        let mut names: Vec<Option<String>> = names.into_iter().map(Some).collect();
        let mut postings: Vec<Option<Vec<(u32, f32)>>> = postings.into_iter().map(Some).collect();
        for i in order {
            if let (Some(t), Some(p)) = (names.get_mut(i as usize).and_then(Option::take), postings.get_mut(i as usize).and_then(Option::take)) {
                ix.terms.push(t);
                ix.postings.push(p);
            }
        }
        ix.index_lengths();
        ix
    }

    pub(crate) fn index_lengths(&mut self) {
        self.by_len.clear();
        for (i, t) in self.terms.iter().enumerate() {
            let l = t.len();
            if self.by_len.len() <= l {
                self.by_len.resize(l + 1, Vec::new());
            }
            if let Some(b) = self.by_len.get_mut(l) {
                b.push(i as u32);
            }
        }
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

    fn idf(&self, term: usize) -> f32 {
        let df = self.postings.get(term).map_or(0, Vec::len) as f32;
        let n = self.docs.len() as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// The index terms a query word matches, with their factor.
    fn candidates(&self, word: &str, prefix: bool) -> Vec<(usize, f32)> {
        let s = stem(word);
        let has_direct = self.terms.binary_search(&s).is_ok()
            || self.terms.binary_search_by(|t| t.as_str().cmp(word)).is_ok()
            || (prefix && self.terms.get(self.terms.partition_point(|t| t.as_str() < word)).is_some_and(|t| t.starts_with(word)));
        // Pushed as found, deduplicated once at the end (a short prefix finds thousands).
        let mut out: Vec<(usize, f32)> = Vec::new();
        let mut add = |i: usize, f: f32| out.push((i, f));
        if let Ok(i) = self.terms.binary_search(&s) {
            add(i, EXACT);
        }
        if s != word {
            if let Ok(i) = self.terms.binary_search_by(|t| t.as_str().cmp(word)) {
                add(i, EXACT);
            }
        }
        if prefix {
            let start = self.terms.partition_point(|t| t.as_str() < word);
            for (i, t) in self.terms.iter().enumerate().skip(start) {
                if !t.starts_with(word) {
                    break;
                }
                add(i, PREFIX);
            }
        }
        let n = s.len();
        let max = if n >= 8 {
            2
        } else if n >= 4 {
            1
        } else {
            0
        };
        if max > 0 {
            let q = s.as_bytes();
            for len in n.saturating_sub(max)..=n + max {
                for &i in self.by_len.get(len).map(Vec::as_slice).unwrap_or_default() {
                    let Some(t) = self.terms.get(i as usize) else { continue };
                    if let Some(d) = within(q, t.as_bytes(), max) {
                        if d > 0 {
                            add(i as usize, if d == 1 { ONE_EDIT } else { TWO_EDITS });
                        }
                    }
                }
            }
            if prefix && n >= 5 && !has_direct {
                // As-you-type with a typo after the first letter, when the typed start
                // matches nothing as it is: the start of a longer term, one edit away
                // (terms sharing the first letter only).
                let first = q.get(..1).unwrap_or_default();
                let from = self.terms.partition_point(|t| t.as_bytes() < first);
                for (i, t) in self.terms.iter().enumerate().skip(from) {
                    let tb = t.as_bytes();
                    if !tb.starts_with(first) {
                        break;
                    }
                    if tb.len() >= n + 2 {
                        let head = tb.get(..n).unwrap_or(tb);
                        if head != q && within(q, head, 1).is_some() {
                            add(i, ONE_EDIT * PREFIX);
                        }
                    }
                }
            }
        }
        out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        out.dedup_by_key(|e| e.0);
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
        let mut q: Vec<String> = words(query).into_iter().map(|t| t.term).collect();
        if q.iter().any(|w| !STOPWORDS.contains(&w.as_str())) {
            q.retain(|w| !STOPWORDS.contains(&w.as_str()));
        }
        let prefix_last = !query.ends_with(char::is_whitespace);
        let n = self.docs.len();
        let mut total_score = vec![0f32; n];
        let mut matched = vec![0u16; n];
        let mut highlight_terms: Vec<usize> = Vec::new();
        let mut last_prefix = None;
        for (qi, w) in q.iter().enumerate() {
            let prefix = prefix_last && qi + 1 == q.len();
            if prefix {
                last_prefix = Some(w.clone());
            }
            let mut best = vec![0f32; n];
            let candidates = self.candidates(w, prefix);
            // A near miss never weighs more than the word itself: a typo neighbour that is
            // rare ("lettre" for "mettre") must not outscore the exact word's matches.
            let exact_idf = candidates.iter().filter(|(_, f)| *f == EXACT).map(|(t, _)| self.idf(*t)).reduce(f32::max);
            for (t, factor) in candidates {
                highlight_terms.push(t);
                let idf = match exact_idf {
                    Some(cap) if factor < EXACT => self.idf(t).min(cap),
                    _ => self.idf(t),
                };
                for &(doc, tf) in self.postings.get(t).map(Vec::as_slice).unwrap_or_default() {
                    let s = idf * tf * (K1 + 1.0) / (tf + K1) * factor;
                    if let Some(b) = best.get_mut(doc as usize) {
                        *b = b.max(s);
                    }
                }
            }
            for (d, b) in best.into_iter().enumerate() {
                if b > 0.0 {
                    if let (Some(s), Some(m)) = (total_score.get_mut(d), matched.get_mut(d)) {
                        *s += b;
                        *m += 1;
                    }
                }
            }
        }
        let need = q.len() as u16;
        let candidates: Vec<u32> = (0..n as u32).filter(|d| matched.get(*d as usize).copied().unwrap_or(0) == need).collect();
        let mut facets = Facets::default();
        let mut city = vec![0u32; self.cities.len()];
        let mut level = vec![0u32; self.levels.len()];
        let mut range = vec![0u32; self.ranges.len()];
        let mut cpf = [0u32; 2];
        let mut hits: Vec<(u32, f32)> = Vec::new();
        let resolved = self.resolve(filters);
        for &d in &candidates {
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
                hits.push((d, total_score.get(d as usize).copied().unwrap_or(0.0)));
            }
        }
        let named = |names: &[String], counts: Vec<u32>| -> Vec<(String, u32)> {
            let mut v: Vec<(String, u32)> = names.iter().cloned().zip(counts).filter(|(_, c)| *c > 0).collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        facets.city = named(&self.cities, city);
        facets.level = named(&self.levels, level);
        facets.range = named(&self.ranges, range);
        facets.cpf = [(true, cpf[1]), (false, cpf[0])].into_iter().filter(|(_, c)| *c > 0).collect();
        let title = |d: u32| self.docs.get(d as usize).map_or("", |x| x.title.as_str());
        let order =
            |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then_with(|| title(a.0).len().cmp(&title(b.0).len())).then_with(|| title(a.0).cmp(title(b.0)));
        let total = hits.len() as u32;
        // Only the page needs ordering: select the first offset + limit, then sort those.
        let keep = offset.saturating_add(limit).min(hits.len());
        if keep > 0 && keep < hits.len() {
            hits.select_nth_unstable_by(keep - 1, order);
            hits.truncate(keep);
        }
        hits.sort_by(order);
        let marks: BTreeSet<&str> = highlight_terms.iter().filter_map(|t| self.terms.get(*t)).map(String::as_str).collect();
        let page = hits
            .into_iter()
            .skip(offset)
            .take(limit)
            .filter_map(|(d, score)| {
                let doc = self.docs.get(d as usize)?;
                Some(Hit { code: doc.code.clone(), score, highlights: highlights(&doc.title, &marks, last_prefix.as_deref()) })
            })
            .collect();
        Results { hits: page, total, facets }
    }
}

/// The title's words whose term matched, merged into ranges.
fn highlights(title: &str, marks: &BTreeSet<&str>, prefix: Option<&str>) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for w in words(title) {
        let hit = marks.contains(stem(&w.term).as_str()) || marks.contains(w.term.as_str()) || prefix.is_some_and(|p| w.term.starts_with(p));
        if hit {
            out.push((w.start, w.end));
        }
    }
    out
}

/// The Levenshtein distance of `a` and `b` (bytes of folded terms) when at most
/// `max`, else `None`; terms longer than 63 bytes never match with edits.
// Indexes are below 64 by the length guard: the rows are fixed arrays, so no allocation per term.
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
mod tests {
    use super::*;

    #[test]
    fn levenshtein_is_bounded() {
        assert_eq!(within(b"managment", b"management", 2), Some(1));
        assert_eq!(within(b"managment", b"managment", 1), Some(0));
        assert_eq!(within(b"managment", b"manager", 1), None);
        assert_eq!(within(b"negociation", b"negotiatio", 2), Some(2));
        assert_eq!(within(b"negociation", b"negotaition", 2), None);
    }
}
