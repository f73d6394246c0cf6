//! Shape descriptors: what JSON each model accepts, as data.
//!
//! `#[model]` writes one [`ModelShape`] per struct from the same declaration
//! serde reads, so the descriptor cannot drift from the decoder. Two checkers
//! read it: [`crate::check`] here (every structural issue, with its path) and
//! the JavaScript checker that `scripts/gen-checkers.mjs` generates from
//! [`descriptors_json`] at build time. Both follow the same rules, and tests
//! hold them to what serde decodes (`tests/shape_differential.rs`,
//! `tests/package/differential.test.mjs`).

use std::fmt::Write as _;

use crate::wire::{Json, Nullable, WireDate};

/// What a JSON value must look like.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// Any string.
    String,
    /// A finite number.
    Number,
    /// An integer JavaScript holds exactly: `|n| <= 2^53 - 1` (`3.0` is one).
    Integer,
    /// `true` or `false`.
    Boolean,
    /// A string [`crate::dates::Timestamp::parse_wire`] reads (`""` and .NET's MinValue mean "no date").
    Date,
    /// Any JSON value.
    Any,
    /// `null` or the inner shape.
    Nullable(&'static Shape),
    /// An array of the inner shape.
    Array(&'static Shape),
    /// An object with any keys, each value of the inner shape.
    Map(&'static Shape),
    /// One of these strings (a closed enumeration).
    Enum(&'static [&'static str]),
    /// The first alternative that matches (an untagged union).
    OneOf(&'static [Shape]),
    /// An object checked against a model; unknown keys are always allowed.
    Model(fn() -> &'static ModelShape),
}

/// One model: its TypeScript name, the Rust module it lives in, its fields in declaration order.
#[derive(Debug)]
pub struct ModelShape {
    /// The TypeScript (and Rust) type name, e.g. `CegosProduct`.
    pub name: &'static str,
    /// `module_path!()` of the declaration, e.g. `formakit::cegos::models`.
    pub module: &'static str,
    /// The named fields, in declaration order.
    pub fields: &'static [FieldShape],
}

/// One field of a model.
#[derive(Debug)]
pub struct FieldShape {
    /// The wire name.
    pub name: &'static str,
    /// True when the field may be absent.
    pub optional: bool,
    /// What its value must look like.
    pub shape: Shape,
}

/// A type with a shape descriptor (written by `#[model]` for models).
pub trait HasShape {
    /// The descriptor.
    const SHAPE: Shape;
}

/// A struct model's descriptor (written by `#[model]`).
pub trait HasModelShape {
    /// The descriptor, built once.
    fn model_shape() -> &'static ModelShape;
}

macro_rules! leaf {
    ($shape:ident: $($t:ty),+) => { $(impl HasShape for $t { const SHAPE: Shape = Shape::$shape; })+ };
}
leaf!(String: String);
leaf!(Number: f64, f32);
leaf!(Integer: i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);
leaf!(Boolean: bool);
leaf!(Date: WireDate);
leaf!(Any: Json);

impl<T: HasShape> HasShape for Nullable<T> {
    const SHAPE: Shape = Shape::Nullable(&T::SHAPE);
}
impl<T: HasShape> HasShape for Option<T> {
    const SHAPE: Shape = Shape::Nullable(&T::SHAPE);
}
impl<T: HasShape> HasShape for Vec<T> {
    const SHAPE: Shape = Shape::Array(&T::SHAPE);
}
impl<T: HasShape> HasShape for std::collections::BTreeMap<String, T> {
    const SHAPE: Shape = Shape::Map(&T::SHAPE);
}
impl<T: HasShape> HasShape for serde_json::Map<String, T> {
    const SHAPE: Shape = Shape::Map(&T::SHAPE);
}

/// The largest integer JavaScript holds exactly (`Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// Every model reachable from the registry, and every schema, as JSON text:
/// the input of `scripts/gen-checkers.mjs` (`cargo run --example shapes`).
pub fn descriptors_json() -> String {
    let mut models: Vec<&'static ModelShape> = Vec::new();
    let mut schemas = String::new();
    for (i, s) in crate::schema::all().enumerate() {
        if i > 0 {
            schemas.push(',');
        }
        let _ = write!(schemas, "{}:{{\"provider\":{},\"ts\":{},\"type\":", quote(s.name), quote(s.provider()), quote(s.ts_type));
        write_shape(&mut schemas, &s.shape, &mut models);
        if let Some(items) = s.items {
            let _ = write!(schemas, ",\"items\":{}", quote(items));
        }
        schemas.push('}');
    }
    // Models found while writing refer to further models: walk until closed.
    let mut out = String::new();
    let mut done = 0;
    while let Some(m) = models.get(done).copied() {
        done += 1;
        if !out.is_empty() {
            out.push(',');
        }
        let _ = write!(out, "{}:{{\"provider\":{},\"fields\":[", quote(m.name), quote(provider_of(m.module)));
        for (j, f) in m.fields.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            let _ = write!(out, "{{\"name\":{},\"optional\":{},\"type\":", quote(f.name), f.optional);
            write_shape(&mut out, &f.shape, &mut models);
            out.push('}');
        }
        out.push_str("]}");
    }
    format!("{{\"maxIssues\":{},\"schemas\":{{{schemas}}},\"models\":{{{out}}}}}", crate::check::MAX_ISSUES)
}

/// The provider a module path belongs to (`formakit::cegos::models` → `cegos`).
pub(crate) fn provider_of(module: &str) -> &'static str {
    let mut parts = module.split("::");
    parts.next();
    match parts.next() {
        Some("cegos") => "cegos",
        Some("lara") => "lara",
        Some("france_travail") => "francetravail",
        Some("campus_skills") => "campusskills",
        _ => "shared",
    }
}

fn quote(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

fn write_shape(out: &mut String, shape: &Shape, models: &mut Vec<&'static ModelShape>) {
    match shape {
        Shape::String => out.push_str("{\"t\":\"string\"}"),
        Shape::Number => out.push_str("{\"t\":\"number\"}"),
        Shape::Integer => out.push_str("{\"t\":\"integer\"}"),
        Shape::Boolean => out.push_str("{\"t\":\"boolean\"}"),
        Shape::Date => out.push_str("{\"t\":\"date\"}"),
        Shape::Any => out.push_str("{\"t\":\"any\"}"),
        Shape::Nullable(inner) | Shape::Array(inner) | Shape::Map(inner) => {
            let t = match shape {
                Shape::Nullable(_) => "nullable",
                Shape::Array(_) => "array",
                _ => "map",
            };
            let _ = write!(out, "{{\"t\":\"{t}\",\"of\":");
            write_shape(out, inner, models);
            out.push('}');
        }
        Shape::Enum(values) => {
            out.push_str("{\"t\":\"enum\",\"values\":[");
            out.push_str(&values.iter().map(|v| quote(v)).collect::<Vec<_>>().join(","));
            out.push_str("]}");
        }
        Shape::OneOf(alternatives) => {
            out.push_str("{\"t\":\"oneOf\",\"of\":[");
            for (i, a) in alternatives.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_shape(out, a, models);
            }
            out.push_str("]}");
        }
        Shape::Model(f) => {
            let m = f();
            if !models.iter().any(|k| std::ptr::eq(*k, m)) {
                models.push(m);
            }
            let _ = write!(out, "{{\"t\":\"ref\",\"model\":{}}}", quote(m.name));
        }
    }
}
