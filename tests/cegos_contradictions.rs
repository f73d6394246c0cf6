// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
//! Specs README contradictions 12–17 (Cegos): one test each, named after it,
//! pinning the decision written in the code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod common;

use formakit::cegos::routes::{self, is_catalog_topics_path, CATALOG_TOPICS_PATH};
use formakit::cegos::*;
use formakit::validate::{Lang, Severity};

fn fx(name: &str) -> Vec<u8> {
    common::fixture(&format!("cegos/{name}"))
}

fn rules(issues: &[formakit::Issue]) -> Vec<&'static str> {
    issues.iter().map(|i| i.rule).collect()
}

/// Contradiction 12: `yearlyProductCode` is `"202500038"` (year + code padded to 5) in
/// products and `"2025-61072"` in sessions: both forms parse everywhere and are
/// checked against their own year and product code; formakit writes the
/// products' form.
#[test]
fn contradiction_12_yearly_product_code_accepts_both_forms() {
    let compact = parse_yearly_product_code("202500038").unwrap();
    assert_eq!((compact.year, compact.code.as_str(), compact.form), (2025, "00038", CegosYearlyProductCodeForm::Compact));
    assert!(compact.matches(2025, "38"));
    let dashed = parse_yearly_product_code("2025-61072").unwrap();
    assert_eq!((dashed.year, dashed.code.as_str(), dashed.form), (2025, "61072", CegosYearlyProductCodeForm::Dashed));
    assert!(dashed.matches(2025, "61072"));
    assert!(parse_yearly_product_code("202561072").unwrap().matches(2025, "61072"));
    assert_eq!(yearly_product_code(2025, "38"), "202500038");
    assert_eq!(yearly_product_code(2025, "61072"), "202561072");
    for bad in ["2025", "20253", "2025-", "25-61072", "abcd61072", "2025-61 072"] {
        assert!(parse_yearly_product_code(bad).is_none(), "{bad}");
    }
    let s = parse_yearly_session_code("2025-61072-PAR-001").unwrap();
    assert_eq!((s.year, s.product_code.as_str(), s.suffix.as_str(), s.trailing_number()), (2025, "61072", "PAR-001", Some(1)));

    // Both documents' examples validate cleanly in their own form…
    let product: CegosProductResponse = formakit::parse(&fx("product.json")).unwrap();
    assert!(formakit::schema::validate(&product, Lang::En).is_empty());
    let session: CegosSessionResponse = formakit::parse(&fx("session.json")).unwrap();
    assert!(formakit::schema::validate(&session, Lang::En).is_empty());
    // …and a session sending the products' form is accepted as well.
    let mut s = session.clone();
    s.data.yearly_product_code = "202561072".into();
    assert!(formakit::schema::validate(&s, Lang::En).is_empty());
}

/// Contradiction 13: `isLastPlaceAvailable`: the list says "LimitMax − 4 < RegistrationCount
/// < LimitMax for non-Paris/non-remote", the detail "RegistrationCount ==
/// LimitMax − 1". `session_availability` returns both (`lastPlaceByRange`,
/// `lastPlaceByExactCount`); the validator warns only when the server's flag
/// disagrees with both.
#[test]
fn contradiction_13_last_place_is_computed_under_both_rules() {
    let mut s = formakit::parse::<CegosSessionResponse>(&fx("session.json")).unwrap().data;
    s.city = Some("LYON".to_string()).into();
    s.limit_max = Some(12).into();
    s.registration_count = Some(9).into();
    let a = session_availability(&s);
    assert!(a.last_place_by_range && !a.last_place_by_exact_count);
    s.registration_count = Some(11).into();
    let a = session_availability(&s);
    assert!(a.last_place_by_range && a.last_place_by_exact_count);
    // In Paris (and remote), only the detail's rule can say yes.
    s.city = Some("Paris".to_string()).into();
    let a = session_availability(&s);
    assert!(!a.last_place_by_range && a.last_place_by_exact_count);
    // Server's flag true at 9/12 in Lyon: the list's rule agrees, no warning.
    s.city = Some("LYON".to_string()).into();
    s.registration_count = Some(9).into();
    s.is_last_place_available = true;
    s.is_high_probability = true;
    assert!(!rules(&formakit::schema::validate(&CegosSessionResponse { data: s.clone(), extra: Default::default() }, Lang::En))
        .contains(&"cegos.session.isLastPlaceAvailable.mismatch"));
    // At 5/12 neither rule agrees: warning.
    s.registration_count = Some(5).into();
    let issues = formakit::schema::validate(&CegosSessionResponse { data: s, extra: Default::default() }, Lang::En);
    let i = issues.iter().find(|i| i.rule == "cegos.session.isLastPlaceAvailable.mismatch").unwrap();
    assert_eq!((i.severity, i.path.as_str()), (Severity::Warning, "data.isLastPlaceAvailable"));
}

