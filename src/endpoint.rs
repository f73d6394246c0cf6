//! The endpoint table: one declaration per route of the five documents, plus
//! the token routes, for the clients to build requests from.
//!
//! Each provider declares its routes in `src/<provider>/endpoints.rs` as one
//! `ENDPOINTS` slice of [`Endpoint`]s; this module aggregates the compiled
//! providers (per Cargo feature), fills path templates ([`fill_path`]) and
//! writes the table as JSON ([`endpoints_json`]) for the JavaScript `endpoints()`.
//!
//! ```
//! use formakit::endpoints::{find, Provider};
//! let e = find(Provider::Cegos, "product").unwrap();
//! assert_eq!(e.fill(&[("yearlyProductCode", "2025 61072/x")]).unwrap(), "/v1/Products/2025%2061072%2Fx");
//! ```
//!
//! # Parameters are raw text, encoded exactly once
//!
//! A path parameter is the value itself, never something already encoded:
//! every byte outside the RFC 3986 unreserved set (`A-Z a-z 0-9 - . _ ~`) is
//! written `%XX`, including `%`. So a Lära id such as
//! `vBW5xMw1VQ2A8DFaNy22zA%3d%3d` (opaque, specs README 5) placed in a path
//! becomes `vBW5xMw1VQ2A8DFaNy22zA%253d%253d`, which the server decodes once
//! back to exactly the id given: neither decoded (`…==`) nor encoded twice
//! (`%25253d`). Lära ids do not travel in paths anyway: every Lära route takes
//! them in its JSON body, sent verbatim. A parameter that is empty, `.` or
//! `..` is refused ([`PathError`]): it would leave its route (`/v1/Products/`
//! is the list, and URL parsers resolve `..` — and `%2E%2E` — as "up one").

use std::fmt;

use serde_json::{Map, Value};

use crate::validate::Lang;

/// The provider an endpoint belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Provider {
    /// The Cegos catalog API.
    Cegos,
    /// The Lära LMS.
    Lara,
    /// France Travail "parcours formation" (AIS).
    FranceTravail,
    /// The Campus Skills contract sync.
    CampusSkills,
}

impl Provider {
    /// Every provider, in registry order (compiled or not).
    pub const ALL: [Provider; 4] = [Provider::Cegos, Provider::Lara, Provider::FranceTravail, Provider::CampusSkills];

    /// The provider's name as its schema names start (`"cegos"`, `"lara"`, `"francetravail"`, `"campusskills"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Provider::Cegos => "cegos",
            Provider::Lara => "lara",
            Provider::FranceTravail => "francetravail",
            Provider::CampusSkills => "campusskills",
        }
    }

    /// The provider called `name` (as [`Provider::as_str`] writes it).
    pub fn from_name(name: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.as_str() == name)
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// The method as sent (`"GET"`, `"POST"`, `"DELETE"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// Which of the provider's base URLs a path is relative to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Host {
    /// The API's base URL (the catalog, the LMS, the AIS service, the sync API).
    Api,
    /// The OAuth server's base URL (Cegos `https://api.cegos.fr`, France Travail `https://entreprise.francetravail.fr`).
    Auth,
}

impl Host {
    /// `"api"` or `"auth"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Host::Api => "api",
            Host::Auth => "auth",
        }
    }
}

/// Where the request schema's value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestIn {
    /// In the URL: the fields named in the path template fill it, the others
    /// form the query string (percent-encoded, `%20` for a space).
    Query,
    /// A JSON body (`Content-Type: application/json`).
    JsonBody,
    /// An `application/x-www-form-urlencoded` body (`+` for a space).
    Form,
    /// Nothing is sent (the endpoint has no request schema).
    None,
}

impl RequestIn {
    /// `"query"`, `"jsonBody"`, `"form"` or `"none"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RequestIn::Query => "query",
            RequestIn::JsonBody => "jsonBody",
            RequestIn::Form => "form",
            RequestIn::None => "none",
        }
    }
}

