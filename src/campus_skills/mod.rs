//! Campus Skills contract sync: post contracts, list the integrated and the
//! received ones, dry-run a sync (diff), test the Bearer token.
//!
//! The document (`campus-skills-sync-api.txt`) lists routes but no fields;
//! the fields come from the specs README's public facts. Every type is
//! prefixed `Campus` because TypeScript puts all the package's types in one
//! namespace. The sync request is validated as a whole ([`rules`]): the
//! server refuses a sync when one user code, e-mail or code ↔ name pair
//! conflicts anywhere in it.

mod models;
pub mod rules;

pub use models::*;

use crate::schema::Schema;

/// Routes, relative to the customer's `base_url`.
pub mod routes {
    /// `POST` (sync, body [`super::CampusSyncRequest`]), `GET` (integrated contracts, [`super::CampusListQuery`]), `DELETE` (sandbox only).
    pub const CONTRATS: &str = "/api/sync/v1/contrats";
    /// `GET`: every contract received, integrated or not.
    pub const CONTRATS_GET_ALL: &str = "/api/sync/v1/contrats-get-all";
    /// `POST`: dry run of a sync, same body as [`CONTRATS`].
    pub const CONTRATS_DIFF: &str = "/api/sync/v1/contrats-diff";
    /// `GET`: checks the Bearer token.
    pub const TEST: &str = "/api/sync/v1/test";
}

/// The Campus Skills schemas, by name.
pub const SCHEMAS: &[Schema] = &[
    Schema::of::<CampusSyncRequest>("CampusSyncRequest"),
    Schema::of::<CampusSyncResponse>("CampusSyncResponse"),
    Schema::of::<CampusListQuery>("CampusListQuery"),
    Schema::of::<CampusContractsResponse>("CampusContractsResponse"),
    Schema::of::<CampusDiffResponse>("CampusDiffResponse"),
    Schema::of::<CampusTokenTest>("CampusTokenTest"),
    Schema::of::<CampusDeleteResponse>("CampusDeleteResponse"),
    Schema::of::<CampusContract>("CampusContract"),
];

/// TypeScript declarations of this module's open enums.
pub const TS_DECLS: &[&str] = &[<CampusContractType as tsify::Tsify>::DECL];
