//! The real Rust clients (`formakit::client`, reqwest + tokio through
//! `HostTransport`) against the sandbox started in-process: every endpoint of
//! every provider through its typed method, paging, the auth modes, the fault
//! table as a retrying client meets it, Lära's error codes and the calls that
//! must not be retried. Each test starts its own server on 127.0.0.1:0.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use formakit::client::{
    CallOptions, CampusSkillsClient, CegosClient, ClientError, ClientOptions, Credentials, ErrorKind, FranceTravailClient, HostTransport, HttpRequest,
    LaraClient, ProviderCode, Reply, RetryPolicy, Transport,
};
use formakit::endpoint::Method;
use formakit::{Lang, Model};
use formakit_sandbox::{Config, Running};
use serde_json::{json, Value};

// ------------------------------------------------------------------ helpers

async fn start_with(config: Config) -> Running {
    match formakit_sandbox::start(Config { port: 0, ..config }).await {
        Ok(r) => r,
        Err(e) => panic!("cannot start the sandbox: {e}"),
    }
}

async fn start() -> Running {
    start_with(Config::for_tests()).await
}

/// Short backoff so that the retrying tests stay fast (Retry-After is honoured as sent regardless).
fn fast_retry() -> RetryPolicy {
    RetryPolicy { base_ms: 10, cap_ms: 50, ..RetryPolicy::default() }
}

const SECRET: &str = "sandbox-secret";
const FT_SCOPE: &str = "application_sandbox api_parcoursformationv1";

fn oauth(url: &str, secret: &str, scope: Option<&str>) -> ClientOptions {
    ClientOptions {
        sandbox_url: Some(url.to_string()),
        credentials: Credentials::ClientCredentials { client_id: "sandbox".into(), client_secret: secret.into(), scope: scope.map(str::to_string) },
        retry: fast_retry(),
        ..ClientOptions::default()
    }
}

fn token(url: &str, token: &str) -> ClientOptions {
    ClientOptions { sandbox_url: Some(url.to_string()), credentials: Credentials::Token(token.into()), retry: fast_retry(), ..ClientOptions::default() }
}

fn cegos(url: &str) -> CegosClient<HostTransport> {
    CegosClient::new(HostTransport::new(), oauth(url, SECRET, None)).expect("cegos client")
}

fn lara(url: &str) -> LaraClient<HostTransport> {
    LaraClient::new(HostTransport::new(), token(url, "sandbox-token")).expect("lara client")
}

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn read_json(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The request fixture of `schema`, found through `tests/fixtures/index.json`.
fn request_fixture(schema: &str) -> Value {
    let index = read_json(&fixtures_dir().join("index.json"));
    let files: Vec<&str> = index.as_object().unwrap().iter().filter(|(_, s)| s.as_str() == Some(schema)).map(|(f, _)| f.as_str()).collect();
    let file = files.iter().find(|f| f.ends_with("_request.json")).or(files.first()).unwrap_or_else(|| panic!("no fixture for {schema}"));
    read_json(&fixtures_dir().join(file))
}

/// The request fixture of `method` of a client's `METHODS`.
fn method_fixture(methods: &[formakit::client::MethodSchemas], method: &str) -> Value {
    let (_, req, _) = methods.iter().find(|(n, _, _)| *n == method).unwrap_or_else(|| panic!("no method {method}"));
    request_fixture(req.unwrap_or_else(|| panic!("{method} takes no request")))
}

/// A typed request from JSON, through the model's own parser.
fn typed<T: Model>(v: &Value) -> T {
    formakit::parse::<T>(v.to_string().as_bytes()).unwrap_or_else(|e| panic!("{} does not parse as {}: {e}", v, T::SCHEMA))
}

/// A typed answer back to its wire JSON.
fn wire<T: Model>(x: &T) -> Value {
    serde_json::from_str(&formakit::serialize(x).expect("serialize")).expect("serialized JSON")
}

fn ok<T>(what: &str, r: Result<T, ClientError>) -> T {
    r.unwrap_or_else(|e| panic!("{what} failed: {e:?}"))
}

fn fault(spec: &str) -> CallOptions<'static, ()> {
    CallOptions { headers: vec![("X-Formakit-Fault".into(), spec.into())], ..CallOptions::default() }
}

