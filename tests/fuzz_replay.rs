// Host only: it reads fixtures from disk.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
//! The `schemas` fuzz target's body (`fuzz/src/schemas_body.rs`) on stable:
//! every fixture of `tests/fixtures/index.json` against its schema, then
//! thousands of deterministic mutations of them (byte flips, truncations,
//! deleted keys, swapped types, impossible dates, huge numbers, deep nesting),
//! each also against another schema. `make fuzz` runs the same body under
//! libFuzzer, seeded by `write_fuzz_corpus` below.
mod common;

#[path = "../fuzz/src/schemas_body.rs"]
mod schemas_body;

use std::collections::BTreeMap;

use serde_json::{json, Value};

/// Mutations per fixture.
const MUTATIONS: usize = 40;
/// Mutations of the two bench pages (hundreds of KB each: a debug build takes
/// about 0.1 s per run on them).
const MUTATIONS_OF_LARGE: usize = 2;

fn index() -> BTreeMap<String, String> {
    serde_json::from_slice(&common::fixture("index.json")).expect("index.json")
}

use common::Rng;

/// JSON pointers of every node of `v`, the root first.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                pointers(item, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        _ => {}
    }
}

/// A value of another JSON type than `v`, and now and then a hostile one of the same.
fn swapped(v: &Value, rng: &mut Rng) -> Value {
    let hostile = [
        json!(null),
        json!(""),
        json!("800.00"),
        json!("2025-13-45T00:00:00"),
        json!("0001-01-01T00:00:00"),
        json!("9999-12-31T23:59:59.9999999+14:00"),
        json!(true),
        json!(0),
        json!(-1),
        json!(3.5),
        json!(9_007_199_254_740_993_u64),
        json!(i64::MIN),
        json!(u64::MAX),
        json!(1e300),
        json!([]),
        json!({}),
        json!([null]),
        json!({"": null}),
    ];
    let other = match v {
        Value::Null => json!(0),
        Value::Bool(_) => json!("true"),
        Value::Number(_) => json!(v.to_string()),
        Value::String(s) => s.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map_or(json!(s.len()), Value::Number),
        Value::Array(items) => items.first().cloned().unwrap_or(json!({})),
        Value::Object(_) => json!([v.clone()]),
    };
    if rng.below(3) == 0 {
        hostile[rng.below(hostile.len())].clone()
    } else {
        other
    }
}

