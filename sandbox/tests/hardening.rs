//! Hardening for a sandbox left running on an integrator's machine: connection
//! timeouts and cap, CORS limited to the configured origins, JSON errors for
//! odd paths, body limits that fit the providers' volumes, constant-time token
//! issuance, no symlink out of the served folders, Lära's documented limits.
//! Each test starts its own server on 127.0.0.1:0 and talks to it over TCP.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

// The raw client of the api tests; not every helper is used here.
#[allow(dead_code)]
#[path = "api/client.rs"]
mod client;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use client::Req;
use formakit_sandbox::auth::{Provider, TokenStore};
use formakit_sandbox::cors::CorsPolicy;
use formakit_sandbox::{Config, Running};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const STATIC_TOKEN: &str = "sandbox-token";

async fn start_with(config: Config) -> Running {
    formakit_sandbox::start(config).await.unwrap_or_else(|e| panic!("cannot start the sandbox: {e}"))
}

/// Reads until the server closes the connection; `Some(elapsed)` when it did
/// within `within`, `None` when it stayed open.
async fn closed_within(sock: &mut TcpStream, within: Duration) -> Option<Duration> {
    let t0 = Instant::now();
    let mut buf = [0u8; 4096];
    let read_to_end = async {
        loop {
            match sock.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    };
    tokio::time::timeout(within, read_to_end).await.ok().map(|()| t0.elapsed())
}

/// Reads one whole response with a `Content-Length` (keep-alive: the socket stays open).
async fn read_one_response(sock: &mut TcpStream) -> String {
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = tokio::time::timeout(Duration::from_secs(10), sock.read(&mut buf)).await.expect("a response").expect("read");
        assert!(n > 0, "closed before a whole response: {}", String::from_utf8_lossy(&raw));
        raw.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&raw).into_owned();
        if let Some(split) = text.find("\r\n\r\n") {
            let len = text[..split]
                .lines()
                .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap()))
                .expect("content-length");
            if raw.len() >= split + 4 + len {
                return text;
            }
        }
    }
}

// ------------------------------------------------------------------ 1. timeouts and connection cap

#[tokio::test]
async fn a_slow_header_client_is_disconnected_after_the_header_timeout() {
    let s = start_with(Config { header_timeout: Duration::from_millis(400), ..Config::for_tests() }).await;
    let mut sock = TcpStream::connect(s.addr).await.unwrap();
    sock.write_all(b"GET /campusskills/api/sync/v1/test HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let (mut rd, mut wr) = sock.into_split();
    // One header line every 100 ms, never the blank line that ends the head.
    let dribble = tokio::spawn(async move {
        for i in 0..100 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            if wr.write_all(format!("X-Slow-{i}: 1\r\n").as_bytes()).await.is_err() {
                return;
            }
        }
    });
    let t0 = Instant::now();
    let mut buf = [0u8; 1024];
    let closed = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            match rd.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await;
    dribble.abort();
    assert!(closed.is_ok(), "a client dribbling its head is still connected after 5 s (header timeout 400 ms)");
    assert!(t0.elapsed() >= Duration::from_millis(300), "closed too early: {:?}", t0.elapsed());
    // The server still serves others.
    assert_eq!(Req::get("/campusskills/api/sync/v1/test").bearer(STATIC_TOKEN).ok(s.addr).await.status, 200);
}

#[tokio::test]
async fn an_idle_connection_is_closed_after_the_idle_timeout() {
    let s = start_with(Config { idle_timeout: Duration::from_millis(400), ..Config::for_tests() }).await;
    // A connection that never sends a byte.
    let mut silent = TcpStream::connect(s.addr).await.unwrap();
    let elapsed = closed_within(&mut silent, Duration::from_secs(5)).await.expect("a silent connection is closed");
    assert!(elapsed >= Duration::from_millis(300), "closed too early: {elapsed:?}");
    // A keep-alive connection after one complete exchange.
    let mut kept = TcpStream::connect(s.addr).await.unwrap();
    kept.write_all(b"GET /campusskills/api/sync/v1/test HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sandbox-token\r\n\r\n").await.unwrap();
    assert!(read_one_response(&mut kept).await.starts_with("HTTP/1.1 200"));
    closed_within(&mut kept, Duration::from_secs(5)).await.expect("an idle keep-alive connection is closed");
}

