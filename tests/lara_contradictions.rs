// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
//! One test per contradiction of the Lära documents (specs README 1–8), named
//! after it. The decisions are written in src/lara/mod.rs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use formakit::lara::*;
use formakit::schema::validate;
use formakit::wire::{Nullable, WireDate};
use formakit::{Lang, Severity};

fn program_named(name: &str) -> LaraProgram {
    LaraProgram { id: "vBW5xMw1VQ2A8DFaNy22zA%3d%3d".into(), name: Nullable::Value(name.into()), ..Default::default() }
}

fn rules_of(p: &LaraProgram) -> Vec<(&'static str, Severity, Option<u32>)> {
    validate(p, Lang::Fr).into_iter().map(|i| (i.rule, i.severity, i.provider_code)).collect()
}

#[test]
fn contradiction_1_name_under_3_is_error_1405_under_5_only_a_warning() {
    assert_eq!(rules_of(&program_named("ab")), [("lara.program.name.length", Severity::Error, Some(1405))]);
    assert_eq!(rules_of(&program_named("abcd")), [("lara.program.name.short", Severity::Warning, None)]);
    assert!(rules_of(&program_named("abcde")).is_empty());
    assert!(rules_of(&program_named(&"a".repeat(250))).is_empty());
    assert_eq!(rules_of(&program_named(&"a".repeat(251))), [("lara.program.name.length", Severity::Error, Some(1405))]);
}