/// One deterministic mutation of `bytes` (whose parsed form is `doc`).
fn mutate(bytes: &[u8], doc: &Value, rng: &mut Rng) -> Vec<u8> {
    let mut paths = Vec::new();
    pointers(doc, String::new(), &mut paths);
    match rng.below(7) {
        // Byte flips: one to four bytes get a flipped bit or a JSON-ish byte.
        0 => {
            let mut out = bytes.to_vec();
            for _ in 0..=rng.below(4) {
                let i = rng.below(out.len());
                if let Some(b) = out.get_mut(i) {
                    *b = match rng.below(3) {
                        0 => *b ^ (1 << rng.below(8)),
                        1 => {
                            let jsonish = b"{}[]\",:0-e.\\ntf";
                            jsonish[rng.below(jsonish.len())]
                        }
                        _ => [0x00, 0x7f, 0x80, 0xc3, 0xe9, 0xff][rng.below(6)],
                    };
                }
            }
            out
        }
        // Truncation anywhere (inside a string, a number, a UTF-8 sequence).
        1 => bytes[..rng.below(bytes.len() + 1)].to_vec(),
        // Deletion of a key (required or not).
        2 => {
            let mut d = doc.clone();
            let objects: Vec<&String> = paths.iter().filter(|p| doc.pointer(p).is_some_and(Value::is_object)).collect();
            if let Some(Value::Object(map)) = objects.get(rng.below(objects.len())).and_then(|p| d.pointer_mut(p)) {
                let keys: Vec<String> = map.keys().cloned().collect();
                if let Some(k) = keys.get(rng.below(keys.len())) {
                    map.remove(k);
                }
            }
            serde_json::to_vec(&d).unwrap()
        }
        // Type swaps, one to three nodes.
        3 => {
            let mut d = doc.clone();
            for _ in 0..=rng.below(3) {
                let p = &paths[rng.below(paths.len())];
                if let Some(node) = d.pointer_mut(p) {
                    *node = swapped(node, rng);
                }
            }
            serde_json::to_vec(&d).unwrap()
        }
        // An array's items duplicated many times over (issue caps, dropped indexes).
        4 => {
            let mut d = doc.clone();
            let arrays: Vec<&String> = paths.iter().filter(|p| doc.pointer(p).is_some_and(Value::is_array)).collect();
            if let Some(Value::Array(items)) = arrays.get(rng.below(arrays.len())).and_then(|p| d.pointer_mut(p)) {
                if let Some(first) = items.first().cloned() {
                    let mut bad = first.clone();
                    if let Value::Object(m) = &mut bad {
                        let keys: Vec<String> = m.keys().cloned().collect();
                        for k in keys.iter().take(2) {
                            m.insert(k.clone(), json!([]));
                        }
                    }
                    // Past the issue cap when half are bad, but at most about 40 KB more.
                    let item_len = serde_json::to_vec(&first).map_or(1, |v| v.len().max(1));
                    let copies = (100 + rng.below(30)).min(40_000 / item_len).max(4);
                    for i in 0..copies {
                        items.push(if i % 2 == 0 { bad.clone() } else { first.clone() });
                    }
                }
            }
            serde_json::to_vec(&d).unwrap()
        }
        // Textual edits a serializer never makes: a number out of any range,
        // a duplicated key, a trailing comma, a BOM, trailing garbage.
        5 => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let edited = match rng.below(6) {
                0 => text.replacen(':', ":1e999999,\"x\":", 1),
                1 => text.replacen('{', "{\"a\":1,\"a\":2,", 1),
                2 => text.replacen('}', ",}", 1),
                3 => format!("\u{feff}{text}"),
                4 => format!("{text} {text}"),
                _ => text.replacen('"', "\"\\ud800", 1),
            };
            edited.into_bytes()
        }
        // Deep nesting, at the root or in place of a node.
        _ => {
            let depth = [64, 127, 128, 129, 1000, 100_000][rng.below(6)];
            let open = if rng.below(2) == 0 { "[" } else { "{\"a\":" };
            let close = if open == "[" { "]" } else { "}" };
            let deep = format!("{}{}{}", open.repeat(depth), "null", close.repeat(depth));
            if rng.below(2) == 0 {
                deep.into_bytes()
            } else {
                let text = String::from_utf8_lossy(bytes).into_owned();
                text.replacen(":", &format!(":{deep},\"zz\":"), 1).into_bytes()
            }
        }
    }
}

fn run(name: &str, input: &[u8], what: &str) {
    let selector = schemas_body::selector(name).unwrap_or_else(|| panic!("{what}: no schema {name}"));
    let mut data = vec![selector];
    data.extend_from_slice(input);
    let outcome = std::panic::catch_unwind(|| schemas_body::fuzz_one(&data));
    if outcome.is_err() {
        let shown = String::from_utf8_lossy(input);
        let cut: String = shown.chars().take(300).collect();
        panic!("{what} as {name} panicked; input ({} bytes): {cut}", input.len());
    }
}

#[test]
fn every_fixture_passes_the_fuzz_body() {
    for (file, name) in index() {
        run(&name, &common::fixture(&file), &file);
    }
}

#[test]
fn thousands_of_mutated_fixtures_pass_the_fuzz_body() {
    let names: Vec<&str> = formakit::schema::names().collect();
    let mut rng = Rng(0x5eed_f0f0_1234_5678);
    let mut runs = 0;
    for (file, name) in index() {
        let bytes = common::fixture(&file);
        let doc: Value = serde_json::from_slice(&bytes).unwrap();
        let count = if bytes.len() > 64 * 1024 { MUTATIONS_OF_LARGE } else { MUTATIONS };
        for m in 0..count {
            let input = mutate(&bytes, &doc, &mut rng);
            run(&name, &input, &format!("{file} mutation {m}"));
            let other = names[rng.below(names.len())];
            run(other, &input, &format!("{file} mutation {m}"));
            runs += 2;
        }
    }
    assert!(runs >= 2_000, "only {runs} runs");
}

