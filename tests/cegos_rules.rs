// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
//! Cegos validation rules and `session_availability`: each rule with a
//! passing and a failing case.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod common;

use formakit::cegos::*;
use formakit::validate::{Lang, Severity};
use formakit::wire::{Nullable, WireDate};
use formakit::{Issue, Model};

fn fx(name: &str) -> Vec<u8> {
    common::fixture(&format!("cegos/{name}"))
}

fn load<T: Model>(name: &str) -> T {
    formakit::parse(&fx(name)).unwrap()
}

fn check<T: Model>(value: &T) -> Vec<Issue> {
    formakit::schema::validate(value, Lang::En)
}

fn rules(issues: &[Issue]) -> Vec<&'static str> {
    issues.iter().map(|i| i.rule).collect()
}

fn session() -> CegosSessionResponse {
    load("session.json")
}

fn product() -> CegosProductResponse {
    load("product.json")
}

fn parts(s: &mut CegosSessionResponse) -> &mut Vec<CegosSessionPart> {
    match &mut s.data.parts {
        Nullable::Value(p) => p,
        _ => unreachable!("the fixture has parts"),
    }
}

#[test]
fn every_example_of_the_document_validates_cleanly() {
    assert!(check(&load::<CegosCatalogsResponse>("catalogs.json")).is_empty());
    assert!(check(&load::<CegosCatalogTopicsResponse>("topics.json")).is_empty());
    assert!(check(&load::<CegosProductsPage>("products_page.json")).is_empty());
    assert!(check(&product()).is_empty());
    assert!(check(&load::<CegosCentersResponse>("centers.json")).is_empty());
    assert!(check(&load::<CegosSessionsPage>("sessions_page.json")).is_empty());
    assert!(check(&session()).is_empty());
    assert!(check(&load::<CegosSessionsPage>("sessions_page_edge.json")).is_empty(), "{:?}", check(&load::<CegosSessionsPage>("sessions_page_edge.json")));
    assert!(check(&load::<CegosSessionResponse>("session_closed.json")).is_empty());
    assert!(check(&load::<CegosProductResponse>("product_not_hydrated.json")).is_empty());
}

// ------------------------------------------------------------ titles

fn with_title(text: &str, max: i64) -> Vec<Issue> {
    let mut p = product();
    if let Nullable::Value(t) = &mut p.data.titles {
        t[0].text = text.to_string();
        t[0].length_maximum = max;
    }
    check(&p)
}

#[test]
fn titles_fit_their_own_length_maximum_in_utf16_units() {
    // The document's titles are within 128 / 256 / 256.
    assert!(check(&product()).is_empty());
    assert!(with_title(&"a".repeat(128), 128).is_empty());
    let issues = with_title(&"a".repeat(129), 128);
    assert_eq!(rules(&issues), ["cegos.product.title.length"]);
    assert_eq!(issues[0].path, "data.titles[0].text");
    assert_eq!(issues[0].severity, Severity::Error);
    assert!(issues[0].message.contains("129"), "{}", issues[0].message);
    // Each title has its own limit: the same text fits 256, not 50.
    let text = "é".repeat(60);
    assert!(with_title(&text, 256).is_empty());
    assert_eq!(rules(&with_title(&text, 50)), ["cegos.product.title.length"]);
}

#[test]
fn title_lengths_count_accents_combining_marks_and_emoji_as_utf16() {
    assert!(with_title("é".repeat(10).as_str(), 10).is_empty()); // precomposed: 1 each
    assert_eq!(rules(&with_title("e\u{301}".repeat(6).as_str(), 10)), ["cegos.product.title.length"]); // 12 units
    assert!(with_title("e\u{301}".repeat(5).as_str(), 10).is_empty());
    assert!(with_title("😀".repeat(5).as_str(), 10).is_empty()); // 2 each
    assert_eq!(rules(&with_title(&format!("{}a", "😀".repeat(5)), 10)), ["cegos.product.title.length"]);
    // A limit of 0 (or less) is not a limit.
    assert!(with_title("anything", 0).is_empty());
}

#[test]
fn title_length_messages_are_french_by_default() {
    let mut p = product();
    if let Nullable::Value(t) = &mut p.data.titles {
        t[0].text = "x".repeat(200);
    }
    let issues = formakit::schema::validate(&p, Lang::default());
    assert!(issues[0].message.contains("au plus 128"), "{}", issues[0].message);
}

// ------------------------------------------------------------ dates

