//! `program/*`: training programs, their portal URLs and administrative branches.

use crate::model;
use crate::wire::{Nullable, WireDate};
use serde::{Deserialize, Serialize};

use super::enums::*;

/// A program's custom fields, kept whole (any JSON value per field).
pub type LaraCustomFields = serde_json::Map<String, crate::wire::Json>;

/// `dateToComplete`: a date string in the document's example, typed "Number"
/// in its field table (specs README, contradiction 6). Both parse and are kept
/// as sent; send the date string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum LaraDateToComplete {
    /// The date as sent (`"0001-01-01T00:00:00"` = no date).
    Date(WireDate),
    /// A number, as the field table types it.
    Number(f64),
}

impl crate::shape::HasShape for LaraDateToComplete {
    const SHAPE: crate::shape::Shape = crate::shape::Shape::OneOf(&[crate::shape::Shape::Date, crate::shape::Shape::Number]);
}

impl LaraDateToComplete {
    /// The date, when the value is a date string.
    pub fn as_date(&self) -> Option<&WireDate> {
        match self {
            LaraDateToComplete::Date(d) => Some(d),
            LaraDateToComplete::Number(_) => None,
        }
    }
}

/// A training program (`program/get` response, `program/getlist` item; `lara.program`).
///
/// Only `id` is required: the documents mark no other field as obligatory,
/// `getlist` and `get` differ (`creationDate`, `catalogLink` are "get only"),
/// and a .NET server writes `null` for an empty reference, so every other field
/// is `field?: T | null`.
#[model(schema = "lara.program")]
#[derive(Default)]
pub struct LaraProgram {
    /// Opaque id (URL-encoded base64, never decoded: contradiction 5).
    pub id: String,
    /// Creation date (read only: sent by `get`).
    pub creation_date: Nullable<WireDate>,
    /// Name shown in the portal: 3–250 characters for the server (error 1405), 5–250 in the field table (contradiction 1).
    pub name: Nullable<String>,
    /// Minimum enrolled users for the program to take place; 0 = no minimum.
    pub min_participants: Nullable<i64>,
    /// Maximum enrolled users (without a waiting list); 0 = no maximum.
    pub max_participants: Nullable<i64>,
    /// Description shown in the catalog and the program.
    pub description: Nullable<String>,
    /// Id of the program's cover picture (opaque).
    pub cover_id: Nullable<String>,
    /// Whether the program accepts enrolments.
    pub subscription_type: Nullable<LaraSubscriptionType>,
    /// Accepted enrolment type (numbering decided, contradiction 6).
    pub enrolment_type: Nullable<LaraEnrolmentType>,
    /// Accepted authorization type; must agree with `needAdminApproval` (error 1438).
    pub authorization_type: Nullable<LaraAuthorizationType>,
    /// Whether enrolment needs an approver (default `false`).
    pub need_admin_approval: Nullable<bool>,
    /// Catalog visibility.
    pub visibility_type: Nullable<LaraVisibilityType>,
    /// Start of the enrolment window; required when `subscriptionType` is 2. `0001-01-01T00:00:00` = no date.
    pub start_date: Nullable<WireDate>,
    /// End of the enrolment window; required when `subscriptionType` is 2. `0001-01-01T00:00:00` = no date.
    pub end_date: Nullable<WireDate>,
    /// Show available and total places in the catalog (default `false`).
    pub show_available_subscriptions: Nullable<bool>,
    /// Id of the service provider (opaque).
    pub provider_id: Nullable<String>,
    /// Id of the certificate awarded on completion (opaque).
    pub certificate_id: Nullable<String>,
    /// Id of the category (opaque).
    pub category_id: Nullable<String>,
    /// Credits awarded on completion.
    pub credits: Nullable<f64>,
    /// Search keywords, at most 250 characters.
    pub keywords: Nullable<String>,
    /// Creator's user id, spelled `createdByUserID` as in the document's JSON (contradiction 2). Lära may send this
    /// spelling or `createdByUserId` (either, or both): read this one first, then the other.
    #[serde(rename = "createdByUserID")]
    pub created_by_user_id_upper: Nullable<String>,
    /// Creator's user id, spelled `createdByUserId` as in the field table (contradiction 2). Lära may send this
    /// spelling or `createdByUserID` (either, or both): `createdByUserID` wins when both come.
    #[serde(rename = "createdByUserId")]
    pub created_by_user_id: Nullable<String>,
    /// Short description shown in the catalog.
    pub short_description: Nullable<String>,
    /// Program status.
    pub status: Nullable<LaraProgramStatus>,
    /// Program language (1–4, error 1437).
    pub language: Nullable<LaraLanguage>,
    /// Redirect URL of the "enrol" link for external enrolment, at most 250 characters.
    pub external_link: Nullable<String>,
    /// Whether taxes apply.
    pub tax_enabled: Nullable<bool>,
    /// Whether payment is made at the program level.
    pub is_single_payment: Nullable<bool>,
    /// How the cohorts' enrolments expire.
    pub expiration_type: Nullable<LaraExpirationType>,
    /// Days after enrolment before it expires (`expirationType` 1).
    pub days_to_complete: Nullable<i64>,
    /// Deadline of every enrolment (`expirationType` 2): typed Number, sent as a date string (contradiction 6).
    pub date_to_complete: Nullable<LaraDateToComplete>,
    /// Public catalog URL on the default portal (read only: sent by `get`).
    pub catalog_link: Nullable<String>,
    /// Last modification date (read only).
    pub last_modification_date: Nullable<WireDate>,
    /// Tax country number (the document's annex 3).
    pub tax_country_id: Nullable<i64>,
    /// Tax state or province number (the document's annex 3).
    pub tax_state_id: Nullable<i64>,
    /// Custom fields, spelled `customFields` as in the JSON (contradiction 2), kept whole. Lära may send this
    /// spelling or `customfields` (either, or both): read this one first, then the other.
    #[serde(rename = "customFields")]
    #[cfg_attr(feature = "ts", tsify(optional, type = "Record<string, unknown> | null"))]
    pub custom_fields_camel: Nullable<LaraCustomFields>,
    /// Custom fields, spelled `customfields` as in the field table (contradiction 2), kept whole. Lära may send this
    /// spelling or `customFields` (either, or both): `customFields` wins when both come.
    #[serde(rename = "customfields")]
    #[cfg_attr(feature = "ts", tsify(optional, type = "Record<string, unknown> | null"))]
    pub custom_fields_lower: Nullable<LaraCustomFields>,
}

