//! Fuzz target: the clients' response handling, see `src/client_body.rs`
//! (which the stable replay test also runs).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../src/client_body.rs"]
mod client_body;

fn requests() -> &'static client_body::Requests {
    static REQUESTS: OnceLock<client_body::Requests> = OnceLock::new();
    REQUESTS.get_or_init(|| client_body::requests(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")))
}

fuzz_target!(|data: &[u8]| client_body::fuzz_one(data, requests()));
