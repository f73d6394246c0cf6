//! Static files for `make demo`: `/` serves the www-demo directory, `/pkg/…`
//! the built npm package. Without a www directory, `/` answers a small page
//! listing the base URLs.

use axum::response::Html;
use axum::routing::get;
use axum::Router;
use tower_http::services::ServeDir;

use crate::Config;

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

pub fn router(config: &Config) -> Router {
    let mut r = Router::new();
    if let Some(pkg) = &config.pkg {
        r = r.nest_service("/pkg", ServeDir::new(pkg));
    }
    match &config.www {
        Some(www) => r.fallback_service(ServeDir::new(www).append_index_html_on_directories(true)),
        None => r.route("/", get(|| async { Html(INDEX) })),
    }
}
