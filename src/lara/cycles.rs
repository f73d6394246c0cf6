//! `cycle/*`: cycles (règlements), their periods and requirements, user
//! progress and member statuses.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::schema::Model;
use crate::wire::{Extra, Nullable, WireDate};

use super::enums::*;

/// One translation of a multilingual text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraLocalizedText {
    /// The text in that language.
    pub text: String,
    /// Its language (`languageId`; the field table misspells it `languadeId`).
    pub language_id: LaraLanguage,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A multilingual text: `{ "texts": [{ "text", "languageId" }] }`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraMultilingualText {
    /// One entry per language.
    pub texts: Vec<LaraLocalizedText>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl LaraMultilingualText {
    /// The text in `language`, if there is one.
    pub fn text(&self, language: LaraLanguage) -> Option<&str> {
        self.texts.iter().find(|t| t.language_id == language).map(|t| t.text.as_str())
    }
}

/// `cycle/getlist` request: an empty object (`lara.cycleListRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
pub struct LaraCycleListRequest {
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraCycleListRequest {
    const SCHEMA: &'static str = "lara.cycleListRequest";
}

/// A cycle, « règlement » (`cycle/getlist` item; `lara.cycle`).
///
/// Only the id is required (the document marks no field obligatory).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraCycle {
    /// The cycle's id (opaque).
    pub cycle_id: String,
    /// Administrative name, seen by administrators.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub admin_name: Nullable<String>,
    /// Name seen by users, per language.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub name: Nullable<LaraMultilingualText>,
    /// Id of the rule selecting the users the cycle applies to.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub rule_id: Nullable<String>,
    /// Whether the cycle is active.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub is_active: Nullable<bool>,
    /// Whether the cycle is deleted.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub is_deleted: Nullable<bool>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraCycle {
    const SCHEMA: &'static str = "lara.cycle";
}

/// `cycle/getlist` response: every cycle of the portal (`lara.cycleList`). The document prints one object; its text says a list.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraCycleList(pub Vec<LaraCycle>);

impl Model for LaraCycleList {
    const SCHEMA: &'static str = "lara.cycleList";
}

/// `cycle/getperiodlist` request (`lara.periodListRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraPeriodListRequest {
    /// The cycle's id (required, error 1000).
    pub id: String,
    /// Only periods starting after this date.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub filter_date: Nullable<WireDate>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraPeriodListRequest {
    const SCHEMA: &'static str = "lara.periodListRequest";
}

/// One requirement to complete a period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraRequirement {
    /// The requirement's id (opaque, kept byte for byte: the document's example even starts with a space).
    pub id: String,
    /// The period's id.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub cycle_period_id: Nullable<String>,
    /// Kind of requirement.
    #[serde(rename = "type", default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub requirement_type: Nullable<LaraRequirementType>,
    /// Value to reach.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub target_value: Nullable<f64>,
    /// Id of the parent requirement.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub parent_id: Nullable<String>,
    /// Id of the attached rule.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub rule_id: Nullable<String>,
    /// Id of the attached provider.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub provider_id: Nullable<String>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A period of a cycle (`cycle/getperiodlist` item; `lara.period`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraPeriod {
    /// The period's id (opaque).
    pub cycle_period_id: String,
    /// The cycle's id.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub cycle_id: Nullable<String>,
    /// Administrative name.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub admin_name: Nullable<String>,
    /// Start of the period (`0001-01-01T00:00:00` = no date).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub start_date: Nullable<WireDate>,
    /// Length of the period, in `durationUnit`s.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub duration: Nullable<i64>,
    /// Unit of `duration`.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub duration_unit: Nullable<LaraDurationUnit>,
    /// Whether requirements are shown to users.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub is_requirements_shown: Nullable<bool>,
    /// Assignment rule applying the cycle to its users.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub rule_id: Nullable<String>,
    /// Whether a solemn declaration is required.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub is_user_statement: Nullable<bool>,
    /// Whether the period is active.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub is_active: Nullable<bool>,
    /// Whether the period is deleted.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub is_deleted: Nullable<bool>,
    /// Requirements to complete the period.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub requirements: Nullable<Vec<LaraRequirement>>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraPeriod {
    const SCHEMA: &'static str = "lara.period";
}

/// `cycle/getperiodlist` response: the cycle's periods (`lara.periodList`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraPeriodList(pub Vec<LaraPeriod>);

impl Model for LaraPeriodList {
    const SCHEMA: &'static str = "lara.periodList";
}

/// `cycle/getuserprogress` request (`lara.userProgressRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraUserProgressRequest {
    /// The cycle's id (required, error 1000).
    pub id: String,
    /// The member's id (required, error 1002).
    pub member_id: String,
    /// API name of a custom field, as the document's example sends.
    #[serde(rename = "customFieldAPIName", default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub custom_field_api_name: Nullable<String>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraUserProgressRequest {
    const SCHEMA: &'static str = "lara.userProgressRequest";
}

/// `cycle/getuserprogress` response: a user's credits for the period (`lara.userProgress`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraUserProgress {
    /// The id echoed from the request.
    pub id: String,
    /// The member's id.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub member_id: Nullable<String>,
    /// Credits required.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub required_credits: Nullable<f64>,
    /// Credits completed.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub completed_credits: Nullable<f64>,
    /// Credits exempted.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub exempted_credits: Nullable<f64>,
    /// Credits from providers.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub provider_credits: Nullable<f64>,
    /// API name of the custom field, echoed.
    #[serde(rename = "customFieldAPIName", default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub custom_field_api_name: Nullable<String>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraUserProgress {
    const SCHEMA: &'static str = "lara.userProgress";
}

