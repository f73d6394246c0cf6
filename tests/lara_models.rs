// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
//! Lära models: every example of both documents (repaired, see
//! tests/fixtures/lara/README.md) parses, round-trips losslessly and reads back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use formakit::lara::*;
use formakit::wire::Nullable;
use formakit::{Lang, Model};

fn lossless<T: Model + PartialEq + std::fmt::Debug>(name: &str) -> T {
    common::assert_lossless(&common::fixture(&format!("lara/{name}")))
}

#[test]
fn every_schema_has_a_fixture_that_checks_and_normalizes_through_the_registry() {
    let pairs = [
        ("lara.programGetRequest", "program_get_request.json"),
        ("lara.program", "program.json"),
        ("lara.programListRequest", "program_list_request.json"),
        ("lara.programList", "program_list.json"),
        ("lara.programUpdateRequest", "program.json"),
        ("lara.programUrlRequest", "program_url_request.json"),
        ("lara.programUrl", "program_url.json"),
        ("lara.programUrlList", "program_url_list.json"),
        ("lara.adminBranchesRequest", "admin_branches_request.json"),
        ("lara.adminBranches", "admin_branches.json"),
        ("lara.addAdminBranchesRequest", "add_admin_branches_request.json"),
        ("lara.addAdminBranchesResponse", "add_admin_branches_response.json"),
        ("lara.removeAdminBranchesRequest", "remove_admin_branches_request.json"),
        ("lara.removeAdminBranchesResponse", "remove_admin_branches_response.json"),
        ("lara.cycleListRequest", "cycle_list_request.json"),
        ("lara.cycle", "cycle.json"),
        ("lara.cycleList", "cycle_list.json"),
        ("lara.periodListRequest", "period_list_request.json"),
        ("lara.period", "period.json"),
        ("lara.periodList", "period_list.json"),
        ("lara.userProgressRequest", "user_progress_request.json"),
        ("lara.userProgress", "user_progress.json"),
        ("lara.memberStatusesRequest", "member_statuses_request.json"),
        ("lara.memberStatuses", "member_statuses.json"),
        ("lara.updateMemberStatusesRequest", "update_member_statuses_request.json"),
        ("lara.updateMemberStatusesResponse", "update_member_statuses_response.json"),
        ("lara.updateMemberStatusRequest", "update_member_status_request.json"),
        ("lara.updateMemberStatusResponse", "update_member_status_response.json"),
        ("lara.changeCurrentMemberStatusRequest", "change_current_member_status_request.json"),
        ("lara.changeCurrentMemberStatusResponse", "change_current_member_status_response.json"),
        ("lara.error", "error.json"),
    ];
    let registered: Vec<&str> = formakit::schema::all().filter(|s| s.provider() == "lara").map(|s| s.name).collect();
    assert_eq!(registered.len(), pairs.len(), "a schema without a fixture here: {registered:?}");
    for (name, file) in pairs {
        assert!(registered.contains(&name), "{name} is not registered");
        let schema = formakit::schema::find(name).unwrap();
        let input = common::fixture(&format!("lara/{file}"));
        schema.check(&input).unwrap_or_else(|e| panic!("{name} / {file}: {e}"));
        let text = schema.normalize(&input).unwrap();
        let before: serde_json::Value = serde_json::from_slice(&input).unwrap();
        let after: serde_json::Value = serde_json::from_str(&text).unwrap();
        common::assert_same_json(&before, &after, name);
        let errors: Vec<_> = schema.validate(&input, Lang::En).into_iter().filter(|i| i.severity == formakit::Severity::Error).collect();
        assert!(errors.is_empty(), "{name} / {file}: the document's example breaks a rule: {errors:?}");
    }
}

#[test]
fn program_get_example_reads_back() {
    let p: LaraProgram = lossless("program.json");
    assert_eq!(p.id, "vBW5xMw1VQ2A8DFaNy22zA%3d%3d");
    assert_eq!(p.name.value().map(String::as_str), Some("Programme de Test"));
    assert_eq!(p.subscription_type.value(), Some(&LaraSubscriptionType::Open));
    assert_eq!(p.enrolment_type.value(), Some(&LaraEnrolmentType::SelfEnrolment));
    assert_eq!(p.authorization_type.value(), Some(&LaraAuthorizationType::AdminApproval));
    assert_eq!(p.visibility_type.value(), Some(&LaraVisibilityType::Public));
    assert_eq!(p.status.value(), Some(&LaraProgramStatus::Active));
    assert_eq!(p.language.value(), Some(&LaraLanguage::FrenchCanada));
    assert_eq!(p.expiration_type.value(), Some(&LaraExpirationType::Never));
    assert_eq!(p.credits.value(), Some(&0.0));
    assert_eq!(p.tax_country_id.value(), Some(&123));
    assert_eq!(p.created_by(), Some("4zwet3FOX5xXfHX7YFuR8w%3d%3d"));
    let custom = p.custom_fields().unwrap();
    assert_eq!(custom.get("Champ1"), Some(&serde_json::json!("Snow")));
    assert_eq!(custom.get("Test"), Some(&serde_json::json!("")));
    assert!(p.extra.is_empty(), "every documented field is named: {:?}", p.extra);
}

