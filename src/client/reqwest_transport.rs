//! The host transport (feature `host-client`): reqwest on tokio. Plain HTTP
//! as built here; enable reqwest's `rustls-tls` feature in your own
//! `Cargo.toml` for HTTPS. Cancel a call by dropping its future.

use std::time::Duration;

use super::transport::{HttpRequest, HttpResponse, Transport, TransportError};
use crate::endpoint::Method;

/// reqwest + tokio.
#[derive(Clone, Default)]
pub struct HostTransport {
    http: reqwest::Client,
}

impl HostTransport {
    /// A transport with its own connection pool.
    pub fn new() -> Self {
        HostTransport { http: reqwest::Client::new() }
    }
}

fn describe(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

impl Transport for HostTransport {
    type Signal = ();

    async fn send(&self, req: &HttpRequest, timeout_ms: u64, _signal: Option<&()>) -> Result<HttpResponse, TransportError> {
        let method = match req.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut b = self.http.request(method, &req.url).timeout(Duration::from_millis(timeout_ms));
        for (k, v) in &req.headers {
            b = b.header(k, v);
        }
        if let Some(body) = &req.body {
            b = b.body(body.clone());
        }
        let resp = b.send().await.map_err(|e| if e.is_timeout() { TransportError::Timeout } else { TransportError::Network(describe(&e)) })?;
        let status = resp.status().as_u16();
        let headers = resp.headers().iter().map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned())).collect();
        let body = match resp.bytes().await {
            Ok(b) => Ok(b.to_vec()),
            Err(e) if e.is_timeout() => return Err(TransportError::Timeout),
            Err(e) => Err(describe(&e)),
        };
        Ok(HttpResponse { status, headers, body })
    }

    async fn sleep(&self, ms: u64, _signal: Option<&()>) -> Result<(), TransportError> {
        tokio::time::sleep(Duration::from_millis(ms)).await;
        Ok(())
    }

    fn now_ms(&self) -> f64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
    }

    fn random(&self) -> f64 {
        // Jitter only needs to differ between clients and calls, not to be unpredictable.
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(self.now_ms().to_bits());
        (h.finish() >> 11) as f64 / (1u64 << 53) as f64
    }
}
