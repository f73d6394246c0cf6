//! The JavaScript boundary: converts and forwards, nothing else.
//!
//! Only strings and byte slices cross it. Errors cross as JSON text that the
//! package's thin JS entry turns into a `FormakitError`; successful parses
//! return nothing, and the JS entry hands back `JSON.parse` of the same bytes:
//! the models are lossless and keep wire names, so that object *is* the model.

mod inference;

use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::schema;
use crate::validate::Lang;

pub(crate) fn error_json(e: &Error) -> String {
    let mut obj = serde_json::Map::new();
    obj.insert("kind".into(), e.kind().into());
    obj.insert("message".into(), e.to_string().into());
    match e {
        Error::Decode(d) => {
            obj.insert("path".into(), d.path.clone().into());
            obj.insert("expected".into(), d.expected.clone().into());
            obj.insert("found".into(), d.found.clone().into());
            obj.insert("line".into(), d.line.into());
            obj.insert("column".into(), d.column.into());
        }
        Error::Validation(issues) => {
            obj.insert("issues".into(), serde_json::to_value(issues).unwrap_or_default());
        }
        Error::UnknownSchema(name) => {
            obj.insert("schema".into(), name.clone().into());
        }
    }
    serde_json::Value::Object(obj).to_string()
}

/// Checks `input` against `schema`. Returns `undefined` when it decodes, else
/// the error as JSON text.
#[wasm_bindgen(js_name = checkBytes)]
pub fn check_bytes(schema: &str, input: &[u8]) -> Option<String> {
    schema::find(schema).and_then(|s| s.check(input).map_err(Error::from)).err().map(|e| error_json(&e))
}

/// Same as `checkBytes`, for JSON text.
#[wasm_bindgen(js_name = checkText)]
pub fn check_text(schema: &str, input: &str) -> Option<String> {
    check_bytes(schema, input.as_bytes())
}

/// Validates `input` (JSON text) against `schema`: `{"ok":true,"issues":[…]}`
/// or `{"ok":false,"error":{…}}` when it does not decode.
#[wasm_bindgen(js_name = validateText)]
pub fn validate_text(schema: &str, input: &str, lang: &str) -> String {
    let lang = Lang::parse(lang).unwrap_or_default();
    let result = schema::find(schema).and_then(|s| s.validate(input.as_bytes(), lang).map_err(Error::from));
    match result {
        Ok(issues) => {
            let issues = serde_json::to_string(&issues).unwrap_or_else(|_| "[]".into());
            format!("{{\"ok\":true,\"issues\":{issues}}}")
        }
        Err(e) => format!("{{\"ok\":false,\"error\":{}}}", error_json(&e)),
    }
}

/// Every schema name, comma-separated.
#[wasm_bindgen(js_name = schemaNames)]
pub fn schema_names() -> String {
    schema::names().collect::<Vec<_>>().join(",")
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
