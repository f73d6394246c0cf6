//! The structural checker: every way a JSON document misses its schema, not
//! just the first.
//!
//! It reads the [`Shape`] descriptors `#[model]` writes and walks a parsed
//! document, reporting each missing field, wrong type, impossible date and
//! value outside a closed enumeration as an [`Issue`] with its JSON path, in
//! French or English. The JavaScript checker generated from the same
//! descriptors reports the same issues (`tests/package/differential.test.mjs`).
//!
//! | rule | what |
//! |---|---|
//! | `shape.json` | the text is not JSON (with the 1-based line and column), or not Unicode: a lone surrogate, bytes that are not UTF-8 (placed at their string) |
//! | `shape.required` | a required field is missing |
//! | `shape.type` | a value of the wrong type, a fractional integer, or a number beyond ±(2^53 − 1) anywhere, unknown fields included |
//! | `shape.date` | a string that is not a real ISO-8601 date |
//! | `shape.enum` | a value outside a closed enumeration |

use serde_json::Value;

use crate::shape::{ModelShape, Shape, MAX_SAFE_INTEGER};
use crate::validate::{Issue, Lang};
use crate::wire::is_safe_number;

/// At most this many issues are reported for one document (the report says when more exist).
pub const MAX_ISSUES: usize = 100;

/// Every structural rule id.
pub const RULES: &[&str] = &["shape.json", "shape.required", "shape.type", "shape.date", "shape.enum"];

/// The structural issues of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// The issues, in document order (at most [`MAX_ISSUES`]).
    pub issues: Vec<Issue>,
    /// True when more issues existed than were kept.
    pub truncated: bool,
}

impl Report {
    /// True when the document has the schema's shape.
    pub fn is_clean(&self) -> bool {
        self.issues.is_empty() && !self.truncated
    }

    pub(crate) fn single(issue: Issue) -> Self {
        Report { issues: vec![issue], truncated: false }
    }
}

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads JSON text; a syntax error becomes a `shape.json` issue with its position.
///
/// Decision (every entry point, Rust and JavaScript): a leading UTF-8 byte order mark is
/// refused, as serde_json and `JSON.parse` refuse it (RFC 8259 §8.1: JSON text is sent
/// without one; a parser *may* ignore it). The issue says so, at line 1, column 1.
pub fn read_json(input: &[u8], lang: Lang) -> Result<Value, Report> {
    serde_json::from_slice(input).map_err(|e| Report::single(syntax_issue(input, &e, lang)))
}

/// Checks `value` against `shape`, collecting every issue (up to [`MAX_ISSUES`]).
pub fn check_value(shape: &Shape, value: &Value, lang: Lang) -> Report {
    let mut c = Checker { lang, path: String::new(), report: Report::default() };
    c.visit(shape, value, false);
    c.report
}

/// Checks `value` at `path` (the prefix of every issue path) against `shape`.
pub(crate) fn check_value_at(shape: &Shape, value: &Value, path: String, lang: Lang) -> Report {
    let mut c = Checker { lang, path, report: Report::default() };
    c.visit(shape, value, false);
    c.report
}

/// True when `value` matches `shape`: the fast path, with no allocation.
pub fn matches(shape: &Shape, value: &Value) -> bool {
    match (shape, value) {
        (Shape::String, Value::String(_)) | (Shape::Boolean, Value::Bool(_)) => true,
        (Shape::Number, Value::Number(n)) => is_safe_number(n),
        (Shape::Any, v) => json_safe(v),
        (Shape::Integer, Value::Number(n)) => integer_state(n) == IntState::Ok,
        (Shape::Date, Value::String(s)) => crate::dates::Timestamp::parse_wire(s).is_ok(),
        (Shape::Nullable(_), Value::Null) => true,
        (Shape::Nullable(inner), v) => matches(inner, v),
        (Shape::Array(inner), Value::Array(items)) => items.iter().all(|v| matches(inner, v)),
        (Shape::Map(inner), Value::Object(map)) => map.values().all(|v| matches(inner, v)),
        (Shape::Enum(values), Value::String(s)) => values.contains(&s.as_str()),
        (Shape::OneOf(alternatives), v) => alternatives.iter().any(|a| matches(a, v)),
        (Shape::Model(m), Value::Object(map)) => {
            let m = m();
            m.fields.iter().all(|f| match map.get(f.name) {
                Some(v) => matches(&f.shape, v),
                None => f.optional,
            }) && map.iter().all(|(k, v)| extra_safe(m, k, v))
        }
        _ => false,
    }
}

