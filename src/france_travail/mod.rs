//! Models and rules of this provider (being written: issue 3 and 4).

use crate::schema::Schema;

/// This provider's schemas, by name.
pub const SCHEMAS: &[Schema] = &[];

/// TypeScript declarations of this module's open enums.
pub const TS_DECLS: &[&str] = &[];
