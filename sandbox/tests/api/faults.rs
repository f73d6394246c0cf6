//! Every row of the fault table in sandbox/README.md.

use std::time::{Duration, Instant};

use formakit_sandbox::Config;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::client::{ClientError, Req};
use crate::{cegos_token, start, start_with};

const CATALOGS: &str = "/cegos/v1/Catalogs";

#[tokio::test]
async fn latency() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let t0 = Instant::now();
    let r = Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", "latency=300").ok(s.addr).await;
    assert_eq!(r.status, 200);
    assert!(t0.elapsed() >= Duration::from_millis(300));
    let t0 = Instant::now();
    let r = Req::get(&format!("{CATALOGS}?__fault=latency%3D250")).bearer(&t).ok(s.addr).await;
    assert_eq!(r.status, 200);
    assert!(t0.elapsed() >= Duration::from_millis(250));
}

#[tokio::test]
async fn too_many_requests_with_retry_after() {
    let s = start().await;
    let r = Req::get(CATALOGS).header("X-Formakit-Fault", "429").ok(s.addr).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("1"));
    assert_eq!(r.json()["error"], "too_many_requests");
    let r = Req::get(&format!("{CATALOGS}?__fault=429:7")).ok(s.addr).await;
    assert_eq!((r.status, r.header("retry-after")), (429, Some("7")));
    // Token endpoints can be throttled too.
    let r = Req::post("/francetravail/connexion/oauth2/access_token?realm=%2Fpartenaire&__fault=429").form("grant_type=client_credentials").ok(s.addr).await;
    assert_eq!(r.status, 429);
}

#[tokio::test]
async fn server_errors() {
    let s = start().await;
    for (spec, status) in [("500", 500), ("502", 502), ("503", 503)] {
        let r = Req::get("/campusskills/api/sync/v1/test").header("X-Formakit-Fault", spec).ok(s.addr).await;
        assert_eq!(r.status, status);
        assert!(r.json()["message"].as_str().unwrap_or_default().contains("injected"));
    }
}

#[tokio::test]
async fn reset_closes_the_connection_without_a_response() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    match Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", "reset").send(s.addr).await {
        Err(ClientError::Io(e)) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionReset, "{e}"),
        Err(ClientError::Incomplete { raw_len: 0, .. }) => {}
        other => panic!("expected a reset, got {other:?}"),
    }
    // Raw check: not one byte of a response arrives.
    let mut sock = tokio::net::TcpStream::connect(s.addr).await.unwrap();
    sock.write_all(b"GET /cegos/v1/Catalogs?__fault=reset HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let mut buf = Vec::new();
    let res = tokio::time::timeout(Duration::from_secs(10), sock.read_to_end(&mut buf)).await.expect("bounded");
    assert!(buf.is_empty(), "got {:?}", String::from_utf8_lossy(&buf));
    assert!(res.is_err(), "the client sees a connection error: {res:?}");
    // The server itself is fine afterwards.
    assert_eq!(Req::get(CATALOGS).bearer(&t).ok(s.addr).await.status, 200);
}

#[tokio::test]
async fn truncate_sends_less_than_content_length() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let mut sock = tokio::net::TcpStream::connect(s.addr).await.unwrap();
    let req = format!("GET /cegos/v1/Referentials/centers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {t}\r\nX-Formakit-Fault: truncate\r\n\r\n");
    sock.write_all(req.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), sock.read_to_end(&mut buf)).await.expect("bounded");
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("headers arrive");
    assert!(head.starts_with("HTTP/1.1 200"));
    let len: usize =
        head.lines().find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0))).expect("Content-Length");
    assert!(body.len() < len && !body.is_empty(), "body {} of {len}", body.len());
    match Req::get("/cegos/v1/Referentials/centers").bearer(&t).header("X-Formakit-Fault", "truncate").send(s.addr).await {
        Err(ClientError::Incomplete { .. }) => {}
        other => panic!("expected an incomplete body, got {other:?}"),
    }
}

#[tokio::test]
async fn invalid_json() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let r = Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", "invalid-json").ok(s.addr).await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap_or_default().starts_with("application/json"));
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err(), "{}", r.text());
}

