//! The clients' logic on a fake clock: the retry rules and backoff schedule,
//! `Retry-After`, the token cache and its single-flight refresh, the 401
//! replay, the rate limit, validation before sending, path safety, typed
//! errors and paging. No network: a scripted transport answers, and its
//! `sleep` advances the clock instead of waiting.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::result_large_err, clippy::type_complexity)]

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use formakit::client::rate::RateLimiter;
use formakit::client::retry::{backoff_ms, decide, parse_retry_after, Attempt, Context as RetryContext, Decision, RetryPolicy, RULES};
use formakit::client::token::TokenCache;
use formakit::client::{
    CallOptions, CampusSkillsClient, CegosClient, Client, ClientOptions, Credentials, Environment, ErrorKind, Exchange, HttpRequest, HttpResponse, LaraClient,
    ProviderCode, Transport, TransportError,
};
use formakit::endpoints::Provider;

// ------------------------------------------------------------------ a tiny executor

fn noop_waker() -> Waker {
    fn clone(_: *const ()) -> RawWaker {
        RawWaker::new(std::ptr::null(), &VTABLE)
    }
    fn noop(_: *const ()) {}
    static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);
    unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) }
}

/// Polls every future until all are done (busy loop: the fake transport never blocks).
fn run_all<T>(futures: Vec<Pin<Box<dyn Future<Output = T> + '_>>>) -> Vec<T> {
    let waker = noop_waker();
    let mut cx = Context::from_waker(&waker);
    let mut futures: Vec<_> = futures.into_iter().map(Some).collect();
    let mut out: Vec<Option<T>> = futures.iter().map(|_| None).collect();
    for _ in 0..1_000_000 {
        for (f, o) in futures.iter_mut().zip(out.iter_mut()) {
            if let Some(fut) = f {
                if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
                    *o = Some(v);
                    *f = None;
                }
            }
        }
        if out.iter().all(Option::is_some) {
            return out.into_iter().map(Option::unwrap).collect();
        }
    }
    panic!("futures never finished");
}

fn block_on<T>(f: impl Future<Output = T>) -> T {
    run_all(vec![Box::pin(f)]).pop().unwrap()
}

/// Returns Pending once, so concurrent calls interleave.
struct YieldOnce(bool);
impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

// ------------------------------------------------------------------ the scripted transport

type Answer = Result<HttpResponse, TransportError>;

#[derive(Default)]
struct Fake {
    now: Cell<f64>,
    /// Answers of the token route, then of every other route, in order; when empty, `fallback`.
    token_answers: RefCell<VecDeque<Answer>>,
    answers: RefCell<VecDeque<Answer>>,
    fallback: RefCell<Option<Box<dyn Fn(&HttpRequest) -> Answer>>>,
    sent: RefCell<Vec<HttpRequest>>,
    sleeps: RefCell<Vec<u64>>,
    hooks: RefCell<Vec<Exchange>>,
    in_flight: Cell<usize>,
    max_in_flight: Cell<usize>,
}

fn ok(status: u16, body: &str) -> Answer {
    Ok(HttpResponse { status, headers: vec![("content-type".into(), "application/json".into())], body: Ok(body.as_bytes().to_vec()) })
}

fn with_header(status: u16, name: &str, value: &str) -> Answer {
    Ok(HttpResponse { status, headers: vec![(name.into(), value.into())], body: Ok(b"{}".to_vec()) })
}

