//! Tests of the sandbox itself: each test starts its own server in-process on
//! 127.0.0.1:0 and talks to it over real TCP.

mod campus_skills;
mod cegos;
mod client;
mod faults;
mod france_travail;
mod lara;

use std::net::SocketAddr;

use client::Req;
use formakit_sandbox::{Config, Running};

pub async fn start_with(config: Config) -> Running {
    match formakit_sandbox::start(config).await {
        Ok(r) => r,
        Err(e) => panic!("cannot start the sandbox: {e}"),
    }
}

pub async fn start() -> Running {
    start_with(Config::for_tests()).await
}

pub async fn cegos_token(addr: SocketAddr) -> String {
    let r =
        Req::post("/cegos/connect/token").form("grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=api-cegos").ok(addr).await;
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["access_token"].as_str().unwrap_or_default().to_string()
}

pub async fn ft_token(addr: SocketAddr) -> String {
    let r = Req::post("/francetravail/connexion/oauth2/access_token?realm=%2Fpartenaire")
        .form("grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=application_sandbox%20api_parcoursformationv1")
        .ok(addr)
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["access_token"].as_str().unwrap_or_default().to_string()
}

pub const STATIC_TOKEN: &str = "sandbox-token";

/// Same seed, same bytes: two servers answer identical bodies.
#[tokio::test]
async fn determinism_same_seed_same_bytes() {
    let (a, b) = (start().await, start().await);
    let (ta, tb) = (cegos_token(a.addr).await, cegos_token(b.addr).await);
    assert_eq!(ta, tb, "token sequences are seeded too");
    for path in [
        "/cegos/v1/Products?pageNumber=1&hydrate=true",
        "/cegos/v1/Sessions?pageNumber=7&hydrate=true",
        "/cegos/v1/CatalogTopics",
        "/cegos/v1/Referentials/centers",
        "/cegos/v1/Products?pageNumber=13",
    ] {
        let ra = Req::get(path).bearer(&ta).ok(a.addr).await;
        let rb = Req::get(path).bearer(&tb).ok(b.addr).await;
        assert_eq!(ra.status, 200);
        assert!(ra.body == rb.body, "{path} differs between two servers with the same seed");
    }
    let la = Req::post("/lara/lmsapi/program/getlist").bearer(STATIC_TOKEN).json(&serde_json::json!({})).ok(a.addr).await;
    let lb = Req::post("/lara/lmsapi/program/getlist").bearer(STATIC_TOKEN).json(&serde_json::json!({})).ok(b.addr).await;
    assert!(la.body == lb.body);
    let (fa, fb) = (ft_token(a.addr).await, ft_token(b.addr).await);
    let p = "/francetravail/partenaire/parcoursformationtest/v1/inscriptions/statut/session?numeroSession=1330305&numeroAction=20_1330305&numeroFormation=20_1262663";
    let (ra, rb) = (Req::get(p).bearer(&fa).ok(a.addr).await, Req::get(p).bearer(&fb).ok(b.addr).await);
    assert!(ra.body == rb.body && ra.status == 200);

    // A different seed gives different data.
    let c = start_with(Config { seed: 7, ..Config::for_tests() }).await;
    let tc = cegos_token(c.addr).await;
    let ra = Req::get("/cegos/v1/Products?pageNumber=1").bearer(&ta).ok(a.addr).await;
    let rc = Req::get("/cegos/v1/Products?pageNumber=1").bearer(&tc).ok(c.addr).await;
    assert!(ra.body != rc.body);
}

#[tokio::test]
async fn cors_preflight_and_exposed_headers() {
    let cors = formakit_sandbox::cors::CorsPolicy::default().with("http://localhost:8080");
    let s = start_with(Config { cors, ..Config::for_tests() }).await;
    let r = Req::method("OPTIONS", "/cegos/v1/Products")
        .header("Origin", "http://localhost:8080")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization, x-formakit-fault")
        .ok(s.addr)
        .await;
    assert!(r.status == 200 || r.status == 204, "preflight status {}", r.status);
    assert_eq!(r.header("access-control-allow-origin"), Some("http://localhost:8080"));
    let allowed = r.header("access-control-allow-headers").unwrap_or_default().to_ascii_lowercase();
    assert!(allowed.contains("x-formakit-fault") && allowed.contains("authorization"), "{allowed}");
    assert!(r.header("access-control-allow-methods").unwrap_or_default().contains("GET"));

    let r = Req::get("/cegos/v1/Catalogs?__fault=429:3").header("Origin", "http://localhost:8080").ok(s.addr).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.header("access-control-allow-origin"), Some("http://localhost:8080"));
    assert!(r.header("access-control-expose-headers").unwrap_or_default().to_ascii_lowercase().contains("retry-after"));
}

#[tokio::test]
async fn unknown_routes_answer_json_404() {
    let s = start().await;
    for p in ["/cegos/v1/Nope", "/lara/lmsapi/program/nope", "/francetravail/nope", "/campusskills/api/sync/v1/nope"] {
        let r = Req::get(p).ok(s.addr).await;
        assert_eq!(r.status, 404, "{p}");
        assert_eq!(r.json()["error"], "not_found", "{p}");
    }
    // Without --www the root answers a small index page.
    let r = Req::get("/").ok(s.addr).await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("formakit-sandbox"));
}

#[tokio::test]
async fn serves_www_and_pkg_directories() {
    let dir = std::env::temp_dir().join(format!("formakit-sandbox-static-{}", std::process::id()));
    let (www, pkg) = (dir.join("www"), dir.join("pkg"));
    std::fs::create_dir_all(&www).unwrap();
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(www.join("index.html"), "<h1>démo</h1>").unwrap();
    std::fs::write(pkg.join("formakit.js"), "export const x = 1;").unwrap();
    let s = start_with(Config { www: Some(www), pkg: Some(pkg), ..Config::for_tests() }).await;
    let r = Req::get("/").ok(s.addr).await;
    assert_eq!((r.status, r.text().as_str()), (200, "<h1>démo</h1>"));
    let r = Req::get("/pkg/formakit.js").ok(s.addr).await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap_or_default().contains("javascript"));
    // Provider routes still win over the static fallback.
    assert_eq!(Req::get("/cegos/v1/Catalogs").ok(s.addr).await.status, 401);
    let _ = std::fs::remove_dir_all(&dir);
}