/// True when `v` holds no number JavaScript would change ([`is_safe_number`]), at any depth.
fn json_safe(v: &Value) -> bool {
    match v {
        Value::Number(n) => is_safe_number(n),
        Value::Array(items) => items.iter().all(json_safe),
        Value::Object(map) => map.values().all(json_safe),
        _ => true,
    }
}

/// A member of a model's object: declared ones are checked by their shape; an
/// unknown one (kept in `extra`) must hold no unsafe number either.
fn extra_safe(m: &ModelShape, key: &str, v: &Value) -> bool {
    match v {
        Value::Number(n) => is_safe_number(n) || m.fields.iter().any(|f| f.name == key),
        Value::Array(_) | Value::Object(_) => m.fields.iter().any(|f| f.name == key) || json_safe(v),
        _ => true,
    }
}

#[derive(PartialEq)]
enum IntState {
    Ok,
    Fractional,
    Unsafe,
}

fn integer_state(n: &serde_json::Number) -> IntState {
    if let Some(i) = n.as_i64() {
        return if i.unsigned_abs() <= MAX_SAFE_INTEGER as u64 { IntState::Ok } else { IntState::Unsafe };
    }
    if n.as_u64().is_some() {
        return IntState::Unsafe;
    }
    match n.as_f64() {
        Some(f) if f.fract() != 0.0 => IntState::Fractional,
        Some(f) if f.abs() <= MAX_SAFE_INTEGER as f64 => IntState::Ok,
        _ => IntState::Unsafe,
    }
}

struct Checker {
    lang: Lang,
    path: String,
    report: Report,
}

impl Checker {
    fn push(&mut self, issue: Issue) {
        if self.report.issues.len() >= MAX_ISSUES {
            self.report.truncated = true;
        } else {
            self.report.issues.push(issue);
        }
    }

    fn full(&self) -> bool {
        self.report.truncated
    }

