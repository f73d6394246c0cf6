//! Faults on demand. A spec is a comma-separated list of items, given per
//! request (`X-Formakit-Fault: <spec>` or `?__fault=<spec>`) or per server
//! (`--fault <spec>`, `--latency-ms`). The table is in the crate README.

use std::str::FromStr;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use bytes::Bytes;
use tokio::sync::Notify;

use crate::http;
use crate::AppState;

pub const HEADER: &str = "x-formakit-fault";
pub const QUERY: &str = "__fault";
const MAX_MS: u64 = 120_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusFault {
    TooManyRequests { retry_after: u64 },
    Internal,
    BadGateway,
    Unavailable,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FaultSpec {
    pub latency_ms: Option<u64>,
    pub status: Option<StatusFault>,
    pub reset: bool,
    pub truncate: bool,
    pub invalid_json: bool,
    /// (delay between chunks in ms, chunk size in bytes)
    pub trickle: Option<(u64, usize)>,
    pub expired_token: bool,
    /// `none`: ignore the server-wide faults for this request.
    pub none: bool,
}

fn millis(item: &str, v: &str) -> Result<u64, String> {
    let ms: u64 = v.trim().parse().map_err(|_| format!("`{item}`: expected a number of milliseconds"))?;
    if ms > MAX_MS {
        return Err(format!("`{item}`: at most {MAX_MS} ms"));
    }
    Ok(ms)
}

impl FromStr for FaultSpec {
    type Err = String;

    fn from_str(s: &str) -> Result<FaultSpec, String> {
        let mut spec = FaultSpec::default();
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (name, arg) = match item.split_once(['=', ':']) {
                Some((n, a)) => (n.trim(), Some(a.trim())),
                None => (item, None),
            };
            let status = |f| Ok::<_, String>(Some(f));
            match (name.to_ascii_lowercase().as_str(), arg) {
                ("latency", Some(v)) => spec.latency_ms = Some(millis(item, v)?),
                ("429", None) => spec.status = status(StatusFault::TooManyRequests { retry_after: 1 })?,
                ("429", Some(v)) => {
                    let n = v.parse().map_err(|_| format!("`{item}`: Retry-After must be a number of seconds"))?;
                    spec.status = status(StatusFault::TooManyRequests { retry_after: n })?
                }
                ("500", None) => spec.status = status(StatusFault::Internal)?,
                ("502", None) => spec.status = status(StatusFault::BadGateway)?,
                ("503", None) => spec.status = status(StatusFault::Unavailable)?,
                ("reset", None) => spec.reset = true,
                ("truncate", None) => spec.truncate = true,
                ("invalid-json", None) => spec.invalid_json = true,
                ("trickle", Some(v)) => {
                    let (ms, size) = match v.split_once(':') {
                        Some((ms, size)) => (ms, size.trim().parse::<usize>().ok().filter(|n| *n > 0).ok_or(format!("`{item}`: chunk size must be a positive number of bytes"))?),
                        None => (v, 64),
                    };
                    spec.trickle = Some((millis(item, ms)?, size));
                }
                ("expired-token", None) => spec.expired_token = true,
                ("none", None) => spec.none = true,
                _ => {
                    return Err(format!(
                        "unknown fault `{item}`; known: latency=MS, 429, 429:SECS, 500, 502, 503, reset, truncate, invalid-json, trickle=MS[:BYTES], expired-token, none"
                    ))
                }
            }
        }
        Ok(spec)
    }
}

impl FaultSpec {
    /// The request's spec applied over the server's: request values win,
    /// flags add up; `none` in the request drops the server's.
    pub fn merged(server: &FaultSpec, request: &FaultSpec) -> FaultSpec {
        if request.none {
            return request.clone();
        }
        FaultSpec {
            latency_ms: request.latency_ms.or(server.latency_ms),
            status: request.status.or(server.status),
            reset: request.reset || server.reset,
            truncate: request.truncate || server.truncate,
            invalid_json: request.invalid_json || server.invalid_json,
            trickle: request.trickle.or(server.trickle),
            expired_token: request.expired_token || server.expired_token,
            none: false,
        }
    }
}

/// Marker put in the request extensions: the bearer must be treated as expired.
#[derive(Clone, Copy, Debug)]
pub struct ForceExpiredToken;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbortMode {
    /// Close with an RST (SO_LINGER 0): the client sees "connection reset".
    Reset = 1,
    /// Close with a FIN: the client sees the stream end early.
    Close = 2,
}

/// Lets a request end its own TCP connection. The accept loop puts one in
/// every request's extensions and drops the connection when it fires.
#[derive(Clone, Default)]
pub struct ConnHandle(Arc<(Notify, AtomicU8)>);

impl ConnHandle {
    pub fn abort(&self, mode: AbortMode) {
        self.0 .1.store(mode as u8, Ordering::SeqCst);
        self.0 .0.notify_one();
    }

    pub async fn aborted(&self) -> AbortMode {
        self.0 .0.notified().await;
        if self.0 .1.load(Ordering::SeqCst) == AbortMode::Close as u8 {
            AbortMode::Close
        } else {
            AbortMode::Reset
        }
    }
}

