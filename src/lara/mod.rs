//! Lära LMS: training programs (`program/*`) and cycles (`cycle/*`).
//!
//! Wire names are the documents' (`lara-programs-api.txt`,
//! `lara-cycles-api.txt`); Rust names are idiomatic. Every type is prefixed
//! `Lara` because TypeScript puts all the package's types in one namespace.
//!
//! Decisions on the documents' contradictions (specs README 1–8), each pinned
//! by a test named `contradiction_<n>_…` in `tests/lara_contradictions.rs`:
//! 1. `name` length: 3–250 is the server's rule (error 1405); under 5, the
//!    field table's bound, is a warning ([`rules`]).
//! 2. Both spellings `createdByUserID` / `createdByUserId` and `customFields` /
//!    `customfields` are separate optional fields, read through
//!    [`LaraProgram::created_by`] and [`LaraProgram::custom_fields`].
//! 3. The fixtures are the examples repaired to valid JSON
//!    (`tests/fixtures/lara/README.md`); a documented field sent twice (the
//!    example's `taxEnabled`) is a decode error naming it, never a silent
//!    "last one wins". (An undocumented key sent twice lands in the shared
//!    `Extra` map, where the last one wins.)
//! 4. `0001-01-01T00:00:00` (.NET `DateTime.MinValue`) is "no date" ([`crate::wire::WireDate::is_no_date`]).
//! 5. Ids are opaque `String`s, kept byte for byte, never decoded.
//! 6. `dateToComplete` is a date string or a number ([`LaraDateToComplete`]);
//!    `enrolmentType` is numbered 0, 1, 2 in the document's order ([`LaraEnrolmentType`]).
//! 7. Updates: only `id` is required; unset fields are not serialized.
//! 8. Member activity: an explicit `isActiveMember` wins, else the status is
//!    matched against the documented list ([`infer_member_activity`]).

mod cycles;
pub mod endpoints;
mod enums;
mod errors;
mod programs;
pub mod rules;

pub use cycles::*;
pub use enums::*;
pub use errors::*;
pub use programs::*;
pub use rules::{infer_member_activity, period_end, LaraPeriodEndError, ACTIVE_MEMBER_STATUSES};