#[test]
fn program_list_items_may_omit_get_only_fields_and_send_nulls() {
    let list: LaraProgramList = lossless("program_list.json");
    assert_eq!(list.0.len(), 2);
    let second = &list.0[1];
    assert!(second.creation_date.is_absent() && second.catalog_link.is_absent());
    assert_eq!(second.cover_id, Nullable::Null);
    assert_eq!(second.custom_fields().and_then(|c| c.get("Niveau")), Some(&serde_json::json!(3)));
}

#[test]
fn program_urls_and_admin_branches_read_back() {
    let req: LaraProgramUrlRequest = lossless("program_url_request.json");
    assert_eq!(req.filter_id.value().map(String::as_str), Some("aoflemrnQ2A8DFaNy22zA%3d%3d"));
    let urls: LaraProgramUrlList = lossless("program_url_list.json");
    assert_eq!(urls.0[1].portal_id, "h89s6rd8hVQ2A8DFaNy22zA%3d%3d");
    let _: LaraAdminBranchesRequest = lossless("admin_branches_request.json");
    let branches: LaraAdminBranches = lossless("admin_branches.json");
    assert_eq!(branches.0, ["vrj0IrWe0HF%2bK9OKGpDF5A%3d%3d", "6d7yavtJwLemtOAO2HF5BQ%3d%3d"]);
    let add: LaraAddAdminBranchesRequest = lossless("add_admin_branches_request.json");
    let remove: LaraRemoveAdminBranchesRequest = lossless("remove_admin_branches_request.json");
    assert_eq!(add.0, remove.0);
    let added: LaraAddAdminBranchesResponse = lossless("add_admin_branches_response.json");
    let removed: LaraRemoveAdminBranchesResponse = lossless("remove_admin_branches_response.json");
    assert_eq!(added.0.id, removed.0.id);
}

#[test]
fn cycles_periods_and_requirements_read_back() {
    let _: LaraCycleListRequest = lossless("cycle_list_request.json");
    let cycle: LaraCycle = lossless("cycle.json");
    let name = cycle.name.value().unwrap();
    assert_eq!(name.text(LaraLanguage::FrenchCanada), Some("Mon règlement"));
    assert_eq!(name.text(LaraLanguage::English), None);
    let list: LaraCycleList = lossless("cycle_list.json");
    assert_eq!(list.0, [cycle]);
    let req: LaraPeriodListRequest = lossless("period_list_request.json");
    assert_eq!(req.filter_date.value().unwrap().as_str(), "2020-01-01T00:00:00Z");
    let period: LaraPeriod = lossless("period.json");
    assert_eq!(period.duration_unit.value(), Some(&LaraDurationUnit::Years));
    let req0 = &period.requirements.value().unwrap()[0];
    assert_eq!(req0.requirement_type.value(), Some(&LaraRequirementType::Credits));
    assert_eq!(req0.target_value.value(), Some(&80.0));
    let periods: LaraPeriodList = lossless("period_list.json");
    assert_eq!(periods.0, [period]);
}

#[test]
fn user_progress_and_member_statuses_read_back() {
    let req: LaraUserProgressRequest = lossless("user_progress_request.json");
    assert_eq!(req.custom_field_api_name.value().map(String::as_str), Some("custom_field"));
    let progress: LaraUserProgress = lossless("user_progress.json");
    assert_eq!(progress.completed_credits.value(), Some(&22.0));
    let _: LaraMemberStatusesRequest = lossless("member_statuses_request.json");
    let statuses: LaraMemberStatuses = lossless("member_statuses.json");
    assert_eq!(statuses.statuses[0].status.value().map(String::as_str), Some("Membre"));
    let all: LaraUpdateMemberStatusesRequest = lossless("update_member_statuses_request.json");
    assert_eq!(all.statuses[0].is_active_member, Nullable::Value(true));
    let one: LaraUpdateMemberStatusRequest = lossless("update_member_status_request.json");
    let change: LaraChangeCurrentMemberStatusRequest = lossless("change_current_member_status_request.json");
    assert_eq!(one.status, change.status);
    for file in ["update_member_statuses_response.json", "update_member_status_response.json", "change_current_member_status_response.json"] {
        let ok: LaraUpdateMemberStatusResponse = lossless(file);
        assert!(ok.0.is_success);
    }
}

