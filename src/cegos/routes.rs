//! Cegos routes: path constants and query strings. The routes themselves are
//! declared once, in [`super::endpoints`]; the constants here are theirs.
//!
//! Host [`CATALOG_HOST`]; every route takes a bearer token of scope
//! `api-cegos` (specs README, public facts).

use super::endpoints;
use super::models::{CegosProductQuery, CegosProductsQuery, CegosSessionQuery, CegosSessionsQuery};
use crate::wire::Extra;

/// The catalog API's host ([`endpoints::BASE_URL`]).
pub const CATALOG_HOST: &str = endpoints::BASE_URL;

/// `GET /v1/Catalogs`.
pub const CATALOGS_PATH: &str = endpoints::CATALOGS.path;

/// The topic-tree route, every spelling a server may answer to; the first is sent.
///
/// Decision (specs README, contradiction 17): the document names the route
/// `/v1/CatalogTopics`, the provider's "first call" tutorial
/// `/v1/CatalogsTopics`. formakit sends the document's spelling
/// ([`CATALOG_TOPICS_PATH`], first here) and recognises the tutorial's as an
/// alias of the same route ([`is_catalog_topics_path`]), so a request or a
/// recorded exchange written either way is understood. The endpoint table
/// says the same: [`endpoints::TOPICS`] has this path and this alias.
pub const CATALOG_TOPICS_PATHS: &[&str] = &["/v1/CatalogTopics", "/v1/CatalogsTopics"];

/// `GET /v1/CatalogTopics`: the spelling formakit sends (see [`CATALOG_TOPICS_PATHS`]).
pub const CATALOG_TOPICS_PATH: &str = endpoints::TOPICS.path;

/// `GET /v1/Products` (paged).
pub const PRODUCTS_PATH: &str = endpoints::PRODUCTS.path;

/// `GET /v1/Referentials/centers`.
pub const CENTERS_PATH: &str = endpoints::CENTERS.path;

/// `GET /v1/Sessions` (paged).
pub const SESSIONS_PATH: &str = endpoints::SESSIONS.path;

/// Items per page of the paged routes (fixed by the server).
pub const PAGE_SIZE: i64 = endpoints::PAGE_SIZE as i64;

/// True when `path` names the topic-tree route, in either spelling
/// (ASCII case-insensitive, as ASP.NET routes are; a trailing `/` is ignored).
pub fn is_catalog_topics_path(path: &str) -> bool {
    endpoints::TOPICS.matches_path(path)
}

/// `/v1/Products/{yearlyProductCode}`, the code escaped as a path segment.
/// [`endpoints::PRODUCT`]`.fill(..)` does the same and also refuses an empty
/// code, `.` and `..`, which would leave the route.
pub fn product_path(yearly_product_code: &str) -> String {
    format!("{PRODUCTS_PATH}/{}", escape(yearly_product_code))
}

/// `/v1/Sessions/{yearlySessionCode}`, the code escaped as a path segment
/// (see [`product_path`] for the checked form).
pub fn session_path(yearly_session_code: &str) -> String {
    format!("{SESSIONS_PATH}/{}", escape(yearly_session_code))
}

/// Percent-encodes everything but RFC 3986 unreserved characters
/// (as JavaScript's `encodeURIComponent`, which also keeps `!'()*`).
pub fn escape(s: &str) -> String {
    crate::http::encode_component(s)
}

/// `name=value` pairs of a query: the named parameters first, in the
/// document's order, then `extra` (strings as is, numbers and booleans as
/// JSON writes them, each element of an array repeated; `null` and objects skipped).
fn pairs(named: Vec<(&str, Option<String>)>, extra: &Extra) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = named.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_string(), v))).collect();
    for (k, v) in &extra.0 {
        let items = match v {
            serde_json::Value::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        for item in items {
            let text = match item {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Bool(b) => b.to_string(),
                _ => continue,
            };
            out.push((k.clone(), text));
        }
    }
    out
}

/// Writes pairs as `?a=1&b=2` (empty when there is none), names and values escaped.
pub fn query_string(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    format!("?{}", crate::http::encode_pairs(pairs.iter().map(|(k, v)| (k, v)), false))
}

impl CegosProductsQuery {
    /// The query's `name=value` pairs (`pageNumber`, `hydrate`, then extras).
    pub fn pairs(&self) -> Vec<(String, String)> {
        pairs(vec![("pageNumber", self.page_number.map(|n| n.to_string())), ("hydrate", self.hydrate.map(|b| b.to_string()))], &self.extra)
    }

    /// Path and query: `/v1/Products?pageNumber=2&hydrate=true`.
    pub fn path_and_query(&self) -> String {
        format!("{PRODUCTS_PATH}{}", query_string(&self.pairs()))
    }
}

impl CegosProductQuery {
    /// The query's `name=value` pairs (`hydrate`, then extras).
    pub fn pairs(&self) -> Vec<(String, String)> {
        pairs(vec![("hydrate", self.hydrate.map(|b| b.to_string()))], &self.extra)
    }

    /// Path and query: `/v1/Products/202500038?hydrate=true`.
    pub fn path_and_query(&self) -> String {
        format!("{}{}", product_path(&self.yearly_product_code), query_string(&self.pairs()))
    }
}

impl CegosSessionsQuery {
    /// The query's `name=value` pairs (`pageNumber`, `hydrate`, then extras).
    pub fn pairs(&self) -> Vec<(String, String)> {
        pairs(vec![("pageNumber", self.page_number.map(|n| n.to_string())), ("hydrate", self.hydrate.map(|b| b.to_string()))], &self.extra)
    }

    /// Path and query: `/v1/Sessions?pageNumber=2&hydrate=true`.
    pub fn path_and_query(&self) -> String {
        format!("{SESSIONS_PATH}{}", query_string(&self.pairs()))
    }
}

impl CegosSessionQuery {
    /// The query's `name=value` pairs (extras only).
    pub fn pairs(&self) -> Vec<(String, String)> {
        pairs(Vec::new(), &self.extra)
    }

    /// Path and query: `/v1/Sessions/2025-61072-PAR-001`.
    pub fn path_and_query(&self) -> String {
        format!("{}{}", session_path(&self.yearly_session_code), query_string(&self.pairs()))
    }
}