#[test]
fn catalog_start_is_not_after_its_end_and_no_date_is_skipped() {
    let mut c: CegosCatalogsResponse = load("catalogs.json");
    assert!(check(&c).is_empty());
    c.data[0].end_date = WireDate("2024-08-31T23:59:59".into());
    let issues = check(&c);
    assert_eq!(rules(&issues), ["cegos.catalog.dates.order"]);
    assert_eq!(issues[0].path, "data[0].endDate");
    // "No date" (.NET MinValue) is skipped, not read as year 1.
    assert!(check(&load::<CegosCatalogsResponse>("catalogs_no_date.json")).is_empty());
    c.data[0].end_date = WireDate("31/12/2025".into());
    assert_eq!(rules(&check(&c)), ["cegos.date.format"]);
}

#[test]
fn session_start_is_not_after_its_end() {
    let mut s = session();
    s.data.end_date = WireDate("2025-09-14T17:30:00Z".into());
    let r = rules(&check(&s));
    assert!(r.contains(&"cegos.session.dates.order"), "{r:?}");
    let mut s = session();
    s.data.end_date = WireDate("0001-01-01T00:00:00".into());
    assert!(!rules(&check(&s)).contains(&"cegos.session.dates.order"));
}

#[test]
fn each_part_is_ordered_and_inside_its_session() {
    let mut s = session();
    parts(&mut s)[0].end_date = Nullable::Value(WireDate("2025-09-15T08:00:00Z".into()));
    parts(&mut s)[0].end_time_hour = Nullable::Value(8);
    parts(&mut s)[0].end_time_minute = Nullable::Value(0);
    let issues = check(&s);
    assert_eq!(rules(&issues), ["cegos.session.part.dates.order"]);
    assert_eq!(issues[0].path, "data.parts[0].endDate");

    let mut s = session();
    parts(&mut s)[1].end_date = Nullable::Value(WireDate("2025-09-17T17:30:00Z".into()));
    let issues = check(&s);
    assert_eq!(rules(&issues), ["cegos.session.part.outside"]);
    assert_eq!(issues[0].path, "data.parts[1].endDate");

    // Parts in number order must not overlap.
    let mut s = session();
    parts(&mut s)[1].start_date = Nullable::Value(WireDate("2025-09-15T12:00:00Z".into()));
    parts(&mut s)[1].start_time_hour = Nullable::Value(12);
    let issues = check(&s);
    assert_eq!(rules(&issues), ["cegos.session.part.sequence"]);
    assert_eq!((issues[0].severity, issues[0].path.as_str()), (Severity::Warning, "data.parts[1].startDate"));

    // A part with null dates is skipped.
    assert!(check(&load::<CegosSessionResponse>("session_closed.json")).is_empty());
}

#[test]
fn part_times_are_in_range_and_agree_with_the_dates() {
    let mut s = session();
    parts(&mut s)[0].end_time_minute = Nullable::Value(75);
    let issues = check(&s);
    assert_eq!(rules(&issues), ["cegos.session.part.time"]);
    assert_eq!(issues[0].severity, Severity::Error);
    let mut s = session();
    parts(&mut s)[0].start_time_hour = Nullable::Value(10);
    let issues = check(&s);
    assert_eq!(rules(&issues), ["cegos.session.part.time"]);
    assert_eq!((issues[0].severity, issues[0].path.as_str()), (Severity::Warning, "data.parts[0].startTimeHour"));
}

// ------------------------------------------------------------ codes and URLs

#[test]
fn rncp_and_rs_codes_have_their_register_format() {
    let mut page: CegosProductsPage = load("products_page.json");
    assert!(check(&page).is_empty());
    page.data[0].rncp_code = Nullable::Value("RNCP12".into());
    page.data[0].rs_code = Nullable::Value("RS-001".into());
    let issues = check(&page);
    assert_eq!(rules(&issues), ["cegos.product.rncpCode.format", "cegos.product.rsCode.format"]);
    assert_eq!(issues[0].path, "data[0].rncpCode");
    page.data[0].rncp_code = Nullable::Null;
    page.data[0].rs_code = Nullable::Absent;
    assert!(check(&page).is_empty());
}

#[test]
fn product_yearly_code_matches_its_year_and_product_code() {
    let mut p = product();
    p.data.yearly_product_code = "202400038".into();
    let issues = check(&p);
    assert_eq!(rules(&issues), ["cegos.yearlyProductCode.mismatch"]);
    assert!(issues[0].message.contains("\"202500038\""), "{}", issues[0].message);
    p.data.yearly_product_code = "202538".into(); // code not padded to 5: neither form
    assert_eq!(rules(&check(&p)), ["cegos.yearlyProductCode.format"]);
    p.data.yearly_product_code = "2025000038".into(); // padded to 6
    assert_eq!(rules(&check(&p)), ["cegos.yearlyProductCode.mismatch"]);
    p.data.yearly_product_code = "2025-38".into(); // the sessions' form is accepted
    assert!(check(&p).is_empty());
    p.data.yearly_product_code = "P-38".into();
    assert_eq!(rules(&check(&p)), ["cegos.yearlyProductCode.format"]);
}

