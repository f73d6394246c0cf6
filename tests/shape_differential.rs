// Host only: it reads fixtures from disk.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
//! The structural checker (`src/check.rs`, reading the `#[model]` shape
//! descriptors) against serde's decode, the reference.
//!
//! Every fixture of `tests/fixtures/index.json`, then thousands of
//! deterministic, shape-aware mutations of each: a field deleted at any depth,
//! a value set to null, swapped for another JSON type, a number sent as a
//! string, fractional, integral-float and huge numbers where integers are,
//! impossible dates and valid dates in other forms where dates are, unknown
//! values where enums are closed, unknown fields added, documented but absent
//! fields added with any value, values replaced by `[]` / `{}`. For each input,
//! `check_value(...).is_clean()` and `Schema::safe_parse` must say yes exactly
//! when `Schema::check` (serde) does.
//!
//! Known, documented exception, not generated here: a documented field sent
//! twice. serde refuses it (`duplicate field`), while the checker, reading
//! what `JSON.parse` reads, keeps the last one; `Schema::validate` reports the
//! refusal as an issue. The mutations are built as `serde_json::Value`s and
//! written back, so no object ever holds a key twice.
//!
//! Then the promises of `safe_parse` and `validate`: every issue (not the
//! first), the issue cap, `drop_invalid_items` keeping the input's indexes,
//! messages in French and English, 1-based positions on malformed JSON.
mod common;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use formakit::check::{self, MAX_ISSUES};
use formakit::shape::Shape;
use formakit::{schema, Lang, Schema};
use serde_json::{json, Value};

fn index() -> BTreeMap<String, String> {
    serde_json::from_slice(&common::fixture("index.json")).expect("index.json")
}

use common::Rng;

/// What the schema expects at one place of the document.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Slot {
    Integer,
    Number,
    Date,
    Enum(&'static [&'static str]),
    String,
    Other,
}

/// One object the schema reads as a model, and the documented fields it lacks.
struct ModelAt {
    pointer: String,
    absent: Vec<&'static str>,
}

/// Every node of the document, the leaf slots the shape gives them, and the model objects.
#[derive(Default)]
struct Map {
    nodes: Vec<String>,
    slots: Vec<(String, Slot)>,
    models: Vec<ModelAt>,
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Walks `value` along `shape` (a `OneOf` along its first matching alternative).
fn walk(shape: &Shape, value: &Value, at: &str, map: &mut Map) {
    map.nodes.push(at.to_string());
    walk_shape(shape, value, at, map);
}

fn walk_shape(shape: &Shape, value: &Value, at: &str, map: &mut Map) {
    match (shape, value) {
        (Shape::Nullable(_), Value::Null) => {}
        (Shape::Nullable(inner), v) => walk_shape(inner, v, at, map),
        (Shape::OneOf(alternatives), v) => {
            if let Some(a) = alternatives.iter().find(|a| check::matches(a, v)) {
                walk_shape(a, v, at, map);
            }
        }
        (Shape::Array(inner), Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                walk(inner, item, &format!("{at}/{i}"), map);
            }
        }
        (Shape::Map(inner), Value::Object(m)) => {
            for (k, item) in m {
                walk(inner, item, &format!("{at}/{}", escape(k)), map);
            }
        }
        (Shape::Model(m), Value::Object(obj)) => {
            let model = m();
            map.models.push(ModelAt { pointer: at.to_string(), absent: model.fields.iter().filter(|f| !obj.contains_key(f.name)).map(|f| f.name).collect() });
            for f in model.fields {
                if let Some(item) = obj.get(f.name) {
                    walk(&f.shape, item, &format!("{at}/{}", escape(f.name)), map);
                }
            }
            // Unknown keys are kept as they are: still nodes a mutation may hit.
            for (k, item) in obj {
                if !model.fields.iter().any(|f| f.name == k) {
                    any_nodes(item, &format!("{at}/{}", escape(k)), map);
                }
            }
        }
        (Shape::Any, v) => {
            map.slots.push((at.to_string(), Slot::Other));
            if let Value::Array(_) | Value::Object(_) = v {
                let len = map.nodes.len();
                any_nodes(v, at, map);
                // `at` itself is already listed.
                map.nodes.remove(len);
            }
        }
        (Shape::Integer, _) => map.slots.push((at.to_string(), Slot::Integer)),
        (Shape::Number, _) => map.slots.push((at.to_string(), Slot::Number)),
        (Shape::Date, _) => map.slots.push((at.to_string(), Slot::Date)),
        (Shape::Enum(values), _) => map.slots.push((at.to_string(), Slot::Enum(values))),
        (Shape::String, _) => map.slots.push((at.to_string(), Slot::String)),
        _ => map.slots.push((at.to_string(), Slot::Other)),
    }
}