#[test]
fn member_status_end_date_may_be_empty_null_or_absent_while_current() {
    for end in [r#","endDate":"""#, r#","endDate":null"#, ""] {
        let input = format!(r#"{{"statuses":[{{"entryId":"a%3d","status":"Membre","startDate":"2024-01-01T00:00:00"{end}}}]}}"#);
        let s: LaraMemberStatuses = common::assert_lossless(input.as_bytes());
        assert!(s.statuses[0].end_date.value().map_or(true, |d| d.is_no_date()), "{input}");
    }
}

#[test]
fn unknown_enum_values_and_fields_are_kept_raw() {
    let input = br#"{"id":"x","subscriptionType":7,"visibilityType":9,"language":5,"enrolmentType":3,"status":4,"newField":{"a":1}}"#;
    let p: LaraProgram = common::assert_lossless(input);
    assert_eq!(p.subscription_type.value(), Some(&LaraSubscriptionType::Unknown(7)));
    assert_eq!(p.language.value(), Some(&LaraLanguage::Unknown(5)));
    assert_eq!(p.enrolment_type.value(), Some(&LaraEnrolmentType::Unknown(3)));
    assert!(p.extra.0.contains_key("newField"));
    let period: LaraPeriod = common::assert_lossless(br#"{"cyclePeriodId":"p","durationUnit":12,"requirements":[{"id":"r","type":42}]}"#);
    assert_eq!(period.duration_unit.value(), Some(&LaraDurationUnit::Unknown(12)));
}

#[test]
fn decode_errors_name_the_path() {
    let e = common::decode_error::<LaraPeriod>(br#"{"cyclePeriodId":"p","requirements":[{"id":"r","targetValue":"80"}]}"#);
    assert_eq!(e.path, "requirements[0].targetValue");
    let e = common::decode_error::<LaraUpdateMemberStatusesRequest>(br#"{"userId":"u"}"#);
    assert_eq!(e.expected, "field `statuses`");
    let e = common::decode_error::<LaraProgramGetRequest>(br#"{"id":42}"#);
    assert_eq!(e.path, "id");
}

#[test]
fn error_envelope_and_codes_describe_themselves() {
    let err: LaraError = lossless("error.json");
    assert_eq!(err.error_code(), Some(LaraErrorCode::Program(LaraProgramErrorCode::InvalidNameLength)));
    assert!(err.description(Lang::Fr).unwrap().contains("entre 3 et 250"));
    assert!(err.description(Lang::En).unwrap().contains("3 to 250"));
    let other: LaraError = common::assert_lossless(br#"{"code":1010,"message":"Invalid date","detail":"x"}"#);
    assert_eq!(other.error_code(), Some(LaraErrorCode::Cycle(LaraCycleErrorCode::InvalidDate)));
    let unknown: LaraError = common::assert_lossless(br#"{"code":1499,"message":"Nouveau"}"#);
    assert_eq!(unknown.error_code(), Some(LaraErrorCode::Program(LaraProgramErrorCode::Unknown(1499))));
    let outside: LaraError = common::assert_lossless(br#"{"code":500,"message":"Oops"}"#);
    assert_eq!(outside.error_code(), None);
    assert_eq!(outside.description(Lang::En).as_deref(), Some("Oops"));
}

#[test]
fn every_documented_error_code_is_typed_with_a_message_and_descriptions() {
    let program = [1400, 1401, 1402, 1405, 1432, 1433, 1434, 1435, 1436, 1437, 1438];
    let cycle = [1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010];
    assert_eq!(LaraProgramErrorCode::KNOWN, program);
    assert_eq!(LaraCycleErrorCode::KNOWN, cycle);
    for code in program.into_iter().chain(cycle) {
        let typed = LaraErrorCode::from_number(code).unwrap();
        let (fr, en) = (typed.description(Lang::Fr), typed.description(Lang::En));
        assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{code}");
        assert!(!fr.contains("non documenté"), "{code}");
    }
    assert_eq!(LaraProgramErrorCode::InvalidFilterId.message(), "Invalid filterId");
    assert_eq!(LaraCycleErrorCode::StatusesRequired.message(), "A list of statuses must be provided");
}

#[test]
fn ts_declarations_cover_every_open_enum() {
    let decls = formakit::schema::ts_declarations().collect::<Vec<_>>().join("\n");
    for name in [
        "LaraLanguage",
        "LaraSubscriptionType",
        "LaraVisibilityType",
        "LaraProgramStatus",
        "LaraEnrolmentType",
        "LaraAuthorizationType",
        "LaraExpirationType",
        "LaraDurationUnit",
        "LaraRequirementType",
        "LaraProgramErrorCode",
        "LaraCycleErrorCode",
    ] {
        assert!(decls.contains(&format!("export type {name} = ")), "{name}");
    }
    assert!(decls.contains("export type LaraEnrolmentType = 0 | 1 | 2 | (number & {});"));
}
