//! Models and the single way in and out of JSON: the [`Model`] trait that
//! `#[model(schema = "…")]` implements, the type-erased [`Schema`] entry, and
//! `parse` / `safe_parse` / `serialize` / `validate`. The registry of every
//! schema is `crate::schema`, one layer up (it knows the providers; this does not).
//!
//! In Rust, [`parse`] and [`serialize`] are typed by the model. The boundary
//! uses [`Schema`] entries, found by name, which erase the type.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::check::{self, Report};
use crate::error::{DecodeError, Error};
use crate::shape::{HasShape, Shape};
use crate::validate::{Issue, Lang, Validator};

/// A request or response model of one provider. Written by `#[model(schema = "…")]`.
pub trait Model: Serialize + DeserializeOwned + HasShape {
    /// The schema name JavaScript passes to `parse`, e.g. `"cegos.product"`.
    const SCHEMA: &'static str;
    /// The TypeScript type `parse` returns for it.
    const TS_NAME: &'static str;
    /// For page and list schemas, the JSON path of the item array (`"data"`,
    /// `""` for a top-level array): the items `dropInvalidItems` may drop.
    const ITEMS: Option<&'static str>;
    /// Runs the model's provider rules (its `Validate` impl; none when it has none).
    fn run_rules(&self, v: &mut Validator);
}

/// Reads `input` (UTF-8 JSON text) as `T`, stopping at the first problem.
/// Never panics; the error carries the JSON path of the failing value. Use
/// [`safe_parse`] for every problem at once.
pub fn parse<T: Model>(input: &[u8]) -> Result<T, Error> {
    decode(input).map_err(Error::Decode)
}

/// Reads `input` as `T`, or reports every structural issue (up to
/// [`check::MAX_ISSUES`]), each with its path and a message in `lang`.
pub fn safe_parse<T: Model>(input: &[u8], lang: Lang) -> Result<T, Report> {
    let value = check::read_json(input, lang)?;
    let report = check::check_value(&T::SHAPE, &value, lang);
    if !report.is_clean() {
        return Err(report);
    }
    from_checked(value, lang)
}

/// Decodes a value the checker accepted. A disagreement between the checker
/// and serde is a formakit bug; it is still reported as an issue, never a panic.
fn from_checked<T: DeserializeOwned>(value: Value, lang: Lang) -> Result<T, Report> {
    serde_json::from_value(value).map_err(|e| {
        let message = crate::validate::msg(lang, format!("formakit n'a pas pu lire la valeur : {e}"), format!("formakit could not read the value: {e}"));
        Report::single(Issue::error("", "shape.type", message))
    })
}

/// Writes `value` as JSON text in the provider's wire form.
pub fn serialize<T: Model>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::Decode(DecodeError::from_serde(String::new(), &e)))
}

/// Validates `value`, returning every issue (errors and warnings).
pub fn validate<T: Model>(value: &T, lang: Lang) -> Vec<Issue> {
    let mut v = Validator::new(lang);
    value.run_rules(&mut v);
    v.into_issues()
}

/// Like [`validate`], but fails with [`Error::Validation`] when any issue is an error.
pub fn assert_valid<T: Model>(value: &T, lang: Lang) -> Result<(), Error> {
    let issues = validate(value, lang);
    if issues.iter().any(|i| i.severity == crate::Severity::Error) {
        Err(Error::Validation(issues))
    } else {
        Ok(())
    }
}

pub(crate) fn decode<T: DeserializeOwned>(input: &[u8]) -> Result<T, DecodeError> {
    // One pass, no path tracking: on failure the path is recovered from the
    // error's position (json_path), so each model has one deserializer in the
    // wasm binary and valid input pays nothing for error reporting.
    let mut de = serde_json::Deserializer::from_slice(input);
    let value = T::deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    if value.is_ok() {
        // Integer fields refuse what JavaScript cannot hold while they are read
        // (`wire::int`); a number anywhere else (a number field, an unknown field,
        // an `any` value) is refused here, after the one pass: a byte scan,
        // which costs far less than reading every value through a checked type.
        if let Some((start, end)) = crate::wire::first_unsafe_number(input) {
            return Err(unsafe_number_error(input, start, end));
        }
    }
    value.map_err(|e| {
        use crate::json_path::{path_at, Anchor};
        let message = e.to_string();
        // serde_json positions its own errors at the value; errors a visitor
        // raises are positioned later ("missing field" once the object is read).
        let anchor = if !e.is_data() || message.starts_with("invalid type") || message.starts_with("invalid value") || message.starts_with("missing field") {
            Anchor::Value
        } else if message.starts_with("duplicate field") {
            Anchor::Object
        } else {
            Anchor::Late
        };
        DecodeError::from_serde(path_at(input, e.line(), e.column(), anchor), &e)
    })
}