/// How a call authenticates, as the providers document it (specs README, public facts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Auth {
    /// `Authorization: Bearer <access token>`, the token obtained from the
    /// provider's OAuth 2 client-credentials endpoint (Cegos, France Travail).
    OAuthClientCredentials,
    /// `Authorization: Bearer <token>` with a token the provider issued to the
    /// customer (Lära, Campus Skills); nothing to refresh.
    Bearer,
    /// The OAuth 2 token request itself: the client id and secret travel in
    /// the form body (or HTTP Basic), no bearer token. Its body holds secrets.
    ClientCredentialsGrant,
    /// No authentication.
    None,
}

impl Auth {
    /// `"oauthClientCredentials"`, `"bearer"`, `"clientCredentialsGrant"` or `"none"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Auth::OAuthClientCredentials => "oauthClientCredentials",
            Auth::Bearer => "bearer",
            Auth::ClientCredentialsGrant => "clientCredentialsGrant",
            Auth::None => "none",
        }
    }
}

/// How a list route pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Paging {
    /// One answer holds everything.
    None,
    /// Numbered pages of a size the server fixes (Cegos): ask for page
    /// `page_param` = 1, 2, …; the answer says how many pages there are.
    PageNumber {
        /// The query parameter naming the page (from 1).
        page_param: &'static str,
        /// The query parameter setting the page size, when the server takes one.
        size_param: Option<&'static str>,
        /// Items per page when the server fixes it.
        page_size: Option<u32>,
        /// The answer's field holding the items.
        items: &'static str,
        /// The answer's field holding the number of pages.
        total_pages: &'static str,
    },
    /// Pages of `limit_param` items (Campus Skills): ask for page
    /// `page_param` = 1, 2, …; the answer says how many items there are in all.
    PageLimit {
        /// The query parameter naming the page (from 1).
        page_param: &'static str,
        /// The query parameter setting the items per page.
        limit_param: &'static str,
        /// The answer's field holding the items.
        items: &'static str,
        /// The answer's field holding the total number of items.
        total: &'static str,
    },
}

/// One route of one provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Endpoint {
    /// The provider.
    pub provider: Provider,
    /// The client method's name, camelCase after the route (`"products"`,
    /// `"getProgram"`, `"syncContracts"`); unique within the provider.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// Which base URL [`Endpoint::path`] is relative to.
    pub host: Host,
    /// The production base URL the path is relative to (no trailing `/`);
    /// `None` when each customer has its own (Lära, Campus Skills).
    pub base_url: Option<&'static str>,
    /// The path template, relative to the base URL: `{param}` fills one whole
    /// segment ([`fill_path`]), e.g. `"/v1/Products/{yearlyProductCode}"`.
    pub path: &'static str,
    /// Query parameters every call carries, already decided (France Travail's
    /// `realm=/partenaire`); written after the path, percent-encoded.
    pub fixed_query: &'static [(&'static str, &'static str)],
    /// Other paths the server answers to for the same route; recognised, never sent.
    pub aliases: &'static [&'static str],
    /// The request's schema name, e.g. `"cegos.productsQuery"`; `None` when nothing is sent.
    pub request: Option<&'static str>,
    /// Where the request goes.
    pub request_in: RequestIn,
    /// The success answer's schema name.
    pub response: &'static str,
    /// The schema of the provider's error answers, when one is documented (`"lara.error"`).
    pub error: Option<&'static str>,
    /// How the call authenticates.
    pub auth: Auth,
    /// True when a failed call may be repeated without asking (it changes
    /// nothing, or repeating it changes nothing more).
    pub retry_safe: bool,
    /// How the route pages.
    pub paging: Paging,
    /// False for a route that neither the five documents nor the specs
    /// README's public facts name (Lära `program/update`, which the sandbox serves).
    pub documented: bool,
    /// One or two sentences: what the route does, and the decisions taken on it.
    pub doc: &'static str,
}

impl Endpoint {
    /// `"<provider>.<name>"`, e.g. `"cegos.products"`: unique in the table.
    pub fn id(&self) -> String {
        format!("{}.{}", self.provider.as_str(), self.name)
    }

