//! Cegos OAuth 2 (client credentials) token request and answers.
//!
//! Public facts (specs README): `POST` [`TOKEN_URL`], form-urlencoded body
//! `grant_type=client_credentials`, `client_id`, `client_secret` and `scope`
//! [`SCOPE`] (the catalog document names only the scope). A token lives one
//! hour (`expires_in` 3600). Errors are RFC 6749's (`invalid_client`,
//! `invalid_scope`, …).

use crate::model;
use crate::wire::{Extra, Nullable};

use crate::http::encode_pairs;

/// The token endpoint.
pub const TOKEN_URL: &str = "https://api.cegos.fr/connect/token";

/// The catalog API's scope.
pub const SCOPE: &str = "api-cegos";

/// The token request's form fields (sent as `application/x-www-form-urlencoded`).
#[model(schema = "cegos.tokenRequest", wire = "snake_case")]
pub struct CegosTokenRequest {
    /// Always `"client_credentials"`.
    pub grant_type: String,
    /// The client id Cegos issued.
    pub client_id: String,
    /// The client's secret.
    pub client_secret: String,
    /// Space-separated scopes: `"api-cegos"` for the catalog API.
    pub scope: String,
    /// Fields this version does not name, kept as sent (not put in the body).
    #[serde(flatten)]
    pub extra: Extra,
}

impl CegosTokenRequest {
    /// A client-credentials request for `scope` (usually [`SCOPE`]).
    pub fn client_credentials(client_id: &str, client_secret: &str, scope: &str) -> Self {
        CegosTokenRequest {
            grant_type: "client_credentials".to_string(),
            client_id: client_id.to_string(),
            client_secret: client_secret.to_string(),
            scope: scope.to_string(),
            extra: Extra::default(),
        }
    }

    /// The form body: `grant_type=…&client_id=…&client_secret=…&scope=…`,
    /// percent-encoded with spaces as `+`.
    ///
    /// ```
    /// # use formakit::cegos::{CegosTokenRequest, SCOPE};
    /// let r = CegosTokenRequest::client_credentials("acme", "s3cr&t", SCOPE);
    /// assert_eq!(r.to_form_body(), "grant_type=client_credentials&client_id=acme&client_secret=s3cr%26t&scope=api-cegos");
    /// ```
    pub fn to_form_body(&self) -> String {
        encode_pairs(
            [("grant_type", self.grant_type.as_str()), ("client_id", &self.client_id), ("client_secret", &self.client_secret), ("scope", &self.scope)],
            true,
        )
    }

    /// The scopes, split on whitespace.
    pub fn scopes(&self) -> impl Iterator<Item = &str> {
        self.scope.split_whitespace()
    }
}

/// The token answer (200).
#[model(schema = "cegos.token", wire = "snake_case")]
pub struct CegosToken {
    /// The bearer token to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// `"Bearer"`.
    pub token_type: String,
    /// Lifetime in seconds (3600: one hour).
    pub expires_in: i64,
    /// The scopes granted, space-separated (`"api-cegos"`).
    pub scope: Nullable<String>,
}

/// The token endpoint's error answer (400 / 401).
#[model(schema = "cegos.oauthError", wire = "snake_case")]
pub struct CegosOAuthError {
    /// The RFC 6749 error code: `invalid_request`, `invalid_client`, `invalid_grant`, `unauthorized_client`, `unsupported_grant_type`, `invalid_scope`, or another the server sends.
    pub error: String,
    /// A human-readable explanation.
    pub error_description: Nullable<String>,
}