async fn catalogs_with(c: &CegosClient<HostTransport>, call: &CallOptions<'_, ()>) -> Result<Reply, ClientError> {
    c.core().call_named("catalogs", None, call).await
}

fn str_at<'v>(v: &'v Value, key: &str) -> &'v str {
    v[key].as_str().unwrap_or_else(|| panic!("no string {key} in {v}"))
}

// ------------------------------------------------------------------ every endpoint

#[tokio::test]
async fn cegos_every_endpoint_through_its_typed_method() {
    let s = start().await;
    let c = cegos(&s.url());
    let catalogs = wire(&ok("catalogs", c.catalogs(&Default::default()).await));
    assert_eq!(catalogs["data"].as_array().map(Vec::len), Some(3), "{catalogs}");
    let topics = wire(&ok("topics", c.topics(&Default::default()).await));
    assert!(topics["data"].is_array() || topics["data"].is_object(), "{topics}");

    let page = ok("products", c.products(&typed(&json!({"pageNumber": 1}))).await);
    assert_eq!((page.page_number, page.page_size, page.total_items, page.total_pages), (1, 100, 1247, 13));
    assert_eq!(page.data.len(), 100);
    let code = page.data[0].yearly_product_code.clone();
    let product = ok("product", c.product(&typed(&json!({"yearlyProductCode": code, "hydrate": true}))).await);
    assert_eq!(product.data.yearly_product_code, code);

    let centers = wire(&ok("centers", c.centers(&Default::default()).await));
    assert_eq!(centers["data"].as_array().map(Vec::len), Some(50), "{centers}");

    let sessions = ok("sessions", c.sessions(&typed(&json!({"pageNumber": 1}))).await);
    assert_eq!((sessions.page_number, sessions.total_items, sessions.total_pages), (1, 2847, 29));
    let code = sessions.data[0].yearly_session_code.clone();
    let session = ok("session", c.session(&typed(&json!({"yearlySessionCode": code}))).await);
    assert_eq!(session.data.yearly_session_code, code);

    let mut names: Vec<&str> = CegosClient::<HostTransport>::METHODS.iter().map(|(n, _, _)| *n).collect();
    names.sort_unstable();
    assert_eq!(names, ["catalogs", "centers", "product", "products", "session", "sessions", "topics"]);
}