/// Contradiction 14: Session `status` is an enum (Open=0, Valid=100, Invited=200,
/// Cancel=900) sent as its name; the detail page says "Open, Closed,
/// Cancelled, etc.". The four names are typed; `"Closed"` and `"Cancelled"`
/// parse as `Unknown`, are kept as sent, and are not bookable.
#[test]
fn contradiction_14_session_status_keeps_closed_and_cancelled_as_unknown() {
    for (name, status, code) in [
        ("Open", CegosSessionStatus::Open, Some(0)),
        ("Valid", CegosSessionStatus::Valid, Some(100)),
        ("Invited", CegosSessionStatus::Invited, Some(200)),
        ("Cancel", CegosSessionStatus::Cancel, Some(900)),
        ("Closed", CegosSessionStatus::Unknown("Closed".into()), None),
        ("Cancelled", CegosSessionStatus::Unknown("Cancelled".into()), None),
    ] {
        let parsed: CegosSessionStatus = serde_json::from_str(&format!("\"{name}\"")).unwrap();
        assert_eq!(parsed, status);
        assert_eq!(parsed.code(), code);
        assert_eq!(serde_json::to_string(&parsed).unwrap(), format!("\"{name}\""));
        if let Some(c) = code {
            assert_eq!(CegosSessionStatus::from_code(c), Some(status));
        }
    }
    let r: CegosSessionResponse = common::assert_lossless(&fx("session_closed.json"));
    assert_eq!(r.data.status, CegosSessionStatus::Unknown("Closed".into()));
    assert!(!session_availability(&r.data).bookable);
    let page: CegosSessionsPage = common::assert_lossless(&fx("sessions_page_edge.json"));
    assert_eq!(page.data[1].status.as_str(), "Cancelled");
    assert!(!session_availability(&page.data[1]).bookable);
    // The name is what is sent, never the number.
    assert!(serde_json::from_str::<CegosSessionStatus>("0").is_err());
}

