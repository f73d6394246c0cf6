//! The body of the `client` fuzz target, shared by `fuzz/fuzz_targets/client.rs`
//! (libFuzzer, nightly) and `tests/fuzz_targets_replay.rs` (stable, in `make test`).
//!
//! The clients' response handling: status + headers + body → outcome. A
//! scripted transport answers every attempt (the token requests too, when
//! the input says so) with answers read from the input; its `sleep` moves a
//! fake clock. The call goes through the real client: token cache, 401
//! replay, retry rules, `Retry-After`, the rate limit, error classification,
//! then the answer is decoded with the endpoint's response schema and read
//! by the pager's plan.
//!
//! Input: byte 0 picks the endpoint (`formakit::endpoints::endpoints()`),
//! byte 1 the flags (language, token route fuzzed or not, rate limit, a page
//! number), bytes 2..10 a page number; then answers, each
//! `status:u16le, header count, (name byte, value len, value)*, body kind,
//! body len:u16le, body`. When the answers run out the transport says 503.
//!
//! A finding is a panic, a call that never ends, or a broken promise: an
//! `Ok` reply that is not 2xx, an error without a message, a secret in an
//! error, a status error whose `status` is not the one answered.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use formakit::client::paging::PagePlan;
use formakit::client::{CallOptions, Client, ClientOptions, Credentials, Environment, HttpRequest, HttpResponse, Transport, TransportError};
use formakit::endpoint::{Auth, Endpoint, Paging};
use formakit::Lang;
use serde_json::{Map, Value};

const SECRET: &str = "s3cr3t-fuzz-client-secret";
const TOKEN: &str = "tok-fuzz-static-token";
const ISSUED: &str = "tok-fuzz-issued-token";

/// A request document per request schema (the first fixture of that schema).
pub type Requests = BTreeMap<String, String>;

/// Reads `tests/fixtures/index.json` under `fixtures` and keeps the first fixture of each schema.
pub fn requests(fixtures: &std::path::Path) -> Requests {
    let index: BTreeMap<String, String> = std::fs::read(fixtures.join("index.json")).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default();
    let mut out = Requests::new();
    for (file, schema) in index {
        if out.contains_key(&schema) {
            continue;
        }
        if let Ok(text) = std::fs::read_to_string(fixtures.join(&file)) {
            out.insert(schema, text);
        }
    }
    out
}

type Answer = Result<HttpResponse, TransportError>;

struct Script {
    now: Cell<f64>,
    answers: RefCell<VecDeque<Answer>>,
    fuzz_token: bool,
    sent: Cell<u32>,
}

#[derive(Clone)]
struct Fake(Rc<Script>);

impl Transport for Fake {
    type Signal = ();

    async fn send(&self, req: &HttpRequest, _timeout_ms: u64, _signal: Option<&()>) -> Result<HttpResponse, TransportError> {
        self.0.sent.set(self.0.sent.get() + 1);
        if req.endpoint.ends_with(".token") && !self.0.fuzz_token {
            let body = format!(r#"{{"access_token":"{ISSUED}","token_type":"Bearer","expires_in":3600}}"#);
            return Ok(HttpResponse { status: 200, headers: vec![("content-type".into(), "application/json".into())], body: Ok(body.into_bytes()) });
        }
        let next = self.0.answers.borrow_mut().pop_front();
        next.unwrap_or(Ok(HttpResponse { status: 503, headers: Vec::new(), body: Ok(Vec::new()) }))
    }

    async fn sleep(&self, ms: u64, _signal: Option<&()>) -> Result<(), TransportError> {
        self.0.now.set(self.0.now.get() + ms as f64);
        Ok(())
    }

    fn now_ms(&self) -> f64 {
        self.0.now.get()
    }

    fn random(&self) -> f64 {
        0.5
    }
}

fn noop_waker() -> Waker {
    fn clone(_: *const ()) -> RawWaker {
        RawWaker::new(std::ptr::null(), &VTABLE)
    }
    fn noop(_: *const ()) {}
    static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);
    // SAFETY: every function of the vtable ignores the data pointer.
    unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) }
}

/// Polls `f` to the end; the fake transport never blocks, so a call that
/// stays pending this long never ends.
fn block_on<T>(f: impl Future<Output = T>) -> T {
    let waker = noop_waker();
    let mut cx = Context::from_waker(&waker);
    let mut f = pin!(f);
    for _ in 0..100_000 {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
    panic!("a call never finished");
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*b)
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }
    fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.0.len());
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        head.to_vec()
    }
}

const HEADER_NAMES: [&str; 8] =
    ["retry-after", "Retry-After", "content-type", "www-authenticate", "x-ratelimit-remaining", "content-length", "location", "x-request-id"];

fn answers(r: &mut Reader<'_>) -> VecDeque<Answer> {
    let mut out = VecDeque::new();
    while let Some(raw) = r.u16() {
        // Mostly real statuses; now and then any u16.
        let status = if raw & 0x8000 == 0 { 100 + raw % 500 } else { raw };
        let mut headers = Vec::new();
        for _ in 0..r.byte().unwrap_or(0) % 4 {
            let pick = r.byte().unwrap_or(0);
            let name = HEADER_NAMES.get(usize::from(pick % 8)).copied().unwrap_or("x");
            let len = usize::from(r.byte().unwrap_or(0) % 40);
            headers.push((name.to_string(), String::from_utf8_lossy(&r.take(len)).into_owned()));
        }
        let kind = r.byte().unwrap_or(0);
        let len = usize::from(r.u16().unwrap_or(0));
        let body = r.take(len);
        out.push_back(match kind % 8 {
            0 => Err(TransportError::Timeout),
            1 => Err(TransportError::Network(String::from_utf8_lossy(&body).into_owned())),
            2 => Ok(HttpResponse { status, headers, body: Err("the connection closed early".into()) }),
            _ => Ok(HttpResponse { status, headers, body: Ok(body) }),
        });
        if out.len() >= 12 {
            break;
        }
    }
    out
}

