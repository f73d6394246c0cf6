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
mod enums;
mod errors;
mod programs;
pub mod rules;

pub use cycles::*;
pub use enums::*;
pub use errors::*;
pub use programs::*;
pub use rules::{infer_member_activity, period_end, LaraPeriodEndError, ACTIVE_MEMBER_STATUSES};

use crate::schema::Schema;

/// The Lära schemas, by name: every request and response of both documents.
pub const SCHEMAS: &[Schema] = &[
    // program/get
    Schema::of::<LaraProgramGetRequest>("LaraProgramGetRequest"),
    Schema::of::<LaraProgram>("LaraProgram"),
    // program/getlist
    Schema::of::<LaraProgramListRequest>("LaraProgramListRequest"),
    Schema::of::<LaraProgramList>("LaraProgramList"),
    // program update (only `id` required: contradiction 7)
    Schema::of::<LaraProgramUpdateRequest>("LaraProgramUpdateRequest"),
    // program/geturl
    Schema::of::<LaraProgramUrlRequest>("LaraProgramUrlRequest"),
    Schema::of::<LaraProgramUrl>("LaraProgramUrl"),
    Schema::of::<LaraProgramUrlList>("LaraProgramUrlList"),
    // program/getadminbranches, addadminbranches, removeadminbranches
    Schema::of::<LaraAdminBranchesRequest>("LaraAdminBranchesRequest"),
    Schema::of::<LaraAdminBranches>("LaraAdminBranches"),
    Schema::of::<LaraAddAdminBranchesRequest>("LaraAddAdminBranchesRequest"),
    Schema::of::<LaraAddAdminBranchesResponse>("LaraAddAdminBranchesResponse"),
    Schema::of::<LaraRemoveAdminBranchesRequest>("LaraRemoveAdminBranchesRequest"),
    Schema::of::<LaraRemoveAdminBranchesResponse>("LaraRemoveAdminBranchesResponse"),
    // cycle/getlist
    Schema::of::<LaraCycleListRequest>("LaraCycleListRequest"),
    Schema::of::<LaraCycle>("LaraCycle"),
    Schema::of::<LaraCycleList>("LaraCycleList"),
    // cycle/getperiodlist
    Schema::of::<LaraPeriodListRequest>("LaraPeriodListRequest"),
    Schema::of::<LaraPeriod>("LaraPeriod"),
    Schema::of::<LaraPeriodList>("LaraPeriodList"),
    // cycle/getuserprogress
    Schema::of::<LaraUserProgressRequest>("LaraUserProgressRequest"),
    Schema::of::<LaraUserProgress>("LaraUserProgress"),
    // cycle/getmemberstatuses
    Schema::of::<LaraMemberStatusesRequest>("LaraMemberStatusesRequest"),
    Schema::of::<LaraMemberStatuses>("LaraMemberStatuses"),
    // cycle/updatememberstatuses
    Schema::of::<LaraUpdateMemberStatusesRequest>("LaraUpdateMemberStatusesRequest"),
    Schema::of::<LaraUpdateMemberStatusesResponse>("LaraUpdateMemberStatusesResponse"),
    // cycle/updatememberstatus
    Schema::of::<LaraUpdateMemberStatusRequest>("LaraUpdateMemberStatusRequest"),
    Schema::of::<LaraUpdateMemberStatusResponse>("LaraUpdateMemberStatusResponse"),
    // cycle/changecurrentmemberstatus
    Schema::of::<LaraChangeCurrentMemberStatusRequest>("LaraChangeCurrentMemberStatusRequest"),
    Schema::of::<LaraChangeCurrentMemberStatusResponse>("LaraChangeCurrentMemberStatusResponse"),
    // any route's error answer
    Schema::of::<LaraError>("LaraError"),
];

/// TypeScript declarations of this module's open enums.
pub const TS_DECLS: &[&str] = {
    use tsify::Tsify;
    &[
        <LaraLanguage as Tsify>::DECL,
        <LaraSubscriptionType as Tsify>::DECL,
        <LaraVisibilityType as Tsify>::DECL,
        <LaraProgramStatus as Tsify>::DECL,
        <LaraEnrolmentType as Tsify>::DECL,
        <LaraAuthorizationType as Tsify>::DECL,
        <LaraExpirationType as Tsify>::DECL,
        <LaraDurationUnit as Tsify>::DECL,
        <LaraRequirementType as Tsify>::DECL,
        <LaraProgramErrorCode as Tsify>::DECL,
        <LaraCycleErrorCode as Tsify>::DECL,
    ]
};
