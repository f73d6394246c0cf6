//! `cycle/*`: cycles (règlements), their periods and requirements, user
//! progress and member statuses.

use crate::model;
use crate::wire::{Nullable, WireDate};

use super::enums::*;

/// One translation of a multilingual text.
#[model]
pub struct LaraLocalizedText {
    /// The text in that language.
    pub text: String,
    /// Its language (`languageId`; the field table misspells it `languadeId`).
    pub language_id: LaraLanguage,
}

/// A multilingual text: `{ "texts": [{ "text", "languageId" }] }`.
#[model]
#[derive(Default)]
pub struct LaraMultilingualText {
    /// One entry per language.
    pub texts: Vec<LaraLocalizedText>,
}

impl LaraMultilingualText {
    /// The text in `language`, if there is one.
    pub fn text(&self, language: LaraLanguage) -> Option<&str> {
        self.texts.iter().find(|t| t.language_id == language).map(|t| t.text.as_str())
    }
}

/// `cycle/getlist` request: an empty object (`lara.cycleListRequest`).
#[model(schema = "lara.cycleListRequest")]
#[derive(Default)]
pub struct LaraCycleListRequest {}

/// A cycle, « règlement » (`cycle/getlist` item; `lara.cycle`).
///
/// Only the id is required (the document marks no field obligatory).
#[model(schema = "lara.cycle")]
#[derive(Default)]
pub struct LaraCycle {
    /// The cycle's id (opaque).
    pub cycle_id: String,
    /// Administrative name, seen by administrators.
    pub admin_name: Nullable<String>,
    /// Name seen by users, per language.
    pub name: Nullable<LaraMultilingualText>,
    /// Id of the rule selecting the users the cycle applies to.
    pub rule_id: Nullable<String>,
    /// Whether the cycle is active.
    pub is_active: Nullable<bool>,
    /// Whether the cycle is deleted.
    pub is_deleted: Nullable<bool>,
}

/// `cycle/getlist` response: every cycle of the portal (`lara.cycleList`). The document prints one object; its text says a list.
#[model(schema = "lara.cycleList", items = "")]
#[derive(Default)]
pub struct LaraCycleList(pub Vec<LaraCycle>);

/// `cycle/getperiodlist` request (`lara.periodListRequest`).
#[model(schema = "lara.periodListRequest")]
#[derive(Default)]
pub struct LaraPeriodListRequest {
    /// The cycle's id (required, error 1000).
    pub id: String,
    /// Only periods starting after this date.
    pub filter_date: Nullable<WireDate>,
}

/// One requirement to complete a period.
#[model]
#[derive(Default)]
pub struct LaraRequirement {
    /// The requirement's id (opaque, kept byte for byte: the document's example even starts with a space).
    pub id: String,
    /// The period's id.
    pub cycle_period_id: Nullable<String>,
    /// Kind of requirement.
    #[serde(rename = "type")]
    pub requirement_type: Nullable<LaraRequirementType>,
    /// Value to reach.
    pub target_value: Nullable<f64>,
    /// Id of the parent requirement.
    pub parent_id: Nullable<String>,
    /// Id of the attached rule.
    pub rule_id: Nullable<String>,
    /// Id of the attached provider.
    pub provider_id: Nullable<String>,
}

/// A period of a cycle (`cycle/getperiodlist` item; `lara.period`).
#[model(schema = "lara.period")]
#[derive(Default)]
pub struct LaraPeriod {
    /// The period's id (opaque).
    pub cycle_period_id: String,
    /// The cycle's id.
    pub cycle_id: Nullable<String>,
    /// Administrative name.
    pub admin_name: Nullable<String>,
    /// Start of the period (`0001-01-01T00:00:00` = no date).
    pub start_date: Nullable<WireDate>,
    /// Length of the period, in `durationUnit`s.
    pub duration: Nullable<i64>,
    /// Unit of `duration`.
    pub duration_unit: Nullable<LaraDurationUnit>,
    /// Whether requirements are shown to users.
    pub is_requirements_shown: Nullable<bool>,
    /// Assignment rule applying the cycle to its users.
    pub rule_id: Nullable<String>,
    /// Whether a solemn declaration is required.
    pub is_user_statement: Nullable<bool>,
    /// Whether the period is active.
    pub is_active: Nullable<bool>,
    /// Whether the period is deleted.
    pub is_deleted: Nullable<bool>,
    /// Requirements to complete the period.
    pub requirements: Nullable<Vec<LaraRequirement>>,
}

