//! The provider clients, sans IO: requests built from the endpoint table,
//! checked before sending, authenticated (OAuth client credentials with a
//! single-flight token cache, a static token, or the host's own source),
//! rate-limited, retried by ordered rules, and answers classified into one
//! [`ClientError`]. The host supplies the [`Transport`]: `fetch` in wasm
//! (`src/js/client.rs`), reqwest with the `host-client` feature
//! ([`reqwest_transport`]), a fake clock in tests.
//!
//! A client is single-threaded, like the JavaScript it serves: its futures
//! are not `Send`. On a multi-threaded tokio runtime, run it inside a
//! `LocalSet` (or a current-thread runtime, as `#[tokio::test]` does).
//!
//! ```no_run
//! # #[cfg(feature = "host-client")]
//! # async fn demo() -> Result<(), formakit::client::ClientError> {
//! use formakit::client::{CegosClient, ClientOptions, Credentials, HostTransport};
//! let cegos = CegosClient::new(HostTransport::new(), ClientOptions {
//!     credentials: Credentials::ClientCredentials { client_id: "id".into(), client_secret: "secret".into(), scope: None },
//!     ..ClientOptions::default()
//! })?;
//! let catalogs = cegos.catalogs(&Default::default()).await?;
//! # Ok(()) }
//! ```

// A call's error carries what a caller needs (status, codes, issues); at
// network scale its size does not matter, and boxing it would cost every caller.
#![allow(clippy::result_large_err)]

pub mod error;
pub mod paging;
mod providers;
pub mod rate;
pub mod retry;
pub mod token;
pub mod transport;

#[cfg(all(feature = "host-client", not(target_arch = "wasm32")))]
pub mod reqwest_transport;

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;

pub use error::{ClientError, ErrorKind, ProviderCode};
pub use paging::Pages;
pub use providers::*;
#[cfg(all(feature = "host-client", not(target_arch = "wasm32")))]
pub use reqwest_transport::HostTransport;
pub use retry::RetryPolicy;
pub use transport::{Exchange, HttpRequest, HttpResponse, Transport, TransportError};

use crate::endpoint::{Auth, Endpoint, Method, Provider, RequestIn};
use crate::validate::{msg, Lang, Severity};
use retry::{Attempt, Context, Decision};
use token::{SingleFlight, TokenCache, Turn};

/// Each attempt's timeout when none is given: 30 seconds.
pub const DEFAULT_TIMEOUT_MS: u64 = 30_000;

/// How a client authenticates.
#[derive(Clone, Default, PartialEq, Eq)]
pub enum Credentials {
    /// None given: only a provider without authentication could be called (none is).
    #[default]
    None,
    /// A token sent as `Authorization: Bearer …` as given (Lära's and Campus
    /// Skills' keys, or an OAuth token obtained elsewhere); a 401 is final.
    Token(String),
    /// OAuth 2 client credentials (Cegos, France Travail): the client asks for
    /// a token, caches it, refreshes it ahead of expiry and after a 401.
    ClientCredentials {
        /// The application's id.
        client_id: String,
        /// The application's secret (only ever sent in the token request's body).
        client_secret: String,
        /// Space-separated scopes; Cegos defaults to `api-cegos`, France Travail needs one.
        scope: Option<String>,
    },
    /// The transport's own source ([`Transport::provided_token`], `getToken` in JS):
    /// asked once, kept 5 minutes or until a 401, asked again.
    Provided,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print a secret, even in a debug dump.
        f.write_str(match self {
            Credentials::None => "None",
            Credentials::Token(_) => "Token([redacted])",
            Credentials::ClientCredentials { .. } => "ClientCredentials([redacted])",
            Credentials::Provided => "Provided",
        })
    }
}

/// Production or the sandbox: destructive calls (`deleteAllContracts`) need the sandbox.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Environment {
    /// The provider's real service.
    #[default]
    Production,
    /// A sandbox (formakit's, or the provider's test service).
    Sandbox,
}

