//! Campus Skills contract sync: post contracts, list the integrated and the
//! received ones, dry-run a sync (diff), test the Bearer token.
//!
//! The document (`campus-skills-sync-api.txt`) lists routes but no fields;
//! the fields come from the specs README's public facts. Every type is
//! prefixed `Campus` because TypeScript puts all the package's types in one
//! namespace. The sync request is validated as a whole ([`rules`]): the
//! server refuses a sync when one user code, e-mail or code ↔ name pair
//! conflicts anywhere in it.

#[cfg(feature = "campus-csv")]
pub mod csv;
pub mod endpoints;
mod models;
pub mod rules;

pub use models::*;

/// Route paths, relative to the customer's `base_url`: the endpoint table's ([`endpoints`]).
pub mod routes {
    use super::endpoints;
    /// `POST` (sync, body [`super::CampusSyncRequest`]), `GET` (integrated contracts, [`super::CampusListQuery`]), `DELETE` (sandbox only).
    pub const CONTRATS: &str = endpoints::SYNC_CONTRACTS.path;
    /// `GET`: every contract received, integrated or not.
    pub const CONTRATS_GET_ALL: &str = endpoints::ALL_CONTRACTS.path;
    /// `POST`: dry run of a sync, same body as [`CONTRATS`].
    pub const CONTRATS_DIFF: &str = endpoints::DIFF_CONTRACTS.path;
    /// `GET`: checks the Bearer token.
    pub const TEST: &str = endpoints::TEST_TOKEN.path;
}
