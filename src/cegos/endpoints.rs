//! The Cegos routes (`cegos-catalog-api.txt`), and the OAuth token route of
//! the specs README's public facts. Every catalog route takes
//! `Authorization: Bearer <token>` of scope `api-cegos`.

use crate::endpoint::{Auth, Endpoint, Host, Method, Paging, Provider, RequestIn};

/// The catalog API's production base URL.
pub const BASE_URL: &str = "https://catalog.api.cegos.fr";

/// The OAuth server's production base URL (`POST /connect/token`).
pub const AUTH_BASE_URL: &str = "https://api.cegos.fr";

/// Items per page of the paged routes (fixed by the server).
pub const PAGE_SIZE: u32 = 100;

const PAGED: Paging = Paging::PageNumber { page_param: "pageNumber", size_param: None, page_size: Some(PAGE_SIZE), items: "data", total_pages: "totalPages" };

const fn get(name: &'static str, path: &'static str, request: &'static str, response: &'static str, paging: Paging, doc: &'static str) -> Endpoint {
    Endpoint {
        provider: Provider::Cegos,
        name,
        method: Method::Get,
        host: Host::Api,
        base_url: Some(BASE_URL),
        path,
        fixed_query: &[],
        aliases: &[],
        request: Some(request),
        request_in: RequestIn::Query,
        response,
        error: None,
        auth: Auth::OAuthClientCredentials,
        retry_safe: true,
        paging,
        documented: true,
        doc,
    }
}

/// `POST /connect/token` on [`AUTH_BASE_URL`]: an OAuth 2 client-credentials token (scope `api-cegos`, one hour).
///
/// Request `cegos.tokenRequest` (form body), answer `cegos.token`, errors
/// `cegos.oauthError` ([`super::CegosTokenRequest`], [`super::CegosToken`],
/// [`super::CegosOAuthError`]).
pub const TOKEN: Endpoint = Endpoint {
    provider: Provider::Cegos,
    name: "token",
    method: Method::Post,
    host: Host::Auth,
    base_url: Some(AUTH_BASE_URL),
    path: "/connect/token",
    fixed_query: &[],
    aliases: &[],
    request: Some("cegos.tokenRequest"),
    request_in: RequestIn::Form,
    response: "cegos.token",
    error: Some("cegos.oauthError"),
    auth: Auth::ClientCredentialsGrant,
    retry_safe: true,
    paging: Paging::None,
    documented: true,
    doc: "OAuth 2 client-credentials token, scope api-cegos, valid one hour (specs README public facts; the catalog document only names the scope). \
          Retry-safe because a repeated token request only issues another token. \
          Form body cegos.tokenRequest, answer cegos.token, errors cegos.oauthError (RFC 6749).",
};

/// `GET /v1/Catalogs`.
pub const CATALOGS: Endpoint =
    get("catalogs", "/v1/Catalogs", "cegos.catalogsQuery", "cegos.catalogs", Paging::None, "The catalogs (id, label, country, publication dates).");

/// `GET /v1/CatalogTopics`: the topic tree.
///
/// Decision (specs README, contradiction 17): the document's spelling is sent;
/// the tutorial's `/v1/CatalogsTopics` is an alias, recognised (see
/// [`super::routes::CATALOG_TOPICS_PATHS`]) and never sent.
pub const TOPICS: Endpoint = Endpoint {
    aliases: &["/v1/CatalogsTopics"],
    ..get(
        "topics",
        "/v1/CatalogTopics",
        "cegos.topicsQuery",
        "cegos.topics",
        Paging::None,
        "The catalog's topic tree. Sent as the document spells it (/v1/CatalogTopics); the tutorial's /v1/CatalogsTopics is an alias (specs README 17).",
    )
};

/// `GET /v1/Products` (paged by `pageNumber`, 100 per page; `hydrate`).
pub const PRODUCTS: Endpoint = get(
    "products",
    "/v1/Products",
    "cegos.productsQuery",
    "cegos.productsPage",
    PAGED,
    "The products, 100 per page (pageNumber from 1, auto-corrected by the server); hydrate=true adds titles, formulas, topic relations and the notice.",
);

/// `GET /v1/Products/{yearlyProductCode}`.
pub const PRODUCT: Endpoint = get(
    "product",
    "/v1/Products/{yearlyProductCode}",
    "cegos.productQuery",
    "cegos.product",
    Paging::None,
    "One product by its yearly code (202500038); the code is a field of the query and fills the path; hydrate goes in the query.",
);

/// `GET /v1/Referentials/centers`.
pub const CENTERS: Endpoint = get("centers", "/v1/Referentials/centers", "cegos.centersQuery", "cegos.centers", Paging::None, "The training centers.");

/// `GET /v1/Sessions` (paged by `pageNumber`, 100 per page).
pub const SESSIONS: Endpoint =
    get("sessions", "/v1/Sessions", "cegos.sessionsQuery", "cegos.sessionsPage", PAGED, "The sessions with their parts, 100 per page (pageNumber from 1).");

/// `GET /v1/Sessions/{yearlySessionCode}`.
pub const SESSION: Endpoint = get(
    "session",
    "/v1/Sessions/{yearlySessionCode}",
    "cegos.sessionQuery",
    "cegos.session",
    Paging::None,
    "One session by its yearly code (2025-61072-PAR-001); the code is a field of the query and fills the path.",
);

/// Every Cegos route: the token, then the document's order.
pub const ENDPOINTS: &[Endpoint] = &[TOKEN, CATALOGS, TOPICS, PRODUCTS, PRODUCT, CENTERS, SESSIONS, SESSION];