/// `cycle/getmemberstatuses` request (`lara.memberStatusesRequest`): `userId`, or `customFieldAPIName` + `customFieldValue`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraMemberStatusesRequest {
    /// The user's id (opaque); when unknown, name the user by `customFieldAPIName` + `customFieldValue`.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub user_id: Nullable<String>,
    /// API name of the custom field that identifies the user (required without `userId`, error 1004).
    #[serde(rename = "customFieldAPIName", default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub custom_field_api_name: Nullable<String>,
    /// Value of that custom field for the user (required without `userId`).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub custom_field_value: Nullable<String>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraMemberStatusesRequest {
    const SCHEMA: &'static str = "lara.memberStatusesRequest";
}

/// One status range of a member, as answered.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraMemberStatusEntry {
    /// The status entry's id (opaque).
    pub entry_id: String,
    /// The user's id.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub user_id: Nullable<String>,
    /// Name of the status (`"Membre"`).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub status: Nullable<String>,
    /// Whether the member is active during the range.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub is_active_member: Nullable<bool>,
    /// Start of the range.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub start_date: Nullable<WireDate>,
    /// End of the range (empty while the range is current).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub end_date: Nullable<WireDate>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `cycle/getmemberstatuses` response (`lara.memberStatuses`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraMemberStatuses {
    /// The member's status ranges.
    pub statuses: Vec<LaraMemberStatusEntry>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraMemberStatuses {
    const SCHEMA: &'static str = "lara.memberStatuses";
}

/// A status range to save.
///
/// When `isActiveMember` is absent or null, Lära infers it from `status` (see [`crate::lara::infer_member_activity`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraMemberStatusInput {
    /// Name of the status to save (non-empty, error 1007).
    pub status: String,
    /// `true` active, `false` inactive during the range; absent or null: inferred from `status`.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub is_active_member: Nullable<bool>,
    /// Start of the range.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub start_date: Nullable<WireDate>,
    /// End of the range (empty while the range is current); not before `startDate` (error 1010).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub end_date: Nullable<WireDate>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `cycle/updatememberstatuses` request: replaces all of a member's statuses (`lara.updateMemberStatusesRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraUpdateMemberStatusesRequest {
    /// The user's id (opaque); when unknown, name the user by `customFieldAPIName` + `customFieldValue`.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub user_id: Nullable<String>,
    /// API name of the custom field that identifies the user (required without `userId`, error 1004).
    #[serde(rename = "customFieldAPIName", default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub custom_field_api_name: Nullable<String>,
    /// Value of that custom field for the user (required without `userId`).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub custom_field_value: Nullable<String>,
    /// The statuses to synchronise (required, error 1006).
    pub statuses: Vec<LaraMemberStatusInput>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraUpdateMemberStatusesRequest {
    const SCHEMA: &'static str = "lara.updateMemberStatusesRequest";
}

/// `cycle/updatememberstatus` request: updates one status entry (`lara.updateMemberStatusRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraUpdateMemberStatusRequest {
    /// The user's id (opaque); when unknown, name the user by `customFieldAPIName` + `customFieldValue`.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub user_id: Nullable<String>,
    /// API name of the custom field that identifies the user (required without `userId`, error 1004).
    #[serde(rename = "customFieldAPIName", default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub custom_field_api_name: Nullable<String>,
    /// Value of that custom field for the user (required without `userId`).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub custom_field_value: Nullable<String>,
    /// The status entry to update (error 1008 when invalid).
    pub entry_id: String,
    /// The new status (required, error 1007).
    pub status: LaraMemberStatusInput,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraUpdateMemberStatusRequest {
    const SCHEMA: &'static str = "lara.updateMemberStatusRequest";
}

/// `cycle/changecurrentmemberstatus` request: closes the member's current range and adds this one (`lara.changeCurrentMemberStatusRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraChangeCurrentMemberStatusRequest {
    /// The user's id (opaque); when unknown, name the user by `customFieldAPIName` + `customFieldValue`.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub user_id: Nullable<String>,
    /// API name of the custom field that identifies the user (required without `userId`, error 1004).
    #[serde(rename = "customFieldAPIName", default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub custom_field_api_name: Nullable<String>,
    /// Value of that custom field for the user (required without `userId`).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[tsify(optional)]
    pub custom_field_value: Nullable<String>,
    /// The new status (required, error 1007).
    pub status: LaraMemberStatusInput,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model for LaraChangeCurrentMemberStatusRequest {
    const SCHEMA: &'static str = "lara.changeCurrentMemberStatusRequest";
}

/// The answer of the member-status updates: `{ "isSuccess": true }`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LaraSuccess {
    /// Whether the update was applied.
    pub is_success: bool,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `cycle/updatememberstatuses` response (`lara.updateMemberStatusesResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraUpdateMemberStatusesResponse(pub LaraSuccess);

impl Model for LaraUpdateMemberStatusesResponse {
    const SCHEMA: &'static str = "lara.updateMemberStatusesResponse";
}

/// `cycle/updatememberstatus` response (`lara.updateMemberStatusResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraUpdateMemberStatusResponse(pub LaraSuccess);

impl Model for LaraUpdateMemberStatusResponse {
    const SCHEMA: &'static str = "lara.updateMemberStatusResponse";
}

/// `cycle/changecurrentmemberstatus` response (`lara.changeCurrentMemberStatusResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LaraChangeCurrentMemberStatusResponse(pub LaraSuccess);

impl Model for LaraChangeCurrentMemberStatusResponse {
    const SCHEMA: &'static str = "lara.changeCurrentMemberStatusResponse";
}