/// `cycle/getperiodlist` response: the cycle's periods (`lara.periodList`).
#[model(schema = "lara.periodList", items = "")]
#[derive(Default)]
pub struct LaraPeriodList(pub Vec<LaraPeriod>);

/// `cycle/getuserprogress` request (`lara.userProgressRequest`).
#[model(schema = "lara.userProgressRequest")]
#[derive(Default)]
pub struct LaraUserProgressRequest {
    /// The cycle's id (required, error 1000).
    pub id: String,
    /// The member's id (required, error 1002).
    pub member_id: String,
    /// API name of a custom field, as the document's example sends.
    #[serde(rename = "customFieldAPIName")]
    pub custom_field_api_name: Nullable<String>,
}

/// `cycle/getuserprogress` response: a user's credits for the period (`lara.userProgress`).
#[model(schema = "lara.userProgress")]
#[derive(Default)]
pub struct LaraUserProgress {
    /// The id echoed from the request.
    pub id: String,
    /// The member's id.
    pub member_id: Nullable<String>,
    /// Credits required.
    pub required_credits: Nullable<f64>,
    /// Credits completed.
    pub completed_credits: Nullable<f64>,
    /// Credits exempted.
    pub exempted_credits: Nullable<f64>,
    /// Credits from providers.
    pub provider_credits: Nullable<f64>,
    /// API name of the custom field, echoed.
    #[serde(rename = "customFieldAPIName")]
    pub custom_field_api_name: Nullable<String>,
}

/// `cycle/getmemberstatuses` request (`lara.memberStatusesRequest`): `userId`, or `customFieldAPIName` + `customFieldValue`.
#[model(schema = "lara.memberStatusesRequest")]
#[derive(Default)]
pub struct LaraMemberStatusesRequest {
    /// The user's id (opaque); when unknown, name the user by `customFieldAPIName` + `customFieldValue`.
    pub user_id: Nullable<String>,
    /// API name of the custom field that identifies the user (required without `userId`, error 1004).
    #[serde(rename = "customFieldAPIName")]
    pub custom_field_api_name: Nullable<String>,
    /// Value of that custom field for the user (required without `userId`).
    pub custom_field_value: Nullable<String>,
}

/// One status range of a member, as answered.
#[model]
#[derive(Default)]
pub struct LaraMemberStatusEntry {
    /// The status entry's id (opaque).
    pub entry_id: String,
    /// The user's id.
    pub user_id: Nullable<String>,
    /// Name of the status (`"Membre"`).
    pub status: Nullable<String>,
    /// Whether the member is active during the range.
    pub is_active_member: Nullable<bool>,
    /// Start of the range.
    pub start_date: Nullable<WireDate>,
    /// End of the range (empty while the range is current).
    pub end_date: Nullable<WireDate>,
}

/// `cycle/getmemberstatuses` response (`lara.memberStatuses`).
#[model(schema = "lara.memberStatuses")]
#[derive(Default)]
pub struct LaraMemberStatuses {
    /// The member's status ranges.
    pub statuses: Vec<LaraMemberStatusEntry>,
}

