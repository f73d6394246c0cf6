//! Fuzz target over every schema: the first byte picks one of
//! `formakit::schema::all()`, the rest is the document (see `src/schemas_body.rs`,
//! which `tests/fuzz_replay.rs` also runs on stable).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../src/schemas_body.rs"]
mod schemas_body;

fuzz_target!(|data: &[u8]| schemas_body::fuzz_one(data));