#[test]
fn session_codes_agree_with_each_other() {
    let mut s = session();
    s.data.yearly_session_code = "2025-61073-PAR-001".into();
    assert_eq!(rules(&check(&s)), ["cegos.yearlySessionCode.mismatch"]);
    let mut s = session();
    s.data.yearly_session_code = "2025/61072/PAR/001".into();
    assert_eq!(rules(&check(&s)), ["cegos.yearlySessionCode.format"]);
    let mut s = session();
    s.data.yearly_product_code = "2024-61072".into();
    assert_eq!(rules(&check(&s)), ["cegos.yearlyProductCode.mismatch"]);
    let mut s = session();
    s.data.session_number = 4;
    let issues = check(&s);
    assert_eq!(rules(&issues), ["cegos.yearlySessionCode.mismatch"]);
    assert_eq!((issues[0].severity, issues[0].path.as_str()), (Severity::Warning, "data.sessionNumber"));
}

#[test]
fn product_urls_are_absolute_http_urls() {
    let mut p = product();
    p.data.notice_url = Nullable::Value("www.cegos.fr/38".into());
    p.data.notice_url_pdf = Nullable::Value("https://static.cegos.fr/pdf/2025 0038.pdf".into());
    p.data.job_sheet_url = Nullable::Value("ftp://fiche.cegos.fr".into());
    let issues = check(&p);
    assert_eq!(rules(&issues), ["cegos.product.url.format"; 3]);
    assert_eq!(issues.iter().map(|i| i.path.as_str()).collect::<Vec<_>>(), ["data.noticeUrl", "data.noticeUrlPdf", "data.jobSheetUrl"]);
    p.data.job_sheet_url = Nullable::Null;
    p.data.notice_url = Nullable::Absent;
    p.data.notice_url_pdf = Nullable::Value("http://static.cegos.fr/pdf/2025_0038.pdf".into());
    assert!(check(&p).is_empty());
}

// ------------------------------------------------------------ pages, counts, queries

#[test]
fn page_counts_add_up() {
    let mut page: CegosSessionsPage = load("sessions_page.json");
    page.total_pages = 28;
    let issues = check(&page);
    assert_eq!(rules(&issues), ["cegos.page.numbers"]);
    assert_eq!((issues[0].severity, issues[0].path.as_str()), (Severity::Warning, "totalPages"));
    page.total_pages = 29;
    page.page_number = 0;
    assert_eq!(rules(&check(&page)), ["cegos.page.numbers"]);
}

#[test]
fn session_counts_are_not_negative_and_min_is_not_above_max() {
    let mut s = session();
    s.data.limit_min = Nullable::Value(13);
    s.data.is_high_probability = false;
    assert_eq!(rules(&check(&s)), ["cegos.session.counts"]);
    let mut s = session();
    s.data.registration_count = Nullable::Value(-1);
    s.data.is_high_probability = false;
    let issues = check(&s);
    assert_eq!(rules(&issues), ["cegos.session.counts"]);
    assert_eq!(issues[0].severity, Severity::Error);
}

