// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod common;

use formakit::cegos::CegosCatalogsResponse;

#[test]
fn catalogs_example_from_the_document_round_trips() {
    let page: CegosCatalogsResponse = common::assert_lossless(&common::fixture("cegos/catalogs.json"));
    assert_eq!(page.data.len(), 3);
    assert_eq!(page.data[0].label, "Site Web 2025");
}

#[test]
fn unknown_fields_survive_a_round_trip() {
    let input = br#"{"data":[{"id":1,"label":"x","countryId":"1","countryLabel":"France","startDate":"2024-09-01T00:00:00","endDate":"2025-12-31T00:00:00","newField":{"a":[1,2]}}],"meta":true}"#;
    let page: CegosCatalogsResponse = common::assert_lossless(input);
    assert!(page.data[0].extra.0.contains_key("newField"));
}

#[test]
fn decode_errors_name_the_path_expected_and_found() {
    let e = common::decode_error::<CegosCatalogsResponse>(br#"{"data":[{"id":"x"}]}"#);
    assert_eq!(e.path, "data[0].id");
    assert_eq!(e.expected, "an integer");
    assert_eq!(e.found, "string \"x\"");
}
