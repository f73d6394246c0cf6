//! Cegos catalog API: catalogs, topic tree, products, centers, sessions.
//!
//! Wire names are the document's (`cegos-catalog-api.txt`); Rust names are
//! idiomatic. Every type is prefixed `Cegos` because TypeScript puts all the
//! package's types in one namespace.

mod models;

pub use models::*;

use crate::schema::Schema;

/// The Cegos schemas, by name.
pub const SCHEMAS: &[Schema] = &[Schema::of::<CegosCatalogsResponse>("CegosCatalogsResponse")];

/// TypeScript declarations of this module's open enums.
pub const TS_DECLS: &[&str] = &[];