fn token(expires_in: u64) -> Answer {
    ok(200, &format!(r#"{{"access_token":"tok-{expires_in}","token_type":"Bearer","expires_in":{expires_in}}}"#))
}

const CATALOGS: &str = r#"{"data":[]}"#;

/// The transport the clients own: a handle on the test's `Fake`.
#[derive(Clone)]
struct Handle(Rc<Fake>);

impl std::ops::Deref for Handle {
    type Target = Fake;
    fn deref(&self) -> &Fake {
        &self.0
    }
}

impl Transport for Handle {
    type Signal = ();

    async fn send(&self, req: &HttpRequest, _timeout_ms: u64, _signal: Option<&()>) -> Result<HttpResponse, TransportError> {
        self.sent.borrow_mut().push(req.clone());
        self.in_flight.set(self.in_flight.get() + 1);
        self.max_in_flight.set(self.max_in_flight.get().max(self.in_flight.get()));
        YieldOnce(false).await;
        self.in_flight.set(self.in_flight.get() - 1);
        let queue = if req.endpoint.ends_with(".token") { &self.token_answers } else { &self.answers };
        let next = queue.borrow_mut().pop_front();
        match next {
            Some(a) => a,
            None => match self.fallback.borrow().as_ref() {
                Some(f) => f(req),
                None => panic!("no scripted answer for {}", req.url),
            },
        }
    }

    async fn sleep(&self, ms: u64, _signal: Option<&()>) -> Result<(), TransportError> {
        self.sleeps.borrow_mut().push(ms);
        self.now.set(self.now.get() + ms as f64);
        Ok(())
    }

    fn now_ms(&self) -> f64 {
        self.now.get()
    }

    fn random(&self) -> f64 {
        0.5
    }

    fn on_request(&self, e: &Exchange) {
        self.hooks.borrow_mut().push(e.clone());
    }

    fn on_response(&self, e: &Exchange) {
        self.hooks.borrow_mut().push(e.clone());
    }
}

fn oauth() -> ClientOptions {
    ClientOptions {
        base_url: Some("http://sbx/cegos".into()),
        auth_base_url: Some("http://sbx/cegos".into()),
        credentials: Credentials::ClientCredentials { client_id: "id-1".into(), client_secret: "very-secret-value".into(), scope: None },
        ..ClientOptions::default()
    }
}

fn cegos(fake: &Rc<Fake>, options: ClientOptions) -> CegosClient<Handle> {
    CegosClient::new(Handle(fake.clone()), options).unwrap()
}

fn catalogs_call(c: &Client<Handle>) -> Result<formakit::client::Reply, formakit::client::ClientError> {
    block_on(c.call_named("catalogs", Some("{}"), &CallOptions::default()))
}

// ------------------------------------------------------------------ the schedule and rules, pure

#[test]
fn backoff_follows_stripe_schedule_with_jitter_and_cap() {
    let p = RetryPolicy::default();
    assert_eq!((backoff_ms(&p, 1, 0.0), backoff_ms(&p, 1, 1.0)), (250, 500));
    assert_eq!((backoff_ms(&p, 2, 0.0), backoff_ms(&p, 2, 1.0)), (500, 1000));
    assert_eq!((backoff_ms(&p, 4, 0.0), backoff_ms(&p, 4, 1.0)), (2000, 4000));
    assert_eq!((backoff_ms(&p, 5, 0.0), backoff_ms(&p, 5, 1.0)), (2500, 5000), "clamped at 5 s");
    assert_eq!(backoff_ms(&p, u32::MAX, 1.0), 5000);
    assert_eq!(backoff_ms(&p, 1, f64::NAN), 250);
}

#[test]
fn retry_after_reads_seconds_and_http_dates() {
    assert_eq!(parse_retry_after("0", 0.0), Some(0));
    assert_eq!(parse_retry_after(" 12 ", 0.0), Some(12_000));
    // 2015-10-21T07:28:00Z = 1445412480 s
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1_445_412_470_000.0), Some(10_000));
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1_445_412_490_000.0), Some(0), "a date in the past");
    for bad in ["", "-1", "1.5", "soon", "Wed, 21 Oct 2015 07:28:00 CET", "Wed, 32 Oct 2015 07:28:00 GMT", "Wed, 21 Foo 2015 07:28:00 GMT"] {
        assert_eq!(parse_retry_after(bad, 0.0), None, "{bad:?}");
    }
    assert_eq!(parse_retry_after("99999999999999999999999", 0.0), Some((u64::MAX / 1000) * 1000), "huge, saturated, then capped by the policy");
}