    /// The names of the path template's parameters, in order.
    pub fn path_params(&self) -> Result<Vec<&'static str>, PathError> {
        template_params(self.path)
    }

    /// The path with its parameters filled ([`fill_path`]) and the fixed query appended.
    pub fn fill(&self, params: &[(&str, &str)]) -> Result<String, PathError> {
        let mut out = fill_path(self.path, params)?;
        for (i, (k, v)) in self.fixed_query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            crate::http::push_encoded(&mut out, k, false);
            out.push('=');
            crate::http::push_encoded(&mut out, v, false);
        }
        Ok(out)
    }

    /// `base` (a trailing `/` is dropped) followed by [`Endpoint::fill`].
    pub fn url(&self, base: &str, params: &[(&str, &str)]) -> Result<String, PathError> {
        Ok(format!("{}{}", base.trim_end_matches('/'), self.fill(params)?))
    }

    /// The production URL with `params` filled; `None` when the provider has no fixed base URL.
    pub fn production_url(&self, params: &[(&str, &str)]) -> Option<Result<String, PathError>> {
        self.base_url.map(|b| self.url(b, params))
    }

    /// True when `path` (without query) names this route: the path itself or
    /// an alias, parameters matching any non-empty segment, ASCII
    /// case-insensitive (the servers route so), a trailing `/` ignored.
    pub fn matches_path(&self, path: &str) -> bool {
        let path = path.strip_suffix('/').unwrap_or(path);
        std::iter::once(self.path).chain(self.aliases.iter().copied()).any(|t| template_matches(t, path))
    }

    /// The endpoint as a JSON object (the shape [`endpoints_json`] writes).
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        let s = |v: &str| Value::String(v.to_string());
        let opt = |v: Option<&str>| v.map_or(Value::Null, |v| Value::String(v.to_string()));
        m.insert("id".into(), Value::String(self.id()));
        m.insert("provider".into(), s(self.provider.as_str()));
        m.insert("name".into(), s(self.name));
        m.insert("method".into(), s(self.method.as_str()));
        m.insert("host".into(), s(self.host.as_str()));
        m.insert("baseUrl".into(), opt(self.base_url));
        m.insert("path".into(), s(self.path));
        let params = self.path_params().unwrap_or_default();
        m.insert("pathParams".into(), Value::Array(params.into_iter().map(s).collect()));
        let fixed = self.fixed_query.iter().map(|(k, v)| (k.to_string(), s(v))).collect::<Map<_, _>>();
        m.insert("fixedQuery".into(), Value::Object(fixed));
        m.insert("aliases".into(), Value::Array(self.aliases.iter().map(|a| s(a)).collect()));
        m.insert("request".into(), opt(self.request));
        m.insert("requestIn".into(), s(self.request_in.as_str()));
        m.insert("response".into(), s(self.response));
        m.insert("error".into(), opt(self.error));
        m.insert("auth".into(), s(self.auth.as_str()));
        m.insert("retrySafe".into(), Value::Bool(self.retry_safe));
        m.insert("paging".into(), paging_json(&self.paging));
        m.insert("documented".into(), Value::Bool(self.documented));
        m.insert("doc".into(), s(self.doc));
        Value::Object(m)
    }
}

fn paging_json(p: &Paging) -> Value {
    let mut m = Map::new();
    let s = |v: &str| Value::String(v.to_string());
    match *p {
        Paging::None => {
            m.insert("style".into(), s("none"));
        }
        Paging::PageNumber { page_param, size_param, page_size, items, total_pages } => {
            m.insert("style".into(), s("pageNumber"));
            m.insert("pageParam".into(), s(page_param));
            m.insert("sizeParam".into(), size_param.map_or(Value::Null, s));
            m.insert("pageSize".into(), page_size.map_or(Value::Null, Value::from));
            m.insert("items".into(), s(items));
            m.insert("totalPages".into(), s(total_pages));
        }
        Paging::PageLimit { page_param, limit_param, items, total } => {
            m.insert("style".into(), s("pageLimit"));
            m.insert("pageParam".into(), s(page_param));
            m.insert("limitParam".into(), s(limit_param));
            m.insert("items".into(), s(items));
            m.insert("total".into(), s(total));
        }
    }
    Value::Object(m)
}