/// Nodes the schema does not describe (under `Any` or unknown keys).
fn any_nodes(v: &Value, at: &str, map: &mut Map) {
    map.nodes.push(at.to_string());
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                any_nodes(item, &format!("{at}/{i}"), map);
            }
        }
        Value::Object(m) => {
            for (k, item) in m {
                any_nodes(item, &format!("{at}/{}", escape(k)), map);
            }
        }
        _ => {}
    }
}

const STRINGS_FOR_NUMBERS: &[&str] = &["800.00", "0", "3", "-1", "1e3", "", " 12", "NaN"];
const FRACTIONAL: &[f64] = &[1.5, -0.5, 0.1, 2.000_000_1, 1e-7];
const INTEGRAL_FLOATS: &[f64] = &[3.0, 0.0, -0.0, -7.0, 1e15, 9_007_199_254_740_991.0];
/// Huge or boundary numbers as JSON text (written into the document as parsed numbers).
const HUGE: &[&str] = &[
    "1e20",
    "-1e20",
    "9007199254740993",
    "-9007199254740993",
    "9007199254740992",
    "9007199254740991",
    "-9007199254740991",
    "18446744073709551615",
    "-9223372036854775808",
    "1e300",
    "9007199254740992.0",
    "4294967296",
    "2147483648",
    "-2147483649",
    "256",
    "-1",
];
const IMPOSSIBLE_DATES: &[&str] = &[
    "2025-13-45T00:00:00",
    "31/12/2024",
    "2024-02-30T10:00:00",
    "2023-02-29T00:00:00",
    "2024-06-01T24:00:01",
    "2024-06-01T10:60:00",
    "2024-06-01 10:00:00x",
    "not a date",
    "0000-01-01T00:00:00",
    "2024-06-01T10:00:00+25:00",
    "2024-6-1T10:00:00",
    "2024-06-01T10:00:00.",
];
const OTHER_DATE_FORMS: &[&str] = &[
    "2024-06-01T10:00:00+02:00",
    "2024-06-01T10:00:00-05:30",
    "2024-06-01T10:00:00Z",
    "2024-06-01T10:00:00.1234567",
    "2024-06-01T10:00:00.5Z",
    "2024-06-01T10:00:00.123456789+01:00",
    "0001-01-01T00:00:00",
    "",
    "2024-02-29T23:59:59",
    "9999-12-31T23:59:59",
    "2024-06-01",
    "2024-06-01T10:00",
];
const UNKNOWN_KEYS: &[&str] = &["zzUnknown", "__proto__", "constructor", "", "a b", "Data", "ID", "extra", "x\"y", "é"];

/// A value of every JSON type, now and then hostile.
fn any_value(rng: &mut Rng) -> Value {
    let pool = [
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(3.0),
        json!(9_007_199_254_740_993_u64),
        json!(""),
        json!("800.00"),
        json!("2025-13-45T00:00:00"),
        json!("2024-06-01T10:00:00"),
        json!("APPRENTICESHIP"),
        json!([]),
        json!({}),
        json!([1, "a", null]),
        json!({"id": 1}),
    ];
    pool[rng.below(pool.len())].clone()
}

/// A value of another JSON type than `v`.
fn other_type(v: &Value, rng: &mut Rng) -> Value {
    let choices: Vec<Value> = match v {
        Value::Null => vec![json!(0), json!(""), json!(false), json!([]), json!({})],
        Value::Bool(b) => vec![json!(b.to_string()), json!(u8::from(*b)), json!(null), json!([*b])],
        Value::Number(n) => vec![json!(n.to_string()), json!(n.as_f64().is_some_and(|f| f != 0.0)), json!([v.clone()]), json!({"value": v.clone()})],
        Value::String(s) => vec![
            s.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map_or(json!(s.len()), Value::Number),
            json!(!s.is_empty()),
            json!([s.clone()]),
            json!({"value": s.clone()}),
        ],
        Value::Array(items) => vec![items.first().cloned().unwrap_or(json!({})), json!(items.len()), json!("[]"), json!({})],
        Value::Object(_) => vec![json!([v.clone()]), json!("{}"), json!(1), json!(true)],
    };
    choices[rng.below(choices.len())].clone()
}