#[test]
fn rules_decide_in_order() {
    let p = RetryPolicy::default();
    let ctx = |attempt, retries_done, may_retry| RetryContext { attempt, retries_done, may_retry };
    let s = |status, retry_after_ms| Attempt::Status { status, retry_after_ms };
    assert_eq!(decide(&ctx(Attempt::Aborted, 0, true), &p, 0.5), Decision::Stop { retryable: false });
    assert_eq!(decide(&ctx(s(400, None), 0, true), &p, 0.5), Decision::Stop { retryable: false });
    assert_eq!(decide(&ctx(s(404, Some(1000)), 0, true), &p, 0.5), Decision::Stop { retryable: false });
    assert_eq!(decide(&ctx(s(503, None), 0, false), &p, 0.5), Decision::Stop { retryable: true }, "not retry-safe");
    assert_eq!(decide(&ctx(s(503, None), 2, true), &p, 0.5), Decision::Stop { retryable: true }, "retries used up");
    assert_eq!(decide(&ctx(s(429, Some(61_000)), 0, true), &p, 0.5), Decision::Stop { retryable: true }, "Retry-After above 60 s");
    assert_eq!(decide(&ctx(s(429, Some(3_000)), 0, true), &p, 0.5), Decision::Retry { delay_ms: 3_000 });
    for status in [408, 429, 500, 502, 503, 504] {
        assert_eq!(decide(&ctx(s(status, None), 1, true), &p, 0.5), Decision::Retry { delay_ms: 750 }, "{status}");
    }
    assert_eq!(decide(&ctx(Attempt::Timeout, 0, true), &p, 0.5), Decision::Retry { delay_ms: 375 });
    assert_eq!(decide(&ctx(Attempt::Network, 0, true), &p, 0.5), Decision::Retry { delay_ms: 375 });
    assert_eq!(RULES.len(), 7);
}

#[test]
fn token_cache_refreshes_two_minutes_early_and_forgets_only_its_own_token() {
    let mut c = TokenCache::default();
    assert_eq!(c.current(0.0), None);
    c.store("a".into(), Some(3600.0), 0.0);
    assert_eq!(c.current(3_479_999.0), Some("a"));
    assert_eq!(c.current(3_480_000.0), None, "3600 s − 120 s");
    c.store("b".into(), Some(60.0), 0.0);
    assert_eq!(c.current(29_999.0), Some("b"), "a short lifetime is used for half its length");
    assert_eq!(c.current(30_000.0), None);
    c.store("c".into(), Some(3600.0), 0.0);
    c.invalidate("b");
    assert_eq!(c.current(1.0), Some("c"), "a 401 on an older token keeps the newer one");
    c.invalidate("c");
    assert_eq!(c.current(1.0), None);
}

#[test]
fn rate_limiter_spaces_sends_slows_after_429_and_recovers() {
    let mut r = RateLimiter::new(Some(2.0));
    let waits: Vec<f64> = (0..5).map(|_| r.reserve(0.0)).collect();
    assert_eq!(waits, [0.0, 0.0, 500.0, 1000.0, 1500.0], "a burst of 2, then one every 500 ms");
    r.throttled(0.0);
    assert!((r.rate().unwrap() - 1.4).abs() < 1e-9);
    r.throttled(0.0);
    assert!((r.rate().unwrap() - 0.98).abs() < 1e-9);
    for _ in 0..20 {
        r.succeeded();
    }
    assert_eq!(r.rate(), Some(2.0), "back to the configured limit");
    let mut u = RateLimiter::new(None);
    for i in 0..10 {
        assert_eq!(u.reserve(f64::from(i) * 50.0), 0.0, "unlimited");
    }
    u.throttled(500.0);
    assert!((u.rate().unwrap() - 7.0).abs() < 1e-9, "10 sends in the last second × 0.7: {:?}", u.rate());
    for _ in 0..20 {
        u.succeeded();
    }
    assert_eq!(u.rate(), None, "unlimited again");
    for _ in 0..100 {
        u.throttled(1e9);
    }
    assert_eq!(u.rate(), Some(0.5), "never below the floor");
}