#[tokio::test]
async fn trickle_sends_the_whole_body_slowly() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let whole = Req::get(CATALOGS).bearer(&t).ok(s.addr).await;
    let t0 = Instant::now();
    // 64-byte chunks, 40 ms apart.
    let r = Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", "trickle=40").ok(s.addr).await;
    let chunks = whole.body.len().div_ceil(64) as u32;
    assert!(chunks >= 4);
    let elapsed = t0.elapsed();
    assert!(elapsed >= Duration::from_millis(40) * (chunks - 1), "{elapsed:?} for {chunks} chunks");
    assert!(elapsed < Duration::from_secs(5));
    assert_eq!(r.body, whole.body);
    let r = Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", "trickle=5:16").ok(s.addr).await;
    assert_eq!(r.body, whole.body);
}

#[tokio::test]
async fn expired_token_fault() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let r = Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", "expired-token").ok(s.addr).await;
    assert_eq!(r.status, 401);
    assert!(r.text().contains("expired"));
    let r = Req::get("/campusskills/api/sync/v1/test?__fault=expired-token").bearer("sandbox-token").ok(s.addr).await;
    assert_eq!(r.status, 401);
    assert_eq!(Req::get(CATALOGS).bearer(&t).ok(s.addr).await.status, 200);
}

#[tokio::test]
async fn combined_and_bad_specs() {
    let s = start().await;
    let t0 = Instant::now();
    let r = Req::get(CATALOGS).header("X-Formakit-Fault", "latency=150, 503").ok(s.addr).await;
    assert_eq!(r.status, 503);
    assert!(t0.elapsed() >= Duration::from_millis(150));
    let r = Req::get(CATALOGS).header("X-Formakit-Fault", "teapot").ok(s.addr).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["where"], "header.X-Formakit-Fault");
    let r = Req::get(&format!("{CATALOGS}?__fault=latency%3Dsoon")).ok(s.addr).await;
    assert_eq!((r.status, r.json()["where"].clone()), (400, serde_json::Value::from("query.__fault")));
}

#[tokio::test]
async fn server_wide_faults() {
    let s = start_with(Config { fault: "503".parse().unwrap(), ..Config::for_tests() }).await;
    assert_eq!(Req::get(CATALOGS).ok(s.addr).await.status, 503);
    // `none` lifts the server-wide fault for one request.
    assert_eq!(Req::get(CATALOGS).header("X-Formakit-Fault", "none").ok(s.addr).await.status, 401);
    // A request fault replaces the server's status fault.
    assert_eq!(Req::get(CATALOGS).header("X-Formakit-Fault", "429").ok(s.addr).await.status, 429);
    // Static files are not faulted.
    assert_eq!(Req::get("/").ok(s.addr).await.status, 200);

    let s = start_with(Config { latency_ms: 200, ..Config::for_tests() }).await;
    let t0 = Instant::now();
    assert_eq!(Req::get(CATALOGS).ok(s.addr).await.status, 401);
    assert!(t0.elapsed() >= Duration::from_millis(200));
}