fn number(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn float(f: f64) -> Value {
    Value::Number(serde_json::Number::from_f64(f).unwrap())
}

/// Mutation kinds, for the counts.
const KINDS: &[&str] = &[
    "delete field",
    "null",
    "other type",
    "number as string",
    "fractional",
    "integral float",
    "huge number",
    "impossible date",
    "other date form",
    "unknown enum value",
    "unknown field",
    "absent field added",
    "empty array/object",
];

/// One mutation of `doc` (whose map is `map`): the kind, the pointer hit and the new value (or "deleted").
fn mutate_once(doc: &mut Value, map: &Map, rng: &mut Rng) -> (usize, String, String) {
    let slots_of = |want: &dyn Fn(Slot) -> bool| -> Vec<&(String, Slot)> { map.slots.iter().filter(|(_, s)| want(*s)).collect() };
    // Shape-directed kinds fall back to any node when the document has no such slot.
    let kind = rng.below(KINDS.len());
    let non_root: Vec<&String> = map.nodes.iter().filter(|p| !p.is_empty()).collect();
    let any_node = |rng: &mut Rng| -> String { rng.pick(&non_root).map_or_else(String::new, |p| (*p).clone()) };
    let set = |doc: &mut Value, p: &str, v: Value| -> String {
        let shown = v.to_string();
        if let Some(node) = doc.pointer_mut(p) {
            *node = v;
        }
        shown
    };
    let numeric = |s: Slot| matches!(s, Slot::Integer | Slot::Number);
    let integer = |s: Slot| s == Slot::Integer;
    let date = |s: Slot| s == Slot::Date;
    let target = |rng: &mut Rng, want: &dyn Fn(Slot) -> bool| -> String {
        let slots = slots_of(want);
        // Mostly where the shape says, sometimes anywhere.
        if slots.is_empty() || rng.below(8) == 0 {
            any_node(rng)
        } else {
            slots[rng.below(slots.len())].0.clone()
        }
    };
    match kind {
        0 => {
            let objects: Vec<&String> = map.nodes.iter().filter(|p| doc.pointer(p).is_some_and(Value::is_object)).collect();
            let Some(p) = rng.pick(&objects).map(|p| (*p).clone()) else { return (kind, String::new(), "nothing".into()) };
            if let Some(Value::Object(m)) = doc.pointer_mut(&p) {
                let keys: Vec<String> = m.keys().cloned().collect();
                if let Some(k) = rng.pick(&keys) {
                    m.remove(k);
                    return (kind, format!("{p}/{}", escape(k)), "deleted".into());
                }
            }
            (kind, p, "nothing".into())
        }
        1 => {
            let p = any_node(rng);
            let shown = set(doc, &p, Value::Null);
            (kind, p, shown)
        }
        2 => {
            let p = any_node(rng);
            let v = doc.pointer(&p).map_or(Value::Null, |v| other_type(v, rng));
            let shown = set(doc, &p, v);
            (kind, p, shown)
        }
        3 => {
            let p = target(rng, &numeric);
            let v = match doc.pointer(&p) {
                Some(Value::Number(n)) if rng.below(2) == 0 => json!(n.to_string()),
                _ => json!(STRINGS_FOR_NUMBERS[rng.below(STRINGS_FOR_NUMBERS.len())]),
            };
            let shown = set(doc, &p, v);
            (kind, p, shown)
        }
        4 => {
            let p = target(rng, &numeric);
            let shown = set(doc, &p, float(FRACTIONAL[rng.below(FRACTIONAL.len())]));
            (kind, p, shown)
        }
        5 => {
            let p = target(rng, &integer);
            let shown = set(doc, &p, float(INTEGRAL_FLOATS[rng.below(INTEGRAL_FLOATS.len())]));
            (kind, p, shown)
        }
        6 => {
            let p = target(rng, &integer);
            let shown = set(doc, &p, number(HUGE[rng.below(HUGE.len())]));
            (kind, p, shown)
        }
        7 => {
            let p = target(rng, &date);
            let shown = set(doc, &p, json!(IMPOSSIBLE_DATES[rng.below(IMPOSSIBLE_DATES.len())]));
            (kind, p, shown)
        }
        8 => {
            let p = target(rng, &date);
            let shown = set(doc, &p, json!(OTHER_DATE_FORMS[rng.below(OTHER_DATE_FORMS.len())]));
            (kind, p, shown)
        }
        9 => {
            let enums = slots_of(&|s| matches!(s, Slot::Enum(_)));
            let (p, values) = match rng.pick(&enums) {
                Some((p, Slot::Enum(values))) => (p.clone(), *values),
                _ => (any_node(rng), &[][..]),
            };
            let first = values.first().copied().unwrap_or("A");
            let v = match rng.below(6) {
                0 => json!("NOPE"),
                1 => json!(first.to_lowercase()),
                2 => json!(format!("{first} ")),
                3 => json!(""),
                4 => json!(values.len()),
                _ => values.get(rng.below(values.len().max(1))).map_or(json!("Z"), |v| json!(v)),
            };
            let shown = set(doc, &p, v);
            (kind, p, shown)
        }
        10 => {
            let objects: Vec<&String> = map.nodes.iter().filter(|p| doc.pointer(p).is_some_and(Value::is_object)).collect();
            let Some(p) = rng.pick(&objects).map(|p| (*p).clone()) else { return (kind, String::new(), "nothing".into()) };
            let key = UNKNOWN_KEYS[rng.below(UNKNOWN_KEYS.len())];
            let v = any_value(rng);
            let shown = v.to_string();
            if let Some(Value::Object(m)) = doc.pointer_mut(&p) {
                // Never a key the object already holds (no duplicate keys, see the top of the file).
                if !m.contains_key(key) {
                    m.insert(key.to_string(), v);
                }
            }
            (kind, format!("{p}/{}", escape(key)), shown)
        }
        11 => {
            let with_absent: Vec<&ModelAt> = map.models.iter().filter(|m| !m.absent.is_empty()).collect();
            let Some(m) = rng.pick(&with_absent) else {
                let p = any_node(rng);
                let shown = set(doc, &p, any_value(rng));
                return (kind, p, shown);
            };
            let field = m.absent[rng.below(m.absent.len())];
            let v = any_value(rng);
            let shown = v.to_string();
            if let Some(Value::Object(obj)) = doc.pointer_mut(&m.pointer) {
                obj.insert(field.to_string(), v);
            }
            (kind, format!("{}/{}", m.pointer, escape(field)), shown)
        }
        _ => {
            let p = if rng.below(10) == 0 { String::new() } else { any_node(rng) };
            let v = if rng.below(2) == 0 { json!([]) } else { json!({}) };
            let shown = set(doc, &p, v);
            (kind, p, shown)
        }
    }
}

/// Documents bigger than this get fewer mutations of the whole, and the rest on a copy cut to a few items.
const LARGE: usize = 32 * 1024;

/// `doc` with every array cut to its first `keep` items.
fn cut_arrays(v: &Value, keep: usize) -> Value {
    match v {
        Value::Array(items) => Value::Array(items.iter().take(keep).map(|i| cut_arrays(i, keep)).collect()),
        Value::Object(m) => Value::Object(m.iter().map(|(k, i)| (k.clone(), cut_arrays(i, keep))).collect()),
        other => other.clone(),
    }
}

/// Mutations per fixture, by size: the tiny query and request bodies get the most.
fn mutations_for(len: usize) -> usize {
    (600_000 / len.max(1)).clamp(250, 1_000)
}

#[derive(Default)]
struct Counts {
    inputs: AtomicUsize,
    accepted: AtomicUsize,
    rejected: AtomicUsize,
    by_kind: Vec<(AtomicUsize, AtomicUsize)>,
}

/// One input against its schema: serde, the checker and safe_parse must agree.
fn differ(schema: &Schema, bytes: &[u8], what: &dyn Fn() -> String, counts: &Counts, kinds: &[usize], failures: &Mutex<Vec<String>>) {
    let serde = schema.check(bytes);
    let value: Value = serde_json::from_slice(bytes).unwrap();
    let report = check::check_value(&schema.shape, &value, Lang::En);
    let safe = schema.safe_parse(bytes, Lang::En, false);
    counts.inputs.fetch_add(1, Ordering::Relaxed);
    let ok = serde.is_ok();
    if ok {
        counts.accepted.fetch_add(1, Ordering::Relaxed);
    } else {
        counts.rejected.fetch_add(1, Ordering::Relaxed);
    }
    for k in kinds {
        let (a, r) = &counts.by_kind[*k];
        if ok { a } else { r }.fetch_add(1, Ordering::Relaxed);
    }
    if report.is_clean() != ok || safe.is_ok() != ok {
        let issues: Vec<String> = report.issues.iter().take(3).map(|i| format!("{} {}: {}", i.rule, i.path, i.message)).collect();
        let serde_said = match &serde {
            Ok(()) => "accepts".to_string(),
            Err(e) => format!("refuses: {e}"),
        };
        let mut f = failures.lock().unwrap();
        if f.len() < 20 {
            f.push(format!(
                "{}: {}\n  serde {serde_said}\n  checker {} {issues:?}\n  safe_parse ok={}",
                schema.name,
                what(),
                if report.is_clean() { "accepts" } else { "refuses" },
                safe.is_ok()
            ));
        }
    }
}

#[test]
fn checker_and_safe_parse_accept_exactly_what_serde_decodes() {
    let started = std::time::Instant::now();
    let fixtures: Vec<(String, String)> = index().into_iter().collect();
    let counts = Counts { by_kind: KINDS.iter().map(|_| Default::default()).collect(), ..Default::default() };
    let failures = Mutex::new(Vec::new());
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(8);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while let Some((file, name)) = fixtures.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let schema = schema::find(name).unwrap();
                    let bytes = common::fixture(file);
                    // The fixture itself: both accept.
                    differ(schema, &bytes, &|| format!("{file} as is"), &counts, &[], &failures);
                    assert!(schema.check(&bytes).is_ok(), "{file} does not decode as {name}");
                    let full: Value = serde_json::from_slice(&bytes).unwrap();
                    let mut rng = Rng::new(file);
                    // Large pages: a few mutations of the whole, the rest on a copy cut to 3 items per array.
                    let (bases, plan) = if bytes.len() > LARGE {
                        let cut = cut_arrays(&full, 3);
                        let cut_len = serde_json::to_vec(&cut).unwrap().len();
                        (vec![full.clone(), cut], vec![(0, 8), (1, mutations_for(cut_len))])
                    } else {
                        (vec![full.clone()], vec![(0, mutations_for(bytes.len()))])
                    };
                    for (base_index, count) in plan {
                        let base = &bases[base_index];
                        let mut map = Map::default();
                        walk(&schema.shape, base, "", &mut map);
                        for m in 0..count {
                            let mut doc = base.clone();
                            // One mutation mostly; two or three now and then (their interplay).
                            let many = [1, 1, 1, 1, 1, 1, 2, 3][rng.below(8)];
                            let mut done = Vec::new();
                            let mut kinds = Vec::new();
                            for _ in 0..many {
                                let (kind, pointer, value) = mutate_once(&mut doc, &map, &mut rng);
                                kinds.push(kind);
                                let cut: String = value.chars().take(120).collect();
                                done.push(format!("{} at {pointer:?} -> {cut}", KINDS[kind]));
                            }
                            let input = serde_json::to_vec(&doc).unwrap();
                            let what = || format!("{file}{} mutation {m}: {}", if base_index == 1 { " (cut to 3 items)" } else { "" }, done.join("; "));
                            differ(schema, &input, &what, &counts, &kinds, &failures);
                        }
                    }
                }
            });
        }
    });
    let (inputs, accepted, rejected) =
        (counts.inputs.load(Ordering::Relaxed), counts.accepted.load(Ordering::Relaxed), counts.rejected.load(Ordering::Relaxed));
    println!(
        "shape differential: {} fixtures, {inputs} inputs, {accepted} accepted, {rejected} rejected, {:.1} s",
        fixtures.len(),
        started.elapsed().as_secs_f64()
    );
    for (kind, (a, r)) in KINDS.iter().zip(&counts.by_kind) {
        println!("  {kind:<20} accepted {:>6}  rejected {:>6}", a.load(Ordering::Relaxed), r.load(Ordering::Relaxed));
    }
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{} disagreement(s) (first 20):\n{}", failures.len(), failures.join("\n"));
    assert!(inputs >= 20_000, "only {inputs} inputs");
    assert!(accepted > 1_000 && rejected > 1_000, "a lopsided run: {accepted} accepted, {rejected} rejected");
}

