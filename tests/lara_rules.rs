// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
//! Lära validation rules: each with a passing and a failing case, Lära's code
//! where documented, lengths in UTF-16 code units.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use formakit::lara::*;
use formakit::{Lang, Model, Severity};

/// (rule, path, provider code, severity) of every issue `json` has as `T`.
fn issues<T: Model>(json: &str) -> Vec<(&'static str, String, Option<u32>, Severity)> {
    // The erased validate: structural issues (shape.*) beside the rules'.
    formakit::schema::find(T::SCHEMA).unwrap().validate(json.as_bytes(), Lang::En).into_iter().map(|i| (i.rule, i.path, i.provider_code, i.severity)).collect()
}

fn rules<T: Model>(json: &str) -> Vec<&'static str> {
    issues::<T>(json).into_iter().map(|i| i.0).collect()
}

fn program(fields: &str) -> String {
    format!(r#"{{"id":"vBW5xMw1VQ2A8DFaNy22zA%3d%3d"{fields}}}"#)
}

fn name_rules(name: &str) -> Vec<&'static str> {
    rules::<LaraProgram>(&program(&format!(",\"name\":{}", serde_json::to_string(name).unwrap())))
}

#[test]
fn name_length_counts_utf16_code_units() {
    assert!(name_rules("Éthique").is_empty());
    assert_eq!(name_rules("Éco"), ["lara.program.name.short"], "precomposed É is 1 unit: 3 in all");
    assert_eq!(name_rules("E\u{301}co"), ["lara.program.name.short"], "E + combining acute is 2 units: 4 in all");
    assert_eq!(name_rules("😀"), ["lara.program.name.length"], "an emoji is 2 units");
    assert_eq!(name_rules("😀a"), ["lara.program.name.short"]);
    assert!(name_rules(&"é".repeat(250)).is_empty());
    assert!(name_rules(&"e\u{301}".repeat(125)).is_empty(), "125 × 2 units = 250");
    assert_eq!(name_rules(&"e\u{301}".repeat(126)), ["lara.program.name.length"], "126 × 2 units = 252");
    assert_eq!(name_rules(&"😀".repeat(126)), ["lara.program.name.length"]);
    let all = issues::<LaraProgram>(&program(r#","name":"ab""#));
    assert_eq!(all, [("lara.program.name.length", "name".to_string(), Some(1405), Severity::Error)]);
}

#[test]
fn keywords_and_external_link_are_at_most_250_units() {
    let kw = |k: &str| rules::<LaraProgram>(&program(&format!(",\"keywords\":\"{k}\"")));
    assert!(kw(&"😀".repeat(125)).is_empty());
    assert_eq!(kw(&"😀".repeat(126)), ["lara.program.keywords.length"]);
    assert_eq!(kw(&format!("{}é", "a".repeat(250))), ["lara.program.keywords.length"]);
    let link = |l: &str| rules::<LaraProgram>(&program(&format!(",\"externalLink\":\"{l}\"")));
    assert!(link("").is_empty(), "empty means no redirect");
    assert!(link("https://exemple.fr/inscription?programme=é").is_empty());
    assert_eq!(link(&format!("https://exemple.fr/{}", "a".repeat(232))), ["lara.program.externalLink.length"]);
    assert_eq!(link("monURL"), ["lara.program.externalLink.url"]);
    assert_eq!(link("ftp://exemple.fr"), ["lara.program.externalLink.url"]);
}

#[test]
fn language_must_be_1_to_4() {
    for n in 1..=4 {
        assert!(rules::<LaraProgram>(&program(&format!(",\"language\":{n}"))).is_empty());
    }
    assert_eq!(issues::<LaraProgram>(&program(r#","language":5"#)), [("lara.program.language", "language".to_string(), Some(1437), Severity::Error)]);
}

#[test]
fn authorization_type_agrees_with_need_admin_approval() {
    let auth = |t: i64, need: bool| rules::<LaraProgram>(&program(&format!(",\"authorizationType\":{t},\"needAdminApproval\":{need}")));
    assert!(auth(0, true).is_empty(), "the document's example");
    assert!(auth(0, false).is_empty(), "admin approval without a designated approver");
    assert!(auth(1, false).is_empty());
    assert_eq!(auth(1, true), ["lara.program.authorizationType"]);
    assert_eq!(auth(2, false), ["lara.program.authorizationType"]);
    let codes: Vec<_> = issues::<LaraProgram>(&program(r#","authorizationType":1,"needAdminApproval":true"#)).into_iter().map(|i| i.2).collect();
    assert_eq!(codes, [Some(1438)]);
}

#[test]
fn subscription_type_2_requires_ordered_dates() {
    let period = |start: &str, end: &str| issues::<LaraProgram>(&program(&format!(",\"subscriptionType\":2,\"startDate\":\"{start}\",\"endDate\":\"{end}\"")));
    assert!(period("2025-01-01T00:00:00", "2025-06-30T00:00:00").is_empty());
    assert!(period("2025-03-01T10:00:00+02:00", "2025-03-01T09:30:00Z").is_empty(), "09:30Z is 11:30 at +02:00");
    let reversed = period("2025-03-01T10:00:00", "2025-03-01T08:30:00Z");
    assert_eq!(reversed, [("lara.program.subscriptionPeriod.order", "endDate".to_string(), None, Severity::Error)], "10:00 Paris (UTC+1) is 09:00Z");
    let missing = rules::<LaraProgram>(&program(r#","subscriptionType":2,"endDate":"2025-06-30T00:00:00""#));
    assert_eq!(missing, ["lara.program.subscriptionPeriod.required"]);
    let no_dates = rules::<LaraProgram>(&program(r#","subscriptionType":2,"startDate":"0001-01-01T00:00:00","endDate":null"#));
    assert_eq!(no_dates, ["lara.program.subscriptionPeriod.required", "lara.program.subscriptionPeriod.required"]);
    assert!(
        rules::<LaraProgram>(&program(r#","subscriptionType":0,"startDate":"2025-06-30T00:00:00","endDate":"2025-01-01T00:00:00""#)).is_empty(),
        "only type 2 uses the window"
    );
}

#[test]
fn unreadable_dates_are_reported() {
    // An unreadable date is a decode issue now (shape.date), listed by validate.
    assert_eq!(rules::<LaraProgramListRequest>(r#"{"filterDate":"YYYY-MM-DDTHH:MM:SSZ"}"#), ["shape.date"]);
    assert!(rules::<LaraProgramListRequest>(r#"{"filterDate":"2020-01-01T00:00:00Z","filterEditDate":"2024-02-29T10:00:00.5"}"#).is_empty());
    assert_eq!(rules::<LaraPeriodListRequest>(r#"{"id":"a","filterDate":"31/12/2024"}"#), ["shape.date"]);
}

#[test]
fn program_ids_required_1400_and_plausible_1401_1402() {
    let get = |id: &str| issues::<LaraProgramGetRequest>(&format!(r#"{{"id":{}}}"#, serde_json::to_string(id).unwrap()));
    assert!(get("vBW5xMw1VQ2A8DFaNy22zA%3d%3d").is_empty());
    assert!(get("vBW5xMw1VQ2A8DFaNy22zA").is_empty());
    assert_eq!(get(""), [("lara.program.id.required", "id".to_string(), Some(1400), Severity::Error)]);
    assert_eq!(get("  ")[0].2, Some(1400));
    for bad in ["vBW5 xMw1", "vBW5%3", "vBW5%zz", "vBWé", " vBW5"] {
        assert_eq!(get(bad), [("lara.program.id.invalid", "id".to_string(), Some(1401), Severity::Error)], "{bad:?}");
    }
    assert_eq!(rules::<LaraAdminBranchesRequest>(r#"{"id":""}"#), ["lara.program.id.required"]);
    let url = |filter: &str| issues::<LaraProgramUrlRequest>(&format!(r#"{{"id":"a%3d","filterId":"{filter}"}}"#));
    assert!(url("aoflemrnQ2A8DFaNy22zA%3d%3d").is_empty() && url("").is_empty());
    assert_eq!(url("pas un id"), [("lara.program.filterId.invalid", "filterId".to_string(), Some(1402), Severity::Error)]);
}

#[test]
fn branches_required_1432_and_each_valid_1433() {
    for kind in [0, 1] {
        let check = |json: &str| if kind == 0 { issues::<LaraAddAdminBranchesRequest>(json) } else { issues::<LaraRemoveAdminBranchesRequest>(json) };
        assert!(check(r#"{"id":"a%3d","branches":["b%2b","c"]}"#).is_empty());
        assert_eq!(check(r#"{"id":"a%3d","branches":[]}"#), [("lara.program.branches.required", "branches".to_string(), Some(1432), Severity::Error)]);
        assert_eq!(check(r#"{"id":"a%3d","branches":["b",""]}"#), [("lara.program.branches.invalid", "branches[1]".to_string(), Some(1433), Severity::Error)]);
        assert_eq!(check(r#"{"id":"a%3d","branches":["b c"]}"#)[0].2, Some(1433));
    }
}

#[test]
fn program_update_warns_about_read_only_fields() {
    assert!(rules::<LaraProgramUpdateRequest>(r#"{"id":"a","name":"Nouveau nom"}"#).is_empty());
    assert_eq!(
        rules::<LaraProgramUpdateRequest>(r#"{"id":"a","catalogLink":"x","lastModificationDate":"0001-01-01T00:00:00"}"#),
        ["lara.program.readOnly", "lara.program.readOnly"]
    );
    assert_eq!(rules::<LaraProgramUpdateRequest>(r#"{"id":"a","name":"ab"}"#), ["lara.program.name.length"]);
}

#[test]
fn cycle_ids_1000_1001_and_member_ids_1002_1003() {
    assert!(rules::<LaraPeriodListRequest>(r#"{"id":"vBW5xMw1VQ2A8DFaNy22zA"}"#).is_empty());
    assert_eq!(issues::<LaraPeriodListRequest>(r#"{"id":""}"#)[0].2, Some(1000));
    assert_eq!(issues::<LaraPeriodListRequest>(r#"{"id":"a b"}"#)[0].2, Some(1001));
    let progress = |id: &str, member: &str| {
        issues::<LaraUserProgressRequest>(&format!(r#"{{"id":"{id}","memberId":"{member}"}}"#)).into_iter().map(|i| (i.0, i.2)).collect::<Vec<_>>()
    };
    assert!(progress("a%2fb", "m%3d").is_empty());
    assert_eq!(progress("", ""), [("lara.cycle.id.required", Some(1000)), ("lara.cycle.memberId.required", Some(1002))]);
    assert_eq!(progress("a", "m m"), [("lara.cycle.memberId.invalid", Some(1003))]);
}

#[test]
fn member_is_named_by_user_id_or_by_the_custom_field_pair() {
    let target = |fields: &str| issues::<LaraMemberStatusesRequest>(&format!("{{{fields}}}")).into_iter().map(|i| (i.0, i.1, i.2)).collect::<Vec<_>>();
    assert!(target(r#""userId":"DTUvbcrKNN3szXg6aQY%2fSg%3d%3d""#).is_empty());
    assert!(target(r#""customFieldAPIName":"member_status","customFieldValue":"12345""#).is_empty());
    assert!(target(r#""userId":"","customFieldAPIName":"member_status","customFieldValue":"12345""#).is_empty(), "an empty userId falls back on the pair");
    assert_eq!(
        target(""),
        [
            ("lara.cycle.member.customFieldAPIName.required", "customFieldAPIName".to_string(), Some(1004)),
            ("lara.cycle.member.customFieldValue.required", "customFieldValue".to_string(), Some(1002)),
        ]
    );
    assert_eq!(target(r#""customFieldValue":"12345""#), [("lara.cycle.member.customFieldAPIName.required", "customFieldAPIName".to_string(), Some(1004))]);
    assert_eq!(
        target(r#""userId":null,"customFieldAPIName":"member_status""#),
        [("lara.cycle.member.customFieldValue.required", "customFieldValue".to_string(), Some(1002))]
    );
    assert_eq!(target(r#""userId":"pas un id""#), [("lara.cycle.member.userId.invalid", "userId".to_string(), Some(1009))]);
}

#[test]
fn statuses_1006_status_1007_entry_1008_dates_1010() {
    let all = |statuses: &str| {
        issues::<LaraUpdateMemberStatusesRequest>(&format!(r#"{{"userId":"u%3d","statuses":{statuses}}}"#))
            .into_iter()
            .map(|i| (i.0, i.1, i.2))
            .collect::<Vec<_>>()
    };
    assert!(
        all(r#"[{"status":"Membre","isActiveMember":true,"startDate":"2018-02-08T15:02:45.73","endDate":"2018-02-08T15:02:45.73"}]"#).is_empty(),
        "equal dates are fine"
    );
    assert_eq!(all("[]"), [("lara.cycle.statuses.required", "statuses".to_string(), Some(1006))]);
    assert_eq!(
        all(r#"[{"status":"Membre"},{"status":"  ","isActiveMember":true}]"#),
        [("lara.cycle.status.required", "statuses[1].status".to_string(), Some(1007))]
    );
    assert_eq!(
        all(r#"[{"status":"Membre","startDate":"2020-12-31T00:00:00","endDate":"2020-01-01T00:00:00"}]"#),
        [("lara.cycle.status.dateOrder", "statuses[0].endDate".to_string(), Some(1010))]
    );
    assert!(
        all(r#"[{"status":"Membre","startDate":"2020-06-01T00:00:00+02:00","endDate":"2020-05-31T22:00:01Z"}]"#).is_empty(),
        "one second later, written in another zone"
    );

    let one = |entry: &str, status: &str| {
        issues::<LaraUpdateMemberStatusRequest>(&format!(r#"{{"userId":"u%3d","entryId":"{entry}","status":{status}}}"#))
            .into_iter()
            .map(|i| (i.0, i.1, i.2))
            .collect::<Vec<_>>()
    };
    assert!(one("DTUvbcrKNN3szXg6aQY%2fSg%3d%3d", r#"{"status":"Membre"}"#).is_empty());
    assert_eq!(one("", r#"{"status":"Membre"}"#), [("lara.cycle.entryId.invalid", "entryId".to_string(), Some(1008))]);
    assert_eq!(one("e", r#"{"status":""}"#), [("lara.cycle.status.required", "status.status".to_string(), Some(1007))]);
    let change =
        issues::<LaraChangeCurrentMemberStatusRequest>(r#"{"status":{"status":"Membre","startDate":"2024-02-01T00:00:00","endDate":"2024-01-01T00:00:00"}}"#);
    let change: Vec<_> = change.into_iter().map(|i| i.2).collect();
    assert_eq!(change, [Some(1004), Some(1002), Some(1010)]);
}

#[test]
fn a_status_outside_the_active_list_without_is_active_member_earns_a_warning() {
    let warn = |status: &str| issues::<LaraChangeCurrentMemberStatusRequest>(&format!(r#"{{"userId":"u","status":{status}}}"#));
    assert!(warn(r#"{"status":"1ère Inscription"}"#).is_empty());
    assert!(warn(r#"{"status":"Radié","isActiveMember":false}"#).is_empty());
    assert_eq!(warn(r#"{"status":"Radié"}"#), [("lara.cycle.status.inferredInactive", "status.isActiveMember".to_string(), None, Severity::Warning)]);
    assert_eq!(warn(r#"{"status":"Radié","isActiveMember":null}"#).len(), 1);
}

#[test]
fn a_period_whose_end_cannot_be_computed_earns_a_warning() {
    assert!(rules::<LaraPeriod>(r#"{"cyclePeriodId":"p","startDate":"2024-01-01T00:00:00","duration":1,"durationUnit":3}"#).is_empty());
    assert_eq!(rules::<LaraPeriod>(r#"{"cyclePeriodId":"p","startDate":"2024-01-01T00:00:00","duration":1,"durationUnit":9}"#), ["lara.period.end"]);
    assert_eq!(rules::<LaraPeriod>(r#"{"cyclePeriodId":"p","startDate":"hier"}"#), ["shape.date"]);
}

#[test]
fn messages_are_french_by_default_and_english_on_request() {
    let req: LaraUpdateMemberStatusesRequest = formakit::parse(br#"{"userId":"u","statuses":[]}"#).unwrap();
    let fr = formakit::schema::validate(&req, Lang::Fr);
    let en = formakit::schema::validate(&req, Lang::En);
    assert!(fr[0].message.contains("au moins un statut"), "{}", fr[0].message);
    assert!(en[0].message.contains("at least one status"), "{}", en[0].message);
    let bad_id: LaraProgramGetRequest = formakit::parse(br#"{"id":"a b"}"#).unwrap();
    assert!(formakit::schema::validate(&bad_id, Lang::En)[0].message.contains("without decoding it"));
}

#[test]
fn equal_instants_in_different_zones_are_in_order() {
    let req = r#"{"userId":"u","statuses":[{"status":"Membre","startDate":"2020-06-01T00:00:00+02:00","endDate":"2020-05-31T22:00:00Z"}]}"#;
    assert!(rules::<LaraUpdateMemberStatusesRequest>(req).is_empty());
}
