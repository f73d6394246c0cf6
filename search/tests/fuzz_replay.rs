#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
//! The `search` fuzz target's body (`fuzz/src/search_body.rs`) on stable, in
//! `make test`: its seed queries, then thousands of deterministic random
//! inputs. `make fuzz` runs the same body under libFuzzer, seeded by
//! `write_fuzz_corpus` below.

#[path = "../../fuzz/src/search_body.rs"]
mod search_body;

/// Queries with the traps of the normalization: accents, ligatures, elisions, typos, prefixes, codes.
const QUERIES: &[&str] = &[
    "",
    " ",
    "management",
    "managment",
    "coeur",
    "Cœur",
    "l'oeuvre",
    "l’œuvre",
    "qu’il",
    "reseau",
    "réseaux",
    "formations",
    "format",
    "evenement",
    "évènement",
    "maitre",
    "RNCP4444",
    "exc",
    "tableaux croisés dyn",
    "le la les de",
    "\u{0301}\u{0301}",
    "ǅ\u{10FFFF}\u{FFFD}",
    "a-b–c—d",
    "''''",
];

fn input(bits: u8, limit: u8, offset: u8, query: &str, docs: &[&str]) -> Vec<u8> {
    let mut data = vec![bits, limit, offset];
    data.extend_from_slice(query.as_bytes());
    if !docs.is_empty() {
        data.push(0xFF);
        data.extend_from_slice(docs.join("\u{FE}").as_bytes());
    }
    data
}

#[test]
fn search_body_holds_on_its_seed_queries_with_every_filter() {
    for q in QUERIES {
        for bits in [0u8, 1, 3, 7, 8, 16, 32, 33, 64, 127] {
            search_body::fuzz_one(&input(bits, 10, 0, q, &[]));
            search_body::fuzz_one(&input(bits, 31, 0x85, q, &["Œuvre d’art", "", "é"]));
        }
    }
    // A saved index from anywhere.
    search_body::fuzz_one(&[0xC0, 1, 1]);
    search_body::fuzz_one(&[0xC0, 1, 1, b'F', b'K', b'S', 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);
}

#[test]
fn search_body_holds_on_random_inputs() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pieces = ["é", "œ", "’", "'", " ", "-", "x", "form", "ation", "s", "RNCP", "1", "\u{0}", "\u{FFFD}", "E\u{301}"];
    for _ in 0..3_000 {
        let mut q = String::new();
        for _ in 0..next() % 6 {
            q.push_str(pieces[(next() % pieces.len() as u64) as usize]);
        }
        let bits = (next() as u8) & 0x7F;
        let mut data = input(bits, next() as u8, next() as u8, &q, &[]);
        if next() % 4 == 0 {
            data.push(0xFF);
            for _ in 0..next() % 30 {
                data.push(next() as u8);
            }
        }
        search_body::fuzz_one(&data);
    }
    // Saved indexes: a real one, damaged at random.
    let docs = search_body::corpus();
    let bytes = formakit_search::CatalogIndex::build(&docs).to_bytes();
    for _ in 0..500 {
        let mut b = bytes.clone();
        for _ in 0..1 + next() % 4 {
            let at = (next() % b.len() as u64) as usize;
            b[at] = next() as u8;
        }
        let mut data = vec![0xC0, 10, 0];
        data.extend_from_slice(&b);
        search_body::fuzz_one(&data);
    }
}

/// Seeds `make fuzz`'s `search` corpus under `$FUZZ_CORPUS_ROOT/search/` (ignored unless asked for).
#[test]
#[ignore = "run by `make fuzz` with FUZZ_CORPUS_ROOT set"]
fn write_fuzz_corpus() {
    let Ok(root) = std::env::var("FUZZ_CORPUS_ROOT") else { return };
    let dir = std::path::Path::new(&root).join("search");
    std::fs::create_dir_all(&dir).unwrap();
    for (i, q) in QUERIES.iter().enumerate() {
        std::fs::write(dir.join(format!("query-{i}")), input(i as u8 & 0x7F, 10, 0, q, &[])).unwrap();
    }
    let mut saved = vec![0xC0, 10, 0];
    saved.extend_from_slice(&formakit_search::CatalogIndex::build(&search_body::corpus()).to_bytes());
    std::fs::write(dir.join("saved-index"), saved).unwrap();
}