// ------------------------------------------------------------ every issue, not the first

fn products_page() -> Value {
    serde_json::from_slice(&common::fixture("cegos/bench-products-page.json")).unwrap()
}

fn without_cpf_popup(indexes: &[usize]) -> Vec<u8> {
    let mut page = products_page();
    for i in indexes {
        page["data"][*i].as_object_mut().unwrap().remove("trainingMethod").unwrap();
    }
    serde_json::to_vec(&page).unwrap()
}

#[test]
fn safe_parse_reports_every_missing_field_of_a_page() {
    let bytes = without_cpf_popup(&[5, 37, 81]);
    let schema = schema::find("cegos.productsPage").unwrap();
    assert!(schema.check(&bytes).is_err());
    let report = schema.safe_parse(&bytes, Lang::En, false).unwrap_err();
    assert!(!report.truncated);
    let got: Vec<(&str, &str)> = report.issues.iter().map(|i| (i.rule, i.path.as_str())).collect();
    assert_eq!(
        got,
        [("shape.required", "data[5].trainingMethod"), ("shape.required", "data[37].trainingMethod"), ("shape.required", "data[81].trainingMethod")]
    );
    for issue in &report.issues {
        assert_eq!(issue.message, "required field \"trainingMethod\" is missing");
        assert_eq!(issue.found, None);
        assert_eq!(issue.expected.as_deref(), Some("string"));
    }
    // The typed entry point reports the same.
    let typed = formakit::safe_parse::<formakit::cegos::CegosProductsPage>(&bytes, Lang::En).unwrap_err();
    assert_eq!(typed, report);
    // And validate lists them rather than failing.
    let issues = schema.validate(&bytes, Lang::En);
    let required: Vec<&str> = issues.iter().filter(|i| i.rule == "shape.required").map(|i| i.path.as_str()).collect();
    assert_eq!(required, ["data[5].trainingMethod", "data[37].trainingMethod", "data[81].trainingMethod"]);
}

