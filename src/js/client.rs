//! The clients' transport in wasm: gloo-net on the global `fetch` (Node 18+,
//! browsers, workers), `setTimeout` for backoff, an `AbortController` per
//! attempt fired by the timeout or by the caller's `AbortSignal`, and the
//! JavaScript hooks (`onRequest`, `onResponse`, `getToken`). `WasmClient`
//! is what the package's `CegosClient`, … wrap; it converts and forwards.

use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use crate::client::{
    CallOptions, Client, ClientError, ClientOptions, Credentials, Environment, ErrorKind, Exchange, HttpRequest, HttpResponse, Transport, TransportError,
};
use crate::endpoint::{Method, Provider};
use crate::validate::Lang;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// fetch + setTimeout + the caller's hooks.
pub struct FetchTransport {
    on_request: Option<Function>,
    on_response: Option<Function>,
    get_token: Option<Function>,
}

fn js_message(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| Reflect::get(v, &"message".into()).ok().and_then(|m| m.as_string()))
        .or_else(|| v.dyn_ref::<js_sys::Object>().map(|o| String::from(o.to_string())))
        .unwrap_or_else(|| "unknown error".to_string())
}

/// The detail behind Node's "fetch failed" / "terminated" (`error.cause`), when there is one.
fn with_cause(v: &JsValue) -> String {
    let mut s = js_message(v);
    if let Ok(cause) = Reflect::get(v, &"cause".into()) {
        if !cause.is_undefined() && !cause.is_null() {
            s.push_str(": ");
            s.push_str(&js_message(&cause));
        }
    }
    s
}

fn set(o: &Object, k: &str, v: impl Into<JsValue>) {
    let _ = Reflect::set(o, &k.into(), &v.into());
}

fn exchange_object(ex: &Exchange) -> Object {
    let o = Object::new();
    set(&o, "endpoint", ex.endpoint.as_str());
    set(&o, "method", ex.method.as_str());
    set(&o, "url", ex.url.as_str());
    let h = Object::new();
    for (k, v) in &ex.headers {
        set(&h, k, v.as_str());
    }
    set(&o, "headers", h);
    set(&o, "attempt", ex.attempt);
    if let Some(s) = ex.status {
        set(&o, "status", s);
    }
    if let Some(d) = ex.duration_ms {
        set(&o, "durationMs", d);
    }
    o
}

impl FetchTransport {
    fn hook(&self, f: &Option<Function>, ex: &Exchange) {
        if let Some(f) = f {
            // A hook observes; one that throws does not break the call.
            let _ = f.call1(&JsValue::NULL, &exchange_object(ex));
        }
    }

    async fn fetch(&self, req: &HttpRequest, signal: &AbortSignal) -> Result<HttpResponse, JsValue> {
        let method = match req.method {
            Method::Get => gloo_net::http::Method::GET,
            Method::Post => gloo_net::http::Method::POST,
            Method::Delete => gloo_net::http::Method::DELETE,
        };
        let mut b = gloo_net::http::RequestBuilder::new(&req.url).method(method).abort_signal(Some(signal));
        for (k, v) in &req.headers {
            b = b.header(k, v);
        }
        let request = match &req.body {
            Some(body) => b.body(body.as_str()),
            None => b.build(),
        }
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
        let resp = request.send().await.map_err(gloo_error)?;
        let status = resp.status();
        let headers = resp.headers().entries().collect();
        let body = resp.binary().await.map_err(|e| js_message(&gloo_error(e)));
        Ok(HttpResponse { status, headers, body })
    }
}

fn gloo_error(e: gloo_net::Error) -> JsValue {
    match e {
        gloo_net::Error::JsError(j) => {
            let o = Object::new();
            set(&o, "message", j.message.as_str());
            JsValue::from(o)
        }
        other => JsValue::from_str(&other.to_string()),
    }
}

impl Transport for FetchTransport {
    type Signal = AbortSignal;