/// A client's settings.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// The API's base URL; defaults to the provider's production URL (Lära and
    /// Campus Skills have none: each customer has its own, so it is required).
    pub base_url: Option<String>,
    /// The OAuth server's base URL (Cegos, France Travail); defaults to the
    /// production one, and is required when `base_url` is given.
    pub auth_base_url: Option<String>,
    /// formakit's sandbox root (`http://127.0.0.1:4010`): sets both base URLs
    /// to the provider's place in it, and `environment` to `Sandbox`.
    pub sandbox_url: Option<String>,
    /// How to authenticate.
    pub credentials: Credentials,
    /// Retries and backoff.
    pub retry: RetryPolicy,
    /// Each attempt's timeout, ms.
    pub timeout_ms: u64,
    /// The client-side rate limit; `None` is unlimited (France Travail: 5 per second).
    pub max_requests_per_second: Option<f64>,
    /// The language of messages.
    pub lang: Lang,
    /// Production or sandbox.
    pub environment: Environment,
    /// France Travail's `pe-fonc-apimode` header, sent when set.
    pub api_mode: Option<String>,
    /// Headers added to every request (not to the token request).
    pub headers: Vec<(String, String)>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            base_url: None,
            auth_base_url: None,
            sandbox_url: None,
            credentials: Credentials::None,
            retry: RetryPolicy::default(),
            timeout_ms: DEFAULT_TIMEOUT_MS,
            max_requests_per_second: None,
            lang: Lang::Fr,
            environment: Environment::Production,
            api_mode: None,
            headers: Vec::new(),
        }
    }
}

/// One call's own settings.
pub struct CallOptions<'a, S> {
    /// Cancels the call (sleeps included).
    pub signal: Option<&'a S>,
    /// `Some(true)`: retry even a call that is not retry-safe; `Some(false)`: never retry.
    pub retry: Option<bool>,
    /// This call's timeout per attempt, ms (else the client's).
    pub timeout_ms: Option<u64>,
    /// Headers for this call only.
    pub headers: Vec<(String, String)>,
}

impl<S> Default for CallOptions<'_, S> {
    fn default() -> Self {
        CallOptions { signal: None, retry: None, timeout_ms: None, headers: Vec::new() }
    }
}

/// A successful answer, body unread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The HTTP status (2xx).
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
    /// Requests sent for the call (token requests not counted).
    pub attempts: u32,
    /// The URL called.
    pub url: String,
}

/// The sandbox's base URLs for `provider` under `root`: (API, OAuth server).
pub fn sandbox_bases(provider: Provider, root: &str) -> (String, String) {
    let r = root.trim_end_matches('/');
    match provider {
        Provider::Cegos => (format!("{r}/cegos"), format!("{r}/cegos")),
        Provider::Lara => (format!("{r}/lara/lmsapi"), format!("{r}/lara/lmsapi")),
        Provider::FranceTravail => (format!("{r}/francetravail/partenaire/parcoursformationtest"), format!("{r}/francetravail")),
        Provider::CampusSkills => (format!("{r}/campusskills"), format!("{r}/campusskills")),
    }
}

struct Shared {
    token: RefCell<TokenCache>,
    flight: Rc<SingleFlight<Result<String, ClientError>>>,
    limiter: RefCell<rate::RateLimiter>,
}

/// The client of one provider, over any [`Transport`]: what the four named
/// clients ([`CegosClient`], …) and the JavaScript ones are made of.
pub struct Client<T: Transport> {
    provider: Provider,
    base_url: String,
    auth_base_url: Option<String>,
    options: ClientOptions,
    transport: T,
    shared: Shared,
}

fn is_url(s: &str) -> bool {
    (s.starts_with("http://") || s.starts_with("https://")) && s.len() > "https://".len()
}