#[test]
fn drop_invalid_items_keeps_the_input_indexes() {
    let bytes = without_cpf_popup(&[5, 37, 81]);
    let schema = schema::find("cegos.productsPage").unwrap();
    let checked = schema.safe_parse(&bytes, Lang::Fr, true).unwrap();
    let indexes: Vec<usize> = checked.dropped.iter().map(|d| d.index).collect();
    assert_eq!(indexes, [5, 37, 81]);
    for d in &checked.dropped {
        assert_eq!(d.issues.len(), 1);
        assert_eq!(d.issues[0].path, format!("data[{}].trainingMethod", d.index));
        assert_eq!(d.issues[0].message, "champ obligatoire « trainingMethod » absent");
    }
    // The others, in input order.
    let original = products_page();
    let kept: Vec<&Value> = checked.value["data"].as_array().unwrap().iter().map(|p| &p["id"]).collect();
    let expected: Vec<&Value> =
        original["data"].as_array().unwrap().iter().enumerate().filter(|(i, _)| ![5, 37, 81].contains(i)).map(|(_, p)| &p["id"]).collect();
    assert_eq!(kept.len(), 97);
    assert_eq!(kept, expected);
    // The page fields are still checked: a bad pageNumber fails the whole, whatever the items.
    let mut page: Value = serde_json::from_slice(&bytes).unwrap();
    page["pageNumber"] = json!("1");
    let report = schema.safe_parse(&serde_json::to_vec(&page).unwrap(), Lang::En, true).unwrap_err();
    assert_eq!(report.issues.len(), 1);
    assert_eq!(report.issues[0].path, "pageNumber");
    // A root array (items = ""): the indexes are the array's.
    let list = schema::find("lara.programList").unwrap();
    let mut programs: Value = serde_json::from_slice(&common::fixture("lara/program_list.json")).unwrap();
    let first = programs[0].clone();
    let items = programs.as_array_mut().unwrap();
    while items.len() < 6 {
        items.push(first.clone());
    }
    items[1] = json!(42);
    items[4] = json!({});
    let checked = list.safe_parse(&serde_json::to_vec(&programs).unwrap(), Lang::En, true).unwrap();
    assert_eq!(checked.dropped.iter().map(|d| d.index).collect::<Vec<_>>(), [1, 4]);
    assert_eq!(checked.dropped[0].issues[0].path, "[1]");
    assert!(checked.dropped[1].issues.iter().all(|i| i.path.starts_with("[4].")), "{:?}", checked.dropped[1].issues);
    assert_eq!(checked.value.as_array().unwrap().len(), 4);
}