fn options(endpoint: &Endpoint, lang: Lang, rate: bool) -> ClientOptions {
    let credentials = match endpoint.auth {
        Auth::OAuthClientCredentials | Auth::ClientCredentialsGrant => {
            Credentials::ClientCredentials { client_id: "fuzz-id".into(), client_secret: SECRET.into(), scope: Some("api".into()) }
        }
        Auth::Bearer | Auth::None => Credentials::Token(TOKEN.into()),
    };
    ClientOptions {
        base_url: Some("http://fuzz.invalid/api".into()),
        auth_base_url: Some("http://fuzz.invalid/auth".into()),
        credentials,
        lang,
        environment: Environment::Sandbox,
        max_requests_per_second: rate.then_some(5.0),
        ..ClientOptions::default()
    }
}

/// One fuzz input.
pub fn fuzz_one(data: &[u8], requests: &Requests) {
    let mut r = Reader(data);
    let (Some(pick), Some(flags)) = (r.byte(), r.byte()) else { return };
    let page = u64::from_le_bytes(std::array::from_fn(|_| r.byte().unwrap_or(0)));
    let all: Vec<&'static Endpoint> = formakit::endpoints::endpoints().collect();
    let Some(endpoint) = all.get(usize::from(pick) % all.len().max(1)).copied() else { return };
    let lang = if flags & 1 == 0 { Lang::Fr } else { Lang::En };
    let script = Rc::new(Script { now: Cell::new(1.7e12), answers: RefCell::new(answers(&mut r)), fuzz_token: flags & 2 != 0, sent: Cell::new(0) });
    let answered: Vec<u16> = script.answers.borrow().iter().filter_map(|a| a.as_ref().ok().map(|h| h.status)).collect();
    let client = match Client::new(endpoint.provider, Fake(script.clone()), options(endpoint, lang, flags & 4 != 0)) {
        Ok(c) => c,
        Err(e) => panic!("{}: the client refused its options: {}", endpoint.id(), e.message),
    };
    // The request: the fixture of its schema, with a page number from the input when the flags say so.
    let mut request = endpoint.request.and_then(|s| requests.get(s)).cloned();
    let mut map: Map<String, Value> = request.as_deref().and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    let page_param = match endpoint.paging {
        Paging::PageNumber { page_param, .. } | Paging::PageLimit { page_param, .. } => Some(page_param),
        Paging::None => None,
    };
    if let (true, Some(param)) = (flags & 8 != 0, page_param) {
        map.insert(param.to_string(), page.into());
        request = Some(Value::Object(map.clone()).to_string());
    }
    let options = CallOptions { retry: (flags & 16 != 0).then_some(true), ..CallOptions::default() };
    let outcome = block_on(client.call(endpoint, request.as_deref(), &options));
    let secrets_in_input = [SECRET, TOKEN, ISSUED].iter().any(|s| data.windows(s.len()).any(|w| w == s.as_bytes()));
    match outcome {
        Ok(reply) => {
            assert!((200..300).contains(&reply.status), "{}: Ok for status {}", endpoint.id(), reply.status);
            assert!(reply.attempts >= 1);
            // What the typed methods do next: decode with the response schema, every issue listed.
            if let Ok(schema) = formakit::schema::find(endpoint.response) {
                if let Err(report) = schema.safe_parse(&reply.body, lang, false) {
                    assert!(!report.issues.is_empty(), "{}: a failed decode without an issue", endpoint.id());
                }
                let _ = schema.validate(&reply.body, lang);
            }
            // The pager's plan over the answer: it ends.
            if let Some(mut plan) = PagePlan::new(&endpoint.paging, &map) {
                if let Ok(value) = serde_json::from_slice::<Value>(&reply.body) {
                    plan.learn(&value);
                }
                // A plan exists only for a paged endpoint, so `page_param` is set here.
                for _ in 0..4 {
                    let Some(p) = plan.next_page() else { break };
                    let next = plan.request_for(&map, p);
                    assert!(page_param.is_some_and(|param| next.contains_key(param)), "{}: page {p} without its page parameter", endpoint.id());
                }
            }
        }
        Err(e) => {
            assert!(!e.message.is_empty(), "{}: an error without a message ({:?})", endpoint.id(), e.kind);
            if !secrets_in_input {
                let shown = format!("{e:?} {}", e.message);
                for s in [SECRET, TOKEN, ISSUED] {
                    assert!(!shown.contains(s), "{}: a secret in the error: {shown}", endpoint.id());
                }
            }
            if let Some(status) = e.status {
                assert!(answered.contains(&status) || status == 503, "{}: error status {status} was never answered", endpoint.id());
            }
        }
    }
    // Bounded: the default policy retries at most twice, a 401 is replayed once, a token at most twice per attempt.
    assert!(script.sent.get() <= 16, "{}: {} requests for one call", endpoint.id(), script.sent.get());
}
