//! The core compiled to wasm32 and driven through the JS boundary, in Node
//! (`wasm-pack test --node`) and in headless Chromium
//! (`wasm-pack test --headless --chrome --features browser-tests`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use formakit::js;
use wasm_bindgen_test::*;

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

const CATALOGS: &[u8] = include_bytes!("fixtures/cegos/catalogs.json");

#[wasm_bindgen_test]
fn a_valid_document_checks_clean() {
    assert_eq!(js::check_bytes("cegos.catalogs", CATALOGS), None);
    assert_eq!(js::check_text("cegos.catalogs", std::str::from_utf8(CATALOGS).unwrap()), None);
}

#[wasm_bindgen_test]
fn decode_errors_cross_as_json_with_path_expected_found() {
    let err = js::check_text("cegos.catalogs", r#"{"data":[{"id":"x"}]}"#).expect("an error");
    let err: serde_json::Value = serde_json::from_str(&err).unwrap();
    assert_eq!(err["kind"], "decode");
    assert_eq!(err["path"], "data[0].id");
    assert_eq!(err["expected"], "an integer");
    assert_eq!(err["found"], "string \"x\"");
}

#[wasm_bindgen_test]
fn unknown_schema_is_a_schema_error() {
    let err: serde_json::Value = serde_json::from_str(&js::check_text("cegos.nope", "{}").unwrap()).unwrap();
    assert_eq!(err["kind"], "schema");
}

/// Deterministic garbage: truncations, byte flips and type swaps of a real document.
fn malformed_inputs() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut seed: u32 = 0x9e37_79b9;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    for i in 0..1000 {
        let mut doc = CATALOGS.to_vec();
        match i % 4 {
            0 => doc.truncate(next() as usize % doc.len()),
            1 => {
                let at = next() as usize % doc.len();
                doc[at] = (next() & 0xff) as u8;
            }
            2 => {
                let at = next() as usize % doc.len();
                doc.splice(at..at, b"\xff\xfe{[\"".iter().copied());
            }
            _ => {
                doc = format!("{{\"data\":[{}]}}", ["null", "1e999", "-0", "\"\\ud800\"", "[[[[[[[[", "{\"id\":18446744073709551616}"][next() as usize % 6])
                    .into_bytes()
            }
        }
        out.push(doc);
    }
    out
}

#[wasm_bindgen_test]
fn a_thousand_malformed_inputs_leave_the_module_usable() {
    let mut rejected = 0;
    for input in malformed_inputs() {
        if js::check_bytes("cegos.catalogs", &input).is_some() {
            rejected += 1;
        }
        let _ = js::validate_text("cegos.catalogs", &String::from_utf8_lossy(&input), "en");
    }
    assert!(rejected > 900, "only {rejected} of 1000 malformed inputs were rejected");
    // Still answers correctly afterwards.
    assert_eq!(js::check_bytes("cegos.catalogs", CATALOGS), None);
}

#[wasm_bindgen_test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(js::check_text("cegos.catalogs", &deep).is_some());
    assert_eq!(js::check_bytes("cegos.catalogs", CATALOGS), None);
}
