//! The body of the `search` fuzz target, shared by `fuzz/fuzz_targets/search.rs`
//! (libFuzzer, nightly) and `search/tests/fuzz_replay.rs` (stable, in `make test`).
//!
//! The search query path of `formakit-search`. Input: byte 0 picks the mode and
//! the filters, byte 1 the limit, byte 2 the offset; the rest is split at the
//! first `0xFF` into the query (UTF-8, lossy) and the text of up to four extra
//! documents (split at `0xFE`), indexed beside a fixed French corpus. In the
//! last mode the rest is handed to `CatalogIndex::from_bytes` as a saved index.
//!
//! A finding is a panic or a broken law: at most `limit` hits, `offset` applied
//! to `total`; scores finite and in order; highlights inside the title (UTF-16
//! units, ordered, not overlapping); every hit a document of the index; facet
//! counts no larger than the index; the same results after `to_bytes` →
//! `from_bytes`; a damaged saved index an error, never a panic.

use formakit_search::{CatalogIndex, Document, Filters, Results};

#[allow(clippy::too_many_arguments)] // a test corpus row: one call per document reads best
fn doc(code: &str, title: &str, topics: &[&str], cities: &[&str], text: &str, cpf: bool, level: &str, price: f64, starts: &[i32]) -> Document {
    Document {
        code: code.into(),
        title: title.into(),
        alt_titles: vec![format!("{title} (2 jours)")],
        codes: vec![format!("RNCP{}", code.len() * 1111)],
        topics: topics.iter().map(|s| s.to_string()).collect(),
        cities: cities.iter().map(|s| s.to_string()).collect(),
        text: text.into(),
        cpf,
        level: level.into(),
        range: if price > 1500.0 { "Expert".into() } else { "Essentiel".into() },
        price,
        session_starts: starts.to_vec(),
    }
}

/// A small corpus with the traps of French text: accents, ligatures, elisions, plurals.
pub fn corpus() -> Vec<Document> {
    vec![
        doc(
            "1001",
            "Management d'équipe : les fondamentaux",
            &["Management", "Leadership"],
            &["PARIS", "LYON"],
            "<p>Piloter l’équipe et les réseaux</p>",
            true,
            "Fondamentaux",
            1290.0,
            &[20_000, 20_100],
        ),
        doc(
            "1002",
            "Cœur de métier : l'œuvre des formations",
            &["Développement personnel"],
            &["A DISTANCE"],
            "Évènements, événements et evenements",
            false,
            "Perfectionnement",
            990.5,
            &[20_050],
        ),
        doc(
            "1003",
            "Excel – tableaux croisés dynamiques",
            &["Bureautique"],
            &["MARSEILLE", "A DISTANCE"],
            "Formats, formules et formations",
            true,
            "Expertise",
            1750.0,
            &[],
        ),
        doc(
            "1004",
            "Gestion de projet agile (Scrum)",
            &["Projet", "Agilité"],
            &["PARIS"],
            "Qu’il s’agisse d’un projet ou d’une équipe",
            true,
            "Fondamentaux",
            2100.0,
            &[19_990, 20_300],
        ),
        doc("1005", "Réseaux sociaux et communication", &["Communication"], &["LILLE"], "Les réseaux, le réseau, RESEAUX", false, "Initiation", 0.0, &[20_200]),
        doc("1006", "Maître d'apprentissage", &["RH"], &["NANTES", "PARIS"], "maître, maitre, maîtres", true, "Fondamentaux", 650.0, &[20_010]),
    ]
}

fn filters(bits: u8, extra: &[u8]) -> Filters {
    let mut f = Filters::default();
    if bits & 1 != 0 {
        f.cities = vec!["PARIS".into(), "remote".into()];
    }
    if bits & 2 != 0 {
        f.cpf = Some(bits & 4 != 0);
    }
    if bits & 8 != 0 {
        f.levels = vec!["Fondamentaux".into(), String::from_utf8_lossy(extra.get(..4).unwrap_or(extra)).into_owned()];
    }
    if bits & 16 != 0 {
        f.ranges = vec!["Expert".into()];
    }
    if bits & 32 != 0 {
        f.max_price = Some(match extra.first().copied().unwrap_or(0) % 4 {
            0 => f64::NAN,
            1 => -1.0,
            2 => f64::INFINITY,
            _ => 1000.0,
        });
    }
    if bits & 64 != 0 {
        let n = i32::from(extra.get(1).copied().unwrap_or(0));
        f.start_from = Some(20_000 - n * 100);
        f.start_to = Some(if n % 3 == 0 { i32::MIN } else { 20_000 + n * 10 });
    }
    f
}

