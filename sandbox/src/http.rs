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

/// The longest request target (path and query) the routes see: 8 KiB, as
/// most servers allow. Longer ones answer `414` with a JSON body here; beyond
/// 64 KiB hyper itself answers `414` before any route, without a body.
pub const MAX_URI: usize = 8 << 10;

/// Middleware: `414 URI Too Long` (JSON) for a request target over [`MAX_URI`].
pub async fn uri_limit(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if len > MAX_URI {
        return error(StatusCode::URI_TOO_LONG, "uri_too_long", &format!("the request target is {len} bytes; at most {MAX_URI}"), "path");
    }
    next.run(req).await
}

/// A path as echoed in an error message: at most 200 characters, then `…`.
pub fn clip(path: &str) -> String {
    match path.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &path[..i]),
        None => path.to_string(),
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

/// Default of `--body-limit`: request bodies of every provider route but Campus Skills.
/// Lära, Cegos and France Travail bodies are a few kilobytes (a form, one program, a
/// status list); 1 MiB leaves ample room.
pub const DEFAULT_BODY_LIMIT: usize = 1 << 20;
/// Default of `--campus-body-limit`: Campus Skills `POST /contrats` and `/contrats-diff`.
/// A synchronisation sends the whole store at once, about 0.9 KB per contract: 4,000
/// contracts are 3.7 MB, so 32 MiB fits some 35,000.
pub const DEFAULT_CAMPUS_BODY_LIMIT: usize = 32 << 20;

/// Parses a size as `--body-limit` takes it: bytes, or with a binary suffix `k`/`K`
/// (KiB) or `m`/`M` (MiB), e.g. `1M`, `512k`, `4096`.
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 1 << 10),
        Some((i, 'm' | 'M')) => (&t[..i], 1 << 20),
        _ => (t, 1),
    };
    digits
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("expected a positive size in bytes, or with k / M (e.g. 1M, 512k), got {s:?}"))
}

/// The `error` code of the JSON body given to a bare error status.
fn status_code_name(status: StatusCode) -> &'static str {
    match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::URI_TOO_LONG => "uri_too_long",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::RANGE_NOT_SATISFIABLE => "range_not_satisfiable",
        s if s.is_server_error() => "internal",
        _ => "http_error",
    }
}

/// Middleware: every error the sandbox answers has a JSON body. Errors made by
/// axum or tower-http (a 413 body-limit rejection, a 405, a 500 from a file
/// service) come with plain text or nothing; they get the sandbox's shape, with
/// their text as the message. Headers (`Allow`, CORS…) are kept.
pub async fn json_errors(res: Response) -> Response {
    let status = res.status();
    let is_json = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let text = match axum::body::to_bytes(body, 4096).await {
        Ok(b) => String::from_utf8_lossy(&b).trim().to_string(),
        Err(_) => String::new(),
    };
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            format!("the request body is over this route's limit (--body-limit, or --campus-body-limit for Campus Skills): {text}")
        }
        _ if text.is_empty() => status.canonical_reason().unwrap_or("error").to_string(),
        _ => text,
    };
    let fresh = error(status, status_code_name(status), &message, "request");
    let (fresh_parts, fresh_body) = fresh.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_ENCODING);
    if let Some(ct) = fresh_parts.headers.get(header::CONTENT_TYPE) {
        parts.headers.insert(header::CONTENT_TYPE, ct.clone());
    }
    Response::from_parts(parts, fresh_body)
}
