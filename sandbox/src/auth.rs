//! Authentication: OAuth 2 client-credentials token endpoints (Cegos, France
//! Travail), bearer checks on every protected route, static tokens (Lära,
//! Campus Skills).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use serde_json::json;

use crate::faults::ForceExpiredToken;
use crate::http;
use crate::AppState;

pub const CLIENT_ID: &str = "sandbox";
pub const CLIENT_SECRET: &str = "sandbox-secret";
/// The fixed token of the providers that use a static key (Lära, Campus Skills).
pub const STATIC_TOKEN: &str = "sandbox-token";
pub const CEGOS_SCOPE: &str = "api-cegos";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Provider {
    Cegos,
    FranceTravail,
}

/// Default of [`TokenStore::new`]'s cap: tokens kept at once. A client asks
/// for one token an hour; a test suite or a load run for thousands. Past the
/// cap the oldest token is forgotten (its client sees 401 "unknown" and asks
/// for a new one), so memory stays bounded (about 150 bytes a token).
pub const MAX_TOKENS: usize = 100_000;
/// How long an expired token is still recognized, to answer "expired" rather
/// than "unknown" (the SDK's refresh logic reads either as 401).
pub const EXPIRED_GRACE: Duration = Duration::from_secs(600);

/// Issued tokens and their expiry. Token strings come from a counter mixed
/// with the seed, so two servers with the same seed issue the same tokens.
///
/// Decision: a `HashMap` for the checks plus a queue in issue order for the
/// sweep, so an issue costs O(1) amortized (one insert, and each token is
/// swept once), where the first version scanned every live token under the
/// lock (2 ms an issue after 137,000 tokens). The queue is in issue order, not
/// expiry order: with two TTLs (Cegos, France Travail) a short-lived token
/// can wait behind a longer-lived one before it is swept, which only delays
/// freeing it (checks read the expiry, not the queue).
pub struct TokenStore {
    inner: Mutex<Tokens>,
    seed: u64,
    cap: usize,
}

#[derive(Default)]
struct Tokens {
    issued: u64,
    live: HashMap<String, (Provider, Instant)>,
    /// (token, when it can be forgotten), oldest issue first.
    queue: VecDeque<(String, Instant)>,
    /// Queue entries looked at by sweeps, ever (see [`TokenStore::swept`]).
    swept: u64,
}

impl TokenStore {
    pub fn new(seed: u64) -> TokenStore {
        TokenStore::with_cap(seed, MAX_TOKENS)
    }

    /// A store keeping at most `cap` tokens (at least 1).
    pub fn with_cap(seed: u64, cap: usize) -> TokenStore {
        TokenStore { inner: Mutex::new(Tokens::default()), seed, cap: cap.max(1) }
    }

    pub fn issue(&self, provider: Provider, ttl: Duration) -> String {
        let mut guard = crate::lock(&self.inner);
        let t = &mut *guard;
        let now = Instant::now();
        // Forget tokens past their grace period, and the oldest beyond the cap.
        while let Some((token, forget_at)) = t.queue.front() {
            if *forget_at > now && t.queue.len() < self.cap {
                break;
            }
            t.swept += 1;
            t.live.remove(token.as_str());
            t.queue.pop_front();
        }
        t.swept += 1;
        t.issued += 1;
        let mut r = crate::data::rng::Rng::new(self.seed ^ t.issued.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let prefix = match provider {
            Provider::Cegos => "cegos",
            Provider::FranceTravail => "ft",
        };
        let token = format!("sbx_{prefix}_{:016x}{:016x}", r.next_u64(), r.next_u64());
        t.live.insert(token.clone(), (provider, now + ttl));
        t.queue.push_back((token.clone(), now + ttl + EXPIRED_GRACE));
        token
    }

    /// `Ok` when valid; `Err(reason)` otherwise.
    pub fn check(&self, provider: Provider, token: &str) -> Result<(), &'static str> {
        let guard = crate::lock(&self.inner);
        match guard.live.get(token) {
            Some((p, exp)) if *p == provider && *exp > Instant::now() => Ok(()),
            Some((p, _)) if *p == provider => Err("the access token has expired"),
            Some(_) => Err("the access token was issued for another provider"),
            None => Err("the access token is unknown"),
        }
    }

    /// Tokens kept (live or within their grace period).
    pub fn len(&self) -> usize {
        crate::lock(&self.inner).live.len()
    }

    /// Whether no token is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Queue entries the issues have looked at so far, the new one included:
    /// the store's work, which tests compare with the number of issues.
    pub fn swept(&self) -> u64 {
        crate::lock(&self.inner).swept
    }
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    let mut res = http::json(status, &json!({"error": error, "error_description": description}));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Client credentials from the form body, or from HTTP Basic (RFC 6749 §2.3.1).
fn credentials(headers: &HeaderMap, form: &[(String, String)]) -> (Option<String>, Option<String>) {
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let (mut id, mut secret) = (get("client_id"), get("client_secret"));
    if let Some(basic) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Basic ")) {
        if let Some(decoded) = base64_decode(basic.trim()) {
            if let Some((i, s)) = decoded.split_once(':') {
                id = id.or(Some(i.to_string()));
                secret = secret.or(Some(s.to_string()));
            }
        }
    }
    (id, secret)
}

fn base64_decode(s: &str) -> Option<String> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    String::from_utf8(out).ok()
}

