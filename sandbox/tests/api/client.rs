//! A deliberately raw HTTP/1.1 client over a TCP socket: it shows exactly what
//! arrived (a reset, a body shorter than Content-Length, trickled chunks),
//! which higher-level clients would smooth over. Every call is time-bounded.

use std::net::SocketAddr;
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub const TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        match serde_json::from_slice(&self.body) {
            Ok(v) => v,
            Err(e) => panic!("body is not JSON ({e}): {}", String::from_utf8_lossy(&self.body)),
        }
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

#[derive(Debug)]
pub enum ClientError {
    /// The socket failed (reset, refused…).
    Io(std::io::Error),
    /// The connection closed before a complete response arrived.
    #[allow(dead_code)]
    Incomplete {
        raw_len: usize,
        detail: String,
    },
    Timeout,
}

pub struct Req<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub headers: Vec<(&'a str, String)>,
    pub body: Vec<u8>,
}

impl<'a> Req<'a> {
    pub fn get(path: &'a str) -> Req<'a> {
        Req { method: "GET", path, headers: Vec::new(), body: Vec::new() }
    }
    pub fn post(path: &'a str) -> Req<'a> {
        Req { method: "POST", path, headers: Vec::new(), body: Vec::new() }
    }
    pub fn method(method: &'a str, path: &'a str) -> Req<'a> {
        Req { method, path, headers: Vec::new(), body: Vec::new() }
    }
    pub fn header(mut self, k: &'a str, v: impl Into<String>) -> Req<'a> {
        self.headers.push((k, v.into()));
        self
    }
    pub fn bearer(self, token: &str) -> Req<'a> {
        self.header("Authorization", format!("Bearer {token}"))
    }
    pub fn json(mut self, v: &Value) -> Req<'a> {
        self.body = serde_json::to_vec(v).unwrap_or_default();
        self.header("Content-Type", "application/json")
    }
    pub fn form(mut self, s: &str) -> Req<'a> {
        self.body = s.as_bytes().to_vec();
        self.header("Content-Type", "application/x-www-form-urlencoded")
    }

    pub async fn send(self, addr: SocketAddr) -> Result<Resp, ClientError> {
        match tokio::time::timeout(TIMEOUT, self.send_inner(addr)).await {
            Ok(r) => r,
            Err(_) => Err(ClientError::Timeout),
        }
    }

    /// Sends and expects a complete response.
    pub async fn ok(self, addr: SocketAddr) -> Resp {
        let label = format!("{} {}", self.method, self.path);
        match self.send(addr).await {
            Ok(r) => r,
            Err(e) => panic!("{label}: {e:?}"),
        }
    }

    async fn send_inner(self, addr: SocketAddr) -> Result<Resp, ClientError> {
        let mut s = TcpStream::connect(addr).await.map_err(ClientError::Io)?;
        let mut head = format!("{} {} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n", self.method, self.path);
        for (k, v) in &self.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if !self.body.is_empty() || self.method == "POST" {
            head.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        }
        head.push_str("\r\n");
        s.write_all(head.as_bytes()).await.map_err(ClientError::Io)?;
        s.write_all(&self.body).await.map_err(ClientError::Io)?;
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).await.map_err(ClientError::Io)?;
        parse(&raw)
    }
}

fn parse(raw: &[u8]) -> Result<Resp, ClientError> {
    let incomplete = |detail: &str| ClientError::Incomplete { raw_len: raw.len(), detail: detail.to_string() };
    let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Err(incomplete("no complete header block"));
    };
    let head = String::from_utf8_lossy(raw.get(..split).unwrap_or_default()).into_owned();
    let rest = raw.get(split + 4..).unwrap_or_default();
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).ok_or_else(|| incomplete("bad status line"))?;
    let headers: Vec<(String, String)> = lines.filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))).collect();
    let get = |n: &str| headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(n)).map(|(_, v)| v.clone());
    let body = if get("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        let mut body = Vec::new();
        let mut at = 0;
        loop {
            let line_end = rest.get(at..).and_then(|r| r.windows(2).position(|w| w == b"\r\n")).ok_or_else(|| incomplete("chunk size line missing"))?;
            let size_str = String::from_utf8_lossy(rest.get(at..at + line_end).unwrap_or_default()).into_owned();
            let size = usize::from_str_radix(size_str.trim(), 16).map_err(|_| incomplete("bad chunk size"))?;
            at += line_end + 2;
            if size == 0 {
                break;
            }
            let chunk = rest.get(at..at + size).ok_or_else(|| incomplete("chunk shorter than announced"))?;
            body.extend_from_slice(chunk);
            at += size + 2;
        }
        body
    } else if let Some(len) = get("content-length").and_then(|v| v.parse::<usize>().ok()) {
        if rest.len() < len {
            return Err(incomplete(&format!("body {} bytes, Content-Length {len}", rest.len())));
        }
        rest.get(..len).unwrap_or_default().to_vec()
    } else {
        rest.to_vec()
    };
    Ok(Resp { status, headers, body })
}