#[test]
fn queries_check_their_page_number_and_codes() {
    let q: CegosProductsQuery = formakit::parse(br#"{"pageNumber":0}"#).unwrap();
    assert_eq!(rules(&check(&q)), ["cegos.query.pageNumber"]);
    let q: CegosSessionsQuery = formakit::parse(br#"{"pageNumber":3,"hydrate":true}"#).unwrap();
    assert!(check(&q).is_empty());
    let q: CegosProductQuery = formakit::parse(br#"{"yearlyProductCode":"38"}"#).unwrap();
    assert_eq!(rules(&check(&q)), ["cegos.yearlyProductCode.format"]);
    let q: CegosProductQuery = formakit::parse(br#"{"yearlyProductCode":"202500038"}"#).unwrap();
    assert!(check(&q).is_empty());
    let q: CegosSessionQuery = formakit::parse(br#"{"yearlySessionCode":"61072"}"#).unwrap();
    assert_eq!(rules(&check(&q)), ["cegos.yearlySessionCode.format"]);
}

#[test]
fn duplicate_topics_are_flagged() {
    let mut t: CegosCatalogTopicsResponse = load("topics.json");
    assert!(check(&t).is_empty());
    t.data.topics.push(t.data.topics[0].clone());
    let issues = check(&t);
    assert_eq!(rules(&issues), ["cegos.topics.id.duplicate"; 3]);
    assert_eq!(issues[2].path, "data.topics[1].subTopics[0].subTopics[0].id");
}

// ------------------------------------------------------------ availability

fn counts(reg: Option<i64>, min: Option<i64>, max: Option<i64>, city: &str) -> CegosSession {
    let mut s = session().data;
    s.registration_count = reg.into();
    s.limit_min = min.into();
    s.limit_max = max.into();
    s.city = Nullable::Value(city.to_string());
    s
}

#[test]
fn availability_of_the_documents_sessions() {
    let a = session_availability(&session().data);
    assert_eq!(
        a,
        CegosSessionAvailability {
            is_full: false,
            last_place_by_range: false,
            last_place_by_exact_count: false,
            is_high_probability: true,
            bookable: true,
            remaining_places: Some(4),
            from_counts: true
        }
    );
    let json = serde_json::to_value(a).unwrap();
    for key in ["isFull", "lastPlaceByRange", "lastPlaceByExactCount", "isHighProbability", "bookable", "remainingPlaces", "fromCounts"] {
        assert!(json.get(key).is_some(), "{key} in {json}");
    }
}

#[test]
fn availability_follows_the_counts() {
    let full = session_availability(&counts(Some(12), Some(6), Some(12), "LYON"));
    assert!(full.is_full && !full.bookable && !full.last_place_by_range && !full.last_place_by_exact_count);
    assert_eq!(full.remaining_places, Some(0));
    let over = session_availability(&counts(Some(14), Some(6), Some(12), "LYON"));
    assert_eq!((over.is_full, over.remaining_places), (true, Some(0)));
    // The range rule: 12 − 4 < n < 12, i.e. 9, 10, 11 — outside Paris and remote only.
    for (n, want) in [(8, false), (9, true), (10, true), (11, true), (12, false)] {
        assert_eq!(session_availability(&counts(Some(n), Some(6), Some(12), "LYON")).last_place_by_range, want, "{n}");
        assert!(!session_availability(&counts(Some(n), Some(6), Some(12), "PARIS")).last_place_by_range);
        assert!(!session_availability(&counts(Some(n), Some(6), Some(12), "A DISTANCE")).last_place_by_range);
        assert_eq!(session_availability(&counts(Some(n), Some(6), Some(12), "PARIS")).last_place_by_exact_count, n == 11);
    }
    let mut remote = counts(Some(10), Some(6), Some(12), "LYON");
    remote.is_remote = true;
    assert!(!session_availability(&remote).last_place_by_range);
    assert!(!session_availability(&counts(Some(10), Some(6), Some(12), "Paris-La Défense")).last_place_by_range);
    assert!(session_availability(&counts(Some(10), Some(6), Some(12), "Parisot")).last_place_by_range);
    // High probability: registrations ≥ limitMin.
    assert!(!session_availability(&counts(Some(5), Some(6), Some(12), "LYON")).is_high_probability);
    assert!(session_availability(&counts(Some(6), Some(6), Some(12), "LYON")).is_high_probability);
}

#[test]
fn availability_repeats_the_servers_flags_when_counts_are_missing() {
    let mut s = counts(None, None, None, "LYON");
    s.is_full = true;
    s.is_last_place_available = false;
    s.is_high_probability = true;
    let a = session_availability(&s);
    assert!(!a.from_counts && a.is_full && !a.bookable && a.is_high_probability && a.remaining_places.is_none());
    assert!(serde_json::to_value(a).unwrap().get("remainingPlaces").is_none());
}

#[test]
fn bookable_needs_an_open_or_valid_status() {
    for (status, want) in [
        (CegosSessionStatus::Open, true),
        (CegosSessionStatus::Valid, true),
        (CegosSessionStatus::Invited, false),
        (CegosSessionStatus::Cancel, false),
        (CegosSessionStatus::Unknown("Closed".into()), false),
    ] {
        let mut s = session().data;
        s.status = status.clone();
        assert_eq!(session_availability(&s).bookable, want, "{status:?}");
    }
}

#[test]
fn server_flags_that_contradict_the_counts_are_warned() {
    let mut s = session();
    s.data.is_full = true; // 8 of 12
    let issues = check(&s);
    assert_eq!(rules(&issues), ["cegos.session.isFull.mismatch"]);
    assert_eq!((issues[0].severity, issues[0].path.as_str()), (Severity::Warning, "data.isFull"));
    assert!(issues[0].message.contains("isFull = true"), "{}", issues[0].message);

    let mut s = session();
    s.data.is_high_probability = false; // 8 ≥ 6
    assert_eq!(rules(&check(&s)), ["cegos.session.isHighProbability.mismatch"]);

    // Without counts the flags cannot be checked.
    let mut s = session();
    s.data.registration_count = Nullable::Null;
    s.data.is_full = true;
    s.data.is_high_probability = false;
    assert!(check(&s).is_empty());
}