    /// `nullable`: the value sits where `null` is also accepted (for the expected token).
    fn visit(&mut self, shape: &Shape, value: &Value, nullable: bool) {
        if self.full() || matches(shape, value) {
            return;
        }
        match (shape, value) {
            (Shape::Nullable(inner), v) => self.visit(inner, v, true),
            (Shape::Integer, Value::Number(n)) => {
                let unsafe_int = integer_state(n) == IntState::Unsafe;
                self.mismatch("shape.type", shape, value, nullable, unsafe_int);
            }
            (Shape::Number, Value::Number(_)) => self.mismatch("shape.type", shape, value, nullable, true),
            (Shape::Any, v) => self.visit_json(v),
            (Shape::Date, Value::String(_)) => self.mismatch("shape.date", shape, value, nullable, false),
            (Shape::Enum(_), Value::String(_)) => self.mismatch("shape.enum", shape, value, nullable, false),
            (Shape::Array(inner), Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let len = self.path.len();
                    self.path.push('[');
                    self.path.push_str(&i.to_string());
                    self.path.push(']');
                    self.visit(inner, item, false);
                    self.path.truncate(len);
                }
            }
            (Shape::Map(inner), Value::Object(map)) => {
                for (key, item) in map {
                    let len = self.path.len();
                    push_key(&mut self.path, key);
                    self.visit(inner, item, false);
                    self.path.truncate(len);
                }
            }
            (Shape::Model(m), Value::Object(map)) => self.visit_model(m(), map),
            _ => self.mismatch("shape.type", shape, value, nullable, false),
        }
    }

    fn visit_model(&mut self, m: &ModelShape, map: &serde_json::Map<String, Value>) {
        for f in m.fields {
            if self.full() {
                return;
            }
            let len = self.path.len();
            push_key(&mut self.path, f.name);
            match map.get(f.name) {
                Some(v) => self.visit(&f.shape, v, false),
                None if f.optional => {}
                None => {
                    let message = match self.lang {
                        Lang::Fr => format!("champ obligatoire « {} » absent", f.name),
                        Lang::En => format!("required field \"{}\" is missing", f.name),
                    };
                    let mut issue = Issue::error(self.path.clone(), "shape.required", message);
                    issue.expected = Some(token(&f.shape));
                    self.push(issue);
                }
            }
            self.path.truncate(len);
        }
        // Unknown members, after the declared ones (in key order: serde_json's map is sorted).
        for (key, v) in map {
            if self.full() {
                return;
            }
            if !extra_safe(m, key, v) {
                let len = self.path.len();
                push_key(&mut self.path, key);
                self.visit_json(v);
                self.path.truncate(len);
            }
        }
    }

    /// Reports every number JavaScript would change inside a value of any shape.
    fn visit_json(&mut self, value: &Value) {
        if self.full() {
            return;
        }
        match value {
            Value::Number(n) if !is_safe_number(n) => self.mismatch("shape.type", &Shape::Number, value, false, true),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if json_safe(item) {
                        continue;
                    }
                    let len = self.path.len();
                    self.path.push('[');
                    self.path.push_str(&i.to_string());
                    self.path.push(']');
                    self.visit_json(item);
                    self.path.truncate(len);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    if json_safe(item) {
                        continue;
                    }
                    let len = self.path.len();
                    push_key(&mut self.path, key);
                    self.visit_json(item);
                    self.path.truncate(len);
                }
            }
            _ => {}
        }
    }

    fn mismatch(&mut self, rule: &'static str, shape: &Shape, value: &Value, nullable: bool, unsafe_int: bool) {
        let mut expected = token(shape);
        let mut wanted = if unsafe_int { unsafe_number(shape, self.lang).to_string() } else { describe(shape, self.lang) };
        if nullable {
            expected.push_str(" | null");
            wanted.push_str(match self.lang {
                Lang::Fr => " ou null",
                Lang::En => " or null",
            });
        }
        let found = excerpt(value);
        let message = match self.lang {
            Lang::Fr => format!("attendu {wanted}, reçu {}", describe_found(value, &found, Lang::Fr)),
            Lang::En => format!("expected {wanted}, found {}", describe_found(value, &found, Lang::En)),
        };
        let mut issue = Issue::error(self.path.clone(), rule, message);
        issue.expected = Some(expected);
        issue.found = Some(found);
        self.push(issue);
    }
}

/// Appends `.key` (or `["key"]` when it is not an identifier; `key` alone at the root).
pub(crate) fn push_key(path: &mut String, key: &str) {
    let ident = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if ident {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        path.push('[');
        path.push_str(&serde_json::Value::from(key).to_string());
        path.push(']');
    }
}

/// The expected-type token of a shape (`"number"`, `"\"A\" | \"B\""`, …).
pub fn token(shape: &Shape) -> String {
    match shape {
        Shape::String => "string".into(),
        Shape::Number => "number".into(),
        Shape::Integer => "integer".into(),
        Shape::Boolean => "boolean".into(),
        Shape::Date => "date".into(),
        Shape::Any => "any".into(),
        Shape::Nullable(inner) => format!("{} | null", token(inner)),
        Shape::Array(_) => "array".into(),
        Shape::Map(_) | Shape::Model(_) => "object".into(),
        Shape::Enum(values) => values.iter().map(|v| Value::from(*v).to_string()).collect::<Vec<_>>().join(" | "),
        Shape::OneOf(alternatives) => alternatives.iter().map(token).collect::<Vec<_>>().join(" | "),
    }
}