fn request_spec(req: &Request) -> Result<FaultSpec, Response> {
    let mut spec = FaultSpec::default();
    if let Some(v) = req.headers().get(HEADER) {
        let s = v.to_str().map_err(|_| http::bad_request("invalid_fault", "the fault header is not ASCII", "header.X-Formakit-Fault"))?;
        spec = s.parse().map_err(|e: String| http::bad_request("invalid_fault", &e, "header.X-Formakit-Fault"))?;
    }
    let pairs = http::query_pairs(req.uri().query())?;
    for (k, v) in pairs.iter().filter(|(k, _)| k == QUERY) {
        let q: FaultSpec = v.parse().map_err(|e: String| http::bad_request("invalid_fault", &e, &format!("query.{k}")))?;
        spec = FaultSpec::merged(&spec, &q);
    }
    Ok(spec)
}

fn fault_error(status: StatusCode, code: &str, message: &str) -> Response {
    http::error(status, code, message, "fault")
}

/// The middleware in front of every provider route.
pub async fn layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let spec = match request_spec(&req) {
        Ok(s) => FaultSpec::merged(&state.server_faults, &s),
        Err(res) => return res,
    };
    if let Some(ms) = spec.latency_ms.filter(|ms| *ms > 0) {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    let conn = req.extensions().get::<ConnHandle>().cloned();
    if spec.reset {
        return match conn {
            Some(c) => {
                c.abort(AbortMode::Reset);
                std::future::pending::<Response>().await
            }
            // Not behind our accept loop: a body that fails at once makes hyper drop the connection.
            None => failing_body(Bytes::new(), None),
        };
    }
    match spec.status {
        Some(StatusFault::TooManyRequests { retry_after }) => {
            let mut res =
                fault_error(StatusCode::TOO_MANY_REQUESTS, "too_many_requests", &format!("injected fault: rate limit exceeded, retry after {retry_after} s"));
            if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            return res;
        }
        Some(StatusFault::Internal) => return fault_error(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "injected fault: internal server error"),
        Some(StatusFault::BadGateway) => return fault_error(StatusCode::BAD_GATEWAY, "bad_gateway", "injected fault: bad gateway"),
        Some(StatusFault::Unavailable) => return fault_error(StatusCode::SERVICE_UNAVAILABLE, "service_unavailable", "injected fault: service unavailable"),
        None => {}
    }
    if spec.expired_token {
        req.extensions_mut().insert(ForceExpiredToken);
    }
    let res = next.run(req).await;
    if !(spec.invalid_json || spec.truncate || spec.trickle.is_some()) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => return fault_error(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", &format!("reading the response failed: {e}")),
    };
    let mut bytes = bytes;
    if spec.invalid_json {
        bytes = corrupt(&bytes);
        parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    }
    if spec.truncate {
        // Content-Length announces the whole body; half of it is sent, then the connection closes.
        parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
        let keep = bytes.len() / 2;
        let body = match conn {
            Some(c) => truncated_body(bytes.slice(..keep), c),
            None => return failing_body(bytes.slice(..keep), Some(parts)),
        };
        return Response::from_parts(parts, body);
    }
    if let Some((ms, size)) = spec.trickle {
        parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
        return Response::from_parts(parts, trickled_body(bytes, ms, size));
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Cuts a JSON document in the middle and appends garbage, keeping UTF-8 valid.
fn corrupt(bytes: &Bytes) -> Bytes {
    let text = String::from_utf8_lossy(bytes);
    let mut cut = text.len() / 2;
    while cut > 0 && !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut s = text.get(..cut).unwrap_or("").to_string();
    s.push_str("\u{0}<!-- upstream proxy error -->");
    Bytes::from(s)
}

fn truncated_body(head: Bytes, conn: ConnHandle) -> Body {
    let stream = futures_util::stream::unfold(0u8, move |step| {
        let head = head.clone();
        let conn = conn.clone();
        async move {
            match step {
                0 => Some((Ok::<Bytes, std::io::Error>(head), 1)),
                _ => {
                    // Let hyper flush what was sent, then close: the client is left
                    // waiting for bytes that never come.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    conn.abort(AbortMode::Close);
                    std::future::pending::<()>().await;
                    None
                }
            }
        }
    });
    Body::from_stream(stream)
}

fn failing_body(head: Bytes, parts: Option<axum::http::response::Parts>) -> Response {
    let stream = futures_util::stream::iter(vec![Ok(head), Err(std::io::Error::new(std::io::ErrorKind::ConnectionAborted, "injected fault"))]);
    match parts {
        Some(p) => Response::from_parts(p, Body::from_stream(stream)),
        None => Response::new(Body::from_stream(stream)),
    }
}

fn trickled_body(bytes: Bytes, ms: u64, size: usize) -> Body {
    let stream = futures_util::stream::unfold((bytes, true), move |(rest, first)| async move {
        if rest.is_empty() {
            return None;
        }
        if !first {
            tokio::time::sleep(Duration::from_millis(ms)).await;
        }
        let n = size.min(rest.len());
        let chunk = rest.slice(..n);
        let rest = rest.slice(n..);
        Some((Ok::<Bytes, std::io::Error>(chunk), (rest, false)))
    });
    Body::from_stream(stream)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_specs() {
        let s: FaultSpec = "latency=200, 429:7,trickle=10:8,expired-token".parse().unwrap_or_default();
        assert_eq!(s.latency_ms, Some(200));
        assert_eq!(s.status, Some(StatusFault::TooManyRequests { retry_after: 7 }));
        assert_eq!(s.trickle, Some((10, 8)));
        assert!(s.expired_token);
        assert!("teapot".parse::<FaultSpec>().is_err());
        assert!("latency=abc".parse::<FaultSpec>().is_err());
    }
}