fn utf16_len(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

fn laws(index: &CatalogIndex, docs: &[Document], query: &str, filters: &Filters, limit: usize, offset: usize) -> Results {
    let r = index.search(query, filters, limit, offset);
    assert!(r.hits.len() <= limit, "{} hits for limit {limit}", r.hits.len());
    let total = r.total as usize;
    assert!(total <= docs.len(), "total {total} above the index's {}", docs.len());
    assert_eq!(r.hits.len(), limit.min(total.saturating_sub(offset)), "hits = the page of total after offset");
    for w in r.hits.windows(2) {
        if let [a, b] = w {
            assert!(a.score >= b.score, "hits out of order: {} then {}", a.score, b.score);
        }
    }
    for hit in &r.hits {
        assert!(hit.score.is_finite(), "score {}", hit.score);
        let d = docs.iter().find(|d| d.code == hit.code).unwrap_or_else(|| panic!("hit {:?} is no document", hit.code));
        let len = utf16_len(&d.title);
        let mut end = 0;
        for &(s, e) in &hit.highlights {
            assert!(s < e && e <= len && s >= end, "highlight {s}..{e} in a title of {len} units (previous end {end})");
            end = e;
        }
    }
    for (_, n) in r.facets.city.iter().chain(&r.facets.level).chain(&r.facets.range) {
        assert!(*n as usize <= docs.len());
    }
    for (_, n) in &r.facets.cpf {
        assert!(*n as usize <= docs.len());
    }
    assert_eq!(index.search(query, filters, limit, offset), r, "the same search twice differs");
    r
}

/// One fuzz input.
pub fn fuzz_one(data: &[u8]) {
    let [bits, limit_byte, offset_byte, rest @ ..] = data else { return };
    let (limit, offset) = (limit_byte, offset_byte);
    if bits & 0x80 != 0 && bits & 0x40 != 0 {
        // A saved index from anywhere: an error or an index that answers.
        if let Ok(index) = CatalogIndex::from_bytes(rest) {
            let _ = index.search("formation", &Filters::default(), 10, 0);
            let _ = index.search("", &Filters::default(), usize::from(*limit), usize::from(*offset));
        }
        return;
    }
    let (query, docs_text) = match rest.iter().position(|b| *b == 0xFF) {
        Some(i) => (rest.get(..i).unwrap_or_default(), rest.get(i + 1..).unwrap_or_default()),
        None => (rest, &[][..]),
    };
    let query = String::from_utf8_lossy(query);
    let limit = usize::from(*limit % 32);
    let offset = if offset & 0x80 != 0 { usize::MAX - usize::from(*offset) } else { usize::from(*offset % 16) };
    let f = filters(*bits, docs_text);
    if docs_text.is_empty() {
        // The fixed corpus: its index and saved copy are built once per process.
        let (index, docs, again) = fixed();
        let r = laws(index, docs, &query, &f, limit, offset);
        assert_eq!(again.search(&query, &f, limit, offset), r, "the saved index answers differently");
        return;
    }
    let mut docs = corpus();
    for (i, text) in docs_text.split(|b| *b == 0xFE).take(4).enumerate() {
        let t = String::from_utf8_lossy(text).into_owned();
        let mut d = doc(&format!("F{i}"), &t, &[&t], &[&t], &t, i % 2 == 0, &t, f64::from(text.len() as u32) * 10.0, &[i as i32]);
        d.title = t;
        docs.push(d);
    }
    let index = CatalogIndex::build(&docs);
    let r = laws(&index, &docs, &query, &f, limit, offset);
    // A saved index answers the same.
    let bytes = index.to_bytes();
    let again = CatalogIndex::from_bytes(&bytes).unwrap_or_else(|e| panic!("to_bytes → from_bytes: {}", e.message()));
    assert_eq!(again.search(&query, &f, limit, offset), r, "the saved index answers differently");
    // A damaged copy: truncated or flipped, an error or an index, never a panic.
    let cut = bytes.get(..usize::from(*limit_byte) * bytes.len() / 256).unwrap_or_default();
    let _ = CatalogIndex::from_bytes(cut).map(|i| i.search(&query, &f, 10, 0));
    let mut flipped = bytes.clone();
    if let Some(b) = flipped.get_mut(usize::from(*offset_byte) * bytes.len() / 256) {
        *b ^= 0x5A;
    }
    let _ = CatalogIndex::from_bytes(&flipped).map(|i| i.search(&query, &f, 10, 0));
}

/// The fixed corpus' index, its documents, and the index read back from its bytes.
fn fixed() -> &'static (CatalogIndex, Vec<Document>, CatalogIndex) {
    static FIXED: std::sync::OnceLock<(CatalogIndex, Vec<Document>, CatalogIndex)> = std::sync::OnceLock::new();
    FIXED.get_or_init(|| {
        let docs = corpus();
        let index = CatalogIndex::build(&docs);
        let again = CatalogIndex::from_bytes(&index.to_bytes()).unwrap_or_else(|e| panic!("to_bytes → from_bytes: {}", e.message()));
        (index, docs, again)
    })
}