#[tokio::test]
async fn a_request_in_flight_outlives_both_timeouts() {
    let s = start_with(Config { header_timeout: Duration::from_millis(200), idle_timeout: Duration::from_millis(200), ..Config::for_tests() }).await;
    // 700 ms of handler latency, then a body trickled over ~600 ms.
    let r = Req::get("/campusskills/api/sync/v1/test").bearer(STATIC_TOKEN).header("X-Formakit-Fault", "latency=700,trickle=150:16").ok(s.addr).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["sandbox"], true);
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_for_a_free_slot() {
    let s = start_with(Config { max_connections: 2, ..Config::for_tests() }).await;
    let first = TcpStream::connect(s.addr).await.unwrap();
    let _second = TcpStream::connect(s.addr).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    // The third is not served while two connections are open…
    let mut third = TcpStream::connect(s.addr).await.unwrap();
    third
        .write_all(b"GET /campusskills/api/sync/v1/test HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sandbox-token\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 64];
    let early = tokio::time::timeout(Duration::from_millis(500), third.read(&mut buf)).await;
    assert!(early.is_err(), "answered beyond the cap of 2 connections");
    // … and is once one of them closes.
    drop(first);
    let mut raw = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), third.read_to_end(&mut raw)).await.expect("served after a slot freed").unwrap();
    assert!(String::from_utf8_lossy(&raw).starts_with("HTTP/1.1 200"), "{}", String::from_utf8_lossy(&raw));
}

