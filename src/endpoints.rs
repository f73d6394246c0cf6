//! The endpoint table of this build: every compiled provider's endpoints,
//! found by provider and name, by id or by route.
//!
//! The types (`Endpoint`, `Provider`, `Paging`, …) and path filling live in
//! [`crate::endpoint`], below the provider modules; this module sits above
//! them and lists their `ENDPOINTS`.

use serde_json::Value;

pub use crate::endpoint::*;

/// Every compiled provider's endpoints.
const PROVIDERS: &[&[Endpoint]] = &[
    #[cfg(feature = "cegos")]
    crate::cegos::endpoints::ENDPOINTS,
    #[cfg(feature = "lara")]
    crate::lara::endpoints::ENDPOINTS,
    #[cfg(feature = "france-travail")]
    crate::france_travail::endpoints::ENDPOINTS,
    #[cfg(feature = "campus-skills")]
    crate::campus_skills::endpoints::ENDPOINTS,
];

/// Every endpoint of this build, in provider order, then in each provider's document order.
pub fn endpoints() -> impl Iterator<Item = &'static Endpoint> {
    PROVIDERS.iter().flat_map(|p| p.iter())
}

/// The endpoints of `provider` (none when its feature is off).
pub fn for_provider(provider: Provider) -> impl Iterator<Item = &'static Endpoint> {
    endpoints().filter(move |e| e.provider == provider)
}

/// `provider`'s endpoint called `name` (the client method name, e.g. `"getProgram"`).
pub fn find(provider: Provider, name: &str) -> Option<&'static Endpoint> {
    for_provider(provider).find(|e| e.name == name)
}

/// The endpoint whose [`Endpoint::id`] is `id` (`"cegos.products"`).
pub fn find_id(id: &str) -> Option<&'static Endpoint> {
    let (provider, name) = id.split_once('.')?;
    find(Provider::from_name(provider)?, name)
}

/// `provider`'s endpoint that answers `method` on `path` (without base URL or query; aliases included).
pub fn find_route(provider: Provider, method: Method, path: &str) -> Option<&'static Endpoint> {
    for_provider(provider).find(|e| e.method == method && e.matches_path(path))
}

/// The table as JSON text, for the JavaScript `endpoints()`: an array with
/// one object per endpoint, in [`endpoints`] order, keys camelCase:
///
/// ```json
/// [{ "id": "cegos.product", "provider": "cegos", "name": "product", "method": "GET",
///    "host": "api", "baseUrl": "https://catalog.api.cegos.fr",
///    "path": "/v1/Products/{yearlyProductCode}", "pathParams": ["yearlyProductCode"],
///    "fixedQuery": {}, "aliases": [], "request": "cegos.productQuery", "requestIn": "query",
///    "response": "cegos.product", "error": null, "auth": "oauthClientCredentials",
///    "retrySafe": true, "paging": { "style": "none" }, "documented": true, "doc": "…" }]
/// ```
///
/// `paging` is `{"style":"none"}`, `{"style":"pageNumber","pageParam","sizeParam","pageSize","items","totalPages"}`
/// or `{"style":"pageLimit","pageParam","limitParam","items","total"}` (see [`Paging`]).
pub fn endpoints_json() -> String {
    Value::Array(endpoints().map(Endpoint::to_json).collect()).to_string()
}