impl LaraProgram {
    /// The creator's user id, whichever spelling was sent (`createdByUserID` first).
    pub fn created_by(&self) -> Option<&str> {
        self.created_by_user_id_upper.value().or(self.created_by_user_id.value()).map(String::as_str)
    }

    /// The custom fields, whichever spelling was sent (`customFields` first).
    pub fn custom_fields(&self) -> Option<&LaraCustomFields> {
        self.custom_fields_camel.value().or(self.custom_fields_lower.value())
    }
}

/// A partial program update (`lara.programUpdateRequest`).
///
/// Decision (specs README, contradiction 7): only `id` is required; a field
/// that is not set is not serialized, and the server leaves it unchanged.
/// Send `{ id, ...only the fields to change }`, e.g. `{ "id": "p1", "name": "New name" }`.
/// The update route itself is outside the two documents; its fields are the
/// program's, minus the read-only ones (`creationDate`, `catalogLink`,
/// `lastModificationDate`: the rules warn when they are sent).
#[model(schema = "lara.programUpdateRequest")]
#[derive(Default)]
pub struct LaraProgramUpdateRequest(pub LaraProgram);

/// `program/get` request (`lara.programGetRequest`).
#[model(schema = "lara.programGetRequest")]
#[derive(Default)]
pub struct LaraProgramGetRequest {
    /// The program's id (required, error 1400).
    pub id: String,
}

/// `program/getlist` request (`lara.programListRequest`); both filters optional.
#[model(schema = "lara.programListRequest")]
#[derive(Default)]
pub struct LaraProgramListRequest {
    /// Only programs created after this date.
    pub filter_date: Nullable<WireDate>,
    /// Only programs modified after this date (settings, catalogs added or removed).
    pub filter_edit_date: Nullable<WireDate>,
}

/// `program/getlist` response: every program (`lara.programList`).
#[model(schema = "lara.programList", items = "")]
#[derive(Default)]
pub struct LaraProgramList(pub Vec<LaraProgram>);

/// `program/geturl` request (`lara.programUrlRequest`).
#[model(schema = "lara.programUrlRequest")]
#[derive(Default)]
pub struct LaraProgramUrlRequest {
    /// The program's id (required, error 1400).
    pub id: String,
    /// A portal id: only that portal's URL is returned (error 1402 when invalid).
    pub filter_id: Nullable<String>,
}

/// One portal's public catalog URL for a program (`lara.programUrl`).
#[model(schema = "lara.programUrl")]
#[derive(Default)]
pub struct LaraProgramUrl {
    /// The portal's id (opaque).
    pub portal_id: String,
    /// The program's catalog URL on that portal.
    pub url: String,
}

/// `program/geturl` response: one URL per portal (`lara.programUrlList`).
#[model(schema = "lara.programUrlList", items = "")]
#[derive(Default)]
pub struct LaraProgramUrlList(pub Vec<LaraProgramUrl>);

/// `program/getadminbranches` request (`lara.adminBranchesRequest`).
#[model(schema = "lara.adminBranchesRequest")]
#[derive(Default)]
pub struct LaraAdminBranchesRequest {
    /// The program's id (required, error 1400).
    pub id: String,
}

/// `program/getadminbranches` response: the ids of the program's administrative branches (`lara.adminBranches`).
#[model(schema = "lara.adminBranches")]
#[derive(Default)]
pub struct LaraAdminBranches(pub Vec<String>);

/// The body of `program/addadminbranches` and `program/removeadminbranches`.
#[model]
#[derive(Default)]
pub struct LaraAdminBranchesChange {
    /// The program's id (required, error 1400).
    pub id: String,
    /// Branch ids to add or remove (required and non-empty, error 1432; each valid, error 1433).
    pub branches: Vec<String>,
}

/// `program/addadminbranches` request (`lara.addAdminBranchesRequest`).
#[model(schema = "lara.addAdminBranchesRequest")]
#[derive(Default)]
pub struct LaraAddAdminBranchesRequest(pub LaraAdminBranchesChange);

/// `program/removeadminbranches` request (`lara.removeAdminBranchesRequest`).
#[model(schema = "lara.removeAdminBranchesRequest")]
#[derive(Default)]
pub struct LaraRemoveAdminBranchesRequest(pub LaraAdminBranchesChange);

/// The answer of `program/addadminbranches` and `program/removeadminbranches`: the program's id.
#[model]
#[derive(Default)]
pub struct LaraProgramIdAnswer {
    /// The program's id.
    pub id: String,
}

/// `program/addadminbranches` response (`lara.addAdminBranchesResponse`).
#[model(schema = "lara.addAdminBranchesResponse")]
#[derive(Default)]
pub struct LaraAddAdminBranchesResponse(pub LaraProgramIdAnswer);

/// `program/removeadminbranches` response (`lara.removeAdminBranchesResponse`).
#[model(schema = "lara.removeAdminBranchesResponse")]
#[derive(Default)]
pub struct LaraRemoveAdminBranchesResponse(pub LaraProgramIdAnswer);