/// 50 contracts that break no rule: one learner each, the same school, tutor and group.
fn campus_batch() -> Value {
    let fixture: Value = serde_json::from_slice(&common::fixture("campus_skills/sync_request.json")).unwrap();
    let model = fixture["contrats"][0].clone();
    let contracts: Vec<Value> = (0..50)
        .map(|i| {
            let mut c = model.clone();
            c["codeContrat"] = json!(format!("CTR-T-{i:03}"));
            c["codeApprenant"] = json!(format!("APP-T-{i:03}"));
            c["nomApprenant"] = json!(format!("Apprenant{i}"));
            c["emailApprenant"] = json!(format!("apprenant{i}@exemple.fr"));
            c
        })
        .collect();
    json!({ "contrats": contracts })
}

#[test]
fn validate_lists_a_missing_field_beside_the_other_contracts_rule_issues() {
    let schema = schema::find("campusskills.syncRequest").unwrap();
    let clean = serde_json::to_vec(&campus_batch()).unwrap();
    assert_eq!(schema.validate(&clean, Lang::En), [], "the generated batch should break no rule");

    let mut batch = campus_batch();
    batch["contrats"][12].as_object_mut().unwrap().remove("codeGroupe").unwrap();
    batch["contrats"][3]["emailApprenant"] = json!("pas-un-email");
    batch["contrats"][30]["emailApprenant"] = json!("encore pas un email");
    batch["contrats"][47]["rncp"] = json!("XYZ");
    let bytes = serde_json::to_vec(&batch).unwrap();
    assert!(schema.check(&bytes).is_err(), "serde refuses the batch");
    let issues = schema.validate(&bytes, Lang::En);
    let got: Vec<(&str, &str)> = issues.iter().map(|i| (i.rule, i.path.as_str())).collect();
    assert!(got.contains(&("shape.required", "contrats[12].codeGroupe")), "{got:?}");
    // The rules still ran on the 49 others, and speak of them by their place in the input.
    assert!(got.contains(&("campusskills.contract.email.format", "contrats[3].emailApprenant")), "{got:?}");
    assert!(got.contains(&("campusskills.contract.email.format", "contrats[30].emailApprenant")), "{got:?}");
    assert!(got.contains(&("campusskills.contract.rncp.format", "contrats[47].rncp")), "{got:?}");
    assert_eq!(got.len(), 4, "{got:?}");
}