/// What an integer (or number) field wants when the number found is beyond 2^53 − 1.
fn unsafe_number(shape: &Shape, lang: Lang) -> &'static str {
    match (shape, lang) {
        (Shape::Integer, Lang::Fr) => "un entier d'au plus 9007199254740991 en valeur absolue",
        (Shape::Integer, Lang::En) => "an integer of at most 9007199254740991 in absolute value",
        (_, Lang::Fr) => "un nombre d'au plus 9007199254740991 en valeur absolue",
        (_, Lang::En) => "a number of at most 9007199254740991 in absolute value",
    }
}

/// What a shape wants, in words.
fn describe(shape: &Shape, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let s = |a: &str, b: &str| if fr { a.to_string() } else { b.to_string() };
    match shape {
        Shape::String => s("une chaîne", "a string"),
        Shape::Number => s("un nombre", "a number"),
        Shape::Integer => s("un entier", "an integer"),
        Shape::Boolean => s("un booléen", "a boolean"),
        Shape::Date => s("une date ISO 8601 réelle", "a real ISO 8601 date"),
        Shape::Any => s("une valeur JSON", "a JSON value"),
        Shape::Nullable(inner) => format!("{}{}", describe(inner, lang), if fr { " ou null" } else { " or null" }),
        Shape::Array(_) => s("une liste", "an array"),
        Shape::Map(_) | Shape::Model(_) => s("un objet", "an object"),
        Shape::Enum(values) => {
            let list = values.iter().map(|v| Value::from(*v).to_string()).collect::<Vec<_>>().join(", ");
            if fr {
                format!("une des valeurs {list}")
            } else {
                format!("one of {list}")
            }
        }
        Shape::OneOf(alternatives) => alternatives.iter().map(|a| describe(a, lang)).collect::<Vec<_>>().join(if fr { " ou " } else { " or " }),
    }
}

/// The value as JSON text, cut to 40 characters.
pub(crate) fn excerpt(value: &Value) -> String {
    let text = match value {
        Value::Array(_) => "[…]".to_string(),
        Value::Object(_) => "{…}".to_string(),
        v => v.to_string(),
    };
    if text.chars().count() > 40 {
        let mut cut: String = text.chars().take(40).collect();
        cut.push('…');
        cut
    } else {
        text
    }
}

fn describe_found(value: &Value, excerpt: &str, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match value {
        Value::String(_) => format!("{} {excerpt}", if fr { "la chaîne" } else { "the string" }),
        Value::Number(_) => format!("{} {excerpt}", if fr { "le nombre" } else { "the number" }),
        Value::Bool(_) => format!("{} {excerpt}", if fr { "le booléen" } else { "the boolean" }),
        Value::Null => "null".into(),
        Value::Array(_) => (if fr { "une liste" } else { "an array" }).into(),
        Value::Object(_) => (if fr { "un objet" } else { "an object" }).into(),
    }
}

