//! France Travail (ex Pôle emploi) "parcours formation": the enrolment
//! attestations (AIS) of one training session, and the OAuth 2 token that
//! guards them.
//!
//! Wire names are the document's (`france-travail-ais-api.txt`); Rust names
//! are idiomatic. Every type is prefixed `Ais` because TypeScript puts all the
//! package's types in one namespace. Decisions on the document's
//! contradictions (specs README 9, 10, 11, 15) are written next to the types
//! they concern and pinned by tests named `contradiction_<n>_…`.

pub mod endpoints;
mod models;
mod oauth;
pub(crate) mod rules;

pub use models::*;
pub use oauth::*;

/// The AIS route (production; the test environment is `parcoursformationtest`):
/// [`endpoints::BASE_URL`] followed by [`endpoints::AIS`]'s path (a test pins it).
pub const AIS_URL: &str = "https://api.emploi-store.fr/partenaire/parcoursformation/v1/inscriptions/statut/session";
