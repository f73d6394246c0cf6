//! The France Travail routes: the AIS consultation (`france-travail-ais-api.txt`)
//! and the OAuth 2 token route of the specs README's public facts.
//!
//! Decision on the AIS base URL: the document describes the test service,
//! `https://api.emploi-store.fr/partenaire/parcoursformationtest/v1/…`; production
//! is the same path under `parcoursformation`. The environment segment is
//! part of the base URL ([`BASE_URL`], [`TEST_BASE_URL`]), so the route's path
//! is the same in both and a client switches environment by its base URL
//! alone (the sandbox's is `…/francetravail/partenaire/parcoursformationtest`).

use crate::endpoint::{Auth, Endpoint, Host, Method, Paging, Provider, RequestIn};

/// The AIS service's production base URL.
pub const BASE_URL: &str = "https://api.emploi-store.fr/partenaire/parcoursformation";

/// The AIS service's test base URL (the one the document describes).
pub const TEST_BASE_URL: &str = "https://api.emploi-store.fr/partenaire/parcoursformationtest";

/// The OAuth server's production base URL.
pub const AUTH_BASE_URL: &str = "https://entreprise.francetravail.fr";

/// `POST /connexion/oauth2/access_token?realm=/partenaire` on [`AUTH_BASE_URL`].
pub const TOKEN: Endpoint = Endpoint {
    provider: Provider::FranceTravail,
    name: "token",
    method: Method::Post,
    host: Host::Auth,
    base_url: Some(AUTH_BASE_URL),
    path: "/connexion/oauth2/access_token",
    fixed_query: &[("realm", "/partenaire")],
    aliases: &[],
    request: Some("francetravail.tokenRequest"),
    request_in: RequestIn::Form,
    response: "francetravail.token",
    error: Some("francetravail.oauthError"),
    auth: Auth::ClientCredentialsGrant,
    retry_safe: true,
    paging: Paging::None,
    documented: true,
    doc:
        "OAuth 2 client-credentials token (realm /partenaire, scope application_<client_id> plus the API scopes; expires_in 1500 s in the published example). \
          Retry-safe because a repeated token request only issues another token. Bad credentials answer 400 invalid_client / invalid_scope.",
};

/// `GET /v1/inscriptions/statut/session`: the enrolment attestations (AIS) of one training session.
pub const AIS: Endpoint = Endpoint {
    provider: Provider::FranceTravail,
    name: "ais",
    method: Method::Get,
    host: Host::Api,
    base_url: Some(BASE_URL),
    path: "/v1/inscriptions/statut/session",
    fixed_query: &[],
    aliases: &[],
    request: Some("francetravail.aisQuery"),
    request_in: RequestIn::Query,
    response: "francetravail.aisList",
    error: None,
    auth: Auth::OAuthClientCredentials,
    retry_safe: true,
    paging: Paging::None,
    documented: true,
    doc: "The AIS of one session (numeroSession, numeroAction, numeroFormation; optional numeroReferenceExterne, codeStatutInscription), \
          an array, [] for an unknown session. The optional pe-fonc-apimode header is the client's option.",
};

/// Every France Travail route: the token, then the AIS consultation.
pub const ENDPOINTS: &[Endpoint] = &[TOKEN, AIS];