#[test]
fn inputs_of_no_schema_pass_the_fuzz_body() {
    for input in [&b""[..], b" ", b"null", b"[]", b"{}", b"\xff\xfe", b"{\"data\":", b"[[[[", b"\"\\u0000\"", b"-", b"1e400", b"\xef\xbb\xbf{}"] {
        for name in formakit::schema::names() {
            run(name, input, "literal");
        }
    }
    // The first byte alone, every value: the selector wraps around.
    for b in 0..=255u8 {
        schemas_body::fuzz_one(&[b]);
        schemas_body::fuzz_one(&[b, b'{', b'}']);
    }
}

/// Found by `make fuzz` (first crash, 1,504 execs): a named field given twice.
/// serde's derive rejects it ("found field `cyclePeriodId` twice"); `safe_parse`
/// reads the JSON into a map, keeps the last value and accepts it, as
/// `JSON.parse` would. Ignored until the two agree (either way); then un-ignore.
#[test]
fn a_duplicate_documented_key_is_refused_by_check_and_kept_last_by_safe_parse() {
    // The decision, pinned: `check` / Rust `parse` refuse a documented field
    // sent twice (contradiction 3); `safe_parse`, like JSON.parse and the JS
    // checker, keeps the last one. The fuzz body runs on both all the same.
    let s = formakit::schema::find("lara.period").unwrap();
    let input = br#"{"cyclePeriodId":"p","cyclePeriodId":"q"}"#;
    assert_eq!(s.check(input).unwrap_err().expected, "each field once");
    let kept = s.safe_parse(input, formakit::Lang::En, false).unwrap();
    assert_eq!(kept.value["cyclePeriodId"], "q");
    run("lara.period", input, "duplicate key");
    run("cegos.sessionsPage", br#"{"pageNumber":1,"pageNumber":1,"pageSize":1,"totalItems":0,"totalPages":0,"data":[]}"#, "duplicate key");
}

/// Found by `make fuzz` (schemas): a field sent twice whose first copy is an
/// impossible date. serde stops at that copy before it sees the duplicate; the
/// checker keeps the last copy, as `JSON.parse` does (the documented exception).
#[test]
fn a_duplicated_field_with_a_bad_first_copy_is_the_documented_exception() {
    let doc = br#"{"data":[{"id":1,"label":"x","countryId":"1","countryLabel":"France","startDate":"2009-01-01T00:00:00","endDate":"0001-00:00Z","endDate":"2100-12-31T00:00:00"}]}"#;
    let schema = formakit::schema::find("cegos.catalogs").unwrap();
    assert!(schema.check(doc).is_err(), "serde refuses the bad first copy");
    assert!(schema.safe_parse(doc, formakit::Lang::En, false).is_ok(), "the checker keeps the last copy");
    assert!(schemas_body::has_duplicate_key(doc));
    assert!(!schemas_body::has_duplicate_key(br#"{"a":{"b":1},"c":[{"b":2},{"b":3}]}"#), "the same key in two objects is no duplicate");
    assert!(!schemas_body::has_duplicate_key(b"{\"a\":"), "not JSON");
    run("cegos.catalogs", doc, "duplicate with a bad first copy");
}

/// Seeds `make fuzz`'s corpus: each fixture of at most 16 KB (`FUZZ_MAX_LEN`)
/// behind the byte that selects its schema, written to `$FUZZ_CORPUS`
/// (ignored unless asked for).
#[test]
#[ignore = "run by `make fuzz` with FUZZ_CORPUS set"]
fn write_fuzz_corpus() {
    let Ok(dir) = std::env::var("FUZZ_CORPUS") else { return };
    std::fs::create_dir_all(&dir).unwrap();
    for (file, name) in index() {
        let bytes = common::fixture(&file);
        if bytes.len() > 16 * 1024 {
            continue;
        }
        let mut data = vec![schemas_body::selector(&name).unwrap()];
        data.extend_from_slice(&bytes);
        std::fs::write(format!("{dir}/{}", file.replace('/', "__")), data).unwrap();
    }
}
