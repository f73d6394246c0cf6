// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
//! `tests/fixtures/index.json` names the schema of each fixture. Every listed
//! fixture decodes and round-trips losslessly through its schema by name (the
//! path JavaScript takes), and every schema has at least one fixture.
mod common;

use std::collections::BTreeMap;

use formakit::schema;

fn index() -> BTreeMap<String, String> {
    serde_json::from_slice(&common::fixture("index.json")).expect("index.json")
}

#[test]
fn every_indexed_fixture_decodes_and_round_trips_by_schema_name() {
    for (file, name) in index() {
        let bytes = common::fixture(&file);
        let schema = schema::find(&name).unwrap_or_else(|e| panic!("{file}: {e}"));
        schema.check(&bytes).unwrap_or_else(|e| panic!("{file} as {name}: {e}"));
        let text = schema.normalize(&bytes).unwrap_or_else(|e| panic!("{file} as {name}: {e}"));
        let before: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let after: serde_json::Value = serde_json::from_str(&text).unwrap();
        common::assert_same_json(&before, &after, &file);
    }
}

#[test]
fn every_schema_has_a_fixture() {
    let covered: Vec<String> = index().into_values().collect();
    let missing: Vec<&str> = schema::names().filter(|n| !covered.iter().any(|c| c == n)).collect();
    assert!(missing.is_empty(), "schemas without a fixture in tests/fixtures/index.json: {missing:?}");
}

#[test]
fn readme_lists_every_schema() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let missing: Vec<&str> = schema::names().filter(|n| !readme.contains(&format!("`{n}`"))).collect();
    assert!(missing.is_empty(), "README.md does not list: {missing:?}");
}