/// A JSON syntax error as a `shape.json` issue, positioned (1-based) and in words.
pub(crate) fn syntax_issue(input: &[u8], e: &serde_json::Error, lang: Lang) -> Issue {
    let raw = e.to_string();
    let raw = raw.rfind(" at line ").map_or(raw.as_str(), |i| raw.get(..i).unwrap_or(""));
    let fr = lang == Lang::Fr;
    let first = input.iter().copied().find(|b| !b.is_ascii_whitespace());
    let why = if first == Some(b'<') {
        ("le texte n'est pas du JSON : il ressemble à du HTML (une page d'erreur ?)", "the text is not JSON: it looks like HTML (an error page?)")
    } else if input.starts_with(BOM) {
        (
            "le texte commence par une marque d'ordre des octets UTF-8 (BOM) : le JSON n'en porte pas (RFC 8259), retirez-la",
            "the text starts with a UTF-8 byte order mark (BOM): JSON text carries none (RFC 8259); remove it",
        )
    } else if first.is_none() {
        ("le texte est vide", "the text is empty")
    } else if raw.starts_with("EOF while parsing") {
        ("le JSON s'arrête avant sa fin (texte tronqué ?)", "the JSON ends early (truncated text?)")
    } else if raw.starts_with("expected value") {
        ("une valeur JSON est attendue ici", "a JSON value is expected here")
    } else if raw.starts_with("expected `,` or `}`") {
        ("une virgule ou « } » est attendue ici", "a comma or `}` is expected here")
    } else if raw.starts_with("expected `,` or `]`") {
        ("une virgule ou « ] » est attendue ici", "a comma or `]` is expected here")
    } else if raw.starts_with("expected `:`") {
        ("« : » est attendu après la clé", "`:` is expected after the key")
    } else if raw.starts_with("key must be a string") {
        ("une clé d'objet doit être une chaîne entre guillemets", "an object key must be a quoted string")
    } else if raw.starts_with("trailing") {
        ("du texte suit la fin du JSON", "text follows the end of the JSON")
    } else if raw.starts_with("recursion limit") {
        ("imbrication trop profonde (plus de 128 niveaux)", "nesting too deep (more than 128 levels)")
    } else if raw.starts_with("number out of range") {
        ("nombre hors des limites d'un double", "number out of a double's range")
    } else if raw.starts_with("invalid number") {
        ("nombre mal formé", "malformed number")
    } else if raw.starts_with("control character") {
        ("caractère de contrôle non échappé dans une chaîne", "unescaped control character in a string")
    } else if is_lone_surrogate(raw) {
        (
            "demi-caractère UTF-16 isolé (un échappement \\uD800 à \\uDFFF sans sa moitié) dans une chaîne : ce n'est pas du texte Unicode",
            "lone surrogate (a \\uD800 to \\uDFFF escape without its other half) in a string: not Unicode text",
        )
    } else if raw.starts_with("invalid unicode code point") {
        ("octets qui ne sont pas de l'UTF-8 dans une chaîne", "bytes that are not UTF-8 in a string")
    } else if raw.contains("surrogate") || raw.contains("escape") || raw.contains("unicode") {
        ("séquence d'échappement ou caractère Unicode invalide dans une chaîne", "invalid escape or Unicode character in a string")
    } else {
        ("syntaxe JSON invalide", "invalid JSON syntax")
    };
    let (line, column) = (e.line().max(1), e.column().max(1));
    let message = if fr {
        format!("JSON invalide ligne {line}, colonne {column} : {}", why.0)
    } else {
        format!("invalid JSON at line {line}, column {column}: {}", why.1)
    };
    // Text that is JSON but not Unicode (a lone surrogate, bytes that are not UTF-8) is
    // placed at the string that holds it, as the typed decode places it.
    let path = if is_lone_surrogate(raw) || raw.starts_with("invalid unicode code point") {
        crate::json_path::path_at(input, e.line(), e.column(), crate::json_path::Anchor::Value)
    } else {
        String::new()
    };
    let mut issue = Issue::error(path, "shape.json", message);
    issue.expected = Some("JSON".into());
    issue.line = Some(line);
    issue.column = Some(column);
    issue
}

/// serde_json's two messages for a `\uD800`–`\uDFFF` escape without its pair: a high
/// half not followed by an escape, and a low half (or a high half followed by another
/// escape) on its own.
pub(crate) fn is_lone_surrogate(serde_message: &str) -> bool {
    serde_message.starts_with("unexpected end of hex escape") || serde_message.starts_with("lone leading surrogate")
}
