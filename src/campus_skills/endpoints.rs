//! The Campus Skills routes (`campus-skills-sync-api.txt`; the token test
//! route from the specs README's public facts).
//!
//! Every route is relative to the customer's `{{base_url}}`: there is no
//! production base URL (the table says `None`). Every route takes
//! `Authorization: Bearer <token>`, a token Campus Skills issues to the customer.

use crate::endpoint::{Auth, Endpoint, Host, Method, Paging, Provider, RequestIn};

/// The list routes' paging: `page` from 1, `limit` per page, `{total, contrats}` answers.
const PAGED: Paging = Paging::PageLimit { page_param: "page", limit_param: "limit", items: "contrats", total: "total" };

/// What every route shares; each one below overrides the rest.
const ROUTE: Endpoint = Endpoint {
    provider: Provider::CampusSkills,
    name: "",
    method: Method::Get,
    host: Host::Api,
    base_url: None,
    path: "",
    fixed_query: &[],
    aliases: &[],
    request: None,
    request_in: RequestIn::None,
    response: "",
    error: None,
    auth: Auth::Bearer,
    retry_safe: true,
    paging: Paging::None,
    documented: true,
    doc: "",
};

/// `GET /api/sync/v1/test`: checks the Bearer token.
pub const TEST_TOKEN: Endpoint = Endpoint {
    name: "testToken",
    method: Method::Get,
    path: "/api/sync/v1/test",
    request: None,
    request_in: RequestIn::None,
    response: "campusskills.tokenTest",
    retry_safe: true,
    paging: Paging::None,
    doc: "Checks the Bearer token: answers {\"value\":\"token valid\", …} (specs README public facts).",
    ..ROUTE
};

/// `POST /api/sync/v1/contrats`: the sync.
pub const SYNC_CONTRACTS: Endpoint = Endpoint {
    name: "syncContracts",
    method: Method::Post,
    path: "/api/sync/v1/contrats",
    request: Some("campusskills.syncRequest"),
    request_in: RequestIn::JsonBody,
    response: "campusskills.syncResponse",
    retry_safe: false,
    paging: Paging::None,
    doc: "Synchronises contracts ({contrats:[…]}); answers {success, validContrats, invalidContrats}. Validate the whole batch first: one conflicting user code, e-mail or code ↔ name pair refuses it.",
    ..ROUTE
};

/// `GET /api/sync/v1/contrats`: the integrated contracts.
pub const CONTRACTS: Endpoint = Endpoint {
    name: "contracts",
    method: Method::Get,
    path: "/api/sync/v1/contrats",
    request: Some("campusskills.listQuery"),
    request_in: RequestIn::Query,
    response: "campusskills.contracts",
    retry_safe: true,
    paging: PAGED,
    doc: "The integrated contracts (received and matched to a session), by page and limit.",
    ..ROUTE
};

/// `GET /api/sync/v1/contrats-get-all`: every contract received.
pub const ALL_CONTRACTS: Endpoint = Endpoint {
    name: "allContracts",
    method: Method::Get,
    path: "/api/sync/v1/contrats-get-all",
    request: Some("campusskills.listQuery"),
    request_in: RequestIn::Query,
    response: "campusskills.contracts",
    retry_safe: true,
    paging: PAGED,
    doc: "Every contract received (transmis), integrated or not, by page and limit.",
    ..ROUTE
};

/// `POST /api/sync/v1/contrats-diff`: a dry run of the sync.
pub const DIFF_CONTRACTS: Endpoint = Endpoint {
    name: "diffContracts",
    method: Method::Post,
    path: "/api/sync/v1/contrats-diff",
    request: Some("campusskills.syncRequest"),
    request_in: RequestIn::JsonBody,
    response: "campusskills.diff",
    retry_safe: true,
    paging: Paging::None,
    doc: "Dry run of a sync, same body: answers {same, added, updated, removed}. Retry-safe because the document calls it a dry run: it integrates nothing.",
    ..ROUTE
};

/// `DELETE /api/sync/v1/contrats`: deletes every contract (sandbox only).
pub const DELETE_ALL_CONTRACTS: Endpoint = Endpoint {
    name: "deleteAllContracts",
    method: Method::Delete,
    path: "/api/sync/v1/contrats",
    request: None,
    request_in: RequestIn::None,
    response: "campusskills.deleteAll",
    retry_safe: false,
    paging: Paging::None,
    doc: "Deletes every contract; the document restricts it to the sandbox (bac à sable). Never retried unasked.",
    ..ROUTE
};

/// Every Campus Skills route: the token test, then the document's order.
pub const ENDPOINTS: &[Endpoint] = &[TEST_TOKEN, SYNC_CONTRACTS, CONTRACTS, ALL_CONTRACTS, DIFF_CONTRACTS, DELETE_ALL_CONTRACTS];
