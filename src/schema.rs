//! The schema registry: one name per request and response (`"cegos.product"`),
//! the providers this build carries, and their shape descriptors.
//!
//! This module sits above the provider modules (the list is written by
//! `build.rs` from their `#[model(schema = "…")]` declarations); the types it
//! lists come from [`crate::model`], below them. `tests/layers.rs` keeps the
//! module graph free of cycles.

use std::fmt::Write as _;

use crate::error::Error;
pub use crate::model::{assert_valid, parse, safe_parse, serialize, validate, Checked, Dropped, Model, Schema};
use crate::shape::{ModelShape, Shape};

include!(concat!(env!("OUT_DIR"), "/registry.rs"));

/// Every provider's schemas (the providers this build carries).
const PROVIDERS: &[&[Schema]] = &[
    #[cfg(feature = "cegos")]
    CEGOS,
    #[cfg(feature = "lara")]
    LARA,
    #[cfg(feature = "france-travail")]
    FRANCE_TRAVAIL,
    #[cfg(feature = "campus-skills")]
    CAMPUS_SKILLS,
];

/// Every schema, in provider order.
pub fn all() -> impl Iterator<Item = &'static Schema> {
    PROVIDERS.iter().flat_map(|p| p.iter())
}

/// Every schema name.
pub fn names() -> impl Iterator<Item = &'static str> {
    all().map(|s| s.name)
}

/// The schema called `name`.
pub fn find(name: &str) -> Result<&'static Schema, Error> {
    all().find(|s| s.name == name).ok_or_else(|| Error::UnknownSchema { name: name.to_string(), known: names().collect::<Vec<_>>().join(", ") })
}

/// TypeScript declarations the derive cannot produce (open enums), every provider's.
pub fn ts_declarations() -> impl Iterator<Item = &'static str> {
    const DECLS: &[&[&str]] = &[
        #[cfg(feature = "cegos")]
        CEGOS_TS,
        #[cfg(feature = "lara")]
        LARA_TS,
        #[cfg(feature = "france-travail")]
        FRANCE_TRAVAIL_TS,
        #[cfg(feature = "campus-skills")]
        CAMPUS_SKILLS_TS,
    ];
    DECLS.iter().flat_map(|d| d.iter().copied())
}

/// Every model reachable from the registry, and every schema, as JSON text:
/// the input of `scripts/gen-checkers.mjs` (`cargo run --example shapes`).
pub fn descriptors_json() -> String {
    let mut models: Vec<&'static ModelShape> = Vec::new();
    let mut schemas = String::new();
    for (i, s) in all().enumerate() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_names_are_unique_and_namespaced() {
        let names: Vec<_> = names().collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "duplicate schema name in {names:?}");
        for n in names {
            let (provider, rest) = n.split_once('.').unwrap();
            assert!(["cegos", "lara", "francetravail", "campusskills"].contains(&provider), "{n}");
            assert!(!rest.is_empty() && !rest.contains('.'), "{n}");
        }
    }

    #[test]
    fn unknown_schema_lists_the_known_ones() {
        let err = find("cegos.nope").err().unwrap();
        assert!(err.to_string().contains("cegos.catalogs"), "{err}");
    }
}