impl<T: Transport> Client<T> {
    /// A client of `provider`; a usage error when an option is missing or wrong.
    pub fn new(provider: Provider, transport: T, mut options: ClientOptions) -> Result<Self, ClientError> {
        let lang = options.lang;
        let name = provider.as_str();
        let mut eps = crate::endpoints::for_provider(provider);
        let Some(first) = eps.next() else {
            return Err(ClientError::usage(
                lang,
                format!("le fournisseur {name} n'est pas compilé dans cette version"),
                format!("provider {name} is not compiled in this build"),
            ));
        };
        let oauth = crate::endpoints::for_provider(provider).any(|e| e.auth == Auth::OAuthClientCredentials);
        let token_ep = crate::endpoints::for_provider(provider).find(|e| e.auth == Auth::ClientCredentialsGrant);
        if let Some(root) = options.sandbox_url.clone() {
            if !is_url(&root) {
                return Err(ClientError::usage(
                    lang,
                    format!("sandboxUrl doit être une URL http(s), reçu « {root} »"),
                    format!("sandboxUrl must be an http(s) URL, got \"{root}\""),
                ));
            }
            let (api, auth) = sandbox_bases(provider, &root);
            options.base_url.get_or_insert(api);
            options.auth_base_url.get_or_insert(auth);
            options.environment = Environment::Sandbox;
        }
        let api_default = crate::endpoints::for_provider(provider).find(|e| e.host == crate::endpoint::Host::Api).and_then(|e| e.base_url).or(first.base_url);
        let base_url = match (&options.base_url, api_default) {
            (Some(b), _) => b.clone(),
            (None, Some(d)) => d.to_string(),
            (None, None) => {
                return Err(ClientError::usage(
                    lang,
                    format!("baseUrl est requis pour {name} : chaque client a sa propre adresse"),
                    format!("baseUrl is required for {name}: each customer has its own address"),
                ))
            }
        };
        if !is_url(&base_url) {
            return Err(ClientError::usage(
                lang,
                format!("baseUrl doit être une URL http(s), reçu « {base_url} »"),
                format!("baseUrl must be an http(s) URL, got \"{base_url}\""),
            ));
        }
        let auth_base_url = match (&options.auth_base_url, token_ep.and_then(|e| e.base_url)) {
            (Some(a), _) => Some(a.clone()),
            (None, Some(_)) if options.base_url.is_some() && matches!(options.credentials, Credentials::ClientCredentials { .. }) => {
                // Sending credentials to production because a test base URL was set would be a leak.
                return Err(ClientError::usage(
                    lang,
                    "authBaseUrl est requis quand baseUrl est donné avec clientId/clientSecret (sinon le secret partirait vers le serveur de production)",
                    "authBaseUrl is required when baseUrl is given with clientId/clientSecret (else the secret would go to the production server)",
                ));
            }
            (None, d) => d.map(str::to_string),
        };
        if let Some(a) = &auth_base_url {
            if !is_url(a) {
                return Err(ClientError::usage(
                    lang,
                    format!("authBaseUrl doit être une URL http(s), reçu « {a} »"),
                    format!("authBaseUrl must be an http(s) URL, got \"{a}\""),
                ));
            }
        }
        match &options.credentials {
            Credentials::None => {
                return Err(ClientError::usage(
                    lang,
                    format!("{name} demande une authentification : donnez token, getToken ou clientId/clientSecret"),
                    format!("{name} needs authentication: give token, getToken or clientId/clientSecret"),
                ))
            }
            Credentials::ClientCredentials { client_id, client_secret, scope } => {
                if !oauth {
                    return Err(ClientError::usage(
                        lang,
                        format!("{name} n'a pas d'OAuth : donnez token ou getToken (la clé que {name} vous a remise)"),
                        format!("{name} has no OAuth: give token or getToken (the key {name} issued to you)"),
                    ));
                }
                if client_id.is_empty() || client_secret.is_empty() {
                    return Err(ClientError::usage(lang, "clientId et clientSecret ne peuvent pas être vides", "clientId and clientSecret cannot be empty"));
                }
                if provider == Provider::FranceTravail && scope.as_deref().map_or(true, |s| s.trim().is_empty()) {
                    return Err(ClientError::usage(
                        lang,
                        "France Travail demande un scope, par exemple « application_<clientId> api_parcoursformationv1 »",
                        "France Travail needs a scope, such as \"application_<clientId> api_parcoursformationv1\"",
                    ));
                }
            }
            Credentials::Token(t) if t.is_empty() => return Err(ClientError::usage(lang, "token ne peut pas être vide", "token cannot be empty")),
            Credentials::Token(_) | Credentials::Provided => {}
        }
        if options.timeout_ms == 0 {
            return Err(ClientError::usage(lang, "timeoutMs doit être positif", "timeoutMs must be positive"));
        }
        let rate = match (options.max_requests_per_second, provider) {
            (Some(r), _) => Some(r),
            (None, Provider::FranceTravail) => Some(rate::FRANCE_TRAVAIL_DEFAULT_RATE),
            (None, _) => None,
        };
        let shared = Shared {
            token: RefCell::new(TokenCache::default()),
            flight: Rc::new(SingleFlight::default()),
            limiter: RefCell::new(rate::RateLimiter::new(rate)),
        };
        Ok(Client { provider, base_url, auth_base_url, options, transport, shared })
    }

