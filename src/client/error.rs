//! The one error a client call returns: [`ClientError`], discriminated by [`ErrorKind`].
//!
//! It never holds a secret: URLs are built without credentials (they travel
//! in headers and form bodies only), and no header value is copied in.

use std::fmt;

use serde_json::{Map, Value};

use crate::endpoint::Method;
use crate::validate::{Issue, Lang};

/// What went wrong, as `FormakitError.kind` says it in JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The provider answered an HTTP error status it gives no meaning to (a 5xx, a 404).
    Http,
    /// No complete answer within `timeoutMs` (each attempt has its own timeout).
    Timeout,
    /// The connection failed or was reset before an answer.
    Network,
    /// Credentials refused (token endpoint 400/401, a 401 that a refresh did not cure, a 403).
    Auth,
    /// 429, after the retries (or with a `Retry-After` longer than the client waits).
    RateLimited,
    /// The provider refused the request with a documented error (a Lära code, an OAuth error).
    Provider,
    /// The answer is not the endpoint's JSON (invalid JSON, a body cut short, a wrong shape).
    Decode,
    /// The request breaks the provider's rules: nothing was sent.
    Validation,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// A wrong argument or option (a missing base URL, an unknown endpoint).
    Usage,
}

impl ErrorKind {
    /// The kind as JavaScript sees it (`"rate_limited"`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Http => "http",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Network => "network",
            ErrorKind::Auth => "auth",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Provider => "provider",
            ErrorKind::Decode => "decode",
            ErrorKind::Validation => "validation",
            ErrorKind::Aborted => "aborted",
            ErrorKind::Usage => "usage",
        }
    }
}

/// A provider's own error code: Lära's numbers, OAuth's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProviderCode {
    /// A numeric code (Lära `1400`).
    Number(i64),
    /// A textual code (OAuth `invalid_client`).
    Text(String),
}

/// A failed call.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientError {
    /// The family of the failure.
    pub kind: ErrorKind,
    /// What happened, in the client's language, with what to do when there is something to do.
    pub message: String,
    /// The HTTP status of the last answer, when there was one.
    pub status: Option<u16>,
    /// The provider's error code (Lära `1400`, OAuth `invalid_client`).
    pub provider_code: Option<ProviderCode>,
    /// The code's documented name or meaning (`"Required id"`).
    pub provider_code_name: Option<String>,
    /// The endpoint id (`"cegos.products"`), when the failure belongs to one.
    pub endpoint: Option<String>,
    /// The HTTP method.
    pub method: Option<Method>,
    /// The URL called, without credentials.
    pub url: Option<String>,
    /// True when trying again later may succeed (a 503, a timeout, a 429).
    pub retryable: bool,
    /// How many requests were sent for this call (0 when none was). When the
    /// token request itself failed, `endpoint`, `url` and `attempts` are the token route's.
    pub attempts: u32,
    /// How long the provider asked to wait (`Retry-After`), in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// Every issue, for `decode` and `validation`.
    pub issues: Vec<Issue>,
}

impl ClientError {
    /// An error of `kind` with `message` and nothing else known yet.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ClientError {
            kind,
            message: message.into(),
            status: None,
            provider_code: None,
            provider_code_name: None,
            endpoint: None,
            method: None,
            url: None,
            retryable: false,
            attempts: 0,
            retry_after_ms: None,
            issues: Vec::new(),
        }
    }

    /// A usage error, worded in `lang`.
    pub fn usage(lang: Lang, fr: impl Into<String>, en: impl Into<String>) -> Self {
        ClientError::new(ErrorKind::Usage, crate::validate::msg(lang, fr, en))
    }

    /// The error as the JSON object the JavaScript `FormakitError` is built from
    /// (keys camelCase; absent facts are left out).
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("kind".into(), self.kind.as_str().into());
        m.insert("message".into(), self.message.clone().into());
        if let Some(s) = self.status {
            m.insert("status".into(), s.into());
        }
        match &self.provider_code {
            Some(ProviderCode::Number(n)) => {
                m.insert("providerCode".into(), (*n).into());
            }
            Some(ProviderCode::Text(t)) => {
                m.insert("providerCode".into(), t.clone().into());
            }
            None => {}
        }
        if let Some(n) = &self.provider_code_name {
            m.insert("providerCodeName".into(), n.clone().into());
        }
        if let Some(e) = &self.endpoint {
            m.insert("endpoint".into(), e.clone().into());
        }
        if let Some(meth) = self.method {
            m.insert("method".into(), meth.as_str().into());
        }
        if let Some(u) = &self.url {
            m.insert("url".into(), u.clone().into());
        }
        m.insert("retryable".into(), self.retryable.into());
        m.insert("attempts".into(), self.attempts.into());
        if let Some(r) = self.retry_after_ms {
            m.insert("retryAfterMs".into(), r.into());
        }
        if matches!(self.kind, ErrorKind::Decode | ErrorKind::Validation) {
            m.insert("issues".into(), serde_json::to_value(&self.issues).unwrap_or_default());
        }
        Value::Object(m)
    }
}

/// Where an issue is and what it says, as one phrase in `lang`: `"data[3].price : …"`,
/// `"(racine) : …"` / `"(root): …"` for the document itself.
pub(crate) fn issue_at(issue: &Issue, lang: Lang) -> String {
    match (lang, issue.path.is_empty()) {
        (Lang::Fr, true) => format!("(racine) : {}", issue.message),
        (Lang::Fr, false) => format!("{} : {}", issue.path, issue.message),
        (Lang::En, true) => format!("(root): {}", issue.message),
        (Lang::En, false) => format!("{}: {}", issue.path, issue.message),
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ClientError {}