/// The decode error of the number at `start..end`, beyond 2^53 − 1 in magnitude.
fn unsafe_number_error(input: &[u8], start: usize, end: usize) -> DecodeError {
    let before = input.get(..start).unwrap_or_default();
    let line = 1 + before.iter().filter(|b| **b == b'\n').count();
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let found = input.get(start..end).map(String::from_utf8_lossy).unwrap_or_default().into_owned();
    DecodeError {
        // One byte into the number: an array element has begun there.
        path: crate::json_path::path_at(input, 1, start + 1, crate::json_path::Anchor::Value),
        expected: "a number of at most 2^53 - 1 in absolute value, which JavaScript holds exactly".to_string(),
        found,
        line,
        column: start - line_start + 1,
    }
}

/// One item `dropInvalidItems` removed: its index in the input and its issues.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    /// The item's index in the input array.
    pub index: usize,
    /// Why it was dropped.
    pub issues: Vec<Issue>,
}

/// A document that has its schema's shape (with `drop_invalid_items`, once the bad items are out).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The document, as parsed (items dropped when asked).
    pub value: Value,
    /// The items dropped, in input order.
    pub dropped: Vec<Dropped>,
}

/// A model with its type erased, for callers that hold a schema name.
pub struct Schema {
    /// The schema name, e.g. `"cegos.product"`.
    pub name: &'static str,
    /// The TypeScript type the schema produces.
    pub ts_type: &'static str,
    /// What its JSON must look like.
    pub shape: Shape,
    /// The item array of a page or list schema (see [`Model::ITEMS`]).
    pub items: Option<&'static str>,
    check: fn(&[u8]) -> Result<(), DecodeError>,
    // Not in the wasm build: JS serializes with JSON.stringify after a check,
    // and leaving every model's Serialize impl out of the binary saves 46 KB raw.
    #[cfg(not(target_arch = "wasm32"))]
    normalize: fn(&[u8]) -> Result<String, Error>,
    // Reads bytes, not a `Value`: one deserializer per model in the wasm
    // binary (a second, from `Value`, measured +88 KB gzip).
    rules: fn(&[u8], Lang) -> Result<Vec<Issue>, Report>,
}

impl Schema {
    /// The entry for model `T`.
    pub const fn of<T: Model>() -> Self {
        Schema {
            name: T::SCHEMA,
            ts_type: T::TS_NAME,
            shape: T::SHAPE,
            items: T::ITEMS,
            check: check_serde::<T>,
            #[cfg(not(target_arch = "wasm32"))]
            normalize: normalize::<T>,
            rules: rules::<T>,
        }
    }

    /// The provider, from the schema name (`"cegos"`, `"lara"`, `"francetravail"`, `"campusskills"`).
    pub fn provider(&self) -> &'static str {
        self.name.split('.').next().unwrap_or("")
    }

    /// Checks that `input` decodes as this schema with serde, stopping at the
    /// first problem (the reference the structural checker is tested against).
    pub fn check(&self, input: &[u8]) -> Result<(), DecodeError> {
        (self.check)(input)
    }

    /// Every structural issue of `input`, or the parsed document. With
    /// `drop_invalid_items` (page and list schemas only), items with issues
    /// are removed and listed instead; issues outside the items still fail.
    pub fn safe_parse(&self, input: &[u8], lang: Lang, drop_invalid_items: bool) -> Result<Checked, Report> {
        let value = check::read_json(input, lang)?;
        self.check_parsed(value, lang, drop_invalid_items)
    }

    /// [`Schema::safe_parse`] for a document already parsed.
    pub fn check_parsed(&self, mut value: Value, lang: Lang, drop_invalid_items: bool) -> Result<Checked, Report> {
        let items = if drop_invalid_items { self.items.and_then(|p| items_of(&self.shape, p).map(|s| (p, s))) } else { None };
        let Some((items_path, item_shape)) = items else {
            let report = check::check_value(&self.shape, &value, lang);
            return if report.is_clean() { Ok(Checked { value, dropped: Vec::new() }) } else { Err(report) };
        };
        // The page without its items, then each item on its own (each with its
        // own issue cap, so a page of bad items never hides one).
        let taken = take_array(&mut value, items_path);
        let report = check::check_value(&self.shape, &value, lang);
        let mut dropped = Vec::new();
        let mut kept = Vec::new();
        for (index, item) in taken.unwrap_or_default().into_iter().enumerate() {
            let mut prefix = items_path.to_string();
            prefix.push('[');
            prefix.push_str(&index.to_string());
            prefix.push(']');
            let r = check::check_value_at(item_shape, &item, prefix, lang);
            if r.is_clean() {
                kept.push(item);
            } else {
                dropped.push(Dropped { index, issues: r.issues });
            }
        }
        put_array(&mut value, items_path, kept);
        if report.is_clean() {
            Ok(Checked { value, dropped })
        } else {
            Err(report)
        }
    }

    /// Decodes `input` and writes it back in the model's wire form.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn normalize(&self, input: &[u8]) -> Result<String, Error> {
        (self.normalize)(input)
    }

    /// Every issue of `input`: the structural ones (`shape.*`) and the
    /// provider rules'. It never fails for a wrong shape. On a page or list
    /// schema, the items with structural issues are set aside and the rules
    /// run on the others (paths keep the input's indexes); elsewhere a wrong
    /// shape leaves the rules unrun.
    pub fn validate(&self, input: &[u8], lang: Lang) -> Vec<Issue> {
        // Fast path: a document serde decodes has the schema's shape (the
        // differential tests hold the checker to serde), so only a document
        // that fails to decode pays for the structural pass below.
        if let Ok(issues) = (self.rules)(input, lang) {
            return issues;
        }
        let checked = match self.safe_parse(input, lang, self.items.is_some()) {
            Ok(c) => c,
            Err(report) => return report.issues,
        };
        let kept_indexes: Vec<usize> = if checked.dropped.is_empty() {
            Vec::new()
        } else {
            let total = checked.dropped.len() + items_len(&checked.value, self.items.unwrap_or(""));
            (0..total).filter(|i| !checked.dropped.iter().any(|d| d.index == *i)).collect()
        };
        let mut issues: Vec<Issue> = Vec::new();
        let dropped = checked.dropped;
        // The input as given when nothing was dropped; else the kept document, written back.
        let kept_text;
        let text = if dropped.is_empty() {
            input
        } else {
            kept_text = serde_json::to_vec(&checked.value).unwrap_or_default();
            kept_text.as_slice()
        };
        let mut rule_issues = match (self.rules)(text, lang) {
            Ok(v) => v,
            Err(report) => report.issues,
        };
        if !kept_indexes.is_empty() {
            let prefix = self.items.unwrap_or("");
            for issue in &mut rule_issues {
                issue.path = reindex(&issue.path, prefix, &kept_indexes);
            }
        }
        for d in dropped {
            issues.extend(d.issues);
        }
        issues.extend(rule_issues);
        issues
    }
}