#[tokio::test]
async fn lara_every_method_with_the_fixtures_and_real_ids() {
    let s = start().await;
    let c = lara(&s.url());
    let methods = LaraClient::<HostTransport>::METHODS;
    let mut called: Vec<&str> = Vec::new();

    // getProgramList: the fixture's filters as they are, then every program for real ids.
    let filtered = ok("getProgramList", c.get_program_list(&typed(&method_fixture(methods, "getProgramList"))).await);
    called.push("getProgramList");
    let all = wire(&ok("getProgramList {}", c.get_program_list(&typed(&json!({}))).await));
    let programs = all.as_array().unwrap();
    assert_eq!(programs.len(), 20);
    assert!(filtered.0.len() <= programs.len());
    let pid = str_at(&programs[0], "id").to_string();

    // getProgram.
    let mut req = method_fixture(methods, "getProgram");
    req["id"] = pid.clone().into();
    let program = wire(&ok("getProgram", c.get_program(&typed(&req)).await));
    assert_eq!(str_at(&program, "id"), pid);
    called.push("getProgram");

    // getProgramUrl: every portal, then the fixture's filter with a real portal id.
    let mut req = method_fixture(methods, "getProgramUrl");
    req["id"] = pid.clone().into();
    let fixture_filter = req.as_object_mut().unwrap().remove("filterId");
    assert!(fixture_filter.is_some(), "the fixture has a filterId");
    let urls = wire(&ok("getProgramUrl", c.get_program_url(&typed(&req)).await));
    assert_eq!(urls.as_array().map(Vec::len), Some(2), "{urls}");
    let portal = str_at(&urls[1], "portalId").to_string();
    req["filterId"] = portal.clone().into();
    let one = wire(&ok("getProgramUrl filtered", c.get_program_url(&typed(&req)).await));
    assert_eq!(one.as_array().map(Vec::len), Some(1), "{one}");
    assert_eq!(str_at(&one[0], "portalId"), portal);
    called.push("getProgramUrl");

    // getAdminBranches, and a branch the program does not have (from another program).
    let mut req = method_fixture(methods, "getAdminBranches");
    req["id"] = pid.clone().into();
    let own: Vec<String> = ok("getAdminBranches", c.get_admin_branches(&typed(&req)).await).0;
    assert!(!own.is_empty());
    called.push("getAdminBranches");
    let mut other = None;
    for p in &programs[1..] {
        let theirs = ok("getAdminBranches (other)", c.get_admin_branches(&typed(&json!({"id": str_at(p, "id")}))).await).0;
        if let Some(b) = theirs.into_iter().find(|b| !own.contains(b)) {
            other = Some(b);
            break;
        }
    }
    let other = other.expect("some program has a branch the first one lacks");

    // addAdminBranches / removeAdminBranches with the fixtures' shape and real ids.
    let mut req = method_fixture(methods, "addAdminBranches");
    req["id"] = pid.clone().into();
    req["branches"] = json!([other]);
    let added = wire(&ok("addAdminBranches", c.add_admin_branches(&typed(&req)).await));
    assert_eq!(str_at(&added, "id"), pid);
    called.push("addAdminBranches");
    let now: Vec<String> = ok("getAdminBranches after add", c.get_admin_branches(&typed(&json!({"id": pid}))).await).0;
    assert!(now.contains(&other) && own.iter().all(|b| now.contains(b)), "{now:?}");
    let mut req = method_fixture(methods, "removeAdminBranches");
    req["id"] = pid.clone().into();
    req["branches"] = json!([other]);
    let removed = wire(&ok("removeAdminBranches", c.remove_admin_branches(&typed(&req)).await));
    assert_eq!(str_at(&removed, "id"), pid);
    called.push("removeAdminBranches");
    let now: Vec<String> = ok("getAdminBranches after remove", c.get_admin_branches(&typed(&json!({"id": pid}))).await).0;
    assert_eq!(now, own);

    // updateProgram: a partial update, the other fields unchanged.
    let mut req = method_fixture(methods, "updateProgram");
    req["id"] = pid.clone().into();
    let updated = wire(&ok("updateProgram", c.update_program(&typed(&req)).await));
    assert_eq!(str_at(&updated, "id"), pid);
    called.push("updateProgram");
    let after = wire(&ok("getProgram after update", c.get_program(&typed(&json!({"id": pid}))).await));
    assert_eq!(after["name"], req["name"]);
    assert_eq!(after["maxParticipants"], req["maxParticipants"]);
    for unchanged in ["description", "creationDate", "minParticipants", "subscriptionType", "language", "customFields"] {
        assert_eq!(after[unchanged], program[unchanged], "{unchanged} changed by a partial update");
    }

    // getCycleList, getPeriodList (real cycle id).
    let cycles = wire(&ok("getCycleList", c.get_cycle_list(&typed(&method_fixture(methods, "getCycleList"))).await));
    assert_eq!(cycles.as_array().map(Vec::len), Some(3), "{cycles}");
    called.push("getCycleList");
    let cycle = str_at(&cycles[0], "cycleId").to_string();
    let mut req = method_fixture(methods, "getPeriodList");
    req["id"] = cycle.clone().into();
    let periods = wire(&ok("getPeriodList", c.get_period_list(&typed(&req)).await));
    let periods = periods.as_array().unwrap().clone();
    assert!(!periods.is_empty());
    assert!(periods.iter().all(|p| str_at(p, "cycleId") == cycle));
    called.push("getPeriodList");
    let period = str_at(&periods[0], "cyclePeriodId").to_string();

    // getMemberStatuses: the fixture's custom field lookup (member_status 12345 is a real member);
    // its userId is unknown to the sandbox, which would win over the custom field.
    let mut req = method_fixture(methods, "getMemberStatuses");
    req.as_object_mut().unwrap().remove("userId");
    let statuses = wire(&ok("getMemberStatuses", c.get_member_statuses(&typed(&req)).await));
    called.push("getMemberStatuses");
    let first = &statuses["statuses"][0];
    let user = str_at(first, "userId").to_string();
    let entry = str_at(first, "entryId").to_string();

    // getUserProgress: real period and member; the fixture's custom field is unknown, member_status is.
    let mut req = method_fixture(methods, "getUserProgress");
    req["id"] = period.clone().into();
    req["memberId"] = user.clone().into();
    req["customFieldAPIName"] = "member_status".into();
    let progress = wire(&ok("getUserProgress", c.get_user_progress(&typed(&req)).await));
    assert_eq!(str_at(&progress, "memberId"), user);
    called.push("getUserProgress");

    // updateMemberStatus (real entry), updateMemberStatuses, changeCurrentMemberStatus.
    let mut req = method_fixture(methods, "updateMemberStatus");
    req["userId"] = user.clone().into();
    req["entryId"] = entry.clone().into();
    let r = wire(&ok("updateMemberStatus", c.update_member_status(&typed(&req)).await));
    assert_eq!(r["isSuccess"], true);
    called.push("updateMemberStatus");
    let now = wire(&ok("getMemberStatuses after update", c.get_member_statuses(&typed(&json!({"userId": user}))).await));
    let e = now["statuses"].as_array().unwrap().iter().find(|e| e["entryId"] == entry.as_str()).expect("the entry");
    assert_eq!(e["status"], req["status"]["status"]);
    assert_eq!(e["startDate"], req["status"]["startDate"]);

    let mut req = method_fixture(methods, "updateMemberStatuses");
    req["userId"] = user.clone().into();
    let r = wire(&ok("updateMemberStatuses", c.update_member_statuses(&typed(&req)).await));
    assert_eq!(r["isSuccess"], true);
    called.push("updateMemberStatuses");
    let now = wire(&ok("getMemberStatuses after replace", c.get_member_statuses(&typed(&json!({"userId": user}))).await));
    assert_eq!(now["statuses"].as_array().map(Vec::len), Some(1), "{now}");

    let mut req = method_fixture(methods, "changeCurrentMemberStatus");
    req["userId"] = user.clone().into();
    let r = wire(&ok("changeCurrentMemberStatus", c.change_current_member_status(&typed(&req)).await));
    assert_eq!(r["isSuccess"], true);
    called.push("changeCurrentMemberStatus");
    let now = wire(&ok("getMemberStatuses after change", c.get_member_statuses(&typed(&json!({"userId": user}))).await));
    assert_eq!(now["statuses"].as_array().map(Vec::len), Some(2), "{now}");

    called.sort_unstable();
    let mut names: Vec<&str> = methods.iter().map(|(n, _, _)| *n).collect();
    names.sort_unstable();
    assert_eq!(called, names, "every Lära method called");
}