/// Shared token logic. `check_scope` validates the requested scope list.
fn token_endpoint(
    state: &AppState,
    headers: &HeaderMap,
    body: &Bytes,
    provider: Provider,
    check_scope: impl Fn(&str, &str) -> Result<String, String>,
) -> Response {
    let form: Vec<(String, String)> = match serde_urlencoded::from_bytes(body) {
        Ok(f) => f,
        Err(e) => return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", &format!("the body must be application/x-www-form-urlencoded: {e}")),
    };
    let grant = form.iter().find(|(k, _)| k == "grant_type").map(|(_, v)| v.as_str());
    match grant {
        None => return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "grant_type is missing (expected client_credentials)"),
        Some("client_credentials") => {}
        Some(other) => {
            return oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type", &format!("grant_type {other:?} is not supported; use client_credentials"))
        }
    }
    let (id, secret) = credentials(headers, &form);
    let (id, secret) = match (id, secret) {
        (Some(i), Some(s)) => (i, s),
        _ => return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "client_id and client_secret are required (form body or HTTP Basic)"),
    };
    if id != CLIENT_ID || secret != CLIENT_SECRET {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_client", "client authentication failed (sandbox credentials: sandbox / sandbox-secret)");
    }
    let requested = form.iter().find(|(k, _)| k == "scope").map(|(_, v)| v.as_str()).unwrap_or("");
    let scope = match check_scope(requested, &id) {
        Ok(s) => s,
        Err(e) => return oauth_error(StatusCode::BAD_REQUEST, "invalid_scope", &e),
    };
    let ttl = match provider {
        Provider::Cegos => state.config.cegos_token_ttl,
        Provider::FranceTravail => state.config.ft_token_ttl,
    };
    let token = state.tokens.issue(provider, ttl);
    let mut res = http::json(StatusCode::OK, &json!({"access_token": token, "expires_in": ttl.as_secs(), "token_type": "Bearer", "scope": scope}));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// `POST /cegos/connect/token` — scope `api-cegos` (the default when absent).
pub async fn cegos_token(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    token_endpoint(&state, &headers, &body, Provider::Cegos, |scope, _| {
        let scope = if scope.trim().is_empty() { CEGOS_SCOPE } else { scope.trim() };
        if scope.split_whitespace().all(|s| s == CEGOS_SCOPE) {
            Ok(CEGOS_SCOPE.to_string())
        } else {
            Err(format!("unknown scope {scope:?}; the catalog API uses {CEGOS_SCOPE:?}"))
        }
    })
}

/// `POST /francetravail/connexion/oauth2/access_token?realm=%2Fpartenaire`.
pub async fn france_travail_token(State(state): State<AppState>, req: Request) -> Response {
    let pairs = match http::query_pairs(req.uri().query()) {
        Ok(p) => p,
        Err(r) => return r,
    };
    match http::query_get(&pairs, "realm") {
        Some("/partenaire") => {}
        other => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                &format!("query parameter realm must be /partenaire (URL-encoded %2Fpartenaire), got {other:?}"),
            )
        }
    }
    let headers = req.headers().clone();
    let body = match axum::body::to_bytes(req.into_body(), state.config.body_limit).await {
        Ok(b) => b,
        Err(e) => {
            return oauth_error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "invalid_request",
                &format!("unreadable body (over --body-limit, {} bytes?): {e}", state.config.body_limit),
            )
        }
    };
    token_endpoint(&state, &headers, &body, Provider::FranceTravail, |scope, id| {
        // Accept `application_<client_id>` and any `api_…` scope; reject the rest.
        let bad: Vec<&str> = scope.split_whitespace().filter(|s| !(s.starts_with("api_") || *s == format!("application_{id}") || *s == "o2dsoffre")).collect();
        if bad.is_empty() {
            Ok(if scope.trim().is_empty() { format!("application_{id} api_parcoursformationv1") } else { scope.trim().to_string() })
        } else {
            Err(format!("invalid scope(s) {bad:?}; use application_{id} and api_… scopes"))
        }
    })
}

fn unauthorized(description: &str) -> Response {
    let mut res = http::error(StatusCode::UNAUTHORIZED, "invalid_token", description, "header.Authorization");
    let value = format!("Bearer error=\"invalid_token\", error_description=\"{description}\"");
    if let Ok(v) = HeaderValue::from_str(&value) {
        res.headers_mut().insert(header::WWW_AUTHENTICATE, v);
    }
    res
}

fn bearer(req: &Request) -> Option<String> {
    let v = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_string())
}

async fn require(state: AppState, provider: Option<Provider>, req: Request, next: Next) -> Response {
    let token = bearer(&req).or_else(|| {
        // Static-key providers also take the key alone in X-Api-Key.
        provider.is_none().then(|| req.headers().get("x-api-key").and_then(|v| v.to_str().ok()).map(str::to_string)).flatten()
    });
    let Some(token) = token else {
        return unauthorized("missing bearer token (Authorization: Bearer <token>)");
    };
    if req.extensions().get::<ForceExpiredToken>().is_some() {
        return unauthorized("the access token has expired (injected fault)");
    }
    let verdict = match provider {
        Some(p) => state.tokens.check(p, &token),
        None if token == STATIC_TOKEN => Ok(()),
        None => Err("invalid token (the sandbox token is sandbox-token)"),
    };
    match verdict {
        Ok(()) => next.run(req).await,
        Err(e) => unauthorized(e),
    }
}

pub async fn require_cegos(State(state): State<AppState>, req: Request, next: Next) -> Response {
    require(state, Some(Provider::Cegos), req, next).await
}

pub async fn require_france_travail(State(state): State<AppState>, req: Request, next: Next) -> Response {
    require(state, Some(Provider::FranceTravail), req, next).await
}

pub async fn require_static(State(state): State<AppState>, req: Request, next: Next) -> Response {
    require(state, None, req, next).await
}
