//! Fuzz target: see `src/campus_csv_body.rs` (which the stable replay test also runs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../src/campus_csv_body.rs"]
mod campus_csv_body;

fuzz_target!(|data: &[u8]| campus_csv_body::fuzz_one(data));