    async fn send(&self, req: &HttpRequest, timeout_ms: u64, signal: Option<&AbortSignal>) -> Result<HttpResponse, TransportError> {
        if signal.is_some_and(AbortSignal::aborted) {
            return Err(TransportError::Aborted);
        }
        let controller = AbortController::new().map_err(|e| TransportError::Network(js_message(&e)))?;
        let abort: Function = Reflect::get(&controller, &"abort".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            // Aborted with an `Error` as the reason: fetch rejects with the signal's reason, and
            // gloo-net 0.6 traps converting a DOMException (Node's default AbortError) to its error type.
            .map(|f| JsValue::from(f.bind1(&controller, &js_sys::Error::new("formakit: attempt aborted"))).unchecked_into::<Function>())
            .ok_or_else(|| TransportError::Network("AbortController.abort is missing".into()))?;
        let timer = set_timeout(&abort, timeout_ms as f64);
        if let Some(s) = signal {
            let _ = s.add_event_listener_with_callback("abort", &abort);
        }
        let result = self.fetch(req, &controller.signal()).await;
        clear_timeout(&timer);
        if let Some(s) = signal {
            let _ = s.remove_event_listener_with_callback("abort", &abort);
        }
        let caller_aborted = signal.is_some_and(AbortSignal::aborted);
        let timed_out = !caller_aborted && controller.signal().aborted();
        match result {
            _ if caller_aborted => Err(TransportError::Aborted),
            _ if timed_out => Err(TransportError::Timeout),
            Ok(r) => Ok(r),
            Err(e) => Err(TransportError::Network(with_cause(&e))),
        }
    }

    async fn sleep(&self, ms: u64, signal: Option<&AbortSignal>) -> Result<(), TransportError> {
        if signal.is_some_and(AbortSignal::aborted) {
            return Err(TransportError::Aborted);
        }
        let p = Promise::new(&mut |resolve: Function, reject: Function| {
            set_timeout(&resolve, ms as f64);
            if let Some(s) = signal {
                let _ = s.add_event_listener_with_callback("abort", &reject);
            }
        });
        JsFuture::from(p).await.map(|_| ()).map_err(|_| TransportError::Aborted)
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }

    async fn provided_token(&self) -> Result<String, String> {
        let Some(f) = &self.get_token else {
            return Err("no getToken was given".into());
        };
        let v = f.call0(&JsValue::NULL).map_err(|e| js_message(&e))?;
        let v = match v.dyn_into::<Promise>() {
            Ok(p) => JsFuture::from(p).await.map_err(|e| js_message(&e))?,
            Err(v) => v,
        };
        v.as_string().ok_or_else(|| "getToken must resolve to a string".to_string())
    }

    fn on_request(&self, ex: &Exchange) {
        self.hook(&self.on_request, ex);
    }

    fn on_response(&self, ex: &Exchange) {
        self.hook(&self.on_response, ex);
    }
}

fn error_value(e: &ClientError) -> JsValue {
    JsValue::from_str(&e.to_json().to_string())
}

fn usage(lang: Lang, fr: &str, en: &str) -> JsValue {
    error_value(&ClientError::usage(lang, fr, en))
}

fn function(hooks: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(hooks, &name.into()).ok().and_then(|f| f.dyn_into::<Function>().ok())
}

fn string(o: &Value, k: &str) -> Option<String> {
    o.get(k).and_then(Value::as_str).map(str::to_string)
}

/// A client for JavaScript: the package's classes wrap it.
#[wasm_bindgen(js_name = WasmClient)]
pub struct WasmClient {
    inner: Rc<Client<FetchTransport>>,
}

#[wasm_bindgen(js_class = WasmClient)]
impl WasmClient {
    /// `provider`: `"cegos"`, `"lara"`, `"francetravail"`, `"campusskills"`. `options`: JSON
    /// text the JS layer checked (`baseUrl`, `authBaseUrl`, `sandboxUrl`, `clientId`,
    /// `clientSecret`, `scope`, `token`, `getToken` (true when given), `retries`, `timeoutMs`,
    /// `maxRequestsPerSecond`, `maxRetryAfterMs`, `lang`, `environment`, `apiMode`, `headers`).
    /// `hooks`: `{ onRequest, onResponse, getToken }` functions. Throws the error's JSON text.
    #[wasm_bindgen(constructor)]
    pub fn new(provider: &str, options: &str, hooks: JsValue) -> Result<WasmClient, JsValue> {
        let o: Value = serde_json::from_str(options).unwrap_or(Value::Null);
        let lang = o.get("lang").and_then(Value::as_str).and_then(Lang::parse).unwrap_or_default();
        let Some(provider) = Provider::from_name(provider) else {
            return Err(usage(lang, "fournisseur inconnu", "unknown provider"));
        };
        let credentials = if let Some(t) = string(&o, "token") {
            Credentials::Token(t)
        } else if o.get("getToken").and_then(Value::as_bool) == Some(true) {
            Credentials::Provided
        } else if let (Some(client_id), Some(client_secret)) = (string(&o, "clientId"), string(&o, "clientSecret")) {
            Credentials::ClientCredentials { client_id, client_secret, scope: string(&o, "scope") }
        } else {
            Credentials::None
        };
        let mut opts = ClientOptions {
            base_url: string(&o, "baseUrl"),
            auth_base_url: string(&o, "authBaseUrl"),
            sandbox_url: string(&o, "sandboxUrl"),
            credentials,
            lang,
            api_mode: string(&o, "apiMode"),
            max_requests_per_second: o.get("maxRequestsPerSecond").and_then(Value::as_f64),
            environment: if o.get("environment").and_then(Value::as_str) == Some("sandbox") { Environment::Sandbox } else { Environment::Production },
            headers: o
                .get("headers")
                .and_then(Value::as_object)
                .map(|h| h.iter().filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string()))).collect())
                .unwrap_or_default(),
            ..ClientOptions::default()
        };
        if let Some(r) = o.get("retries").and_then(Value::as_u64) {
            opts.retry.retries = u32::try_from(r).unwrap_or(u32::MAX);
        }
        if let Some(r) = o.get("maxRetryAfterMs").and_then(Value::as_u64) {
            opts.retry.max_retry_after_ms = r;
        }
        if let Some(t) = o.get("timeoutMs").and_then(Value::as_u64) {
            opts.timeout_ms = t;
        }
        let transport =
            FetchTransport { on_request: function(&hooks, "onRequest"), on_response: function(&hooks, "onResponse"), get_token: function(&hooks, "getToken") };
        Client::new(provider, transport, opts).map(|c| WasmClient { inner: Rc::new(c) }).map_err(|e| error_value(&e))
    }

    /// Calls endpoint `name` (`"products"`) with `request` (JSON text, or undefined).
    /// `call`: JSON `{retry?, timeoutMs?, headers?}`; `signal`: an `AbortSignal` or undefined.
    /// Resolves to `{status, body, attempts, url}` (`body`: the answer's text); rejects with the error's JSON text.
    pub fn call(&self, name: String, request: Option<String>, call: &str, signal: JsValue) -> Promise {
        let inner = self.inner.clone();
        let c: Value = serde_json::from_str(call).unwrap_or(Value::Null);
        let signal = signal.dyn_into::<AbortSignal>().ok();
        wasm_bindgen_futures::future_to_promise(async move {
            let opts = CallOptions {
                signal: signal.as_ref(),
                retry: c.get("retry").and_then(Value::as_bool),
                timeout_ms: c.get("timeoutMs").and_then(Value::as_u64),
                headers: c
                    .get("headers")
                    .and_then(Value::as_object)
                    .map(|h| h.iter().filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string()))).collect())
                    .unwrap_or_default(),
            };
            let reply = inner.call_named(&name, request.as_deref(), &opts).await.map_err(|e| error_value(&e))?;
            let body = String::from_utf8(reply.body).map_err(|_| {
                let mut e = ClientError::new(
                    ErrorKind::Decode,
                    crate::validate::msg(inner.lang(), "la réponse n'est pas du texte UTF-8", "the answer is not UTF-8 text"),
                );
                e.status = Some(reply.status);
                e.url = Some(reply.url.clone());
                e.attempts = reply.attempts;
                error_value(&e)
            })?;
            let o = Object::new();
            set(&o, "status", reply.status);
            set(&o, "body", body);
            set(&o, "attempts", reply.attempts);
            set(&o, "url", reply.url);
            Ok(JsValue::from(o))
        })
    }
}
