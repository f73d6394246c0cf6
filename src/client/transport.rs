//! What a host supplies to the clients: sending a request, sleeping, the
//! time and a random number, and optionally a token and hooks. The wasm
//! boundary implements it on the global `fetch` (gloo-net) and `setTimeout`;
//! the `host-client` feature on reqwest and tokio; tests on a fake clock.

use std::future::Future;

use crate::endpoint::Method;

/// A request ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The endpoint id (`"cegos.products"`).
    pub endpoint: String,
    /// The method.
    pub method: Method,
    /// The full URL, query included; never holds a credential.
    pub url: String,
    /// Headers to send (`Authorization` among them, so never show them as they are).
    pub headers: Vec<(String, String)>,
    /// The body, for POST (JSON or form text).
    pub body: Option<String>,
}

impl HttpRequest {
    /// The headers with credentials replaced by `[redacted]`, for hooks and logs.
    pub fn redacted_headers(&self) -> Vec<(String, String)> {
        self.headers
            .iter()
            .map(|(k, v)| {
                let secret = k.eq_ignore_ascii_case("authorization") || k.eq_ignore_ascii_case("x-api-key");
                (k.clone(), if secret { "[redacted]".to_string() } else { v.clone() })
            })
            .collect()
    }
}

/// An answer: status and headers, and the body or why it could not be read in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// The HTTP status.
    pub status: u16,
    /// The headers (names in any case).
    pub headers: Vec<(String, String)>,
    /// The body bytes, or the reason reading them stopped (the connection closed early).
    pub body: Result<Vec<u8>, String>,
}

impl HttpResponse {
    /// The first header called `name` (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Why no answer came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// The attempt's timeout fired.
    Timeout,
    /// The caller's signal fired.
    Aborted,
    /// The connection failed (refused, reset, DNS, CORS); the host's words.
    Network(String),
}

/// One sent or answered request, as hooks see it: nothing secret.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    /// The endpoint id.
    pub endpoint: String,
    /// The method.
    pub method: Method,
    /// The URL (no credential is ever in one).
    pub url: String,
    /// The request's headers, credentials redacted.
    pub headers: Vec<(String, String)>,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// The answer's status (`onResponse` only; `None` when no answer came).
    pub status: Option<u16>,
    /// Milliseconds from send to answer (`onResponse` only).
    pub duration_ms: Option<f64>,
}

/// The host's part of a client.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// What cancels a call (a JavaScript `AbortSignal`; `()` where dropping the future does).
    type Signal;

    /// Sends `req`; the answer (body read in full) or why none came within `timeout_ms`.
    fn send(&self, req: &HttpRequest, timeout_ms: u64, signal: Option<&Self::Signal>) -> impl Future<Output = Result<HttpResponse, TransportError>>;

    /// Waits `ms`; `Err(Aborted)` when the signal fires first.
    fn sleep(&self, ms: u64, signal: Option<&Self::Signal>) -> impl Future<Output = Result<(), TransportError>>;

    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> f64;

    /// A number in `[0, 1)` for the backoff's jitter.
    fn random(&self) -> f64;

    /// A token from the host's own source (`getToken` in JavaScript); `Err` with
    /// the reason when it has none or it failed.
    fn provided_token(&self) -> impl Future<Output = Result<String, String>> {
        async { Err("no token source was given".to_string()) }
    }

    /// Called before each attempt.
    fn on_request(&self, _exchange: &Exchange) {}

    /// Called after each attempt, answered or not.
    fn on_response(&self, _exchange: &Exchange) {}
}
