//! France Travail OAuth 2 (client credentials) token request and answers.
//!
//! Public facts (specs README): `POST` [`TOKEN_URL`], form-urlencoded body
//! `grant_type=client_credentials`, `client_id`, `client_secret`, `scope` (a
//! space-separated list such as `application_<client_id> api_…`). The answer
//! carries `expires_in` (1500 s in the published example); bad credentials
//! answer 400 with `invalid_client` / `invalid_scope`.

use crate::model;
use crate::wire::{Extra, Nullable};

use crate::http::encode_pairs;

/// The token endpoint (the `realm` query parameter is required).
pub const TOKEN_URL: &str = "https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=%2Fpartenaire";

/// The token request's form fields (sent as `application/x-www-form-urlencoded`).
#[model(schema = "francetravail.tokenRequest", wire = "snake_case")]
pub struct AisTokenRequest {
    /// Always `"client_credentials"`.
    pub grant_type: String,
    /// The partner application's client id.
    pub client_id: String,
    /// The partner application's secret.
    pub client_secret: String,
    /// Space-separated scopes, e.g. `"application_<client_id> api_parcoursformationv1"`.
    pub scope: String,
    /// Fields this version does not name, kept as sent (not put in the body).
    #[serde(flatten)]
    pub extra: Extra,
}

impl AisTokenRequest {
    /// A client-credentials request for `scopes` (joined with spaces).
    pub fn client_credentials(client_id: &str, client_secret: &str, scopes: &[&str]) -> Self {
        AisTokenRequest {
            grant_type: "client_credentials".to_string(),
            client_id: client_id.to_string(),
            client_secret: client_secret.to_string(),
            scope: scopes.join(" "),
            extra: Extra::default(),
        }
    }

    /// The form body: `grant_type=…&client_id=…&client_secret=…&scope=…`,
    /// percent-encoded with spaces as `+`.
    ///
    /// ```
    /// # use formakit::france_travail::AisTokenRequest;
    /// let r = AisTokenRequest::client_credentials("PAR_x", "s3cr&t", &["application_PAR_x", "api_y"]);
    /// assert_eq!(r.to_form_body(), "grant_type=client_credentials&client_id=PAR_x&client_secret=s3cr%26t&scope=application_PAR_x+api_y");
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
#[model(schema = "francetravail.token", wire = "snake_case")]
pub struct AisToken {
    /// The bearer token to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// `"Bearer"`.
    pub token_type: String,
    /// Lifetime in seconds (1500 in the published example).
    pub expires_in: i64,
    /// The scopes granted, space-separated.
    pub scope: Nullable<String>,
}

crate::open_enum! {
    /// OAuth 2 error codes (RFC 6749 §5.2); France Travail documents `invalid_client` and `invalid_scope`.
    pub enum AisOAuthErrorCode: str {
        /// A parameter is missing or repeated.
        InvalidRequest = "invalid_request",
        /// Unknown client or wrong secret.
        InvalidClient = "invalid_client",
        /// The grant is invalid or expired.
        InvalidGrant = "invalid_grant",
        /// The client may not use this grant type.
        UnauthorizedClient = "unauthorized_client",
        /// The grant type is not supported.
        UnsupportedGrantType = "unsupported_grant_type",
        /// A scope is unknown or not granted to the client.
        InvalidScope = "invalid_scope",
    }
}

/// The token endpoint's error answer (400 / 401).
#[model(schema = "francetravail.oauthError", wire = "snake_case")]
pub struct AisOAuthError {
    /// The error code.
    pub error: AisOAuthErrorCode,
    /// A human-readable explanation.
    pub error_description: Nullable<String>,
}