#[tokio::test]
async fn france_travail_ais_with_client_credentials() {
    let s = start().await;
    let c = FranceTravailClient::new(HostTransport::new(), oauth(&s.url(), SECRET, Some(FT_SCOPE))).expect("ft client");
    let q = json!({"numeroSession": "1330305", "numeroAction": "20_1330305", "numeroFormation": "20_1262663"});
    let ais = ok("ais", c.ais(&typed(&q)).await);
    assert!(!ais.0.is_empty());
    let v = wire(&ais);
    for a in v.as_array().unwrap() {
        assert_eq!(a["apercuSessionFormationPartenaire"], json!({"numeroAction": "20_1330305", "numeroFormation": "20_1262663", "numeroSession": "1330305"}));
    }
    // An unknown session: an empty list, not an error.
    let none = ok("ais unknown", c.ais(&typed(&json!({"numeroSession": "999999", "numeroAction": "20_999999", "numeroFormation": "20_999999"}))).await);
    assert!(none.0.is_empty());
}

#[tokio::test]
async fn campus_skills_every_endpoint() {
    // BTSMCO-PAR is one of the fixture's formations: its contracts count as integrated.
    let s = start_with(Config { campus_models: vec!["BTSMCO-PAR".into()], ..Config::for_tests() }).await;
    let c = CampusSkillsClient::new(HostTransport::new(), token(&s.url(), "sandbox-token")).expect("campus client");
    let methods = CampusSkillsClient::<HostTransport>::METHODS;

    let t = ok("testToken", c.test_token().await);
    assert!(t.is_valid(), "{}", t.value);

    let body = method_fixture(methods, "syncContracts");
    let sent = body["contrats"].as_array().unwrap().len();
    // The fixture's three contracts are all valid (sync_response_sandbox.json answers another body).
    let sync = ok("syncContracts", c.sync_contracts(&typed(&body)).await);
    assert!(sync.success, "{}", wire(&sync));
    assert_eq!((sync.valid_contrats.len(), sync.invalid_contrats.len()), (sent, 0));
    let valid = sync.valid_contrats.len() as i64;
    let integrated = sync.valid_contrats.iter().filter(|k| k.code_formation == "BTSMCO-PAR").count() as i64;

    let all = ok("allContracts", c.all_contracts(&typed(&json!({"page": 1, "limit": 50}))).await);
    assert_eq!((all.total, all.contrats.len() as i64), (valid, valid));
    let mine = ok("contracts", c.contracts(&typed(&read_json(&fixtures_dir().join("campus_skills/list_query.json")))).await);
    assert_eq!(mine.total, integrated);
    let first = ok("contracts page 1", c.contracts(&typed(&json!({"page": 1}))).await);
    assert_eq!(first.contrats.len() as i64, integrated);

    let diff = ok("diffContracts", c.diff_contracts(&typed(&body)).await);
    assert_eq!(diff.same.len() as i64, valid);
    assert!(diff.added.is_empty() && diff.updated.is_empty() && diff.removed.is_empty());

    let deleted = wire(&ok("deleteAllContracts", c.delete_all_contracts().await));
    assert_eq!(deleted["deleted"], valid, "{deleted}");
    let all = ok("allContracts after delete", c.all_contracts(&typed(&json!({}))).await);
    assert_eq!(all.total, 0);
}

