//! CORS: which web pages may call the sandbox from a browser.
//!
//! Decision: by default only the sandbox's own origins (`http://127.0.0.1:<port>`,
//! `http://localhost:<port>` and the bound `http://<host>:<port>`), i.e. the
//! demo and the package's browser tests, which are served by the sandbox
//! itself. The tokens are public (`sandbox-token`, `sandbox` /
//! `sandbox-secret`), so mirroring any `Origin` let any web page an integrator
//! visits read and delete the sandbox's data (Campus Skills `DELETE /contrats`).
//! More origins with `--cors-origin <origin>` (repeatable); `--cors-origin '*'`
//! brings back "any origin" for those who want it, knowingly.
//!
//! A refused origin gets no `Access-Control-Allow-*` header: its preflight
//! answers without them, so the browser blocks the request; the sandbox
//! itself still answers same-origin and non-browser clients as before.

use std::time::Duration;

use axum::http::{header, HeaderValue, Method};
use tower_http::cors::{AllowHeaders, AllowOrigin, CorsLayer};

use crate::Config;

/// Who may call from a browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorsPolicy {
    /// The sandbox's own origins plus these (`scheme://host[:port]`, as
    /// browsers send them in `Origin`); the default lists none.
    Listed(Vec<String>),
    /// Any origin (`--cors-origin '*'`): unsafe, any page can use the public tokens.
    Any,
}

impl Default for CorsPolicy {
    fn default() -> CorsPolicy {
        CorsPolicy::Listed(Vec::new())
    }
}

impl CorsPolicy {
    /// Adds one `--cors-origin` value (`*` makes the policy [`CorsPolicy::Any`]).
    pub fn with(self, origin: &str) -> CorsPolicy {
        match (self, origin) {
            (_, "*") | (CorsPolicy::Any, _) => CorsPolicy::Any,
            (CorsPolicy::Listed(mut list), o) => {
                list.push(o.to_string());
                CorsPolicy::Listed(list)
            }
        }
    }
}

/// Checks an origin as `--cors-origin` takes it: `*`, or `http(s)://host[:port]`
/// without a path (a trailing `/` is dropped).
pub fn parse_origin(s: &str) -> Result<String, String> {
    let s = s.trim();
    if s == "*" {
        return Ok(s.to_string());
    }
    let o = s.strip_suffix('/').unwrap_or(s);
    let rest = o.strip_prefix("http://").or_else(|| o.strip_prefix("https://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', ' ', '@']) && HeaderValue::from_str(o).is_ok() => Ok(o.to_ascii_lowercase()),
        _ => Err(format!("expected `*` or an origin such as http://localhost:5173 (scheme, host, optional port, no path), got {s:?}")),
    }
}

/// The sandbox's own origins for the configured host and (bound) port.
pub fn own_origins(config: &Config) -> Vec<String> {
    let port = config.port;
    let mut list = vec![format!("http://127.0.0.1:{port}"), format!("http://localhost:{port}")];
    if !config.host.is_unspecified() {
        let bound = match config.host {
            std::net::IpAddr::V4(ip) => format!("http://{ip}:{port}"),
            std::net::IpAddr::V6(ip) => format!("http://[{ip}]:{port}"),
        };
        if !list.contains(&bound) {
            list.push(bound);
        }
    }
    list
}

/// The CORS layer of the whole application.
pub fn layer(config: &Config) -> CorsLayer {
    let origins = match &config.cors {
        CorsPolicy::Any => AllowOrigin::mirror_request(),
        CorsPolicy::Listed(extra) => {
            let allowed: Vec<HeaderValue> =
                own_origins(config).iter().chain(extra).filter_map(|o| HeaderValue::from_str(&o.to_ascii_lowercase()).ok()).collect();
            // Origins compare case-insensitively in scheme and host; browsers send them lowercased.
            AllowOrigin::predicate(move |origin: &HeaderValue, _| {
                origin.to_str().is_ok_and(|o| allowed.iter().any(|a| a.as_bytes().eq_ignore_ascii_case(o.as_bytes())))
            })
        }
    };
    CorsLayer::new()
        .allow_origin(origins)
        .allow_methods([Method::GET, Method::POST, Method::DELETE, Method::PUT, Method::PATCH, Method::OPTIONS])
        .allow_headers(AllowHeaders::mirror_request())
        .expose_headers([header::RETRY_AFTER, header::WWW_AUTHENTICATE, header::CONTENT_LENGTH])
        .max_age(Duration::from_secs(600))
}
