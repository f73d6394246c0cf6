//! Fuzz target: see `src/search_body.rs` (which the stable replay test also runs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../src/search_body.rs"]
mod search_body;

fuzz_target!(|data: &[u8]| search_body::fuzz_one(data));