/// Why a path could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// The template itself is malformed (a `{` without `}`, a parameter that
    /// is not a whole segment or not an identifier, twice the same name, no leading `/`).
    InvalidTemplate {
        /// The template.
        template: String,
        /// What is wrong, in English.
        reason: &'static str,
    },
    /// The template names a parameter that was not given.
    MissingParam {
        /// The parameter's name.
        name: String,
    },
    /// A parameter was given that the template does not name (or twice).
    UnexpectedParam {
        /// The parameter's name.
        name: String,
    },
    /// A parameter is empty: the path would name another route.
    EmptyParam {
        /// The parameter's name.
        name: String,
    },
    /// A parameter is `.` or `..`: URL parsers resolve it (even encoded) as a dot segment.
    DotSegment {
        /// The parameter's name.
        name: String,
    },
}

impl PathError {
    /// The error in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PathError::InvalidTemplate { template, reason }, Lang::Fr) => format!("modèle de chemin invalide « {template} » : {reason}"),
            (PathError::InvalidTemplate { template, reason }, Lang::En) => format!("invalid path template \"{template}\": {reason}"),
            (PathError::MissingParam { name }, Lang::Fr) => format!("paramètre de chemin « {name} » absent"),
            (PathError::MissingParam { name }, Lang::En) => format!("path parameter \"{name}\" is missing"),
            (PathError::UnexpectedParam { name }, Lang::Fr) => format!("paramètre de chemin « {name} » inattendu ou répété"),
            (PathError::UnexpectedParam { name }, Lang::En) => format!("path parameter \"{name}\" is unexpected or repeated"),
            (PathError::EmptyParam { name }, Lang::Fr) => format!("paramètre de chemin « {name} » vide"),
            (PathError::EmptyParam { name }, Lang::En) => format!("path parameter \"{name}\" is empty"),
            (PathError::DotSegment { name }, Lang::Fr) => format!("paramètre de chemin « {name} » égal à « . » ou « .. »"),
            (PathError::DotSegment { name }, Lang::En) => format!("path parameter \"{name}\" is \".\" or \"..\""),
        }
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PathError {}

/// One piece of a template: literal text or a parameter name.
enum Piece<'a> {
    Text(&'a str),
    Param(&'a str),
}

fn invalid(template: &str, reason: &'static str) -> PathError {
    PathError::InvalidTemplate { template: template.to_string(), reason }
}

/// Splits a template into literal text and `{param}`s, checking it is well formed.
fn pieces(template: &str) -> Result<Vec<Piece<'_>>, PathError> {
    if !template.starts_with('/') {
        return Err(invalid(template, "it does not start with '/'"));
    }
    if template.contains(['?', '#']) {
        return Err(invalid(template, "it holds a query or a fragment"));
    }
    let mut out = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (text, tail) = rest.split_at(open);
        if text.contains('}') {
            return Err(invalid(template, "a '}' without '{'"));
        }
        if !text.ends_with('/') {
            return Err(invalid(template, "a parameter does not start its segment"));
        }
        let Some(close) = tail.find('}') else {
            return Err(invalid(template, "a '{' without '}'"));
        };
        let name = tail.get(1..close).unwrap_or_default();
        let mut chars = name.chars();
        if !chars.next().is_some_and(|c| c.is_ascii_alphabetic()) || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(invalid(template, "a parameter name is not an identifier"));
        }
        if names.contains(&name) {
            return Err(invalid(template, "a parameter is named twice"));
        }
        names.push(name);
        rest = tail.get(close + 1..).unwrap_or_default();
        if !(rest.is_empty() || rest.starts_with('/')) {
            return Err(invalid(template, "a parameter does not end its segment"));
        }
        out.push(Piece::Text(text));
        out.push(Piece::Param(name));
    }
    if rest.contains('}') {
        return Err(invalid(template, "a '}' without '{'"));
    }
    out.push(Piece::Text(rest));
    Ok(out)
}