/// A list of `n` Campus contracts, each missing `codeGroupe`: exactly one issue each.
fn contracts_missing_group(n: usize) -> Vec<u8> {
    let mut batch = campus_batch();
    let model = batch["contrats"][0].clone();
    let contracts: Vec<Value> = (0..n)
        .map(|_| {
            let mut c = model.clone();
            c.as_object_mut().unwrap().remove("codeGroupe");
            c
        })
        .collect();
    batch["contrats"] = Value::Array(contracts);
    serde_json::to_vec(&batch).unwrap()
}

#[test]
fn issues_stop_at_the_cap_and_say_so() {
    assert_eq!(MAX_ISSUES, 100);
    let schema = schema::find("campusskills.syncRequest").unwrap();
    let exactly = schema.safe_parse(&contracts_missing_group(100), Lang::En, false).unwrap_err();
    assert_eq!((exactly.issues.len(), exactly.truncated), (100, false));
    assert_eq!(exactly.issues[99].path, "contrats[99].codeGroupe");
    let over = schema.safe_parse(&contracts_missing_group(101), Lang::En, false).unwrap_err();
    assert_eq!((over.issues.len(), over.truncated), (100, true));
    assert!(!over.is_clean());
    // A page of empty objects: far more than 100 issues, 100 kept, in document order.
    let page = schema::find("cegos.productsPage").unwrap();
    let empties = json!({"data": vec![json!({}); 50], "pageNumber": 1, "pageSize": 50, "totalItems": 50, "totalPages": 1});
    let report = page.safe_parse(&serde_json::to_vec(&empties).unwrap(), Lang::En, false).unwrap_err();
    assert_eq!((report.issues.len(), report.truncated), (100, true));
    assert!(report.issues[0].path.starts_with("data[0]."), "{:?}", report.issues[0]);
    // dropInvalidItems caps each item on its own: every bad item is listed.
    let dropping = page.safe_parse(&serde_json::to_vec(&empties).unwrap(), Lang::En, true).unwrap();
    assert_eq!(dropping.dropped.len(), 50);
}

