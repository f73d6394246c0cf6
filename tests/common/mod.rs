//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;

use formakit::Model;
use serde_json::Value;

/// Bytes of `tests/fixtures/<rel>`.
pub fn fixture(rel: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Asserts that `input` parses as `T`, that serialize → parse is the identity,
/// and that no field or value of the input is lost or changed (numbers compare
/// by value: `3` and `3.0` are the same JSON number). Returns the model.
pub fn assert_lossless<T: Model + PartialEq + std::fmt::Debug>(input: &[u8]) -> T {
    let model: T = formakit::parse(input).unwrap_or_else(|e| panic!("{} does not parse: {e}", T::SCHEMA));
    let text = formakit::serialize(&model).unwrap();
    let again: T = formakit::parse(text.as_bytes()).unwrap();
    assert_eq!(model, again, "{}: parse → serialize → parse is not the identity", T::SCHEMA);
    let before: Value = serde_json::from_slice(input).unwrap();
    let after: Value = serde_json::from_str(&text).unwrap();
    assert_same_json(&before, &after, "");
    model
}

/// Structural JSON equality where numbers compare as f64 and object key order is ignored.
pub fn assert_same_json(a: &Value, b: &Value, path: &str) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => assert_eq!(x.as_f64(), y.as_f64(), "number changed at {path}"),
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let w = y.get(k).unwrap_or_else(|| panic!("field {path}.{k} was dropped"));
                assert_same_json(v, w, &format!("{path}.{k}"));
            }
            for k in y.keys() {
                assert!(x.contains_key(k), "field {path}.{k} was added");
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "array length changed at {path}");
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                assert_same_json(v, w, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(a, b, "value changed at {path}"),
    }
}

/// The decode error `input` gives as `T` (panics when it parses).
pub fn decode_error<T: Model + std::fmt::Debug>(input: &[u8]) -> formakit::DecodeError {
    match formakit::parse::<T>(input) {
        Ok(v) => panic!("expected a decode error, got {v:?}"),
        Err(formakit::Error::Decode(e)) => e,
        Err(e) => panic!("expected a decode error, got {e}"),
    }
}

/// xorshift64*: a deterministic generator for the tests' mutations, no dependency.
pub struct Rng(pub u64);

impl Rng {
    /// A stream of its own per `seed` (FNV-1a of it), whatever the thread.
    pub fn new(seed: &str) -> Self {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h | 1)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform-ish in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// Uniform-ish in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi - lo) as u64 + 1;
        lo + (self.next() % span) as i64
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}