#[test]
fn contradiction_2_both_casings_are_kept_apart_and_read_through_accessors() {
    let table: LaraProgram = common::assert_lossless(br#"{"id":"a","createdByUserId":"u%3d","customfields":{"Champ1":"x"}}"#);
    assert_eq!(table.created_by(), Some("u%3d"));
    assert!(table.created_by_user_id_upper.is_absent());
    assert_eq!(table.custom_fields().and_then(|c| c.get("Champ1")), Some(&serde_json::json!("x")));
    let text = formakit::serialize(&table).unwrap();
    assert!(text.contains(r#""createdByUserId":"u%3d""#) && text.contains(r#""customfields":"#), "spelling received is spelling sent: {text}");

    let json: LaraProgram = common::assert_lossless(br#"{"id":"a","createdByUserID":"v%3d","customFields":{"Champ1":"y"}}"#);
    assert_eq!(json.created_by(), Some("v%3d"));
    assert!(json.created_by_user_id.is_absent());

    // Both at once: both kept; the document's JSON spelling is read first.
    let both: LaraProgram = common::assert_lossless(br#"{"id":"a","createdByUserID":"v","createdByUserId":"u","customFields":{"a":1},"customfields":{"b":2}}"#);
    assert_eq!(both.created_by(), Some("v"));
    assert!(both.custom_fields().unwrap().contains_key("a"));
    assert!(both.custom_fields_lower.value().unwrap().contains_key("b"));
}

#[test]
fn contradiction_3_repaired_examples_parse_and_a_duplicate_key_is_a_clear_decode_error() {
    // Every fixture is the document's example repaired (README in the fixture folder).
    let _: LaraProgram = common::assert_lossless(&common::fixture("lara/program.json"));
    // Decision: a duplicate key is refused, never resolved silently ("last one wins").
    let e = common::decode_error::<LaraProgram>(&common::fixture("lara/program_duplicate_tax_enabled.json"));
    assert_eq!(e.expected, "each field once");
    assert_eq!(e.found, "field `taxEnabled` twice");
    assert!(e.to_string().contains("taxEnabled"), "{e}");
    // The document's unrepaired JSON (curly quotes, missing comma) is not JSON.
    let e = common::decode_error::<LaraProgram>("{\"id\": \"x\", \"coverId\": \u{201c}\u{201d}}".as_bytes());
    assert_eq!(e.expected, "valid JSON");
    let e = common::decode_error::<LaraUserProgressRequest>(b"{\"id\": \"a\",\n\"memberId\": \"b\"\n\"customFieldAPIName\": \"c\"}");
    assert_eq!((e.expected.as_str(), e.line), ("valid JSON", 3));
}

#[test]
fn contradiction_4_dotnet_min_value_is_no_date_and_is_kept_as_sent() {
    let p: LaraProgram = common::assert_lossless(&common::fixture("lara/program.json"));
    assert!(p.start_date.value().unwrap().is_no_date());
    assert!(p.date_to_complete.value().and_then(LaraDateToComplete::as_date).unwrap().is_no_date());
    assert!(formakit::serialize(&p).unwrap().contains(r#""startDate":"0001-01-01T00:00:00""#));
    // "No date" does not satisfy a required date…
    let mut open_for_period = p.clone();
    open_for_period.subscription_type = Nullable::Value(LaraSubscriptionType::OpenForPeriod);
    let rules: Vec<_> = validate(&open_for_period, Lang::En).into_iter().map(|i| (i.rule, i.path)).collect();
    assert_eq!(
        rules,
        [("lara.program.subscriptionPeriod.required", "startDate".to_string()), ("lara.program.subscriptionPeriod.required", "endDate".to_string())]
    );
    // …is never compared with a real one…
    let status = LaraMemberStatusInput {
        status: "Membre".into(),
        start_date: Nullable::Value(WireDate("2024-01-01T00:00:00".into())),
        end_date: Nullable::Value(WireDate("0001-01-01T00:00:00".into())),
        ..Default::default()
    };
    assert!(validate(&LaraChangeCurrentMemberStatusRequest { user_id: Nullable::Value("u%3d".into()), status, ..Default::default() }, Lang::En).is_empty());
    // …and a period starting on it has no end.
    let period = LaraPeriod {
        start_date: Nullable::Value(WireDate("0001-01-01T00:00:00".into())),
        duration: Nullable::Value(2),
        duration_unit: Nullable::Value(LaraDurationUnit::Years),
        ..Default::default()
    };
    assert_eq!(period_end(&period), Ok(None));
}

#[test]
fn contradiction_5_ids_are_opaque_and_round_trip_byte_identical() {
    let ids = [
        "vBW5xMw1VQ2A8DFaNy22zA%3d%3d",
        "eYlMGw7Dsq7EEUb%2f7tbtNg%3D%3D",
        "68a9Y6p%2bhVsJJBRcIMOo0w%3d%3d",
        "vBW5xMw1VQ2A8DFaNy22zA",
        " vBW5xMw1VQ2A8DFaNy22zA",
        "raw+/==",
    ];
    for id in ids {
        let quoted = serde_json::to_string(id).unwrap();
        let input = format!(r#"{{"id":{quoted},"branches":[{quoted}]}}"#);
        let req: LaraAddAdminBranchesRequest = common::assert_lossless(input.as_bytes());
        assert_eq!(req.0.id.as_bytes(), id.as_bytes());
        assert_eq!(formakit::serialize(&req).unwrap(), input, "written back byte for byte");
    }
    // The document's requirement id, leading space included, is kept as is.
    let period: LaraPeriod = common::assert_lossless(&common::fixture("lara/period.json"));
    assert_eq!(period.requirements.value().unwrap()[0].id, " vBW5xMw1VQ2A8DFaNy22zA");
}

#[test]
fn contradiction_6_date_to_complete_accepts_a_date_string_and_a_number() {
    let date: LaraProgram = common::assert_lossless(br#"{"id":"a","dateToComplete":"2025-06-30T00:00:00"}"#);
    assert_eq!(date.date_to_complete, Nullable::Value(LaraDateToComplete::Date(WireDate("2025-06-30T00:00:00".into()))));
    let number: LaraProgram = common::assert_lossless(br#"{"id":"a","dateToComplete":0}"#);
    assert_eq!(number.date_to_complete, Nullable::Value(LaraDateToComplete::Number(0.0)));
    let null: LaraProgram = common::assert_lossless(br#"{"id":"a","dateToComplete":null}"#);
    assert_eq!(null.date_to_complete, Nullable::Null);
    // Send what the document asks for: a number in an update earns a warning.
    let issues = validate(&LaraProgramUpdateRequest(number), Lang::En);
    assert_eq!(issues.iter().map(|i| (i.rule, i.severity)).collect::<Vec<_>>(), [("lara.program.dateToComplete.number", Severity::Warning)]);
    assert!(common::decode_error::<LaraProgram>(br#"{"id":"a","dateToComplete":true}"#).path.contains("dateToComplete"));
}

#[test]
fn contradiction_6_enrolment_type_is_numbered_in_the_document_order() {
    assert_eq!(LaraEnrolmentType::KNOWN, [0, 1, 2]);
    for (n, expected) in
        [(0, LaraEnrolmentType::SelfEnrolment), (1, LaraEnrolmentType::Manual), (2, LaraEnrolmentType::External), (3, LaraEnrolmentType::Unknown(3))]
    {
        let p: LaraProgram = common::assert_lossless(format!(r#"{{"id":"a","enrolmentType":{n}}}"#).as_bytes());
        assert_eq!(p.enrolment_type, Nullable::Value(expected));
    }
}

#[test]
fn contradiction_7_a_partial_update_serializes_only_the_fields_set() {
    let update = LaraProgramUpdateRequest(LaraProgram {
        id: "vBW5xMw1VQ2A8DFaNy22zA%3d%3d".into(),
        name: Nullable::Value("Nouveau nom".into()),
        description: Nullable::Null,
        ..Default::default()
    });
    assert_eq!(formakit::serialize(&update).unwrap(), r#"{"id":"vBW5xMw1VQ2A8DFaNy22zA%3d%3d","name":"Nouveau nom","description":null}"#);
    assert!(validate(&update, Lang::Fr).is_empty());
    // Only `id` is required.
    let only_id: LaraProgramUpdateRequest = common::assert_lossless(br#"{"id":"a%3d"}"#);
    assert_eq!(formakit::serialize(&only_id).unwrap(), r#"{"id":"a%3d"}"#);
    assert_eq!(common::decode_error::<LaraProgramUpdateRequest>(br#"{"name":"abc"}"#).expected, "field `id`");
    // Member statuses: an unset isActiveMember or endDate is not sent either.
    let status = LaraMemberStatusInput { status: "Membre".into(), start_date: Nullable::Value(WireDate("2024-01-01T00:00:00".into())), ..Default::default() };
    let req = LaraUpdateMemberStatusRequest { user_id: Nullable::Value("u%3d".into()), entry_id: "e%3d".into(), status, ..Default::default() };
    assert_eq!(formakit::serialize(&req).unwrap(), r#"{"userId":"u%3d","entryId":"e%3d","status":{"status":"Membre","startDate":"2024-01-01T00:00:00"}}"#);
}

#[test]
fn contradiction_8_member_activity_follows_the_explicit_flag_else_the_documented_list() {
    assert!(infer_member_activity("Membre", None));
    assert!(infer_member_activity(" autorisation spéciale", None), "the document's leading space");
    assert!(!infer_member_activity("Membre", Some(false)), "an explicit false wins");
    assert!(infer_member_activity("Radié", Some(true)), "an explicit true wins");
    assert!(!infer_member_activity("Radié", None));
    // The list is the document's, leading-space typo removed.
    assert_eq!(ACTIVE_MEMBER_STATUSES.len(), 8);
    assert!(ACTIVE_MEMBER_STATUSES.iter().all(|s| s.trim() == *s));
}