/// The item shape at `path` under `shape` (`""`: the shape itself is the array).
fn items_of(shape: &Shape, path: &str) -> Option<&'static Shape> {
    let mut s = *shape;
    if !path.is_empty() {
        let Shape::Model(m) = s else { return None };
        s = m().fields.iter().find(|f| f.name == path)?.shape;
    }
    loop {
        match s {
            Shape::Nullable(inner) => s = *inner,
            Shape::Array(inner) => return Some(inner),
            _ => return None,
        }
    }
}

fn take_array(value: &mut Value, path: &str) -> Option<Vec<Value>> {
    let slot = if path.is_empty() { Some(value) } else { value.get_mut(path) };
    match slot {
        Some(Value::Array(a)) => Some(std::mem::take(a)),
        _ => None,
    }
}

fn put_array(value: &mut Value, path: &str, items: Vec<Value>) {
    let slot = if path.is_empty() { Some(value) } else { value.get_mut(path) };
    if let Some(Value::Array(a)) = slot {
        *a = items;
    }
}

fn items_len(value: &Value, path: &str) -> usize {
    let slot = if path.is_empty() { Some(value) } else { value.get(path) };
    slot.and_then(Value::as_array).map_or(0, Vec::len)
}

/// Rewrites `prefix[i]…` to `prefix[kept[i]]…`: a rule issue on the kept items, back on the input's index.
fn reindex(path: &str, prefix: &str, kept: &[usize]) -> String {
    let Some(rest) = path.strip_prefix(prefix).and_then(|r| r.strip_prefix('[')) else { return path.to_string() };
    let Some(close) = rest.find(']') else { return path.to_string() };
    let (digits, tail) = rest.split_at(close);
    match digits.parse::<usize>().ok().and_then(|i| kept.get(i)) {
        Some(orig) => format!("{prefix}[{orig}{tail}"),
        None => path.to_string(),
    }
}

fn check_serde<T: Model>(input: &[u8]) -> Result<(), DecodeError> {
    decode::<T>(input).map(drop)
}

#[cfg(not(target_arch = "wasm32"))]
fn normalize<T: Model>(input: &[u8]) -> Result<String, Error> {
    serialize(&decode::<T>(input)?)
}

fn rules<T: Model>(input: &[u8], lang: Lang) -> Result<Vec<Issue>, Report> {
    match decode::<T>(input) {
        Ok(v) => Ok(validate(&v, lang)),
        // The checker accepted what serde refuses: a documented field sent
        // twice (JSON.parse and the checker keep the last one; serde refuses).
        Err(e) => {
            let message = crate::validate::msg(lang, format!("lecture impossible : {e}"), format!("cannot read: {e}"));
            let mut issue = Issue::error(e.path.clone(), "shape.type", message);
            issue.expected = Some(e.expected.clone());
            Err(Report::single(issue))
        }
    }
}