// ------------------------------------------------------------------ paging

#[tokio::test]
async fn products_pages_walks_the_13_pages_in_order() {
    let s = start().await;
    let c = cegos(&s.url());
    let pages = ok("products_pages", ok("pager", c.products_pages(&Default::default())).collect().await);
    assert_eq!(pages.iter().map(|p| p.page_number).collect::<Vec<_>>(), (1..=13).collect::<Vec<i64>>());
    assert_eq!(pages.iter().map(|p| p.data.len()).sum::<usize>(), 1247);
    assert!(pages.iter().all(|p| p.total_items == 1247 && p.total_pages == 13));
    let mut codes: Vec<&str> = pages.iter().flat_map(|p| p.data.iter().map(|d| d.yearly_product_code.as_str())).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 1247, "no product twice");
}

// ------------------------------------------------------------------ auth

/// A Cegos token obtained from the token route by hand, then given to a client as `Credentials::Token`.
#[tokio::test]
async fn a_token_from_the_token_route_works_as_a_static_token() {
    let s = start().await;
    let t = HostTransport::new();
    let req = HttpRequest {
        endpoint: "cegos.token".into(),
        method: Method::Post,
        url: format!("{}/cegos/connect/token", s.url()),
        headers: vec![("Content-Type".into(), "application/x-www-form-urlencoded".into())],
        body: Some("grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=api-cegos".into()),
    };
    let resp = t.send(&req, 5_000, None).await.expect("token route answers");
    assert_eq!(resp.status, 200);
    let body: Value = serde_json::from_slice(&resp.body.expect("body")).unwrap();
    let tok = str_at(&body, "access_token").to_string();

    let c = CegosClient::new(HostTransport::new(), token(&s.url(), &tok)).expect("cegos with a token");
    let reply = ok("catalogs with a token", catalogs_with(&c, &CallOptions::default()).await);
    assert_eq!(reply.attempts, 1);

    // A static token is never refreshed: an expired one is final.
    let e = catalogs_with(&c, &fault("expired-token,id=static-expired")).await.expect_err("expired static token");
    assert_eq!((e.kind, e.status, e.attempts), (ErrorKind::Auth, Some(401), 1));

    // Lära and Campus Skills: the sandbox key works, another one is refused.
    let l = lara(&s.url());
    ok("lara getCycleList", l.get_cycle_list(&typed(&json!({}))).await);
    let bad = LaraClient::new(HostTransport::new(), token(&s.url(), "not-the-key")).unwrap();
    let e = bad.get_cycle_list(&typed(&json!({}))).await.expect_err("wrong Lära key");
    assert_eq!((e.kind, e.status, e.attempts), (ErrorKind::Auth, Some(401), 1));
    let cs = CampusSkillsClient::new(HostTransport::new(), token(&s.url(), "sandbox-token")).unwrap();
    assert!(ok("campus testToken", cs.test_token().await).is_valid());
}

