//! Faults on demand. A spec is a comma-separated list of items, given per
//! request (`X-Formakit-Fault: <spec>` or `?__fault=<spec>`) or per server
//! (`--fault <spec>`, `--latency-ms`). The table is in the crate README.
//!
//! `times=N` limits a spec to the first N requests that carry it (counted per
//! normalized spec, `id=S` only makes two specs distinct), so a retrying
//! client can see "503 once, then success".

use std::collections::BTreeMap;
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
const MAX_ID_LEN: usize = 64;

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
    /// `times=N`: the items of this spec apply to the first N requests carrying it.
    pub times: Option<u32>,
    /// `id=S`: a free label, only makes the spec (and its `times` counter) distinct.
    pub id: Option<String>,
    /// The normalized items (name lowercased, `name=arg`), sorted and deduplicated:
    /// the key of the `times` counter.
    pub items: Vec<String>,
}

/// How many requests carried each counted spec (`times=N`), by [`FaultSpec::key`].
pub type FaultCounters = BTreeMap<String, u32>;

fn times(item: &str, v: &str) -> Result<u32, String> {
    v.parse::<u32>().ok().filter(|n| *n >= 1).ok_or_else(|| format!("`{item}`: expected a number of requests, at least 1"))
}

fn label(item: &str, v: &str) -> Result<String, String> {
    let ok = (1..=MAX_ID_LEN).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(v.to_string())
    } else {
        Err(format!("`{item}`: expected 1 to {MAX_ID_LEN} characters among A-Z, a-z, 0-9, `_` and `-`"))
    }
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
            let lower = name.to_ascii_lowercase();
            spec.items.push(match arg {
                Some(a) => format!("{lower}={a}"),
                None => lower.clone(),
            });
            match (lower.as_str(), arg) {
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
                ("times", Some(v)) => spec.times = Some(times(item, v)?),
                ("id", Some(v)) => spec.id = Some(label(item, v)?),
                ("times", None) | ("id", None) => return Err(format!("`{item}`: expects a value (`{lower}=…`)")),
                _ => {
                    return Err(format!(
                        "unknown fault `{item}`; known: latency=MS, 429, 429:SECS, 500, 502, 503, reset, truncate, invalid-json, trickle=MS[:BYTES], expired-token, none, times=N, id=LABEL"
                    ))
                }
            }
        }
        spec.items.sort();
        spec.items.dedup();
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
        let mut items: Vec<String> = server.items.iter().chain(&request.items).cloned().collect();
        items.sort();
        items.dedup();
        FaultSpec {
            latency_ms: request.latency_ms.or(server.latency_ms),
            status: request.status.or(server.status),
            reset: request.reset || server.reset,
            truncate: request.truncate || server.truncate,
            invalid_json: request.invalid_json || server.invalid_json,
            trickle: request.trickle.or(server.trickle),
            expired_token: request.expired_token || server.expired_token,
            none: false,
            times: request.times.or(server.times),
            id: request.id.clone().or_else(|| server.id.clone()),
            items,
        }
    }

    /// The key of this spec's `times` counter: its normalized items.
    pub fn key(&self) -> String {
        self.items.join(",")
    }

    /// Counts one more request carrying this spec and tells whether its items
    /// still apply (always, without `times`). Past the N first, the caller
    /// treats the spec as empty.
    pub fn counts_down(&self, counters: &mut FaultCounters, scope: &str) -> bool {
        let Some(n) = self.times else {
            return true;
        };
        let seen = counters.entry(format!("{scope}{}", self.key())).or_insert(0);
        *seen = seen.saturating_add(1);
        *seen <= n
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
        Ok(s) => s,
        Err(res) => return res,
    };
    let spec = {
        let mut counters = crate::lock(&state.fault_counters);
        let request = if spec.counts_down(&mut counters, "request:") { spec } else { FaultSpec::default() };
        // A `--fault` with `times=N` counts every request that does not lift it with `none`.
        let server =
            if request.none || state.server_faults.counts_down(&mut counters, "server:") { (*state.server_faults).clone() } else { FaultSpec::default() };
        FaultSpec::merged(&server, &request)
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

    #[test]
    fn times_and_id() {
        let a: FaultSpec = "503, TIMES=2,id=t-4_2".parse().unwrap_or_default();
        let b: FaultSpec = "id=t-4_2,times:2 ,503".parse().unwrap_or_default();
        assert_eq!((a.times, a.id.as_deref()), (Some(2), Some("t-4_2")));
        assert_eq!(a.key(), "503,id=t-4_2,times=2");
        assert_eq!(a.key(), b.key());
        let mut counters = FaultCounters::new();
        assert!(a.counts_down(&mut counters, ""));
        assert!(b.counts_down(&mut counters, ""));
        assert!(!a.counts_down(&mut counters, ""));
        let plain: FaultSpec = "503".parse().unwrap_or_default();
        assert!(plain.counts_down(&mut counters, "") && plain.counts_down(&mut counters, ""));
        for bad in ["times=0", "times=-1", "times=x", "times", "id=", "id", "id=a b", "id=é", "id=a.b"] {
            assert!(bad.parse::<FaultSpec>().is_err(), "{bad}");
        }
        assert!(format!("id={}", "a".repeat(64)).parse::<FaultSpec>().is_ok());
        assert!(format!("id={}", "a".repeat(65)).parse::<FaultSpec>().is_err());
    }
}