/// A status range to save.
///
/// When `isActiveMember` is absent or null, Lära infers it from `status` (`inferMemberActivity(status)` applies the same rule).
#[model]
#[derive(Default)]
pub struct LaraMemberStatusInput {
    /// Name of the status to save (non-empty, error 1007).
    pub status: String,
    /// `true` active, `false` inactive during the range; absent or null: inferred from `status`.
    pub is_active_member: Nullable<bool>,
    /// Start of the range.
    pub start_date: Nullable<WireDate>,
    /// End of the range (empty while the range is current); not before `startDate` (error 1010).
    pub end_date: Nullable<WireDate>,
}

/// `cycle/updatememberstatuses` request: replaces all of a member's statuses (`lara.updateMemberStatusesRequest`).
#[model(schema = "lara.updateMemberStatusesRequest")]
#[derive(Default)]
pub struct LaraUpdateMemberStatusesRequest {
    /// The user's id (opaque); when unknown, name the user by `customFieldAPIName` + `customFieldValue`.
    pub user_id: Nullable<String>,
    /// API name of the custom field that identifies the user (required without `userId`, error 1004).
    #[serde(rename = "customFieldAPIName")]
    pub custom_field_api_name: Nullable<String>,
    /// Value of that custom field for the user (required without `userId`).
    pub custom_field_value: Nullable<String>,
    /// The statuses to synchronise (required, error 1006).
    pub statuses: Vec<LaraMemberStatusInput>,
}

/// `cycle/updatememberstatus` request: updates one status entry (`lara.updateMemberStatusRequest`).
#[model(schema = "lara.updateMemberStatusRequest")]
#[derive(Default)]
pub struct LaraUpdateMemberStatusRequest {
    /// The user's id (opaque); when unknown, name the user by `customFieldAPIName` + `customFieldValue`.
    pub user_id: Nullable<String>,
    /// API name of the custom field that identifies the user (required without `userId`, error 1004).
    #[serde(rename = "customFieldAPIName")]
    pub custom_field_api_name: Nullable<String>,
    /// Value of that custom field for the user (required without `userId`).
    pub custom_field_value: Nullable<String>,
    /// The status entry to update (error 1008 when invalid).
    pub entry_id: String,
    /// The new status (required, error 1007).
    pub status: LaraMemberStatusInput,
}

/// `cycle/changecurrentmemberstatus` request: closes the member's current range and adds this one (`lara.changeCurrentMemberStatusRequest`).
#[model(schema = "lara.changeCurrentMemberStatusRequest")]
#[derive(Default)]
pub struct LaraChangeCurrentMemberStatusRequest {
    /// The user's id (opaque); when unknown, name the user by `customFieldAPIName` + `customFieldValue`.
    pub user_id: Nullable<String>,
    /// API name of the custom field that identifies the user (required without `userId`, error 1004).
    #[serde(rename = "customFieldAPIName")]
    pub custom_field_api_name: Nullable<String>,
    /// Value of that custom field for the user (required without `userId`).
    pub custom_field_value: Nullable<String>,
    /// The new status (required, error 1007).
    pub status: LaraMemberStatusInput,
}

/// The answer of the member-status updates: `{ "isSuccess": true }`.
#[model]
#[derive(Default)]
pub struct LaraSuccess {
    /// Whether the update was applied.
    pub is_success: bool,
}

/// `cycle/updatememberstatuses` response (`lara.updateMemberStatusesResponse`).
#[model(schema = "lara.updateMemberStatusesResponse")]
#[derive(Default)]
pub struct LaraUpdateMemberStatusesResponse(pub LaraSuccess);

/// `cycle/updatememberstatus` response (`lara.updateMemberStatusResponse`).
#[model(schema = "lara.updateMemberStatusResponse")]
#[derive(Default)]
pub struct LaraUpdateMemberStatusResponse(pub LaraSuccess);

/// `cycle/changecurrentmemberstatus` response (`lara.changeCurrentMemberStatusResponse`).
#[model(schema = "lara.changeCurrentMemberStatusResponse")]
#[derive(Default)]
pub struct LaraChangeCurrentMemberStatusResponse(pub LaraSuccess);