#[tokio::test]
async fn a_wrong_secret_is_an_auth_error_that_never_shows_the_secret() {
    let s = start().await;
    let secret = "wr0ng-s3cret-do-not-print";
    let c = CegosClient::new(HostTransport::new(), oauth(&s.url(), secret, None)).unwrap();
    let e = c.catalogs(&Default::default()).await.expect_err("wrong secret");
    assert_eq!(e.kind, ErrorKind::Auth, "{e:?}");
    assert_eq!(e.provider_code, Some(ProviderCode::Text("invalid_client".into())));
    assert!(e.provider_code_name.is_some());
    assert!(!e.retryable);
    assert!(!format!("{e:?}").contains(secret), "{e:?}");
    assert!(!e.to_json().to_string().contains(secret), "{}", e.to_json());
    assert!(!e.to_string().contains(secret));

    let f = FranceTravailClient::new(HostTransport::new(), oauth(&s.url(), secret, Some(FT_SCOPE))).unwrap();
    let q = json!({"numeroSession": "1330305", "numeroAction": "20_1330305", "numeroFormation": "20_1262663"});
    let e = f.ais(&typed(&q)).await.expect_err("wrong secret");
    assert_eq!(e.kind, ErrorKind::Auth, "{e:?}");
    assert_eq!(e.provider_code, Some(ProviderCode::Text("invalid_client".into())));
    assert!(!format!("{e:?}").contains(secret) && !e.to_json().to_string().contains(secret));
}

// ------------------------------------------------------------------ faults

#[tokio::test]
async fn a_503_once_is_retried_to_success() {
    let s = start().await;
    let c = cegos(&s.url());
    let r = ok("503 once", catalogs_with(&c, &fault("503,times=1,id=clients-503-once")).await);
    assert_eq!((r.status, r.attempts), (200, 2));
    let body: CegosCatalogs = typed(&serde_json::from_slice(&r.body).unwrap());
    assert!(!body.data.is_empty());
}