    /// The provider.
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// The transport (to reach a host's own state, a fake clock in tests).
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The API base URL in use.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The language of messages.
    pub fn lang(&self) -> Lang {
        self.options.lang
    }

    /// The rate limit in force (requests per second; `None`: unlimited).
    pub fn rate(&self) -> Option<f64> {
        self.shared.limiter.borrow().rate()
    }

    fn msg(&self, fr: impl Into<String>, en: impl Into<String>) -> String {
        msg(self.options.lang, fr, en)
    }

    fn endpoint(&self, name: &str) -> Result<&'static Endpoint, ClientError> {
        crate::endpoints::find(self.provider, name).ok_or_else(|| {
            let p = self.provider.as_str();
            ClientError::usage(self.options.lang, format!("{p} n'a pas d'endpoint « {name} »"), format!("{p} has no endpoint \"{name}\""))
        })
    }

    /// Calls `provider`'s endpoint `name` with `request` (its request schema's JSON text).
    pub async fn call_named(&self, name: &str, request: Option<&str>, call: &CallOptions<'_, T::Signal>) -> Result<Reply, ClientError> {
        let e = self.endpoint(name)?;
        self.call(e, request, call).await
    }

    /// Calls `endpoint` with `request` (JSON text of its request schema; `None`
    /// for an empty one). The request is validated first: an invalid one is a
    /// `validation` error and nothing is sent.
    pub async fn call(&self, endpoint: &Endpoint, request: Option<&str>, call: &CallOptions<'_, T::Signal>) -> Result<Reply, ClientError> {
        let id = endpoint.id();
        let fail = |mut e: ClientError| {
            e.endpoint = Some(id.clone());
            e.method = Some(endpoint.method);
            e
        };
        if endpoint.provider != self.provider {
            return Err(fail(ClientError::usage(
                self.options.lang,
                format!("{id} n'est pas un endpoint de ce client"),
                format!("{id} is not an endpoint of this client"),
            )));
        }
        if endpoint.auth == Auth::ClientCredentialsGrant {
            return Err(fail(ClientError::usage(
                self.options.lang,
                "le jeton est demandé par le client lui-même (clientId/clientSecret)",
                "the token is requested by the client itself (clientId/clientSecret)",
            )));
        }
        if endpoint.provider == Provider::CampusSkills && endpoint.name == "deleteAllContracts" && self.options.environment != Environment::Sandbox {
            return Err(fail(ClientError::usage(
                self.options.lang,
                "deleteAllContracts efface tous les contrats : il n'est permis qu'avec environment: \"sandbox\"",
                "deleteAllContracts erases every contract: it is only allowed with environment: \"sandbox\"",
            )));
        }
        let req = self.prepare(endpoint, request).map_err(fail)?;
        self.exchange(endpoint, req, call, true).await
    }

    /// Validates `request` and builds the URL and body.
    fn prepare(&self, endpoint: &Endpoint, request: Option<&str>) -> Result<HttpRequest, ClientError> {
        let lang = self.options.lang;
        let value: Option<Value> = match (request, endpoint.request) {
            (None, _) | (_, None) => None,
            (Some(text), Some(schema)) => {
                let s = crate::schema::find(schema).map_err(|e| ClientError::new(ErrorKind::Usage, e.to_string()))?;
                let issues = s.validate(text.as_bytes(), lang);
                let errors = issues.iter().filter(|i| i.severity == Severity::Error).count();
                if let Some(first) = issues.iter().find(|i| i.severity == Severity::Error) {
                    let at = error::issue_at(first, lang);
                    let mut e = ClientError::new(
                        ErrorKind::Validation,
                        self.msg(
                            format!("requête refusée avant l'envoi : {errors} erreur(s) ; la première à {at}"),
                            format!("request refused before sending: {errors} error(s); the first at {at}"),
                        ),
                    );
                    e.issues = issues;
                    return Err(e);
                }
                serde_json::from_str(text).ok()
            }
        };
        let params = endpoint.path_params().map_err(|e| ClientError::new(ErrorKind::Usage, e.message(lang)))?;
        let obj = value.as_ref().and_then(Value::as_object);
        let text_of = |v: &Value| -> Option<String> {
            match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                Value::Bool(b) => Some(b.to_string()),
                _ => None,
            }
        };
        let mut path_values = Vec::new();
        for p in &params {
            let v = obj.and_then(|o| o.get(*p)).and_then(text_of).unwrap_or_default();
            path_values.push((*p, v));
        }
        let pairs: Vec<(&str, &str)> = path_values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let base = if endpoint.host == crate::endpoint::Host::Auth { self.auth_base_url.as_deref().unwrap_or(&self.base_url) } else { &self.base_url };
        let mut url = endpoint.url(base, &pairs).map_err(|e| {
            let mut err = ClientError::new(ErrorKind::Validation, e.message(lang));
            err.issues = vec![crate::validate::Issue::error(format!("path.{}", params.first().copied().unwrap_or("")), "client.path", e.message(lang))];
            err
        })?;
        let rest: Vec<(String, String)> = obj
            .map(|o| {
                o.iter()
                    .filter(|(k, _)| !params.contains(&k.as_str()))
                    .flat_map(|(k, v)| match v {
                        Value::Array(a) => a.iter().filter_map(|x| text_of(x).map(|t| (k.clone(), t))).collect::<Vec<_>>(),
                        other => text_of(other).map(|t| (k.clone(), t)).into_iter().collect(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut headers = vec![("Accept".to_string(), "application/json".to_string())];
        let body = match endpoint.request_in {
            RequestIn::Query | RequestIn::None => {
                if !rest.is_empty() {
                    url.push(if url.contains('?') { '&' } else { '?' });
                    url.push_str(&crate::http::encode_pairs(rest, false));
                }
                None
            }
            RequestIn::Form => {
                headers.push(("Content-Type".into(), "application/x-www-form-urlencoded".into()));
                Some(crate::http::encode_pairs(rest, true))
            }
            RequestIn::JsonBody => {
                headers.push(("Content-Type".into(), "application/json".into()));
                // The text as given: Lära's opaque ids and every number travel exactly as written.
                Some(request.unwrap_or("{}").to_string())
            }
        };
        Ok(HttpRequest { endpoint: endpoint.id(), method: endpoint.method, url, headers, body })
    }

    fn refreshable(&self) -> bool {
        matches!(self.options.credentials, Credentials::ClientCredentials { .. } | Credentials::Provided)
    }

    /// The bearer token for the next attempt: cached, or fetched by one caller while the others wait.
    async fn bearer(&self, signal: Option<&T::Signal>) -> Result<String, ClientError> {
        if let Credentials::Token(t) = &self.options.credentials {
            return Ok(t.clone());
        }
        loop {
            if let Some(t) = self.shared.token.borrow().current(self.transport.now_ms()) {
                return Ok(t.to_string());
            }
            match self.shared.flight.join() {
                Turn::Lead(lead) => {
                    let r = Box::pin(self.fetch_token(signal)).await;
                    if let Ok((t, expires_in)) = &r {
                        self.shared.token.borrow_mut().store(t.clone(), *expires_in, self.transport.now_ms());
                    }
                    let r = r.map(|(t, _)| t);
                    match &r {
                        // The leader's own abort is not the waiters' failure: one of them leads next.
                        Err(e) if e.kind == ErrorKind::Aborted => lead.finish(None),
                        other => lead.finish(Some(other.clone())),
                    }
                    return r;
                }
                Turn::Wait(w) => {
                    if let Some(r) = w.await {
                        return r;
                    }
                }
            }
        }
    }

    /// One token: from the host's source, or from the provider's token route.
    async fn fetch_token(&self, signal: Option<&T::Signal>) -> Result<(String, Option<f64>), ClientError> {
        let (client_id, client_secret, scope) = match &self.options.credentials {
            Credentials::Provided => {
                return match self.transport.provided_token().await {
                    Ok(t) if !t.is_empty() => Ok((t, None)),
                    Ok(_) => Err(ClientError::new(ErrorKind::Auth, self.msg("getToken a rendu un jeton vide", "getToken returned an empty token"))),
                    Err(why) => Err(ClientError::new(ErrorKind::Auth, self.msg(format!("getToken a échoué : {why}"), format!("getToken failed: {why}")))),
                };
            }
            Credentials::ClientCredentials { client_id, client_secret, scope } => (client_id, client_secret, scope),
            Credentials::Token(t) => return Ok((t.clone(), None)),
            Credentials::None => return Err(ClientError::new(ErrorKind::Auth, self.msg("aucune authentification", "no authentication"))),
        };
        let Some(ep) = crate::endpoints::for_provider(self.provider).find(|e| e.auth == Auth::ClientCredentialsGrant) else {
            return Err(ClientError::new(ErrorKind::Usage, self.msg("ce fournisseur n'a pas de route de jeton", "this provider has no token route")));
        };
        let scope = scope.clone().unwrap_or_else(|| if self.provider == Provider::Cegos { "api-cegos".into() } else { String::new() });
        let form = crate::http::encode_pairs(
            [("grant_type", "client_credentials"), ("client_id", client_id.as_str()), ("client_secret", client_secret.as_str()), ("scope", scope.as_str())],
            true,
        );
        let base = self.auth_base_url.as_deref().unwrap_or(&self.base_url);
        let url = ep.url(base, &[]).map_err(|e| ClientError::new(ErrorKind::Usage, e.message(self.options.lang)))?;
        let headers =
            vec![("Accept".to_string(), "application/json".to_string()), ("Content-Type".to_string(), "application/x-www-form-urlencoded".to_string())];
        let req = HttpRequest { endpoint: ep.id(), method: Method::Post, url, headers, body: Some(form) };
        let call = CallOptions { signal, retry: None, timeout_ms: None, headers: Vec::new() };
        let reply = self.exchange(ep, req, &call, false).await.map_err(|mut e| {
            if matches!(e.status, Some(400 | 401 | 403)) {
                e.kind = ErrorKind::Auth;
            }
            e
        })?;
        let v: Value = serde_json::from_slice(&reply.body)
            .map_err(|_| self.decode_error(ep, &reply, "la réponse du jeton n'est pas du JSON", "the token answer is not JSON"))?;
        let Some(token) = v.get("access_token").and_then(Value::as_str).filter(|t| !t.is_empty()) else {
            return Err(self.decode_error(ep, &reply, "la réponse du jeton n'a pas d'access_token", "the token answer has no access_token"));
        };
        Ok((token.to_string(), v.get("expires_in").and_then(Value::as_f64)))
    }

    fn decode_error(&self, ep: &Endpoint, reply: &Reply, fr: &str, en: &str) -> ClientError {
        let mut e = ClientError::new(ErrorKind::Decode, self.msg(fr, en));
        e.endpoint = Some(ep.id());
        e.method = Some(ep.method);
        e.url = Some(reply.url.clone());
        e.status = Some(reply.status);
        e.attempts = reply.attempts;
        e
    }

    /// Sends `req`, with auth, rate limit, timeouts, the 401 refresh and retries.
    async fn exchange(&self, endpoint: &Endpoint, req: HttpRequest, call: &CallOptions<'_, T::Signal>, with_headers: bool) -> Result<Reply, ClientError> {
        let may_retry = call.retry.unwrap_or(endpoint.retry_safe);
        let timeout = call.timeout_ms.filter(|t| *t > 0).unwrap_or(self.options.timeout_ms);
        let needs_bearer = matches!(endpoint.auth, Auth::OAuthClientCredentials | Auth::Bearer);
        let mut retries_done = 0;
        let mut attempts = 0;
        let mut refreshed = false;
        let finish = |mut e: ClientError, attempts: u32| {
            e.endpoint = Some(req.endpoint.clone());
            e.method = Some(req.method);
            e.url = Some(req.url.clone());
            e.attempts = attempts;
            e
        };
        loop {
            let wait = self.shared.limiter.borrow_mut().reserve(self.transport.now_ms());
            if wait > 0.0 {
                self.transport.sleep(wait.ceil() as u64, call.signal).await.map_err(|e| finish(self.transport_error(e, timeout), attempts))?;
            }
            let mut sent = req.clone();
            let bearer =
                if needs_bearer { Some(self.bearer(call.signal).await.map_err(|e| if e.attempts == 0 { finish(e, attempts) } else { e })?) } else { None };
            if let Some(t) = &bearer {
                sent.headers.push(("Authorization".into(), format!("Bearer {t}")));
            }
            if with_headers {
                if let (Provider::FranceTravail, Some(mode)) = (self.provider, &self.options.api_mode) {
                    sent.headers.push(("pe-fonc-apimode".into(), mode.clone()));
                }
                sent.headers.extend(self.options.headers.iter().cloned());
                sent.headers.extend(call.headers.iter().cloned());
            }
            attempts += 1;
            let mut ex = Exchange {
                endpoint: sent.endpoint.clone(),
                method: sent.method,
                url: sent.url.clone(),
                headers: sent.redacted_headers(),
                attempt: attempts,
                status: None,
                duration_ms: None,
            };
            self.transport.on_request(&ex);
            let t0 = self.transport.now_ms();
            let result = self.transport.send(&sent, timeout, call.signal).await;
            ex.duration_ms = Some(self.transport.now_ms() - t0);
            ex.status = result.as_ref().ok().map(|r| r.status);
            self.transport.on_response(&ex);
            let (attempt, error) = match result {
                Err(TransportError::Aborted) => return Err(finish(self.transport_error(TransportError::Aborted, timeout), attempts)),
                Err(e) => (if e == TransportError::Timeout { Attempt::Timeout } else { Attempt::Network }, self.transport_error(e, timeout)),
                Ok(resp) => {
                    let status = resp.status;
                    match resp.body {
                        Err(why) => {
                            let mut e = ClientError::new(
                                ErrorKind::Decode,
                                self.msg(
                                    format!("la réponse {status} s'est arrêtée avant la fin du corps (connexion fermée : {why})"),
                                    format!("the {status} answer stopped before the end of its body (connection closed: {why})"),
                                ),
                            );
                            e.status = Some(status);
                            (Attempt::Network, e)
                        }
                        Ok(body) if (200..300).contains(&status) => {
                            self.shared.limiter.borrow_mut().succeeded();
                            return Ok(Reply { status, body, attempts, url: req.url.clone() });
                        }
                        Ok(body) => {
                            if status == 401 && needs_bearer && self.refreshable() && !refreshed {
                                if let Some(t) = &bearer {
                                    self.shared.token.borrow_mut().invalidate(t);
                                }
                                refreshed = true;
                                continue;
                            }
                            let retry_after = resp
                                .headers
                                .iter()
                                .find(|(k, _)| k.eq_ignore_ascii_case("retry-after"))
                                .and_then(|(_, v)| retry::parse_retry_after(v, self.transport.now_ms()));
                            if status == 429 {
                                self.shared.limiter.borrow_mut().throttled(self.transport.now_ms());
                            }
                            let mut e = self.status_error(endpoint, status, &body, refreshed);
                            e.retry_after_ms = retry_after;
                            (Attempt::Status { status, retry_after_ms: retry_after }, e)
                        }
                    }
                }
            };
            match retry::decide(&Context { attempt, retries_done, may_retry }, &self.options.retry, self.transport.random()) {
                Decision::Retry { delay_ms } => {
                    retries_done += 1;
                    self.transport.sleep(delay_ms, call.signal).await.map_err(|e| finish(self.transport_error(e, timeout), attempts))?;
                }
                Decision::Stop { retryable } => {
                    let mut e = finish(error, attempts);
                    e.retryable = retryable;
                    return Err(e);
                }
            }
        }
    }

    fn transport_error(&self, e: TransportError, timeout_ms: u64) -> ClientError {
        match e {
            TransportError::Aborted => {
                ClientError::new(ErrorKind::Aborted, self.msg("appel interrompu par le signal de l'appelant", "call aborted by the caller's signal"))
            }
            TransportError::Timeout => ClientError::new(
                ErrorKind::Timeout,
                self.msg(format!("pas de réponse complète en {timeout_ms} ms (timeoutMs)"), format!("no complete answer within {timeout_ms} ms (timeoutMs)")),
            ),
            TransportError::Network(why) => {
                ClientError::new(ErrorKind::Network, self.msg(format!("la connexion a échoué : {why}"), format!("the connection failed: {why}")))
            }
        }
    }

    /// The error for a non-2xx answer.
    fn status_error(&self, endpoint: &Endpoint, status: u16, body: &[u8], refreshed: bool) -> ClientError {
        let json: Option<Value> = serde_json::from_slice(body).ok();
        let text_field = |k: &str| json.as_ref().and_then(|v| v.get(k)).and_then(Value::as_str).map(str::to_string);
        let server = text_field("detail").or_else(|| text_field("message")).or_else(|| text_field("error_description"));
        let said = server.as_ref().map(|s| format!(" — « {s} »")).unwrap_or_default();
        let said_en = server.as_ref().map(|s| format!(" — \"{s}\"")).unwrap_or_default();
        let p = self.provider.as_str();
        // Lära's documented error codes.
        if let Some(code) = json.as_ref().and_then(|v| v.get("code")).and_then(Value::as_i64) {
            if self.provider == Provider::Lara {
                let (name, meaning) = lara_code(code, self.options.lang).unzip();
                let meaning = meaning.map(|m| format!(" {m}")).unwrap_or_default();
                let named = name.map(|n| format!(" « {n} »")).unwrap_or_default();
                let named_en = name.map(|n| format!(" \"{n}\"")).unwrap_or_default();
                let mut e = ClientError::new(
                    ErrorKind::Provider,
                    self.msg(
                        format!("Lära a refusé la requête : code {code}{named}.{meaning}{said}"),
                        format!("Lära refused the request: code {code}{named_en}.{meaning}{said_en}"),
                    ),
                );
                e.status = Some(status);
                e.provider_code = Some(ProviderCode::Number(code));
                e.provider_code_name = name.map(str::to_string);
                return e;
            }
        }
        let oauth = endpoint.auth == Auth::ClientCredentialsGrant;
        let (kind, fr, en) = match status {
            401 if refreshed => {
                (ErrorKind::Auth, "jeton refusé (401) même après un renouvellement".to_string(), "token refused (401) even after a refresh".to_string())
            }
            401 => (ErrorKind::Auth, "authentification refusée (401)".to_string(), "authentication refused (401)".to_string()),
            403 => (
                ErrorKind::Auth,
                "accès interdit (403) : vérifiez les droits et le scope".to_string(),
                "access forbidden (403): check the rights and the scope".to_string(),
            ),
            400 if oauth => (ErrorKind::Auth, "identifiants OAuth refusés (400)".to_string(), "OAuth credentials refused (400)".to_string()),
            429 => (ErrorKind::RateLimited, "trop de requêtes (429)".to_string(), "too many requests (429)".to_string()),
            s => (ErrorKind::Http, format!("{p} a répondu HTTP {s}"), format!("{p} answered HTTP {s}")),
        };
        let mut e = ClientError::new(kind, self.msg(format!("{fr}{said}"), format!("{en}{said_en}")));
        e.status = Some(status);
        if oauth {
            if let Some(code) = text_field("error") {
                e.provider_code = Some(ProviderCode::Text(code));
                e.provider_code_name = text_field("error_description");
            }
        }
        e
    }
}

/// A Lära code's documented name (`"Required id"`) and meaning in `lang`.
#[cfg(feature = "lara")]
fn lara_code(code: i64, lang: Lang) -> Option<(&'static str, String)> {
    use crate::lara::LaraErrorCode;
    let c = LaraErrorCode::from_number(code)?;
    let name = match c {
        LaraErrorCode::Program(p) => p.message(),
        LaraErrorCode::Cycle(p) => p.message(),
    };
    Some((name, c.description(lang)))
}

#[cfg(not(feature = "lara"))]
fn lara_code(_code: i64, _lang: Lang) -> Option<(&'static str, String)> {
    None
}