/// The descriptors this process holds (client and server sockets alike).
#[cfg(target_os = "linux")]
fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").map(|d| d.count()).unwrap_or(0)
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn idle_connections_cannot_exhaust_the_descriptors() {
    let s = start_with(Config { max_connections: 8, ..Config::for_tests() }).await;
    let before = open_fds();
    let mut idle = Vec::new();
    for _ in 0..60 {
        idle.push(TcpStream::connect(s.addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let held = open_fds().saturating_sub(before);
    // 60 client sockets here, plus at most 8 accepted connections of 2 descriptors each
    // (uncapped, the server held 120 more).
    assert!(held <= 60 + 2 * 8 + 8, "{held} descriptors for 60 idle connections with --max-connections 8");
    drop(idle);
}

// ------------------------------------------------------------------ 2. CORS

async fn preflight(addr: SocketAddr, origin: &str) -> Option<String> {
    let r = Req::method("OPTIONS", "/campusskills/api/sync/v1/contrats")
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "DELETE")
        .header("Access-Control-Request-Headers", "authorization")
        .ok(addr)
        .await;
    r.header("access-control-allow-origin").map(str::to_string)
}

#[tokio::test]
async fn cors_answers_the_configured_origins_only() {
    let s = start_with(Config::for_tests()).await;
    let port = s.addr.port();
    assert_eq!(preflight(s.addr, "https://evil.example").await, None, "a foreign page may not call the sandbox");
    for own in [format!("http://127.0.0.1:{port}"), format!("http://localhost:{port}")] {
        assert_eq!(preflight(s.addr, &own).await.as_deref(), Some(own.as_str()), "the sandbox's own origin");
    }
    assert_eq!(preflight(s.addr, "http://localhost:1").await, None, "another port is another origin");
    // A simple request from a foreign page gets no CORS header either (the browser hides the answer).
    let r = Req::get("/campusskills/api/sync/v1/test").bearer(STATIC_TOKEN).header("Origin", "https://evil.example").ok(s.addr).await;
    assert_eq!((r.status, r.header("access-control-allow-origin")), (200, None));

    let s = start_with(Config { cors: CorsPolicy::default().with("http://localhost:5173"), ..Config::for_tests() }).await;
    assert_eq!(preflight(s.addr, "http://localhost:5173").await.as_deref(), Some("http://localhost:5173"));
    assert_eq!(preflight(s.addr, "https://evil.example").await, None);
    let own = format!("http://127.0.0.1:{}", s.addr.port());
    assert_eq!(preflight(s.addr, &own).await.as_deref(), Some(own.as_str()), "the own origins stay allowed");

    let s = start_with(Config { cors: CorsPolicy::default().with("*"), ..Config::for_tests() }).await;
    assert_eq!(preflight(s.addr, "https://evil.example").await.as_deref(), Some("https://evil.example"), "`*`: any origin, knowingly");
}

#[test]
fn cors_origin_option_is_checked() {
    use formakit_sandbox::cors::parse_origin;
    assert_eq!(parse_origin("http://localhost:5173/").as_deref(), Ok("http://localhost:5173"));
    assert_eq!(parse_origin("*").as_deref(), Ok("*"));
    for bad in ["localhost:5173", "http://", "http://x/path", "ftp://x"] {
        assert!(parse_origin(bad).is_err(), "{bad}");
    }
}

// ------------------------------------------------------------------ 3. odd paths answer JSON

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("formakit-sandbox-hardening-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn assert_json_error(r: &client::Resp, status: u16, what: &str) {
    assert_eq!(r.status, status, "{what}: {}", r.text());
    assert!(r.header("content-type").unwrap_or_default().starts_with("application/json"), "{what}: {:?}", r.headers);
    let j = r.json();
    assert!(j["error"].is_string() && j["message"].is_string() && j["where"].is_string(), "{what}: {j}");
}

#[tokio::test]
async fn a_256_byte_path_segment_is_a_json_404() {
    let dir = temp_dir("long");
    let (www, pkg) = (dir.join("www"), dir.join("pkg"));
    std::fs::create_dir_all(&www).unwrap();
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(www.join("index.html"), "<h1>démo</h1>").unwrap();
    let long = "a".repeat(256);
    let s = start_with(Config { www: Some(www), pkg: Some(pkg), ..Config::for_tests() }).await;
    for path in [format!("/{long}"), format!("/pkg/{long}"), format!("/sub/{long}/x.js"), format!("/{}", "%61".repeat(256))] {
        assert_json_error(&Req::get(&path).ok(s.addr).await, 404, &path);
    }
    // Without a www folder, and under the providers.
    let s = start_with(Config::for_tests()).await;
    assert_json_error(&Req::get(&format!("/{long}")).ok(s.addr).await, 404, "no www");
    let p = format!("/cegos/v1/{long}");
    assert_json_error(&Req::get(&p).ok(s.addr).await, 404, &p);
    let p = format!("/lara/lmsapi/{long}");
    assert_json_error(&Req::post(&p).bearer(STATIC_TOKEN).ok(s.addr).await, 404, &p);
    // Echoed paths are clipped; a request target over 8 KiB is a JSON 414.
    let r = Req::get(&format!("/{}", "b".repeat(4000))).ok(s.addr).await;
    assert_json_error(&r, 404, "4,000-byte path");
    assert!(r.body.len() < 1000, "the message does not echo the whole path: {} bytes", r.body.len());
    let r = Req::get(&format!("/cegos/v1/Products?q={}", "c".repeat(9000))).ok(s.addr).await;
    assert_json_error(&r, 414, "9 KB request target");
    assert_eq!(r.json()["error"], "uri_too_long");
    // Errors axum makes itself get the JSON shape too (405 keeps its Allow header).
    let r = Req::method("PUT", "/campusskills/api/sync/v1/test").bearer(STATIC_TOKEN).ok(s.addr).await;
    assert_json_error(&r, 405, "405");
    assert!(r.header("allow").is_some_and(|a| a.contains("GET")), "{:?}", r.headers);
    let _ = std::fs::remove_dir_all(&dir);
}

// ------------------------------------------------------------------ 4. body limits

fn contrat(n: u32) -> Value {
    json!({
        "codeContrat": format!("CTR-{n:05}"),
        "dateDebut": "01/09/2025",
        "dateFin": "31/08/2027",
        "nomEntreprise": "Boulangerie Lefèvre SARL – établissement de Villeurbanne",
        "codeGroupe": "GRP-BTS-MCO-25", "nomGroupe": "BTS MCO 2025 – groupe A",
        "codeSite": "SITE-LYON", "nomSite": "Campus de Lyon",
        "codePeriode": "2025-2026", "nomPeriode": "Année scolaire 2025/2026",
        "codeFormation": "BTS-MCO", "nomFormation": "BTS Management commercial opérationnel",
        "codeAnnee": "BTS-MCO-1", "nomAnnee": "BTS MCO 1ère année",
        "codeApprenant": format!("APP-{n}"), "nomApprenant": "Dupont", "prenomApprenant": "Zoé", "emailApprenant": format!("zoe.dupont{n}@example.fr"),
        "codePersonnel": "PERS-1", "nomPersonnel": "Martin", "prenomPersonnel": "Hélène", "emailPersonnel": "helene.martin@ecole.example.fr",
        "codeMaitreApprentissage": format!("MA-{n}"), "nomMaitreApprentissage": "Lefèvre", "prenomMaitreApprentissage": "Jérôme", "emailMaitreApprentissage": format!("jerome.lefevre{n}@example.fr"),
        "missionTitle": "Vente et relation client",
        "missionDetails": "Accueil, conseil et vente en boutique ; gestion des stocks et des commandes ; animation de l'espace de vente ; suivi des indicateurs commerciaux de la boutique et participation aux opérations promotionnelles saisonnières.",
        "monthStartGroup": "09", "rncp": "RNCP38362",
        "type": "APPRENTICESHIP"
    })
}

#[tokio::test]
async fn a_4000_contract_campus_batch_is_accepted() {
    let s = start_with(Config::for_tests()).await;
    let body = json!({ "contrats": (0..4000).map(contrat).collect::<Vec<_>>() });
    let size = serde_json::to_vec(&body).unwrap().len();
    assert!(size > 3_000_000, "a realistic batch: {size} bytes");
    for path in ["/campusskills/api/sync/v1/contrats-diff", "/campusskills/api/sync/v1/contrats"] {
        let r = Req::post(path).bearer(STATIC_TOKEN).json(&body).ok(s.addr).await;
        assert_eq!(r.status, 200, "{path}: {}", r.text().get(..300).unwrap_or_default());
    }
    let r = Req::get("/campusskills/api/sync/v1/contrats-get-all?limit=1").bearer(STATIC_TOKEN).ok(s.addr).await;
    assert_eq!(r.json()["total"], 4000);
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_json_413() {
    let s = start_with(Config { campus_body_limit: 64 << 10, body_limit: 16 << 10, ..Config::for_tests() }).await;
    let body = json!({ "contrats": (0..100).map(contrat).collect::<Vec<_>>() });
    assert!(serde_json::to_vec(&body).unwrap().len() > 64 << 10);
    let r = Req::post("/campusskills/api/sync/v1/contrats").bearer(STATIC_TOKEN).json(&body).ok(s.addr).await;
    assert_json_error(&r, 413, "campus over --campus-body-limit");
    assert_eq!(r.json()["error"], "payload_too_large");
    // The other providers have their own, smaller limit.
    let r = Req::post("/lara/lmsapi/program/getlist").bearer(STATIC_TOKEN).json(&json!({"pad": "x".repeat(20 << 10)})).ok(s.addr).await;
    assert_json_error(&r, 413, "lara over --body-limit");
    // Under the limit, fine.
    let small = json!({ "contrats": (0..10).map(contrat).collect::<Vec<_>>() });
    assert_eq!(Req::post("/campusskills/api/sync/v1/contrats").bearer(STATIC_TOKEN).json(&small).ok(s.addr).await.status, 200);
}

#[test]
fn body_limit_option_sizes() {
    use formakit_sandbox::http::parse_size;
    assert_eq!(parse_size("1M"), Ok(1 << 20));
    assert_eq!(parse_size("512k"), Ok(512 << 10));
    assert_eq!(parse_size("4096"), Ok(4096));
    assert!(parse_size("0").is_err() && parse_size("lots").is_err());
}

// ------------------------------------------------------------------ 5. token issuance

/// Structural, so it cannot flake: the store's work per issue (queue entries
/// looked at) stays bounded as the store grows, and so does its size.
#[test]
fn token_issuance_does_constant_work_per_issue() {
    let store = TokenStore::new(1);
    let ttl = Duration::from_secs(3600);
    let work = |n: usize| {
        let before = store.swept();
        for _ in 0..n {
            store.issue(Provider::Cegos, ttl);
        }
        store.swept() - before
    };
    let first = work(1000);
    let _ = work(197_000);
    let last = work(1000);
    assert!(first <= 2_000 && last <= 2_000, "work per 1,000 issues: first {first}, last {last}");
    assert!(store.len() <= formakit_sandbox::auth::MAX_TOKENS, "bounded: {} tokens kept", store.len());
}

#[test]
fn tokens_past_the_cap_are_forgotten_oldest_first() {
    let store = TokenStore::with_cap(1, 3);
    let ttl = Duration::from_secs(3600);
    let tokens: Vec<String> = (0..5).map(|_| store.issue(Provider::FranceTravail, ttl)).collect();
    assert_eq!(store.len(), 3);
    assert_eq!(store.check(Provider::FranceTravail, &tokens[0]), Err("the access token is unknown"));
    assert_eq!(store.check(Provider::FranceTravail, &tokens[4]), Ok(()));
    assert!(store.check(Provider::Cegos, &tokens[4]).is_err(), "another provider's token");
    // Expired tokens are still told apart from unknown ones.
    let short = store.issue(Provider::Cegos, Duration::ZERO);
    assert_eq!(store.check(Provider::Cegos, &short), Err("the access token has expired"));
}

// ------------------------------------------------------------------ 6. symlinks

#[cfg(unix)]
#[tokio::test]
async fn static_files_do_not_follow_symlinks_out_of_the_folder() {
    use std::os::unix::fs::symlink;
    let dir = temp_dir("links");
    let (www, pkg, outside) = (dir.join("www"), dir.join("pkg"), dir.join("outside"));
    for d in [&www, &pkg, &outside] {
        std::fs::create_dir_all(d).unwrap();
    }
    std::fs::write(outside.join("secret.txt"), "secret").unwrap();
    std::fs::write(www.join("page.html"), "<p>page</p>").unwrap();
    std::fs::create_dir_all(www.join("sub")).unwrap();
    std::fs::write(www.join("sub").join("index.html"), "<p>sub</p>").unwrap();
    std::fs::write(pkg.join("formakit.js"), "export {};").unwrap();
    let link = |target: &Path, at: PathBuf| symlink(target, at).unwrap();
    link(&outside.join("secret.txt"), www.join("leak.txt"));
    link(&outside, www.join("leakdir"));
    link(&outside.join("secret.txt"), pkg.join("leak.js"));
    link(&www.join("page.html"), www.join("alias.html"));
    let s = start_with(Config { www: Some(www), pkg: Some(pkg), ..Config::for_tests() }).await;

    for path in
        ["/leak.txt", "/leakdir/secret.txt", "/pkg/leak.js", "/%2e%2e/outside/secret.txt", "/../outside/secret.txt", "/sub/..%2f..%2foutside/secret.txt"]
    {
        let r = Req::get(path).ok(s.addr).await;
        assert_json_error(&r, 404, path);
        assert!(!r.text().contains("secret\""), "{path}");
    }
    // Inside the folder, a symlink is fine; the rest works as before.
    for (path, body) in [("/alias.html", "<p>page</p>"), ("/page.html", "<p>page</p>"), ("/sub/", "<p>sub</p>"), ("/pkg/formakit.js", "export {};")] {
        let r = Req::get(path).ok(s.addr).await;
        assert_eq!((r.status, r.text().as_str()), (200, body), "{path}");
    }
    assert!(Req::get("/pkg/formakit.js").ok(s.addr).await.header("content-type").unwrap_or_default().contains("javascript"));
    let r = Req::get("/sub").ok(s.addr).await;
    assert_eq!((r.status, r.header("location")), (307, Some("/sub/")));
    let _ = std::fs::remove_dir_all(&dir);
}

// ------------------------------------------------------------------ 7. Lära's documented limits

async fn lara(addr: SocketAddr, method: &str, body: &Value) -> client::Resp {
    Req::post(&format!("/lara/lmsapi/{method}")).bearer(STATIC_TOKEN).json(body).ok(addr).await
}

async fn first_program(addr: SocketAddr) -> Value {
    lara(addr, "program/getlist", &json!({})).await.json()[0].clone()
}

async fn assert_refused(addr: SocketAddr, id: &Value, field: &str, value: Value) {
    let r = lara(addr, "program/update", &json!({"id": id, field: value})).await;
    assert_json_error(&r, 400, field);
    assert_eq!(r.json()["where"], format!("body.{field}"), "{}", r.text());
}

#[tokio::test]
async fn lara_program_update_refuses_what_the_documents_refuse() {
    let s = start_with(Config::for_tests()).await;
    let before = first_program(s.addr).await;
    let id = before["id"].clone();
    // keywords and externalLink: "Maximum 250 caractères".
    assert_refused(s.addr, &id, "keywords", json!("k".repeat(251))).await;
    assert_refused(s.addr, &id, "externalLink", json!(format!("https://example.fr/{}", "x".repeat(240)))).await;
    // Counts: 0 means none, negative is refused; min above a set max too.
    assert_refused(s.addr, &id, "maxParticipants", json!(-1)).await;
    assert_refused(s.addr, &id, "minParticipants", json!(-5)).await;
    assert_refused(s.addr, &id, "daysToComplete", json!(-1)).await;
    let r = lara(s.addr, "program/update", &json!({"id": id, "minParticipants": 12, "maxParticipants": 10})).await;
    assert_json_error(&r, 400, "min > max");
    // HTML in the name.
    assert_refused(s.addr, &id, "name", json!("<b>Excel</b> avancé")).await;
    assert_refused(s.addr, &id, "name", json!("Excel <script>alert(1)</script>")).await;
    // The documented code where the document gives one.
    let r = lara(s.addr, "program/update", &json!({"id": id, "name": "ab"})).await;
    assert_eq!((r.status, r.json()["code"].clone()), (400, json!(1405)));
    // Nothing above changed the program.
    let after = lara(s.addr, "program/get", &json!({"id": id})).await.json();
    assert_eq!(after, before);
    // What the rules allow still passes.
    let ok = json!({"id": id, "name": "Excel < Word ? Non : les deux", "keywords": "k".repeat(250), "maxParticipants": 0, "minParticipants": 3});
    let r = lara(s.addr, "program/update", &ok).await;
    assert_eq!(r.status, 200, "{}", r.text());
}

#[tokio::test]
async fn lara_a_megabyte_of_keywords_is_refused() {
    let keywords = "mot-clé ".repeat(190_000); // 1.5 MB
                                               // Under the default 1 MiB body limit: 413 before any rule runs.
    let s = start_with(Config::for_tests()).await;
    let id = first_program(s.addr).await["id"].clone();
    let r = lara(s.addr, "program/update", &json!({"id": id, "keywords": keywords})).await;
    assert_json_error(&r, 413, "1.5 MB body");
    // With a larger limit, the keywords rule answers.
    let s = start_with(Config { body_limit: 4 << 20, ..Config::for_tests() }).await;
    let id = first_program(s.addr).await["id"].clone();
    assert_refused(s.addr, &id, "keywords", json!(keywords)).await;
}
