//! `program/*`: training programs, their portal URLs and administrative branches.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::schema::Model;
use crate::wire::{Extra, Nullable, WireDate};

use super::enums::*;

/// A program's custom fields, kept whole (any JSON value per field).
pub type LaraCustomFields = serde_json::Map<String, crate::wire::Json>;

/// `dateToComplete`: a date string in the document's example, typed "Number"
/// in its field table (specs README, contradiction 6). Both parse and are kept
/// as sent; send the date string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(untagged)]
pub enum LaraDateToComplete {
    /// The date as sent (`"0001-01-01T00:00:00"` = no date).
    Date(WireDate),
    /// A number, as the field table types it.
    Number(f64),
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
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraProgram {
    /// Opaque id (URL-encoded base64, never decoded: contradiction 5).
    pub id: String,
    /// Creation date (read only: sent by `get`).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub creation_date: Nullable<WireDate>,
    /// Name shown in the portal: 3–250 characters for the server (error 1405), 5–250 in the field table (contradiction 1).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub name: Nullable<String>,
    /// Minimum enrolled users for the program to take place; 0 = no minimum.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub min_participants: Nullable<i64>,
    /// Maximum enrolled users (without a waiting list); 0 = no maximum.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub max_participants: Nullable<i64>,
    /// Description shown in the catalog and the program.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub description: Nullable<String>,
    /// Id of the program's cover picture (opaque).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub cover_id: Nullable<String>,
    /// Whether the program accepts enrolments.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub subscription_type: Nullable<LaraSubscriptionType>,
    /// Accepted enrolment type (numbering decided, contradiction 6).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub enrolment_type: Nullable<LaraEnrolmentType>,
    /// Accepted authorization type; must agree with `needAdminApproval` (error 1438).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub authorization_type: Nullable<LaraAuthorizationType>,
    /// Whether enrolment needs an approver (default `false`).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub need_admin_approval: Nullable<bool>,
    /// Catalog visibility.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub visibility_type: Nullable<LaraVisibilityType>,
    /// Start of the enrolment window; required when `subscriptionType` is 2. `0001-01-01T00:00:00` = no date.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub start_date: Nullable<WireDate>,
    /// End of the enrolment window; required when `subscriptionType` is 2. `0001-01-01T00:00:00` = no date.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub end_date: Nullable<WireDate>,
    /// Show available and total places in the catalog (default `false`).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub show_available_subscriptions: Nullable<bool>,
    /// Id of the service provider (opaque).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub provider_id: Nullable<String>,
    /// Id of the certificate awarded on completion (opaque).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub certificate_id: Nullable<String>,
    /// Id of the category (opaque).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub category_id: Nullable<String>,
    /// Credits awarded on completion.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub credits: Nullable<f64>,
    /// Search keywords, at most 250 characters.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub keywords: Nullable<String>,
    /// Creator's user id, spelled `createdByUserID` as in the document's JSON (contradiction 2); see [`LaraProgram::created_by`].
    #[serde(rename = "createdByUserID", default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub created_by_user_id_upper: Nullable<String>,
    /// Creator's user id, spelled `createdByUserId` as in the field table (contradiction 2); see [`LaraProgram::created_by`].
    #[serde(rename = "createdByUserId", default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub created_by_user_id: Nullable<String>,
    /// Short description shown in the catalog.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub short_description: Nullable<String>,
    /// Program status.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub status: Nullable<LaraProgramStatus>,
    /// Program language (1–4, error 1437).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub language: Nullable<LaraLanguage>,
    /// Redirect URL of the "enrol" link for external enrolment, at most 250 characters.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub external_link: Nullable<String>,
    /// Whether taxes apply.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub tax_enabled: Nullable<bool>,
    /// Whether payment is made at the program level.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub is_single_payment: Nullable<bool>,
    /// How the cohorts' enrolments expire.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub expiration_type: Nullable<LaraExpirationType>,
    /// Days after enrolment before it expires (`expirationType` 1).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub days_to_complete: Nullable<i64>,
    /// Deadline of every enrolment (`expirationType` 2): typed Number, sent as a date string (contradiction 6).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub date_to_complete: Nullable<LaraDateToComplete>,
    /// Public catalog URL on the default portal (read only: sent by `get`).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub catalog_link: Nullable<String>,
    /// Last modification date (read only).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub last_modification_date: Nullable<WireDate>,
    /// Tax country number (the document's annex 3).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub tax_country_id: Nullable<i64>,
    /// Tax state or province number (the document's annex 3).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub tax_state_id: Nullable<i64>,
    /// Custom fields, spelled `customFields` as in the JSON (contradiction 2), kept whole; see [`LaraProgram::custom_fields`].
    #[serde(rename = "customFields", default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional, type = "Record<string, unknown> | null")]
    pub custom_fields_camel: Nullable<LaraCustomFields>,
    /// Custom fields, spelled `customfields` as in the field table (contradiction 2), kept whole; see [`LaraProgram::custom_fields`].
    #[serde(rename = "customfields", default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional, type = "Record<string, unknown> | null")]
    pub custom_fields_lower: Nullable<LaraCustomFields>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
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

impl Model for LaraProgram {
    const SCHEMA: &'static str = "lara.program";
}

/// A partial program update (`lara.programUpdateRequest`).
///
/// Decision (specs README, contradiction 7): only `id` is required; a field
/// that is not set is not serialized, and the server leaves it unchanged.
/// Build one with `LaraProgramUpdateRequest(LaraProgram { id, name: Nullable::Value(..), ..Default::default() })`.
/// The update route itself is outside the two documents; its fields are the
/// program's, minus the read-only ones (`creationDate`, `catalogLink`,
/// `lastModificationDate`: the rules warn when they are sent).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraProgramUpdateRequest(pub LaraProgram);

impl Model for LaraProgramUpdateRequest {
    const SCHEMA: &'static str = "lara.programUpdateRequest";
}

/// `program/get` request (`lara.programGetRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraProgramGetRequest {
    /// The program's id (required, error 1400).
    pub id: String,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraProgramGetRequest {
    const SCHEMA: &'static str = "lara.programGetRequest";
}

/// `program/getlist` request (`lara.programListRequest`); both filters optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraProgramListRequest {
    /// Only programs created after this date.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub filter_date: Nullable<WireDate>,
    /// Only programs modified after this date (settings, catalogs added or removed).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub filter_edit_date: Nullable<WireDate>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraProgramListRequest {
    const SCHEMA: &'static str = "lara.programListRequest";
}

/// `program/getlist` response: every program (`lara.programList`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraProgramList(pub Vec<LaraProgram>);

impl Model for LaraProgramList {
    const SCHEMA: &'static str = "lara.programList";
}

/// `program/geturl` request (`lara.programUrlRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraProgramUrlRequest {
    /// The program's id (required, error 1400).
    pub id: String,
    /// A portal id: only that portal's URL is returned (error 1402 when invalid).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub filter_id: Nullable<String>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraProgramUrlRequest {
    const SCHEMA: &'static str = "lara.programUrlRequest";
}