#[test]
fn messages_in_french_and_english() {
    let schema = schema::find("cegos.product").unwrap();
    let mut product: Value = serde_json::from_slice(&common::fixture("cegos/product.json")).unwrap();
    product["data"]["price"] = json!("800.00");
    let bytes = serde_json::to_vec(&product).unwrap();
    let en = schema.safe_parse(&bytes, Lang::En, false).unwrap_err();
    let fr = schema.safe_parse(&bytes, Lang::Fr, false).unwrap_err();
    assert_eq!(en.issues.len(), 1);
    assert_eq!(en.issues[0].path, "data.price");
    assert_eq!(en.issues[0].rule, "shape.type");
    assert_eq!(en.issues[0].message, "expected a number, found the string \"800.00\"");
    assert_eq!(fr.issues[0].message, "attendu un nombre, reçu la chaîne \"800.00\"");
    assert_eq!(en.issues[0].expected.as_deref(), Some("number"));
    assert_eq!(en.issues[0].found.as_deref(), Some("\"800.00\""));
    // No Rust in either language.
    for issue in en.issues.iter().chain(&fr.issues) {
        for rust in ["f64", "i64", "struct", "sequence", "Cegos", "::"] {
            assert!(!issue.message.contains(rust), "{rust} in {:?}", issue.message);
        }
    }
    // An impossible date, an unsafe integer, a closed enum's stranger.
    let mut session: Value = serde_json::from_slice(&common::fixture("cegos/session.json")).unwrap();
    session["data"]["startDate"] = json!("2025-13-45T00:00:00");
    let report = schema::find("cegos.session").unwrap().safe_parse(&serde_json::to_vec(&session).unwrap(), Lang::En, false).unwrap_err();
    assert_eq!(report.issues.len(), 1, "{report:?}");
    assert_eq!((report.issues[0].rule, report.issues[0].path.as_str()), ("shape.date", "data.startDate"));
    assert_eq!(report.issues[0].message, "expected a real ISO 8601 date, found the string \"2025-13-45T00:00:00\"");
    product["data"]["price"] = json!(800);
    product["data"]["offerYear"] = json!(9_007_199_254_740_993_u64);
    let report = schema.safe_parse(&serde_json::to_vec(&product).unwrap(), Lang::Fr, false).unwrap_err();
    assert_eq!(report.issues[0].message, "attendu un entier d'au plus 9007199254740991 en valeur absolue, reçu le nombre 9007199254740993");
}

#[test]
fn malformed_json_has_a_one_based_position() {
    let schema = schema::find("cegos.productsPage").unwrap();
    let at = |input: &[u8], lang: Lang| -> formakit::Issue {
        let report = schema.safe_parse(input, lang, false).unwrap_err();
        assert_eq!(report.issues.len(), 1, "{report:?}");
        let issue = report.issues[0].clone();
        assert_eq!(issue.rule, "shape.json");
        assert_eq!(issue.path, "");
        assert!(issue.line.unwrap() >= 1 && issue.column.unwrap() >= 1, "{issue:?}");
        assert!(!issue.message.contains("column 0") && !issue.message.contains("colonne 0"), "{}", issue.message);
        issue
    };
    // Line 2, the second comma: `  "pageNumber": 1,,` has it at column 19.
    let issue = at(b"{\n  \"pageNumber\": 1,,\n}", Lang::En);
    assert_eq!((issue.line, issue.column), (Some(2), Some(19)));
    assert!(issue.message.starts_with("invalid JSON at line 2, column 19: "), "{}", issue.message);
    // An HTML error page instead of JSON.
    let issue = at(b"<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>", Lang::En);
    assert_eq!((issue.line, issue.column), (Some(1), Some(1)));
    assert!(issue.message.contains("looks like HTML"), "{}", issue.message);
    let issue = at(b"<html>", Lang::Fr);
    assert!(issue.message.starts_with("JSON invalide ligne 1, colonne 1 : "), "{}", issue.message);
    assert!(issue.message.contains("HTML"), "{}", issue.message);
    // An empty body (and one of blanks only).
    for empty in [&b""[..], b"   ", b"\n\n"] {
        let issue = at(empty, Lang::En);
        assert!(issue.message.contains("the text is empty"), "{}", issue.message);
    }
    // Root errors: never column 0.
    for root in [&b"x"[..], b"]", b"nul", b"{", b"[", b"\"", b"-", b"1 2", b"\xef\xbb\xbf{}", b"\xff"] {
        at(root, Lang::En);
        at(root, Lang::Fr);
    }
    // A truncated document: the position of its end.
    let issue = at(b"{\"data\": [", Lang::En);
    assert_eq!(issue.line, Some(1));
    assert!(issue.message.contains("ends early"), "{}", issue.message);
    // serde's decode agrees the text is not JSON.
    assert!(schema.check(b"<html>").is_err());
}