// ------------------------------------------------------------------ the client on the fake transport

#[test]
fn retries_503_with_backoff_then_succeeds() {
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().push_back(token(3600));
    fake.answers.borrow_mut().extend([ok(503, "{}"), ok(502, "{}"), ok(200, CATALOGS)]);
    let c = cegos(&fake, oauth());
    let reply = catalogs_call(c.core()).unwrap();
    assert_eq!(reply.attempts, 3);
    assert_eq!(*fake.sleeps.borrow(), [375, 750], "random fixed at 0.5");
}

#[test]
fn gives_up_after_the_retries_with_a_typed_error() {
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().push_back(token(3600));
    fake.answers.borrow_mut().extend([ok(500, "{}"), ok(500, "{}"), ok(500, r#"{"message":"boom"}"#)]);
    let c = cegos(&fake, ClientOptions { lang: formakit::Lang::En, ..oauth() });
    let e = catalogs_call(c.core()).unwrap_err();
    assert_eq!((e.kind, e.status, e.attempts, e.retryable), (ErrorKind::Http, Some(500), 3, true));
    assert_eq!(e.url.as_deref(), Some("http://sbx/cegos/v1/Catalogs"));
    assert_eq!(e.endpoint.as_deref(), Some("cegos.catalogs"));
    assert!(e.message.contains("HTTP 500") && e.message.contains("boom"), "{}", e.message);
}

#[test]
fn honours_retry_after_and_caps_it() {
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().push_back(token(3600));
    fake.answers.borrow_mut().extend([with_header(429, "Retry-After", "2"), ok(200, CATALOGS)]);
    let c = cegos(&fake, oauth());
    assert_eq!(catalogs_call(c.core()).unwrap().attempts, 2);
    assert_eq!(*fake.sleeps.borrow(), [2000]);
    assert!(c.core().rate().is_some(), "a 429 starts the adaptive limit");

    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().push_back(token(3600));
    fake.answers.borrow_mut().push_back(with_header(429, "retry-after", "120"));
    let c = cegos(&fake, oauth());
    let e = catalogs_call(c.core()).unwrap_err();
    assert_eq!((e.kind, e.retry_after_ms, e.attempts, e.retryable), (ErrorKind::RateLimited, Some(120_000), 1, true));
}

#[test]
fn unsafe_calls_are_not_retried_unless_asked() {
    let lara = |fake: &Rc<Fake>| {
        LaraClient::new(
            Handle(fake.clone()),
            ClientOptions { base_url: Some("http://sbx/lara/lmsapi".into()), credentials: Credentials::Token("k".into()), ..ClientOptions::default() },
        )
        .unwrap()
    };
    let body = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lara/change_current_member_status_request.json")).unwrap();
    let body = body.as_str();
    let fake = Rc::new(Fake::default());
    fake.answers.borrow_mut().extend([ok(503, "{}"), ok(200, "{}")]);
    let c = lara(&fake);
    let e = block_on(c.core().call_named("changeCurrentMemberStatus", Some(body), &CallOptions::default()));
    // The request may be invalid for this schema; then nothing was sent at all.
    match e {
        Err(e) if e.kind == ErrorKind::Validation => panic!("fixture request invalid: {:?}", e.issues),
        Err(e) => assert_eq!((e.kind, e.attempts, e.retryable), (ErrorKind::Http, 1, true)),
        Ok(_) => panic!("a 503 must fail"),
    }
    let fake = Rc::new(Fake::default());
    fake.answers.borrow_mut().extend([ok(503, "{}"), ok(200, "{}")]);
    let c = lara(&fake);
    let opts = CallOptions { retry: Some(true), ..CallOptions::default() };
    assert_eq!(block_on(c.core().call_named("changeCurrentMemberStatus", Some(body), &opts)).unwrap().attempts, 2);
    // And a safe read can be told never to retry.
    let fake = Rc::new(Fake::default());
    fake.answers.borrow_mut().extend([ok(503, "{}")]);
    let c = lara(&fake);
    let opts = CallOptions { retry: Some(false), ..CallOptions::default() };
    assert_eq!(block_on(c.core().call_named("getProgram", Some(r#"{"id":"x"}"#), &opts)).unwrap_err().attempts, 1);
}

#[test]
fn a_401_refreshes_once_and_replays_once() {
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().extend([token(3600), token(3601)]);
    fake.answers.borrow_mut().extend([ok(401, "{}"), ok(200, CATALOGS)]);
    let c = cegos(&fake, oauth());
    assert_eq!(catalogs_call(c.core()).unwrap().attempts, 2);
    let auth: Vec<String> = fake.sent.borrow().iter().filter_map(|r| r.headers.iter().find(|(k, _)| k == "Authorization").map(|(_, v)| v.clone())).collect();
    assert_eq!(auth, ["Bearer tok-3600", "Bearer tok-3601"], "the replay carries the new token");

    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().extend([token(3600), token(3601)]);
    fake.answers.borrow_mut().extend([ok(401, "{}"), ok(401, "{}")]);
    let c = cegos(&fake, oauth());
    let e = catalogs_call(c.core()).unwrap_err();
    assert_eq!((e.kind, e.status, e.attempts), (ErrorKind::Auth, Some(401), 2));
    assert_eq!(fake.sent.borrow().iter().filter(|r| r.endpoint == "cegos.token").count(), 2, "one refresh only");

    // A static token has nothing to refresh: the 401 is final.
    let fake = Rc::new(Fake::default());
    fake.answers.borrow_mut().extend([ok(401, "{}")]);
    let c = cegos(&fake, ClientOptions { credentials: Credentials::Token("t".into()), ..oauth() });
    assert_eq!(catalogs_call(c.core()).unwrap_err().attempts, 1);
}

#[test]
fn the_token_is_cached_and_refreshed_ahead_of_expiry() {
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().extend([token(3600), token(3601)]);
    *fake.fallback.borrow_mut() = Some(Box::new(|_| ok(200, CATALOGS)));
    let c = cegos(&fake, oauth());
    catalogs_call(c.core()).unwrap();
    fake.now.set(3_479_000.0);
    catalogs_call(c.core()).unwrap();
    assert_eq!(fake.sent.borrow().iter().filter(|r| r.endpoint == "cegos.token").count(), 1, "still fresh 2 min + 1 s before expiry");
    fake.now.set(3_481_000.0);
    catalogs_call(c.core()).unwrap();
    assert_eq!(fake.sent.borrow().iter().filter(|r| r.endpoint == "cegos.token").count(), 2, "refreshed within the 2-minute margin");
    let form = fake.sent.borrow().iter().find(|r| r.endpoint == "cegos.token").unwrap().body.clone().unwrap();
    assert_eq!(form, "grant_type=client_credentials&client_id=id-1&client_secret=very-secret-value&scope=api-cegos");
}

#[test]
fn fifty_calls_waiting_on_an_expired_token_make_one_token_request() {
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().extend([token(3600), token(3601)]);
    *fake.fallback.borrow_mut() = Some(Box::new(|_| ok(200, CATALOGS)));
    let c = cegos(&fake, oauth());
    catalogs_call(c.core()).unwrap();
    fake.now.set(3_500_000.0); // past the refresh time
    let opts = CallOptions::default();
    let calls: Vec<Pin<Box<dyn Future<Output = _>>>> =
        (0..50).map(|_| Box::pin(c.core().call_named("catalogs", Some("{}"), &opts)) as Pin<Box<dyn Future<Output = _>>>).collect();
    let results = run_all(calls);
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(fake.sent.borrow().iter().filter(|r| r.endpoint == "cegos.token").count(), 2, "the first token, then one refresh for the 50");
}

#[test]
fn a_failed_refresh_fails_every_waiter_with_the_same_auth_error_and_no_secret() {
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().push_back(ok(400, r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#));
    let c = cegos(&fake, oauth());
    let opts = CallOptions::default();
    let calls: Vec<Pin<Box<dyn Future<Output = Result<formakit::client::Reply, formakit::client::ClientError>>>>> =
        (0..5).map(|_| Box::pin(c.core().call_named("catalogs", Some("{}"), &opts)) as Pin<Box<dyn Future<Output = _>>>).collect();
    for r in run_all(calls) {
        let e = r.unwrap_err();
        assert_eq!(e.kind, ErrorKind::Auth);
        assert_eq!(e.provider_code, Some(ProviderCode::Text("invalid_client".into())));
        let json = e.to_json().to_string();
        assert!(!json.contains("very-secret-value") && !format!("{e:?}").contains("very-secret-value"), "{json}");
    }
    assert_eq!(fake.sent.borrow().len(), 1, "one token request, no catalog request");
    for ex in fake.hooks.borrow().iter() {
        assert!(!format!("{ex:?}").contains("very-secret-value"), "hooks see no secret: {ex:?}");
    }
    assert!(!format!("{:?}", Credentials::Token("abc".into())).contains("abc"));
}

#[test]
fn hooks_see_redacted_authorization() {
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().push_back(token(3600));
    fake.answers.borrow_mut().push_back(ok(200, CATALOGS));
    let c = cegos(&fake, oauth());
    catalogs_call(c.core()).unwrap();
    let hooks = fake.hooks.borrow();
    let api: Vec<&Exchange> = hooks.iter().filter(|e| e.endpoint == "cegos.catalogs").collect();
    assert_eq!(api.len(), 2, "onRequest and onResponse");
    assert_eq!(api[1].status, Some(200));
    assert!(api[0].headers.contains(&("Authorization".into(), "[redacted]".into())), "{:?}", api[0].headers);
    assert!(!format!("{hooks:?}").contains("tok-3600"));
}

#[test]
fn invalid_requests_send_nothing_and_list_every_issue() {
    let fake = Rc::new(Fake::default());
    let c = LaraClient::new(
        Handle(fake.clone()),
        ClientOptions { base_url: Some("http://sbx/lara/lmsapi".into()), credentials: Credentials::Token("k".into()), ..ClientOptions::default() },
    )
    .unwrap();
    let e = block_on(c.core().call_named("getProgram", Some(r#"{"id":""}"#), &CallOptions::default())).unwrap_err();
    assert_eq!((e.kind, e.attempts), (ErrorKind::Validation, 0));
    assert!(!e.issues.is_empty());
    let e = block_on(c.core().call_named("getProgram", Some(r#"{"id":3}"#), &CallOptions::default())).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Validation, "a wrong shape is listed too: {e:?}");
    assert!(fake.sent.borrow().is_empty());
}

#[test]
fn path_segments_cannot_leave_their_route() {
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().push_back(token(3600));
    *fake.fallback.borrow_mut() = Some(Box::new(|_| ok(404, r#"{"error":"not_found"}"#)));
    let c = cegos(&fake, oauth());
    // The validators refuse a code that is not one, before any encoding…
    for code in ["../admin", "..", "", "2025/61072"] {
        let req = format!(r#"{{"yearlyProductCode":{code:?}}}"#);
        let e = block_on(c.core().call_named("product", Some(&req), &CallOptions::default())).unwrap_err();
        assert_eq!((e.kind, e.attempts), (ErrorKind::Validation, 0), "{code}");
    }
    assert!(fake.sent.borrow().is_empty(), "nothing sent");
    // …and what reaches the URL is one percent-encoded segment (tests/endpoints.rs covers fill_path).
    let e = block_on(c.core().call_named("session", Some(r#"{"yearlySessionCode":"2025-61072-PAR-001"}"#), &CallOptions::default())).unwrap_err();
    assert_eq!(e.status, Some(404), "{e:?}");
    assert_eq!(fake.sent.borrow().last().unwrap().url, "http://sbx/cegos/v1/Sessions/2025-61072-PAR-001");
    let ep = formakit::endpoints::find(Provider::Cegos, "product").unwrap();
    assert_eq!(ep.url("http://sbx/cegos", &[("yearlyProductCode", "../admin")]).unwrap(), "http://sbx/cegos/v1/Products/..%2Fadmin");
}

#[test]
fn lara_ids_travel_verbatim_and_lara_codes_are_named() {
    let fake = Rc::new(Fake::default());
    fake.answers.borrow_mut().push_back(ok(400, r#"{"code":1400,"message":"Required id","detail":"id is missing","where":"body.id"}"#));
    let c = LaraClient::new(
        Handle(fake.clone()),
        ClientOptions { base_url: Some("http://sbx/lara/lmsapi".into()), credentials: Credentials::Token("k".into()), ..ClientOptions::default() },
    )
    .unwrap();
    let body = r#"{"id":"vBW5xMw1VQ2A8DFaNy22zA%3d%3d"}"#;
    let e = block_on(c.core().call_named("getProgram", Some(body), &CallOptions::default())).unwrap_err();
    assert_eq!(fake.sent.borrow()[0].body.as_deref(), Some(body), "sent exactly as given");
    assert_eq!(
        (e.kind, e.provider_code.clone(), e.provider_code_name.as_deref()),
        (ErrorKind::Provider, Some(ProviderCode::Number(1400)), Some("Required id"))
    );
    assert!(!e.retryable);
    assert!(e.message.contains("1400") && e.message.contains("id is missing"), "{}", e.message);
}

#[test]
fn delete_all_contracts_needs_the_sandbox_environment() {
    let fake = Rc::new(Fake::default());
    let opts = ClientOptions { base_url: Some("http://sbx/campusskills".into()), credentials: Credentials::Token("k".into()), ..ClientOptions::default() };
    let c = CampusSkillsClient::new(Handle(fake.clone()), opts.clone()).unwrap();
    let e = block_on(c.delete_all_contracts()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Usage);
    assert!(fake.sent.borrow().is_empty());
    fake.answers.borrow_mut().push_back(ok(200, r#"{"success":true,"deleted":0}"#));
    let c = CampusSkillsClient::new(Handle(fake.clone()), ClientOptions { environment: Environment::Sandbox, ..opts }).unwrap();
    block_on(c.delete_all_contracts()).unwrap();
    assert_eq!(fake.sent.borrow()[0].method.as_str(), "DELETE");
}

#[test]
fn a_body_cut_short_is_a_decode_error_after_the_retries() {
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().push_back(token(3600));
    *fake.fallback.borrow_mut() = Some(Box::new(|_| Ok(HttpResponse { status: 200, headers: vec![], body: Err("terminated".into()) })));
    let c = cegos(&fake, oauth());
    let e = catalogs_call(c.core()).unwrap_err();
    assert_eq!((e.kind, e.attempts, e.retryable), (ErrorKind::Decode, 3, true));
    // And an answer that is not the schema's lists every issue.
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().push_back(token(3600));
    fake.answers.borrow_mut().push_back(ok(200, r#"{"data":[{"id":"x"},{"id":"y"}]}"#));
    let c = cegos(&fake, oauth());
    let e = block_on(c.catalogs(&Default::default())).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Decode);
    assert!(e.issues.len() >= 2, "{:?}", e.issues);
}

#[test]
fn options_are_checked_when_the_client_is_made() {
    let fake = Rc::new(Fake::default());
    let err = |o: ClientOptions, p: Provider| Client::new(p, Handle(fake.clone()), o).err().map(|e| (e.kind, e.message)).unwrap();
    assert_eq!(err(ClientOptions::default(), Provider::Cegos).0, ErrorKind::Usage, "no credentials");
    let lara = ClientOptions { credentials: Credentials::Token("k".into()), ..ClientOptions::default() };
    assert!(err(lara, Provider::Lara).1.contains("baseUrl"));
    let leak = ClientOptions { base_url: Some("http://127.0.0.1:4010/cegos".into()), ..oauth() };
    let leak = ClientOptions { auth_base_url: None, ..leak };
    assert!(err(leak, Provider::Cegos).1.contains("authBaseUrl"), "a test base URL must not send the secret to production");
    let ft = ClientOptions {
        sandbox_url: Some("http://127.0.0.1:4010".into()),
        credentials: Credentials::ClientCredentials { client_id: "a".into(), client_secret: "b".into(), scope: None },
        ..ClientOptions::default()
    };
    assert!(err(ft, Provider::FranceTravail).1.contains("scope"));
    let campus_oauth = ClientOptions { base_url: Some("http://x".into()), ..oauth() };
    assert_eq!(err(campus_oauth, Provider::CampusSkills).0, ErrorKind::Usage);
    let c = Client::new(
        Provider::FranceTravail,
        Handle(fake.clone()),
        ClientOptions { sandbox_url: Some("http://127.0.0.1:4010/".into()), credentials: Credentials::Token("t".into()), ..ClientOptions::default() },
    )
    .unwrap();
    assert_eq!(c.base_url(), "http://127.0.0.1:4010/francetravail/partenaire/parcoursformationtest");
    assert_eq!(c.rate(), Some(5.0), "France Travail's default limit");
}

#[test]
fn pages_are_fetched_ahead_bounded_and_yielded_in_order() {
    let fake = Rc::new(Fake::default());
    fake.token_answers.borrow_mut().push_back(token(3600));
    *fake.fallback.borrow_mut() = Some(Box::new(|req| {
        let page: u64 = req.url.split("pageNumber=").nth(1).and_then(|p| p.split('&').next()).and_then(|p| p.parse().ok()).unwrap();
        ok(200, &format!(r#"{{"pageNumber":{page},"pageSize":100,"totalPages":13,"totalItems":1247,"data":[]}}"#))
    }));
    let c = cegos(&fake, oauth());
    let pages = c.products_pages(&Default::default()).unwrap();
    let all = block_on(pages.collect());
    match all {
        Ok(pages) => {
            let numbers: Vec<String> = pages.iter().map(|p| serde_json::to_value(p).unwrap()["pageNumber"].to_string()).collect();
            assert_eq!(numbers, (1..=13).map(|n| n.to_string()).collect::<Vec<_>>());
        }
        Err(e) => panic!("{e:?}"),
    }
    assert_eq!(fake.sent.borrow().iter().filter(|r| r.endpoint == "cegos.products").count(), 13, "never past the last page");
    assert!(fake.max_in_flight.get() <= 4 && fake.max_in_flight.get() >= 2, "bounded concurrency: {}", fake.max_in_flight.get());
}

#[test]
fn every_endpoint_of_the_table_has_a_typed_method_with_its_schemas() {
    use formakit::client::FranceTravailClient;
    let methods = [
        (Provider::Cegos, CegosClient::<Handle>::METHODS),
        (Provider::Lara, LaraClient::<Handle>::METHODS),
        (Provider::FranceTravail, FranceTravailClient::<Handle>::METHODS),
        (Provider::CampusSkills, CampusSkillsClient::<Handle>::METHODS),
    ];
    for (p, list) in methods {
        for e in formakit::endpoints::for_provider(p).filter(|e| e.name != "token") {
            let m = list.iter().find(|(n, _, _)| *n == e.name).unwrap_or_else(|| panic!("{} has no method", e.id()));
            assert_eq!((m.1, m.2), (e.request, e.response), "{}", e.id());
        }
        assert_eq!(list.len(), formakit::endpoints::for_provider(p).filter(|e| e.name != "token").count());
    }
}
