// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
//! The bench documents (`node bench/data.mjs --write`): a hydrated 100-product
//! page and a 100-session page with parts. Both parse and round-trip losslessly,
//! so the bench times formakit on documents its models accept in full.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod common;

use formakit::cegos::*;
use formakit::wire::Nullable;

fn fx(name: &str) -> Vec<u8> {
    common::fixture(&format!("cegos/{name}"))
}

#[test]
fn bench_products_page_round_trips_hydrated() {
    let page: CegosProductsPage = common::assert_lossless(&fx("bench-products-page.json"));
    assert_eq!(page.data.len(), 100);
    assert!(page.data.iter().all(CegosProduct::is_hydrated));
    // The generator's variety reached the model: optional fields absent, null and set.
    assert!(page.data.iter().any(|p| p.rs_code == Nullable::Absent));
    assert!(page.data.iter().any(|p| p.rs_code == Nullable::Null));
    assert!(page.data.iter().any(|p| matches!(p.rs_code, Nullable::Value(_))));
}

#[test]
fn bench_sessions_page_round_trips_with_parts() {
    let page: CegosSessionsPage = common::assert_lossless(&fx("bench-sessions-page.json"));
    assert_eq!(page.data.len(), 100);
    assert!(page.data.iter().all(|s| s.parts.value().is_some_and(|p| !p.is_empty())));
    assert!(page.data.iter().any(|s| matches!(s.status, CegosSessionStatus::Unknown(_))));
    assert!(page.data.iter().any(|s| s.parts.value().unwrap().iter().any(|p| p.start_date == Nullable::Null)));
}