/// `times=N`: a retrying client sends the same header every time; the fault hits the N first.
#[tokio::test]
async fn times_unavailable_once_then_success() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let spec = "503,times=1,id=t42";
    assert_eq!(Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", spec).ok(s.addr).await.status, 503);
    for _ in 0..3 {
        assert_eq!(Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", spec).ok(s.addr).await.status, 200);
    }
    // Same items in another order and case: the same spec, the same (spent) counter.
    assert_eq!(Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", "id=t42, TIMES=1, 503").ok(s.addr).await.status, 200);
    // The query parameter counts the same way.
    let q = format!("{CATALOGS}?__fault=503,times%3D1,id%3Dquery");
    assert_eq!(Req::get(&q).bearer(&t).ok(s.addr).await.status, 503);
    assert_eq!(Req::get(&q).bearer(&t).ok(s.addr).await.status, 200);
}

#[tokio::test]
async fn times_too_many_requests_twice_then_success() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let spec = "429:2,times=2,id=rate";
    for _ in 0..2 {
        let r = Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", spec).ok(s.addr).await;
        assert_eq!((r.status, r.header("retry-after")), (429, Some("2")));
    }
    let r = Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", spec).ok(s.addr).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.header("retry-after").is_none());
}

#[tokio::test]
async fn times_expired_token_once() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let spec = "expired-token,times=1,id=refresh";
    let r = Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", spec).ok(s.addr).await;
    assert_eq!(r.status, 401);
    assert!(r.header("www-authenticate").unwrap_or_default().contains("invalid_token"));
    assert_eq!(Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", spec).ok(s.addr).await.status, 200);
}

#[tokio::test]
async fn times_with_body_and_connection_faults() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let r = Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", "invalid-json,times=1").ok(s.addr).await;
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err());
    let r = Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", "invalid-json,times=1").ok(s.addr).await;
    assert_eq!(r.status, 200);
    let _ = r.json();
    assert!(Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", "reset,times=1,id=r").send(s.addr).await.is_err());
    assert_eq!(Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", "reset,times=1,id=r").ok(s.addr).await.status, 200);
}

#[tokio::test]
async fn times_distinct_ids_have_distinct_counters() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let status = |spec: &'static str| {
        let t = t.clone();
        async move { Req::get(CATALOGS).bearer(&t).header("X-Formakit-Fault", spec).ok(s.addr).await.status }
    };
    assert_eq!(status("503,times=1,id=a").await, 503);
    assert_eq!(status("503,times=1,id=b").await, 503);
    assert_eq!(status("503,times=1").await, 503);
    assert_eq!(status("503,times=1,id=a").await, 200);
    assert_eq!(status("503,times=1,id=b").await, 200);
    assert_eq!(status("503,times=1").await, 200);
    // Another N is another spec, with its own counter.
    assert_eq!(status("503,times=2,id=a").await, 503);
    // Without `times` the fault applies every time, `id` or not.
    assert_eq!(status("503,id=a").await, 503);
    assert_eq!(status("503,id=a").await, 503);
}

/// Past the N first, the request's spec is empty: the server-wide fault applies again.
#[tokio::test]
async fn times_then_server_wide_faults_apply() {
    let s = start_with(Config { fault: "503".parse().unwrap(), ..Config::for_tests() }).await;
    let r = Req::get(CATALOGS).header("X-Formakit-Fault", "429,times=1,id=srv").ok(s.addr).await;
    assert_eq!(r.status, 429);
    assert_eq!(Req::get(CATALOGS).header("X-Formakit-Fault", "429,times=1,id=srv").ok(s.addr).await.status, 503);
    assert_eq!(Req::get(CATALOGS).header("X-Formakit-Fault", "none,times=1,id=srv").ok(s.addr).await.status, 401);
    assert_eq!(Req::get(CATALOGS).header("X-Formakit-Fault", "none,times=1,id=srv").ok(s.addr).await.status, 503);

    // A server-wide `times=N` hits the N first requests of the server.
    let s = start_with(Config { fault: "503,times=2".parse().unwrap(), ..Config::for_tests() }).await;
    let statuses = [Req::get(CATALOGS).ok(s.addr).await.status, Req::get(CATALOGS).ok(s.addr).await.status, Req::get(CATALOGS).ok(s.addr).await.status];
    assert_eq!(statuses, [503, 503, 401]);
}

#[tokio::test]
async fn times_and_id_malformed() {
    let s = start().await;
    let long = format!("503,id={}", "a".repeat(65));
    for spec in ["503,times=0", "503,times=-1", "503,times=two", "503,times", "503,times=1.5", "503,id=", "503,id", "503,id=a.b", "503,id=a b", long.as_str()] {
        let r = Req::get(CATALOGS).header("X-Formakit-Fault", spec).ok(s.addr).await;
        assert_eq!(r.status, 400, "{spec}: {}", r.text());
        assert_eq!(r.json()["where"], "header.X-Formakit-Fault", "{spec}");
    }
    let r = Req::get(&format!("{CATALOGS}?__fault=503,times%3D0")).ok(s.addr).await;
    assert_eq!((r.status, r.json()["where"].clone()), (400, serde_json::Value::from("query.__fault")));
    // A 64-character id is fine.
    let ok = format!("503,times=1,id={}", "A-_9".repeat(16));
    assert_eq!(Req::get(CATALOGS).header("X-Formakit-Fault", ok).ok(s.addr).await.status, 503);
}
