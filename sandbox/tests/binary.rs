//! The binary: `--port 0` prints the chosen port on one line; a route answers.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

#[tokio::test]
async fn binary_prints_its_port_and_serves() {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_formakit-sandbox"))
        .args(["--port", "0", "--today", "2025-03-01", "--seed", "42"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("spawn the sandbox binary");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    tokio::time::timeout(Duration::from_secs(20), BufReader::new(stdout).read_line(&mut line))
        .await
        .expect("the listening line within 20 s")
        .expect("read stdout");
    let url = line.trim().strip_prefix("formakit-sandbox listening on http://").unwrap_or_else(|| panic!("unexpected line {line:?}"));
    let addr: std::net::SocketAddr = url.parse().expect("host:port");
    assert!(addr.ip().is_loopback() && addr.port() != 0);

    let body = "grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret";
    let req = format!(
        "POST /cegos/connect/token HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut sock = tokio::net::TcpStream::connect(addr).await.expect("connect");
    sock.write_all(req.as_bytes()).await.expect("write");
    let mut resp = String::new();
    tokio::time::timeout(Duration::from_secs(10), sock.read_to_string(&mut resp)).await.expect("bounded").expect("read");
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
    assert!(resp.contains("\"token_type\":\"Bearer\""));

    child.kill().await.expect("kill");
}

#[test]
fn help_lists_the_options() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_formakit-sandbox")).arg("--help").output().expect("run --help");
    let text = String::from_utf8_lossy(&out.stdout);
    for opt in [
        "--host",
        "--port",
        "--seed",
        "--today",
        "--www",
        "--pkg",
        "--token-ttl",
        "--fault",
        "--latency-ms",
        "--campus-models",
        "--header-timeout-ms",
        "--idle-timeout-ms",
        "--max-connections",
        "--cors-origin",
        "--body-limit",
        "--campus-body-limit",
    ] {
        assert!(text.contains(opt), "{opt} missing from --help");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_formakit-sandbox")).args(["--fault", "teapot"]).output().expect("run");
    assert!(!out.status.success(), "a bad --fault is refused at startup");
    for bad in [["--cors-origin", "localhost:5173"], ["--body-limit", "0"], ["--max-connections", "0"], ["--header-timeout-ms", "soon"]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_formakit-sandbox")).args(bad).output().expect("run");
        assert!(!out.status.success(), "{bad:?} is refused at startup");
    }
}
