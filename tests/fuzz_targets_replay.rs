// Host only: it reads fixtures from disk.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
//! The bodies of the `dates`, `campus_csv` and `client` fuzz targets
//! (`fuzz/src/*_body.rs`) on stable, in `make test`: their seed inputs, then
//! thousands of deterministic random inputs each. `make fuzz` runs the same
//! bodies under libFuzzer, seeded by `write_fuzz_corpora` below. (The
//! `schemas` body has `tests/fuzz_replay.rs`, the `search` body
//! `search/tests/fuzz_replay.rs`.)
mod common;

#[path = "../fuzz/src/dates_body.rs"]
mod dates_body;

#[cfg(feature = "campus-csv")]
#[path = "../fuzz/src/campus_csv_body.rs"]
mod campus_csv_body;

#[cfg(feature = "client")]
#[path = "../fuzz/src/client_body.rs"]
mod client_body;

use std::path::{Path, PathBuf};

use common::Rng;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

// ------------------------------------------------------------------ dates

const DATE_TEXTS: &[&str] = &[
    "",
    "2025-02-28",
    "2024-02-29T23:59:59.123456789+14:00",
    "2025-02-29T00:00:00",
    "2025-13-45T00:00:00",
    "0000-01-01",
    "0001-01-01T00:00:00",
    "9999-12-31T23:59:59.9999999999Z",
    "2025-06-01T24:00:00",
    "2025-06-01T12:00:60",
    "2025-06-01t12:00-0230",
    "2025-06-01 12:00+05",
    "2025-06-01T12:00:00.",
    "2025-06-01T12:00:00+24:00",
    "31/12/2024",
    "29/02/2023",
    "00/00/0000",
    "2025-06-01é",
    "２０２５-06-01",
];

const DATE_NUMBERS: &[i64] = &[0, 1, -1, 12, -12, 240_000, -240_000, 2_932_896, -719_162, 3_652_059, i64::MAX, i64::MIN, i64::MAX / 12, i64::MIN / 12 - 1];

fn date_input(n: i64, text: &str) -> Vec<u8> {
    let mut data = n.to_le_bytes().to_vec();
    data.extend_from_slice(text.as_bytes());
    data
}

#[test]
fn dates_body_holds_on_its_seeds() {
    for text in DATE_TEXTS {
        for n in DATE_NUMBERS {
            dates_body::fuzz_one(&date_input(*n, text));
        }
    }
    // Shorter than the i64: all text.
    dates_body::fuzz_one(b"2025");
    dates_body::fuzz_one(b"");
}

#[test]
fn dates_body_holds_on_random_inputs() {
    let mut rng = Rng::new("fuzz-dates");
    let alphabet = b"0123456789-:T.Z+/ ,tz";
    for _ in 0..20_000 {
        let base = DATE_TEXTS[rng.below(DATE_TEXTS.len())].as_bytes().to_vec();
        let mut text = base;
        for _ in 0..rng.below(4) {
            let at = rng.below(text.len() + 1);
            match rng.below(3) {
                0 => text.insert(at, alphabet[rng.below(alphabet.len())]),
                1 if at < text.len() => {
                    text.remove(at);
                }
                _ if at < text.len() => text[at] = alphabet[rng.below(alphabet.len())],
                _ => {}
            }
        }
        let n = if rng.below(2) == 0 { DATE_NUMBERS[rng.below(DATE_NUMBERS.len())] } else { rng.next() as i64 >> rng.below(64) };
        let mut data = n.to_le_bytes().to_vec();
        data.extend_from_slice(&text);
        dates_body::fuzz_one(&data);
    }
}

// ------------------------------------------------------------------ spreadsheets

#[cfg(feature = "campus-csv")]
fn csv_seeds() -> Vec<(String, Vec<u8>)> {
    let dir = fixtures().join("campus_skills/csv");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out.push(("quotes".into(), b"\"a\"\"b\";\"\nc\";\r\n\"".to_vec()));
    out.push(("utf16-odd".into(), vec![0xFF, 0xFE, 0x41]));
    out.push(("bom-only".into(), vec![0xEF, 0xBB, 0xBF]));
    out
}

#[cfg(feature = "campus-csv")]
#[test]
fn campus_csv_body_holds_on_every_fixture_with_every_option() {
    for (name, bytes) in csv_seeds() {
        for bits in [0u8, 1, 2, 3, 4, 9, 18, 0x23, 0x44, 0x61, 0x85, 0xFF] {
            let mut data = vec![bits, 0xC3];
            data.extend_from_slice(&bytes);
            let r = std::panic::catch_unwind(|| campus_csv_body::fuzz_one(&data));
            assert!(r.is_ok(), "{name} with option bits {bits:#04x}");
        }
    }
}

#[cfg(feature = "campus-csv")]
#[test]
fn campus_csv_body_holds_on_mutated_fixtures() {
    let seeds = csv_seeds();
    let mut rng = Rng::new("fuzz-campus-csv");
    let bytes = b";,\t|\"\r\n/-.0123456789a\xC3\xA9\xE9\xFF\x00 ";
    for _ in 0..600 {
        let (_, seed) = &seeds[rng.below(seeds.len())];
        let mut data = vec![rng.next() as u8, rng.next() as u8];
        let mut file = seed.clone();
        if file.len() > 4096 {
            file.truncate(4096);
        }
        for _ in 0..1 + rng.below(8) {
            let at = rng.below(file.len() + 1);
            match rng.below(4) {
                0 => file.insert(at, bytes[rng.below(bytes.len())]),
                1 if at < file.len() => {
                    file.remove(at);
                }
                2 => file.truncate(at),
                _ if at < file.len() => file[at] = bytes[rng.below(bytes.len())],
                _ => {}
            }
        }
        data.extend_from_slice(&file);
        campus_csv_body::fuzz_one(&data);
    }
}