type CegosCatalogs = formakit::cegos::CegosCatalogsResponse;

#[tokio::test]
async fn a_429_once_waits_its_retry_after() {
    let s = start().await;
    let c = cegos(&s.url());
    ok("warm the token", catalogs_with(&c, &CallOptions::default()).await);
    let t0 = Instant::now();
    let r = ok("429 once", catalogs_with(&c, &fault("429:1,times=1,id=clients-429-once")).await);
    let waited = t0.elapsed();
    assert_eq!((r.status, r.attempts), (200, 2));
    assert!(waited >= Duration::from_millis(950), "Retry-After: 1 honoured, waited {waited:?}");
    assert!(waited < Duration::from_secs(5), "waited {waited:?}");
}

#[tokio::test]
async fn a_503_on_every_attempt_gives_up_after_three() {
    let s = start().await;
    let c = cegos(&s.url());
    let e = catalogs_with(&c, &fault("503,id=clients-503-always")).await.expect_err("503 always");
    assert_eq!((e.kind, e.status, e.attempts, e.retryable), (ErrorKind::Http, Some(503), 3, true), "{e:?}");
    assert_eq!(e.endpoint.as_deref(), Some("cegos.catalogs"));
}

#[tokio::test]
async fn an_expired_token_is_refreshed_once() {
    let s = start().await;
    let c = cegos(&s.url());
    ok("warm the token", catalogs_with(&c, &CallOptions::default()).await);
    let r = ok("expired once", catalogs_with(&c, &fault("expired-token,times=1,id=clients-expired-once")).await);
    assert_eq!((r.status, r.attempts), (200, 2));
    // The refreshed token serves the next call as is.
    let r = ok("after refresh", catalogs_with(&c, &CallOptions::default()).await);
    assert_eq!(r.attempts, 1);

    let e = catalogs_with(&c, &fault("expired-token,id=clients-expired-always")).await.expect_err("expired always");
    assert_eq!((e.kind, e.status), (ErrorKind::Auth, Some(401)), "{e:?}");
    assert_eq!(e.attempts, 2, "one replay after the refresh, no more");
}

#[tokio::test]
async fn a_reset_connection_is_a_network_error_after_the_retries() {
    let s = start().await;
    let c = cegos(&s.url());
    let e = catalogs_with(&c, &fault("reset,id=clients-reset")).await.expect_err("reset");
    assert_eq!((e.kind, e.attempts, e.retryable, e.status), (ErrorKind::Network, 3, true, None), "{e:?}");
    // The client still works afterwards.
    ok("after resets", catalogs_with(&c, &CallOptions::default()).await);
}

#[tokio::test]
async fn a_truncated_body_is_a_retryable_decode_error() {
    let s = start().await;
    let c = cegos(&s.url());
    let e = catalogs_with(&c, &fault("truncate,id=clients-truncate")).await.expect_err("truncate");
    assert_eq!((e.kind, e.attempts, e.retryable, e.status), (ErrorKind::Decode, 3, true, Some(200)), "{e:?}");
    let r = ok("truncate once", catalogs_with(&c, &fault("truncate,times=1,id=clients-truncate-once")).await);
    assert_eq!(r.attempts, 2);
}