/// Contradiction 15: Cegos dates come with and without a zone. Both parse and keep their
/// text; a zone-less date is Europe/Paris local time (src/dates.rs), so the two
/// forms compare as instants.
#[test]
fn contradiction_15_dates_with_and_without_zone_both_parse_and_compare() {
    let page: CegosSessionsPage = common::assert_lossless(&fx("sessions_page_edge.json"));
    let zoneless = &page.data[0].start_date;
    let utc = &page.data[1].start_date;
    assert_eq!(zoneless.as_str(), "2025-03-15T09:00:00");
    assert_eq!(utc.as_str(), "2025-04-01T09:00:00Z");
    assert_eq!(zoneless.timestamp().unwrap().unwrap().offset_minutes, None);
    assert_eq!(utc.timestamp().unwrap().unwrap().offset_minutes, Some(0));
    // 09:00 in Paris (summer time, UTC+2) is 07:00Z: a part at 08:00Z is after it.
    let mut s = formakit::parse::<CegosSessionResponse>(&fx("session.json")).unwrap();
    s.data.start_date = formakit::wire::WireDate("2025-09-15T09:00:00".into());
    let parts = match &mut s.data.parts {
        formakit::wire::Nullable::Value(p) => p,
        _ => unreachable!(),
    };
    parts[0].start_date = formakit::wire::Nullable::Value(formakit::wire::WireDate("2025-09-15T08:00:00Z".into()));
    parts[0].start_time_hour = formakit::wire::Nullable::Value(8);
    assert!(formakit::schema::validate(&s, Lang::En).is_empty(), "{:?}", formakit::schema::validate(&s, Lang::En));
    // …and one at 06:00Z is before it.
    if let formakit::wire::Nullable::Value(p) = &mut s.data.parts {
        p[0].start_date = formakit::wire::Nullable::Value(formakit::wire::WireDate("2025-09-15T06:00:00Z".into()));
        p[0].start_time_hour = formakit::wire::Nullable::Value(6);
    }
    assert_eq!(rules(&formakit::schema::validate(&s, Lang::En)), ["cegos.session.part.outside"]);
}

/// Contradiction 16: `durationInDays` is Double in one table and Integer in the other,
/// `delayIn*` Int and Decimal (`0.07`), `subTopics` is `null` on leaves: every
/// such number is an f64 (2, 2.0 and 2.5 all parse), `subTopics` is a
/// `Nullable<Vec<…>>`.
#[test]
fn contradiction_16_numbers_are_f64_and_leaf_sub_topics_are_null() {
    let page: CegosSessionsPage = common::assert_lossless(&fx("sessions_page_edge.json"));
    assert_eq!(page.data.iter().map(|s| s.duration_in_days).collect::<Vec<_>>(), [2.0, 2.5, 2.0]);
    let single: CegosSessionResponse = common::assert_lossless(&fx("session.json"));
    assert_eq!(single.data.duration_in_days, 2.0); // sent as the integer `2`
    let product: CegosProductResponse = common::assert_lossless(&fx("product.json"));
    let m = &product.data.formula.value().unwrap()[0].modules;
    assert_eq!((m[1].delay_in_day, m[1].delay_in_hour, m[1].delay_in_minute), (0.07, 0.5, 30.0));
    assert_eq!((m[0].delay_in_day, m[0].delay_in_hour), (3.0, 21.0));
    let topics: CegosCatalogTopicsResponse = common::assert_lossless(&fx("topics.json"));
    assert_eq!(topics.data.find(925050).unwrap().sub_topics, formakit::wire::Nullable::Null);
    assert!(formakit::parse::<CegosSessionsPage>(br#"{"pageNumber":1,"pageSize":100,"totalItems":0,"totalPages":0,"data":[],"x":1.5}"#).is_ok());
}

/// Contradiction 17: The topic route is `/v1/CatalogTopics` in the document and
/// `/v1/CatalogsTopics` in the provider's tutorial: the document's spelling is
/// sent, both are recognised (see the doc comment on `CATALOG_TOPICS_PATHS`).
#[test]
fn contradiction_17_catalog_topics_route_has_an_alias() {
    assert_eq!(CATALOG_TOPICS_PATHS, ["/v1/CatalogTopics", "/v1/CatalogsTopics"]);
    assert_eq!(CATALOG_TOPICS_PATH, CATALOG_TOPICS_PATHS[0]);
    for p in ["/v1/CatalogTopics", "/v1/CatalogsTopics", "/v1/catalogtopics", "/v1/CatalogsTopics/"] {
        assert!(is_catalog_topics_path(p), "{p}");
    }
    assert!(!is_catalog_topics_path("/v1/Catalogs") && !is_catalog_topics_path("/v1/Topics"));
    assert_eq!(routes::CATALOGS_PATH, "/v1/Catalogs");
}
