//! The body of the `schemas` fuzz target, shared by `fuzz/fuzz_targets/schemas.rs`
//! (libFuzzer, nightly) and `tests/fuzz_replay.rs` (stable, in `make test`),
//! which both include this file with `#[path]`.
//!
//! Input: the first byte picks a schema (its index in `formakit::schema::all()`,
//! modulo their number), the rest is the document. Each entry point runs on it:
//! `check` (serde), `safe_parse` (the structural checker, with and without
//! `drop_invalid_items` where the schema has items) and `validate`, in French
//! and English. A finding is a panic (an overflow too: the fuzz profile keeps
//! overflow checks), or an entry point breaking what the design promises.

use formakit::{schema, Lang, Schema};

/// At most this many issues in one report (core-v2: `maxIssues`); `validate`
/// may add the rules' issues and those of dropped items to it.
const MAX_ISSUES: usize = 100;

/// The schema the first byte picks, and the document.
pub fn split(data: &[u8]) -> Option<(&'static Schema, &[u8])> {
    let (first, input) = data.split_first()?;
    let count = schema::all().count();
    if count == 0 {
        return None;
    }
    let schema = schema::all().nth(usize::from(*first) % count)?;
    Some((schema, input))
}

/// The byte that picks `name` (for building inputs); `None` for an unknown
/// name or past the 256th schema. (The replay test's; the fuzz target never calls it.)
#[allow(dead_code)]
pub fn selector(name: &str) -> Option<u8> {
    schema::all().position(|s| s.name == name).and_then(|i| u8::try_from(i).ok())
}

/// Runs every entry point of `schema` on `input`; panics on a finding.
pub fn run(schema: &Schema, input: &[u8]) {
    // serde's decode is the reference the structural checker must agree with,
    // but for one documented exception: a documented field sent twice is
    // refused by serde (contradiction 3) and kept last by safe_parse, as
    // JSON.parse keeps it (README, "Every issue, not the first").
    let checked = schema.check(input);
    // serde may stop at a bad first copy of a duplicated field before it sees the second
    // (found by this target: `"endDate": "0001-00:00Z", "endDate": "2100-12-31T00:00:00"`),
    // so the exception is any document with a key twice in one object.
    let duplicate = matches!(&checked, Err(e) if e.expected == "each field once") || has_duplicate_key(input);
    let decodes = checked.is_ok();
    for lang in [Lang::Fr, Lang::En] {
        let whole = schema.safe_parse(input, lang, false);
        assert!(duplicate || whole.is_ok() == decodes, "{}: safe_parse and check disagree", schema.name);
        if let Err(report) = &whole {
            assert!(!report.issues.is_empty(), "{}: safe_parse failed without an issue", schema.name);
            assert!(report.issues.len() <= MAX_ISSUES, "{}: {} issues, over the cap", schema.name, report.issues.len());
        }
        if schema.items.is_some() {
            let dropping = schema.safe_parse(input, lang, true);
            if whole.is_ok() {
                assert!(dropping.as_ref().is_ok_and(|c| c.dropped.is_empty()), "{}: a clean document lost items to dropInvalidItems", schema.name);
            }
        }
        let issues = schema.validate(input, lang);
        if whole.is_err() {
            assert!(issues.iter().any(|i| i.rule.starts_with("shape.")), "{}: validate lists no shape issue for a wrong shape", schema.name);
        }
    }
}

/// True when some object of `input` (JSON) has a key twice; false for JSON
/// without one and for what is not JSON.
pub fn has_duplicate_key(input: &[u8]) -> bool {
    use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::cell::Cell;
    struct Scan<'a>(&'a Cell<bool>);
    impl<'de> DeserializeSeed<'de> for Scan<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Scan<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element_seed(Scan(self.0))?.is_some() {}
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut keys = std::collections::BTreeSet::new();
            while let Some(k) = map.next_key::<String>()? {
                if !keys.insert(k) {
                    self.0.set(true);
                }
                map.next_value_seed(Scan(self.0))?;
            }
            Ok(())
        }
    }
    let found = Cell::new(false);
    let mut de = serde_json::Deserializer::from_slice(input);
    let _ = Scan(&found).deserialize(&mut de);
    found.get()
}

/// One fuzz input: [`split`], then [`run`].
pub fn fuzz_one(data: &[u8]) {
    if let Some((schema, input)) = split(data) {
        run(schema, input);
    }
}
