//! Small HTTP helpers shared by the provider modules: JSON responses, the
//! sandbox's error shape, query and body parsing that never panics.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{json, Value};

pub const JSON_UTF8: &str = "application/json; charset=utf-8";

/// Serializes `body` as the response. Field order follows the structs, and
/// maps are `BTreeMap`s, so equal data always gives equal bytes.
pub fn json<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => json_bytes(status, bytes, JSON_UTF8),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, "serialization", &e.to_string(), "response"),
    }
}

pub fn json_bytes(status: StatusCode, bytes: Vec<u8>, content_type: &'static str) -> Response {
    let mut res = (status, bytes).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    res
}

/// The sandbox's own error shape (providers that document none):
/// `{"error": code, "message": why, "where": location}`.
pub fn error(status: StatusCode, code: &str, message: &str, location: &str) -> Response {
    json(status, &json!({"error": code, "message": message, "where": location}))
}

pub fn bad_request(code: &str, message: &str, location: &str) -> Response {
    error(StatusCode::BAD_REQUEST, code, message, location)
}

/// Decodes a raw query string into ordered pairs.
pub fn query_pairs(raw: Option<&str>) -> Result<Vec<(String, String)>, Response> {
    match raw {
        None => Ok(Vec::new()),
        Some(q) => serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .map_err(|e| bad_request("invalid_query", &format!("the query string cannot be decoded: {e}"), "query")),
    }
}

/// First value of `name` (case-insensitive, as ASP.NET binds), if any.
pub fn query_get<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// Parses an integer query parameter, answering 400 naming the parameter.
pub fn query_int(pairs: &[(String, String)], name: &str) -> Result<Option<i64>, Response> {
    match query_get(pairs, name) {
        None | Some("") => Ok(None),
        Some(v) => v
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| bad_request("invalid_query", &format!("`{name}` must be an integer, got {v:?}"), &format!("query.{name}"))),
    }
}

/// Parses a boolean query parameter (`true`/`false`, any case, `1`/`0`).
pub fn query_bool(pairs: &[(String, String)], name: &str) -> Result<Option<bool>, Response> {
    match query_get(pairs, name) {
        None | Some("") => Ok(None),
        Some(v) => match v.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Ok(Some(true)),
            "false" | "0" => Ok(Some(false)),
            _ => Err(bad_request("invalid_query", &format!("`{name}` must be true or false, got {v:?}"), &format!("query.{name}"))),
        },
    }
}

/// Parses a JSON body; an empty body is `{}` (Lära's `cycle/getlist` sends none).
pub fn json_body(bytes: &[u8]) -> Result<Value, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(Value::Object(Default::default()));
    }
    serde_json::from_slice(bytes).map_err(|e| format!("the body is not valid JSON (line {}, column {}): {e}", e.line(), e.column()))
}

/// `{"data": …}` keeping the inner value's field order (Cegos envelope).
#[derive(Serialize)]
pub struct Envelope<T: Serialize> {
    pub data: T,
}

pub fn data<T: Serialize>(value: T) -> Response {
    json(StatusCode::OK, &Envelope { data: value })
}
