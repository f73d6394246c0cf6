//! Static files for `make demo`: `/` serves the www-demo directory, `/pkg/…`
//! the built npm package. Without a www directory, `/` answers a small page
//! listing the base URLs.
//!
//! Decisions:
//! - Every path is resolved by [`resolve`] before a file is opened: `..`,
//!   backslashes, NUL and segments over 255 bytes (the usual `NAME_MAX`) are a
//!   JSON 404, never an I/O error (a 256-byte segment used to make `ServeDir`
//!   answer 500 with an empty body: `ENAMETOOLONG`).
//! - **No symlink leads out of the served folder.** The file's canonical path
//!   (every symlink resolved) must lie under the folder's canonical path, else
//!   404; symlinks that stay inside still work. The check and the open are two
//!   steps: someone who can write into the folder between them could swap a
//!   file for a symlink, which needs local write access to begin with.
//! - The file itself is served by tower-http's `ServeFile` (content type from
//!   the extension, `Range`, `If-Modified-Since`, `HEAD`).
//! - A directory without a trailing `/` redirects (307) to the same path with
//!   one, as `ServeDir` did, so relative links in its `index.html` resolve.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower::ServiceExt;
use tower_http::services::ServeFile;

use crate::{http, Config};

const INDEX: &str = r#"<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>formakit-sandbox</title></head>
<body><h1>formakit-sandbox</h1>
<p>Base URLs (see <code>sandbox/README.md</code>):</p>
<ul>
<li>Cegos: <code>/cegos</code> (token at <code>/cegos/connect/token</code>, catalog under <code>/cegos/v1/</code>)</li>
<li>Lära: <code>/lara/lmsapi</code></li>
<li>France Travail: <code>/francetravail</code></li>
<li>Campus Skills: <code>/campusskills</code></li>
</ul></body></html>"#;

/// Longest path segment looked up on disk (`NAME_MAX` on Linux and macOS).
pub const MAX_SEGMENT: usize = 255;

pub fn router(config: &Config) -> Router {
    let mut r = Router::new();
    if let Some(pkg) = &config.pkg {
        r = r.nest_service("/pkg", folder(pkg, "/pkg"));
    }
    match &config.www {
        Some(www) => r.fallback_service(folder(www, "")),
        None => r.route("/", get(|| async { Html(INDEX) })).fallback(crate::not_found),
    }
}

/// A served folder, canonicalized once at start, and the URL prefix it is nested under.
struct Folder {
    root: PathBuf,
    prefix: &'static str,
}

fn folder(dir: &Path, prefix: &'static str) -> Router {
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    Router::new().fallback(serve).with_state(Arc::new(Folder { root, prefix }))
}

/// Why a path has no file to serve.
#[derive(Debug, PartialEq, Eq)]
pub enum Miss {
    /// Not there, not readable, or not allowed (`..`, a symlink out of the folder…).
    NotFound(&'static str),
    /// A directory asked for without its trailing `/`.
    Directory,
}

/// The file `url_path` (percent-encoded, relative to the folder) names under
/// `root` (canonical), with every symlink resolved and checked to stay inside.
pub fn resolve(root: &Path, url_path: &str) -> Result<PathBuf, Miss> {
    let decoded = percent_decode(url_path).ok_or(Miss::NotFound("the path is not valid percent-encoded UTF-8"))?;
    let mut path = root.to_path_buf();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(Miss::NotFound("`..` is not served")),
            s if s.len() > MAX_SEGMENT => return Err(Miss::NotFound("a path segment is over 255 bytes")),
            s if s.contains(['\\', '\0']) => return Err(Miss::NotFound("backslashes and NUL are not served")),
            s => path.push(s),
        }
    }
    let inside = |p: &Path| -> Result<PathBuf, Miss> {
        let canonical = p.canonicalize().map_err(|_| Miss::NotFound("no such file"))?;
        if canonical.starts_with(root) {
            Ok(canonical)
        } else {
            Err(Miss::NotFound("the file lies outside the served folder (symlink)"))
        }
    };
    let found = inside(&path)?;
    if !found.is_dir() {
        return Ok(found);
    }
    if !decoded.is_empty() && !decoded.ends_with('/') {
        return Err(Miss::Directory);
    }
    let index = inside(&found.join("index.html"))?;
    if index.is_file() {
        Ok(index)
    } else {
        Err(Miss::NotFound("a directory without index.html"))
    }
}

/// `%XX` escapes decoded; `None` for a bad escape or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            let hex = b.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

async fn serve(State(folder): State<Arc<Folder>>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let full_path = format!("{}{path}", folder.prefix);
    match resolve(&folder.root, &path) {
        Ok(file) => match ServeFile::new(file).oneshot(req).await {
            Ok(res) => res.map(Body::new),
            Err(e) => http::error(StatusCode::NOT_FOUND, "not_found", &format!("cannot read the file: {e}"), "path"),
        },
        Err(Miss::Directory) => {
            let mut location = format!("{full_path}/");
            if let Some(q) = req.uri().query() {
                location = format!("{location}?{q}");
            }
            match HeaderValue::from_str(&location) {
                Ok(v) => (StatusCode::TEMPORARY_REDIRECT, [(header::LOCATION, v)]).into_response(),
                Err(_) => http::error(StatusCode::NOT_FOUND, "not_found", "unusable directory path", "path"),
            }
        }
        Err(Miss::NotFound(why)) => http::error(StatusCode::NOT_FOUND, "not_found", &format!("no file at {}: {why}", http::clip(&full_path)), "path"),
    }
}
