//! The schema registry: one name per request and response (`"cegos.product"`),
//! and the single way in and out of JSON.
//!
//! In Rust, [`parse`] and [`serialize`] are typed by the model. The boundary
//! uses [`Schema`] entries, found by name, which erase the type.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{DecodeError, Error};
use crate::validate::{Issue, Lang, Validate, Validator};

/// A request or response model of one provider.
pub trait Model: Serialize + DeserializeOwned + Validate {
    /// The schema name JavaScript passes to `parse`, e.g. `"cegos.product"`.
    const SCHEMA: &'static str;
}

/// Reads `input` (UTF-8 JSON text) as `T`. Never panics; errors carry the
/// JSON path of the failing value.
pub fn parse<T: Model>(input: &[u8]) -> Result<T, Error> {
    decode(input).map_err(Error::Decode)
}

/// Writes `value` as JSON text in the provider's wire form.
pub fn serialize<T: Model>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::Decode(DecodeError::from_serde(String::new(), &e)))
}

/// Validates `value`, returning every issue (errors and warnings).
pub fn validate<T: Model>(value: &T, lang: Lang) -> Vec<Issue> {
    let mut v = Validator::new(lang);
    value.validate(&mut v);
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

/// A model with its type erased, for callers that hold a schema name.
pub struct Schema {
    /// The schema name, e.g. `"cegos.product"`.
    pub name: &'static str,
    /// The TypeScript type the schema produces.
    pub ts_type: &'static str,
    check: fn(&[u8]) -> Result<(), DecodeError>,
    // Not in the wasm build: JS serializes with JSON.stringify after a check,
    // and leaving every model's Serialize impl out of the binary saves 46 KB raw.
    #[cfg(not(target_arch = "wasm32"))]
    normalize: fn(&[u8]) -> Result<String, Error>,
    validate: fn(&[u8], Lang) -> Result<Vec<Issue>, DecodeError>,
}

impl Schema {
    /// The entry for model `T`, whose TypeScript type is `ts_type`.
    pub const fn of<T: Model>(ts_type: &'static str) -> Self {
        Schema {
            name: T::SCHEMA,
            ts_type,
            check: check::<T>,
            #[cfg(not(target_arch = "wasm32"))]
            normalize: normalize::<T>,
            validate: validate_bytes::<T>,
        }
    }

    /// Checks that `input` decodes as this schema.
    pub fn check(&self, input: &[u8]) -> Result<(), DecodeError> {
        (self.check)(input)
    }

    /// Decodes `input` and writes it back in the model's wire form.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn normalize(&self, input: &[u8]) -> Result<String, Error> {
        (self.normalize)(input)
    }

    /// Decodes `input` and validates it.
    pub fn validate(&self, input: &[u8], lang: Lang) -> Result<Vec<Issue>, DecodeError> {
        (self.validate)(input, lang)
    }
}

fn check<T: Model>(input: &[u8]) -> Result<(), DecodeError> {
    decode::<T>(input).map(drop)
}

#[cfg(not(target_arch = "wasm32"))]
fn normalize<T: Model>(input: &[u8]) -> Result<String, Error> {
    serialize(&decode::<T>(input)?)
}

fn validate_bytes<T: Model>(input: &[u8], lang: Lang) -> Result<Vec<Issue>, DecodeError> {
    decode::<T>(input).map(|v| validate(&v, lang))
}

/// Every provider's schemas.
const PROVIDERS: &[&[Schema]] = &[crate::cegos::SCHEMAS, crate::lara::SCHEMAS, crate::france_travail::SCHEMAS, crate::campus_skills::SCHEMAS];

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
    all().find(|s| s.name == name).ok_or_else(|| Error::UnknownSchema(name.to_string()))
}

/// TypeScript declarations the derive cannot produce (open enums), every provider's.
pub fn ts_declarations() -> impl Iterator<Item = &'static str> {
    [crate::cegos::TS_DECLS, crate::lara::TS_DECLS, crate::france_travail::TS_DECLS, crate::campus_skills::TS_DECLS].into_iter().flat_map(|d| d.iter().copied())
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