/// One portal's public catalog URL for a program (`lara.programUrl`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraProgramUrl {
    /// The portal's id (opaque).
    pub portal_id: String,
    /// The program's catalog URL on that portal.
    pub url: String,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraProgramUrl {
    const SCHEMA: &'static str = "lara.programUrl";
}

/// `program/geturl` response: one URL per portal (`lara.programUrlList`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraProgramUrlList(pub Vec<LaraProgramUrl>);

impl Model for LaraProgramUrlList {
    const SCHEMA: &'static str = "lara.programUrlList";
}

/// `program/getadminbranches` request (`lara.adminBranchesRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraAdminBranchesRequest {
    /// The program's id (required, error 1400).
    pub id: String,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraAdminBranchesRequest {
    const SCHEMA: &'static str = "lara.adminBranchesRequest";
}

/// `program/getadminbranches` response: the ids of the program's administrative branches (`lara.adminBranches`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraAdminBranches(pub Vec<String>);

impl Model for LaraAdminBranches {
    const SCHEMA: &'static str = "lara.adminBranches";
}

/// The body of `program/addadminbranches` and `program/removeadminbranches`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraAdminBranchesChange {
    /// The program's id (required, error 1400).
    pub id: String,
    /// Branch ids to add or remove (required and non-empty, error 1432; each valid, error 1433).
    pub branches: Vec<String>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `program/addadminbranches` request (`lara.addAdminBranchesRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraAddAdminBranchesRequest(pub LaraAdminBranchesChange);

impl Model for LaraAddAdminBranchesRequest {
    const SCHEMA: &'static str = "lara.addAdminBranchesRequest";
}

/// `program/removeadminbranches` request (`lara.removeAdminBranchesRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraRemoveAdminBranchesRequest(pub LaraAdminBranchesChange);

impl Model for LaraRemoveAdminBranchesRequest {
    const SCHEMA: &'static str = "lara.removeAdminBranchesRequest";
}

/// The answer of `program/addadminbranches` and `program/removeadminbranches`: the program's id.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraProgramIdAnswer {
    /// The program's id.
    pub id: String,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `program/addadminbranches` response (`lara.addAdminBranchesResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraAddAdminBranchesResponse(pub LaraProgramIdAnswer);

impl Model for LaraAddAdminBranchesResponse {
    const SCHEMA: &'static str = "lara.addAdminBranchesResponse";
}

/// `program/removeadminbranches` response (`lara.removeAdminBranchesResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraRemoveAdminBranchesResponse(pub LaraProgramIdAnswer);

impl Model for LaraRemoveAdminBranchesResponse {
    const SCHEMA: &'static str = "lara.removeAdminBranchesResponse";
}
