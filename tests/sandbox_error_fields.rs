//! The error fields the sandbox sends are named in the models: Lära's `detail`
//! and `where`, and Campus Skills' `invalidContrats[].errors` (a list of
//! sentences) and `value` (an item that was not an object).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use formakit::campus_skills::{CampusInvalidContract, CampusSyncResponse};
use formakit::lara::{LaraError, LaraErrorCode, LaraProgramErrorCode};
use serde_json::json;

#[test]
fn lara_error_names_detail_and_where() {
    let err: LaraError = common::assert_lossless(&common::fixture("lara/error_sandbox.json"));
    assert_eq!(err.error_code(), Some(LaraErrorCode::Program(LaraProgramErrorCode::InvalidBranchId)));
    assert_eq!(err.detail.value().map(String::as_str), Some("branches[1] = \"BR-404\" is not a known branch id"));
    assert_eq!(err.location.value().map(String::as_str), Some("body.branches[1]"));
    assert!(err.extra.0.is_empty(), "every field the sandbox sends is named: {:?}", err.extra.0);
    // Written back under its wire name.
    let text = formakit::serialize(&err).unwrap();
    assert!(text.contains(r#""where":"body.branches[1]""#), "{text}");
    // Both stay optional, and a wrong type is a decode error at its path.
    let bare: LaraError = common::assert_lossless(br#"{"code":1400}"#);
    assert!(bare.detail.is_absent() && bare.location.is_absent());
    let e = common::decode_error::<LaraError>(br#"{"code":1400,"where":3}"#);
    assert_eq!(e.path, "where");
}

#[test]
fn campus_invalid_contracts_carry_the_sandbox_sentences() {
    let res: CampusSyncResponse = common::assert_lossless(&common::fixture("campus_skills/sync_response_sandbox.json"));
    let [contract, not_an_object] = &res.invalid_contrats[..] else { panic!("2 invalid entries expected") };
    let errors = contract.errors.value().unwrap();
    assert_eq!(errors.len(), 2);
    assert!(errors[0].starts_with("contrats[1].dateFin (01/09/2024) is before"), "{}", errors[0]);
    // `errors` is named, so it stays out of the contract read back.
    let back = contract.contract().expect("a whole contract");
    assert_eq!(back.code_contrat, "CTR-2024-0009");
    assert!(contract.value.is_absent());
    assert_eq!(not_an_object.value.value(), Some(&json!(42)));
    assert_eq!(not_an_object.errors.value().map(Vec::as_slice), Some(&["contrats[2] must be an object".to_string()][..]));
    assert!(not_an_object.contract().is_none());
    // An error that is not a sentence is a decode error at its path.
    let e = common::decode_error::<CampusSyncResponse>(br#"{"success":false,"validContrats":[],"invalidContrats":[{"errors":[{"field":"x"}]}]}"#);
    assert!(e.path.starts_with("invalidContrats[0].errors"), "{}", e.path);
    let _: CampusInvalidContract = serde_json::from_str(r#"{"errors":null}"#).unwrap();
}