// ------------------------------------------------------------------ the clients' answers

#[cfg(feature = "client")]
fn answer(status: u16, headers: &[(u8, &str)], kind: u8, body: &[u8]) -> Vec<u8> {
    let mut out = status.to_le_bytes().to_vec();
    out.push(headers.len() as u8);
    for (name, value) in headers {
        out.push(*name);
        out.push(value.len() as u8);
        out.extend_from_slice(value.as_bytes());
    }
    out.push(kind);
    out.extend_from_slice(&(body.len() as u16).to_le_bytes());
    out.extend_from_slice(body);
    out
}

/// Seeds per endpoint: its fixture answer, then the faults the sandbox injects.
#[cfg(feature = "client")]
fn client_seeds() -> Vec<Vec<u8>> {
    use std::collections::BTreeMap;
    let index: BTreeMap<String, String> = serde_json::from_slice(&common::fixture("index.json")).unwrap();
    let mut by_schema: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (file, schema) in index {
        let bytes = common::fixture(&file);
        if bytes.len() < 60_000 {
            by_schema.entry(schema).or_insert(bytes);
        }
    }
    let mut out = Vec::new();
    for (i, endpoint) in formakit::endpoints::endpoints().enumerate() {
        let ok = by_schema.get(endpoint.response).cloned().unwrap_or_else(|| b"{}".to_vec());
        let error = endpoint.error.and_then(|e| by_schema.get(e)).cloned().unwrap_or_else(|| br#"{"code":1001,"message":"x"}"#.to_vec());
        let scripts: Vec<Vec<u8>> = vec![
            answer(200, &[(2, "application/json")], 3, &ok),
            [answer(429, &[(0, "1")], 3, b""), answer(200, &[], 3, &ok)].concat(),
            [answer(503, &[], 3, b"<html>"), answer(502, &[], 2, b""), answer(200, &[], 3, &ok)].concat(),
            [answer(401, &[(3, "Bearer")], 3, b""), answer(200, &[], 3, &ok)].concat(),
            answer(400, &[], 3, &error),
            answer(200, &[], 3, &ok[..ok.len() / 2]),
            [answer(0, &[], 0, b""), answer(0, &[], 1, b"reset")].concat(),
            answer(200, &[(1, "Wed, 21 Oct 2015 07:28:00 GMT")], 3, b"{\"data\":[],\"totalPages\":18446744073709551615}"),
        ];
        for (j, script) in scripts.into_iter().enumerate() {
            let mut data = vec![i as u8, (j as u8) | 8];
            data.extend_from_slice(&u64::MAX.to_le_bytes());
            data.extend_from_slice(&script);
            out.push(data);
        }
    }
    out
}

#[cfg(feature = "client")]
#[test]
fn client_body_holds_on_every_endpoint_and_fault() {
    let requests = client_body::requests(&fixtures());
    for data in client_seeds() {
        client_body::fuzz_one(&data, &requests);
    }
}

#[cfg(feature = "client")]
#[test]
fn client_body_holds_on_random_answers() {
    let requests = client_body::requests(&fixtures());
    let seeds = client_seeds();
    let mut rng = Rng::new("fuzz-client");
    for _ in 0..3_000 {
        let mut data = seeds[rng.below(seeds.len())].clone();
        for _ in 0..1 + rng.below(6) {
            let at = rng.below(data.len());
            data[at] = rng.next() as u8;
        }
        if rng.below(4) == 0 {
            let at = 10 + rng.below(data.len().saturating_sub(10) + 1);
            data.truncate(at);
        }
        client_body::fuzz_one(&data, &requests);
    }
}

/// Seeds `make fuzz`'s corpora of these three targets under `$FUZZ_CORPUS_ROOT/<target>/`
/// (ignored unless asked for).
#[test]
#[ignore = "run by `make fuzz` with FUZZ_CORPUS_ROOT set"]
fn write_fuzz_corpora() {
    let Ok(root) = std::env::var("FUZZ_CORPUS_ROOT") else { return };
    let write = |target: &str, name: String, data: &[u8]| {
        let dir = Path::new(&root).join(target);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), data).unwrap();
    };
    for (i, text) in DATE_TEXTS.iter().enumerate() {
        write("dates", format!("seed-{i}"), &date_input(DATE_NUMBERS[i % DATE_NUMBERS.len()], text));
    }
    #[cfg(feature = "campus-csv")]
    for (name, bytes) in csv_seeds() {
        if bytes.len() <= 16 * 1024 {
            let mut data = vec![0, 0xC3];
            data.extend_from_slice(&bytes);
            write("campus_csv", name, &data);
        }
    }
    #[cfg(feature = "client")]
    for (i, data) in client_seeds().into_iter().enumerate() {
        if data.len() <= 16 * 1024 {
            write("client", format!("seed-{i}"), &data);
        }
    }
}