#[tokio::test]
async fn invalid_json_is_a_decode_error_on_the_typed_path() {
    let s = start().await;
    // Raw: a 200 whose body is not JSON, and the model's parser says so.
    let c = cegos(&s.url());
    let r = ok("invalid-json raw", catalogs_with(&c, &fault("invalid-json,id=clients-invalid-json")).await);
    assert_eq!((r.status, r.attempts), (200, 1));
    assert!(serde_json::from_slice::<Value>(&r.body).is_err());
    let report = formakit::safe_parse::<CegosCatalogs>(&r.body, Lang::En).expect_err("not a catalogs answer");
    assert!(!report.issues.is_empty());

    // Typed: the client's own headers carry the fault to the typed method.
    let mut options = oauth(&s.url(), SECRET, None);
    options.headers = vec![("X-Formakit-Fault".into(), "invalid-json,id=clients-invalid-json-typed".into())];
    let c = CegosClient::new(HostTransport::new(), options).unwrap();
    let e = c.catalogs(&Default::default()).await.expect_err("invalid JSON");
    assert_eq!((e.kind, e.status, e.attempts), (ErrorKind::Decode, Some(200), 1), "{e:?}");
    assert!(!e.issues.is_empty());
    assert_eq!(e.endpoint.as_deref(), Some("cegos.catalogs"));
}

#[tokio::test]
async fn a_slow_answer_times_out() {
    let s = start().await;
    let c = cegos(&s.url());
    ok("warm the token", catalogs_with(&c, &CallOptions::default()).await);
    let call = CallOptions { timeout_ms: Some(500), retry: Some(false), ..fault("latency=3000,id=clients-latency") };
    let t0 = Instant::now();
    let e = catalogs_with(&c, &call).await.expect_err("timeout");
    let took = t0.elapsed();
    assert_eq!((e.kind, e.attempts, e.retryable), (ErrorKind::Timeout, 1, true), "{e:?}");
    assert!(took >= Duration::from_millis(450) && took < Duration::from_millis(2_500), "took {took:?}");
}

// ------------------------------------------------------------------ Lära errors and unsafe calls

#[tokio::test]
async fn lara_unknown_program_is_a_named_provider_error() {
    let s = start().await;
    let c = lara(&s.url());
    let e = c.get_program(&typed(&json!({"id": "bm90LWEtcHJvZ3JhbQ%3d%3d"}))).await.expect_err("unknown program");
    assert_eq!((e.kind, e.status), (ErrorKind::Provider, Some(400)), "{e:?}");
    match e.provider_code {
        Some(ProviderCode::Number(n)) => assert!((1400..1500).contains(&n), "{n}"),
        ref other => panic!("a numeric Lära code, got {other:?}"),
    }
    assert_eq!(e.provider_code, Some(ProviderCode::Number(1401)));
    assert!(e.provider_code_name.is_some(), "{e:?}");
    assert!(!e.retryable);
    assert_eq!(e.attempts, 1);
}

#[tokio::test]
async fn change_current_member_status_is_not_retried() {
    let s = start().await;
    let c = lara(&s.url());
    let mut req = method_fixture(LaraClient::<HostTransport>::METHODS, "changeCurrentMemberStatus");
    req.as_object_mut().unwrap().remove("userId");
    let e = c.core().call_named("changeCurrentMemberStatus", Some(&req.to_string()), &fault("503,id=clients-lara-change")).await.expect_err("503");
    assert_eq!((e.kind, e.status, e.attempts), (ErrorKind::Http, Some(503), 1), "{e:?}");
    // Nothing was appended: the member still has its generated history.
    let before = wire(&ok("statuses", c.get_member_statuses(&typed(&json!({"customFieldAPIName": "member_status", "customFieldValue": "12345"}))).await));
    let fresh = start().await;
    let other = wire(&ok(
        "statuses (fresh server)",
        lara(&fresh.url()).get_member_statuses(&typed(&json!({"customFieldAPIName": "member_status", "customFieldValue": "12345"}))).await,
    ));
    assert_eq!(before, other);

    // A read is retried under the same fault.
    let e = c.core().call_named("getCycleList", Some("{}"), &fault("503,id=clients-lara-read")).await.expect_err("503 on a read");
    assert_eq!((e.kind, e.attempts, e.retryable), (ErrorKind::Http, 3, true), "{e:?}");
}
