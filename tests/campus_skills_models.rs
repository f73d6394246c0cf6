// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use formakit::campus_skills::*;
use formakit::wire::Nullable;
use serde_json::json;

#[test]
fn sync_request_round_trips_with_every_optional_field() {
    let req: CampusSyncRequest = common::assert_lossless(&common::fixture("campus_skills/sync_request.json"));
    assert_eq!(req.contrats.len(), 3);
    let c = &req.contrats[0];
    assert_eq!(c.code_contrat, "CTR-2024-0001");
    assert_eq!(c.date_debut, "02/09/2024");
    assert_eq!(c.contract_type, Nullable::Value(CampusContractType::Apprenticeship));
    assert_eq!(c.rncp.value().map(String::as_str), Some("RNCP38368"));
    assert_eq!(c.month_start_group, Nullable::Value(json!(9)));
    assert_eq!(c.nom_marque.value().map(String::as_str), Some("École X"));
    let c = &req.contrats[1];
    assert_eq!(c.contract_type, Nullable::Value(CampusContractType::Internship));
    assert_eq!(c.rncp, Nullable::Null);
    assert_eq!(c.month_start_group, Nullable::Value(json!("09")));
    assert!(c.code_marque.is_absent());
    assert!(req.contrats[2].extra.0.contains_key("nouveauChamp"));
}

#[test]
fn a_single_contract_has_its_own_schema() {
    let c: CampusContract = common::assert_lossless(&common::fixture("campus_skills/contract.json"));
    assert_eq!(c.nom_entreprise, "Boulangerie Lefèvre SARL");
}

#[test]
fn contract_type_is_an_open_enum() {
    let mut req: serde_json::Value = serde_json::from_slice(&common::fixture("campus_skills/sync_request.json")).unwrap();
    req["contrats"][0]["type"] = json!("PROFESSIONALIZATION");
    let parsed: CampusSyncRequest = common::assert_lossless(req.to_string().as_bytes());
    assert_eq!(parsed.contrats[0].contract_type, Nullable::Value(CampusContractType::Unknown("PROFESSIONALIZATION".into())));
    assert!(formakit::schema::ts_declarations().any(|d| d == r#"export type CampusContractType = "APPRENTICESHIP" | "INTERNSHIP" | (string & {});"#));
}

#[test]
fn required_fields_are_required_and_errors_name_the_path() {
    let mut req: serde_json::Value = serde_json::from_slice(&common::fixture("campus_skills/sync_request.json")).unwrap();
    req["contrats"][2].as_object_mut().unwrap().remove("emailMaitreApprentissage");
    let e = common::decode_error::<CampusSyncRequest>(req.to_string().as_bytes());
    assert_eq!(e.path, "contrats[2]");
    assert!(e.expected.contains("emailMaitreApprentissage"), "{e}");
    let e = common::decode_error::<CampusSyncRequest>(br#"{"contrats":[{"codeContrat":12}]}"#);
    assert_eq!(e.path, "contrats[0].codeContrat");
}

#[test]
fn sync_response_keeps_invalid_entries_whole() {
    let res: CampusSyncResponse = common::assert_lossless(&common::fixture("campus_skills/sync_response.json"));
    assert!(!res.success);
    assert_eq!(res.valid_contrats.len(), 2);
    let [first, second, third] = &res.invalid_contrats[..] else { panic!("3 invalid entries expected") };
    assert_eq!(first.code_contrat.value().map(String::as_str), Some("CTR-2024-0004"));
    assert_eq!(first.errors.value().map(Vec::len), Some(2), "one sentence per problem");
    assert!(first.extra.0.contains_key("dateFin"));
    // A whole contract reads back (the server's `errors` stays aside); an incomplete one does not.
    assert!(first.contract().is_none(), "emailApprenant is missing");
    assert_eq!(second.message.value(), Some(&json!("codeApprenant already used by a maitre d'apprentissage")));
    assert!(third.code_contrat.is_absent() && third.error.value().is_some());

    let valid = formakit::serialize(&res.valid_contrats[0]).unwrap();
    let as_invalid: CampusInvalidContract = serde_json::from_str(&valid).unwrap();
    assert_eq!(as_invalid.contract().as_ref(), Some(&res.valid_contrats[0]));
}

#[test]
fn list_query_and_responses_round_trip() {
    let q: CampusListQuery = common::assert_lossless(&common::fixture("campus_skills/list_query.json"));
    assert_eq!(q.to_query_string(), "page=2&limit=50");
    let q: CampusListQuery = common::assert_lossless(br#"{"limit":null}"#);
    assert_eq!(q.to_query_string(), "");
    let list: CampusContractsResponse = common::assert_lossless(&common::fixture("campus_skills/contracts.json"));
    assert_eq!((list.total, list.contrats.len()), (57, 2));
    let list: CampusContractsResponse = common::assert_lossless(&common::fixture("campus_skills/contracts_empty.json"));
    assert!(list.contrats.is_empty());
    let diff: CampusDiffResponse = common::assert_lossless(&common::fixture("campus_skills/diff.json"));
    assert_eq!((diff.same.len(), diff.added.len(), diff.updated.len(), diff.removed.len()), (1, 1, 1, 0));
}

#[test]
fn token_test_answer() {
    let t: CampusTokenTest = common::assert_lossless(&common::fixture("campus_skills/token_test.json"));
    assert!(t.is_valid());
    assert!(t.extra.0.contains_key("organisme"));
    let t: CampusTokenTest = common::assert_lossless(br#"{"value":"token invalid"}"#);
    assert!(!t.is_valid());
}

#[test]
fn delete_all_answer() {
    let d: CampusDeleteResponse = common::assert_lossless(&common::fixture("campus_skills/delete_all.json"));
    assert_eq!((d.success.value(), d.deleted.value()), (Some(&true), Some(&3)));
    let d: CampusDeleteResponse = common::assert_lossless(b"{}");
    assert!(d.success.is_absent());
}

#[test]
fn schemas_are_registered_by_name() {
    for name in [
        "campusskills.contract",
        "campusskills.syncRequest",
        "campusskills.syncResponse",
        "campusskills.listQuery",
        "campusskills.contracts",
        "campusskills.diff",
        "campusskills.tokenTest",
        "campusskills.deleteAll",
    ] {
        assert!(formakit::schema::find(name).is_ok(), "{name}");
    }
    assert_eq!(routes::CONTRATS_DIFF, "/api/sync/v1/contrats-diff");
}