/// The names of `template`'s `{params}`, in order; an error when it is malformed.
pub fn template_params(template: &str) -> Result<Vec<&str>, PathError> {
    Ok(pieces(template)?
        .into_iter()
        .filter_map(|p| match p {
            Piece::Param(n) => Some(n),
            Piece::Text(_) => None,
        })
        .collect())
}

/// Fills `template`'s `{params}` from `params`, each value percent-encoded
/// as one path segment (RFC 3986 unreserved kept, every other UTF-8 byte —
/// `/`, `%`, space, accents — as `%XX`). Values are raw text: a `%` in one is
/// sent as `%25`, so the server reads back exactly the value given (see the
/// module doc). Every template parameter must be given, non-empty and not
/// `.` or `..`, and no other name may be given.
///
/// ```
/// # use formakit::endpoints::{fill_path, PathError};
/// assert_eq!(fill_path("/v1/Sessions/{code}", &[("code", "2025-61072-PAR-001")]).unwrap(), "/v1/Sessions/2025-61072-PAR-001");
/// assert_eq!(fill_path("/a/{id}", &[("id", "x%3d")]).unwrap(), "/a/x%253d");
/// assert_eq!(fill_path("/a/{id}", &[]), Err(PathError::MissingParam { name: "id".into() }));
/// ```
pub fn fill_path(template: &str, params: &[(&str, &str)]) -> Result<String, PathError> {
    let pieces = pieces(template)?;
    for (i, (name, _)) in params.iter().enumerate() {
        let named = pieces.iter().any(|p| matches!(p, Piece::Param(n) if n == name));
        let repeated = params.iter().take(i).any(|(n, _)| n == name);
        if !named || repeated {
            return Err(PathError::UnexpectedParam { name: name.to_string() });
        }
    }
    let mut out = String::with_capacity(template.len() + 16);
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Param(name) => {
                let Some((_, value)) = params.iter().find(|(n, _)| *n == name) else {
                    return Err(PathError::MissingParam { name: name.to_string() });
                };
                match *value {
                    "" => return Err(PathError::EmptyParam { name: name.to_string() }),
                    "." | ".." => return Err(PathError::DotSegment { name: name.to_string() }),
                    v => crate::http::push_encoded(&mut out, v, false),
                }
            }
        }
    }
    Ok(out)
}

/// True when `path` matches `template` (parameters match one non-empty segment; ASCII case-insensitive).
fn template_matches(template: &str, path: &str) -> bool {
    let mut t = template.split('/');
    let mut p = path.split('/');
    loop {
        match (t.next(), p.next()) {
            (None, None) => return true,
            (Some(ts), Some(ps)) => {
                let param = ts.starts_with('{') && ts.ends_with('}');
                if !(param && !ps.is_empty() || ts.eq_ignore_ascii_case(ps)) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_and_refuse_malformed_ones() {
        assert_eq!(template_params("/v1/Products/{yearlyProductCode}").unwrap(), ["yearlyProductCode"]);
        assert_eq!(template_params("/a/{x}/b/{y}").unwrap(), ["x", "y"]);
        assert!(template_params("/a").unwrap().is_empty());
        for bad in ["a/{x}", "/a/{x", "/a/x}", "/a/{}", "/a/{1x}", "/a/{x}{y}", "/a/b{x}", "/a/{x}b", "/a/{x}/{x}", "/a?b=1", "/a/{x-y}"] {
            assert!(matches!(template_params(bad), Err(PathError::InvalidTemplate { .. })), "{bad}");
        }
    }

    #[test]
    fn matching_ignores_case_and_trailing_slash() {
        assert!(template_matches("/v1/Products/{c}", "/v1/products/202500038"));
        assert!(!template_matches("/v1/Products/{c}", "/v1/Products/"));
        assert!(!template_matches("/v1/Products/{c}", "/v1/Products"));
        assert!(!template_matches("/v1/Products", "/v1/Products/x"));
    }
}
