//! Fuzz target: see `src/dates_body.rs` (which the stable replay test also runs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../src/dates_body.rs"]
mod dates_body;

fuzz_target!(|data: &[u8]| dates_body::fuzz_one(data));
