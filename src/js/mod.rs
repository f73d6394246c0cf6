//! The JavaScript boundary: converts and forwards, nothing else.
//!
//! Only strings and byte slices cross it. Errors cross as JSON text that the
//! package's thin JS entry turns into a `FormakitError`; successful parses
//! return nothing, and the JS entry hands back `JSON.parse` of the same bytes:
//! the models are lossless and keep wire names, so that object *is* the model.

#[cfg(feature = "client")]
mod client;
#[cfg(feature = "campus-csv")]
mod csv;
mod inference;

/// The wasm's allocator: talc, smaller than Rust's default dlmalloc for wasm32.
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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
        Error::UnknownSchema { name, .. } => {
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

/// Every structural issue of `input` (the Rust checker, the same rules as
/// the generated JavaScript one): `{"ok":true,"dropped":[…]}` or
/// `{"ok":false,"issues":[…],"truncated":bool}`, or `{"ok":false,"error":{…}}`
/// for an unknown schema. JS calls it when `JSON.parse` throws, to place the
/// syntax error, and the differential tests call it beside the JS checker.
#[wasm_bindgen(js_name = safeParseText)]
pub fn safe_parse_text(schema: &str, input: &str, lang: &str, drop_invalid_items: bool) -> String {
    let lang = Lang::parse(lang).unwrap_or_default();
    let schema = match schema::find(schema) {
        Ok(s) => s,
        Err(e) => return format!("{{\"ok\":false,\"error\":{}}}", error_json(&e)),
    };
    match schema.safe_parse(input.as_bytes(), lang, drop_invalid_items) {
        Ok(checked) => {
            let dropped: Vec<serde_json::Value> = checked
                .dropped
                .iter()
                .map(|d| serde_json::json!({ "index": d.index, "issues": serde_json::to_value(&d.issues).unwrap_or_default() }))
                .collect();
            format!("{{\"ok\":true,\"dropped\":{}}}", serde_json::Value::from(dropped))
        }
        Err(report) => {
            let issues = serde_json::to_string(&report.issues).unwrap_or_else(|_| "[]".into());
            format!("{{\"ok\":false,\"issues\":{issues},\"truncated\":{}}}", report.truncated)
        }
    }
}

/// Validates `input` (JSON text) against `schema`: `{"ok":true,"issues":[…]}`
/// with the structural issues (`shape.*`) beside the rules' (a wrong shape is
/// listed, never thrown), or `{"ok":false,"error":{…}}` for an unknown schema.
#[wasm_bindgen(js_name = validateText)]
pub fn validate_text(schema: &str, input: &str, lang: &str) -> String {
    let lang = Lang::parse(lang).unwrap_or_default();
    match schema::find(schema) {
        Ok(s) => {
            let issues = serde_json::to_string(&s.validate(input.as_bytes(), lang)).unwrap_or_else(|_| "[]".into());
            format!("{{\"ok\":true,\"issues\":{issues}}}")
        }
        Err(e) => format!("{{\"ok\":false,\"error\":{}}}", error_json(&e)),
    }
}

/// The endpoint table, as JSON text (`endpoints()` in JS).
#[wasm_bindgen(js_name = endpointsJson)]
pub fn endpoints_json() -> String {
    crate::endpoints::endpoints_json()
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
