// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
//! Cegos models: every example of the document and the derived edge cases
//! parse, round-trip losslessly and read as expected.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod common;

use formakit::cegos::*;
use formakit::wire::Nullable;

fn fx(name: &str) -> Vec<u8> {
    common::fixture(&format!("cegos/{name}"))
}

#[test]
fn topics_example_round_trips_and_its_leaf_has_null_sub_topics() {
    let r: CegosCatalogTopicsResponse = common::assert_lossless(&fx("topics.json"));
    assert_eq!((r.data.catalog_id, r.data.year), (92446, 2025));
    let leaf = r.data.find(925050).unwrap();
    assert_eq!(leaf.label, "Management des achats");
    assert_eq!(leaf.sub_topics, Nullable::Null);
    assert!(leaf.is_leaf());
    let root = &r.data.topics[0];
    assert_eq!(root.descendants().iter().map(|t| t.id).collect::<Vec<_>>(), [924470, 925040, 925050]);
}

#[test]
fn topic_leaves_may_be_null_empty_or_absent_and_each_stays_as_sent() {
    let r: CegosCatalogTopicsResponse = common::assert_lossless(&fx("topics_leaves.json"));
    let kids = r.data.topics[0].children();
    assert_eq!(kids[0].sub_topics, Nullable::Null);
    assert_eq!(kids[1].sub_topics, Nullable::Value(vec![]));
    assert_eq!(kids[2].sub_topics, Nullable::Absent);
    assert!(kids.iter().all(CegosTopic::is_leaf));
    assert!(r.data.topics[1].extra.0.contains_key("icon"));
    let text = formakit::serialize(&r).unwrap();
    assert!(!text.contains("\"id\":13,\"label\":\"Leaf absent\",\"order\":3,\"subTopics\""), "an absent subTopics must stay absent: {text}");
}

#[test]
fn products_page_example_round_trips_hydrated() {
    let page: CegosProductsPage = common::assert_lossless(&fx("products_page.json"));
    assert_eq!((page.page_number, page.page_size, page.total_items, page.total_pages), (1, 100, 1247, 13));
    let p = &page.data[0];
    assert!(p.is_hydrated());
    assert_eq!(p.yearly_product_code, "202561072");
    assert_eq!(p.rs_code.value().map(String::as_str), Some("RS001"));
    assert_eq!(p.titles.value().unwrap()[0].kind, CegosTitleType::Main);
    assert_eq!(p.titles.value().unwrap()[0].length_maximum, 50);
    assert_eq!(p.catalog_topic_relations.value().unwrap()[0].relation_type, CegosTopicRelationType::Main);
    assert_eq!(p.level.label, "Découverte");
    assert_eq!(p.range.label, "Management");
    assert_eq!(p.notice.value().unwrap().program_content.value().unwrap().parts, ["Module 1", "Module 2"]);
    assert_eq!(p.commercial_duration.days, "2");
    assert_eq!(p.job_sheet_url.value().map(String::as_str), Some("https://fiche-metier.cegos.fr/manager"));
    // The list example sends no notice URLs: they are optional.
    assert_eq!(p.notice_url, Nullable::Absent);
}

#[test]
fn product_example_round_trips_with_titles_formula_and_notice() {
    let r: CegosProductResponse = common::assert_lossless(&fx("product.json"));
    let p = &r.data;
    assert_eq!((p.product_code.as_str(), p.yearly_product_code.as_str(), p.offer_year), ("38", "202500038", 2025));
    let titles = p.titles.value().unwrap();
    assert_eq!(titles.iter().map(|t| t.kind.clone()).collect::<Vec<_>>(), [CegosTitleType::TitleTag, CegosTitleType::Title, CegosTitleType::Subtitle]);
    assert_eq!(titles.iter().map(|t| t.length_maximum).collect::<Vec<_>>(), [128, 256, 256]);
    let modules = &p.formula.value().unwrap()[0].modules;
    assert_eq!(modules.len(), 3);
    assert_eq!(modules[1].delay_in_day, 0.07);
    assert_eq!(modules[1].delay_in_hour, 0.5);
    assert_eq!(modules[0].delay_in_minute, 1260.0);
    assert!(modules[1].is_product && !modules[0].is_product);
    assert_eq!(p.related_products.value().unwrap()[1].related_product_code, "7833");
    assert_eq!(p.notice.value().unwrap().program_content.value().unwrap().after.title, "Après la formation");
    assert_eq!(p.notice_url_pdf.value().map(String::as_str), Some("https://static.cegos.fr/pdf/2025_0038.pdf"));
    // Left out of the detail example although the list table names them.
    assert_eq!(p.module_duration, Nullable::Absent);
    assert_eq!(p.marketing_title, Nullable::Absent);
    assert_eq!(p.rncp_code, Nullable::Absent);
}

#[test]
fn a_product_without_hydrate_has_no_titles_formula_relations_nor_notice() {
    let r: CegosProductResponse = common::assert_lossless(&fx("product_not_hydrated.json"));
    let p = &r.data;
    assert!(!p.is_hydrated());
    assert_eq!(p.titles, Nullable::Absent);
    assert_eq!(p.formula, Nullable::Absent);
    assert_eq!(p.catalog_topic_relations, Nullable::Absent);
    assert_eq!(p.notice, Nullable::Absent);
    assert_eq!(p.related_products, Nullable::Absent);
    assert_eq!(p.module_duration, Nullable::Null);
    assert_eq!(p.rs_code, Nullable::Null);
}

#[test]
fn unknown_fields_survive_at_every_level_of_a_product() {
    let r: CegosProductResponse = common::assert_lossless(&fx("product_extra_fields.json"));
    assert!(r.extra.0.contains_key("requestId"));
    let p = &r.data;
    assert!(p.extra.0.contains_key("newFlag"));
    assert!(p.level.extra.0.contains_key("color"));
    assert!(p.formula.value().unwrap()[0].modules[0].extra.0.contains_key("weight"));
    let notice = p.notice.value().unwrap();
    assert!(notice.extra.0.contains_key("faq"));
    assert_eq!(notice.program_content.value().unwrap().downstream.value().map(String::as_str), Some("Après"));
    assert!(notice.program_content.value().unwrap().before.extra.0.contains_key("icon"));
    assert!(p.commercial_duration.extra.0.contains_key("weeks"));
    assert!(p.titles.value().unwrap()[0].extra.0.contains_key("lang"));
    let relation = &p.catalog_topic_relations.value().unwrap()[0].relation_type;
    assert_eq!(relation, &CegosTopicRelationType::Unknown("Tertiary".into()));
    assert_eq!(relation.as_str(), "Tertiary");
}

#[test]
fn centers_example_and_null_fields_round_trip() {
    let r: CegosCentersResponse = common::assert_lossless(&fx("centers.json"));
    assert_eq!(r.data[1].address, ["Place du Général Leclerc", "Porte 11"]);
    assert_eq!(r.data[0].code.value().map(String::as_str), Some("679"));
    let r: CegosCentersResponse = common::assert_lossless(&fx("centers_nulls.json"));
    assert_eq!(r.data[2].code, Nullable::Null);
    assert_eq!(r.data[3].code, Nullable::Absent);
    assert!(r.data[2].address.is_empty());
}

#[test]
fn sessions_page_example_round_trips_with_parts() {
    let page: CegosSessionsPage = common::assert_lossless(&fx("sessions_page.json"));
    assert_eq!((page.total_items, page.total_pages), (2847, 29));
    let s = &page.data[0];
    assert_eq!(s.status, CegosSessionStatus::Open);
    assert_eq!(s.price, 1350.0);
    assert_eq!(s.duration_in_days, 2.0);
    assert_eq!(s.limit_max.value(), Some(&12));
    let parts = s.parts.value().unwrap();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[1].center_id.value().map(String::as_str), Some("PAR-001"));
    assert_eq!(parts[1].start_date.value().unwrap().as_str(), "2025-03-16T09:00:00");
}

#[test]
fn session_example_round_trips() {
    let r: CegosSessionResponse = common::assert_lossless(&fx("session.json"));
    let s = &r.data;
    assert_eq!(s.yearly_session_code, "2025-61072-PAR-001");
    assert_eq!(s.duration_in_days, 2.0);
    assert_eq!(s.start_date.as_str(), "2025-09-15T09:00:00Z");
    assert_eq!(s.parts.value().unwrap()[0].end_time_minute.value(), Some(&30));
}

#[test]
fn session_edge_cases_round_trip() {
    let page: CegosSessionsPage = common::assert_lossless(&fx("sessions_page_edge.json"));
    let [a, b, c] = &page.data[..] else { panic!("three sessions") };
    assert_eq!(a.duration_in_days, 2.0);
    assert_eq!(b.duration_in_days, 2.5);
    assert_eq!(c.duration_in_days, 2.0);
    assert_eq!(b.status, CegosSessionStatus::Unknown("Cancelled".into()));
    assert_eq!(c.status, CegosSessionStatus::Unknown("Closed".into()));
    let third = &b.parts.value().unwrap()[2];
    assert_eq!((third.duration_in_day, third.center_id.clone()), (0.5, Nullable::Null));
    assert!(third.extra.0.contains_key("room"));
    assert_eq!(c.parts, Nullable::Absent);
    assert_eq!(c.city, Nullable::Absent);
    assert_eq!(c.registration_count, Nullable::Null);
    assert_eq!(c.top_cpf, Nullable::Null);
    assert!(c.extra.0.contains_key("newField"));

    let r: CegosSessionResponse = common::assert_lossless(&fx("session_closed.json"));
    assert_eq!(r.data.status.as_str(), "Closed");
    let part = &r.data.parts.value().unwrap()[1];
    assert_eq!((part.start_date.clone(), part.start_time_hour.clone()), (Nullable::Null, Nullable::Null));
}

#[test]
fn catalogs_with_a_no_date_sentinel_round_trip() {
    let r: CegosCatalogsResponse = common::assert_lossless(&fx("catalogs_no_date.json"));
    assert!(r.data[1].end_date.is_no_date());
    assert_eq!(r.data[2].start_date.timestamp().unwrap().unwrap().offset_minutes, Some(0));
}

#[test]
fn decode_errors_point_into_nested_models() {
    let e = common::decode_error::<CegosSessionsPage>(
        br#"{"pageNumber":1,"pageSize":100,"totalItems":1,"totalPages":1,"data":[{"yearlySessionCode":"x","sessionNumber":"one"}]}"#,
    );
    assert_eq!(e.path, "data[0].sessionNumber");
    assert_eq!(e.expected, "an integer");
    let e = common::decode_error::<CegosCatalogTopicsResponse>(
        br#"{"data":{"catalogId":1,"year":2025,"topics":[{"id":1,"label":"a","order":1,"subTopics":[{"id":2,"label":"b","order":"x"}]}]}}"#,
    );
    assert_eq!(e.path, "data.topics[0].subTopics[0].order");
    let e = common::decode_error::<CegosProductResponse>(br#"{"data":{"productCode":38}}"#);
    assert_eq!(e.path, "data.productCode");
    assert_eq!(e.expected, "a string");
}

#[test]
fn requests_round_trip_and_build_their_urls() {
    let q: CegosProductsQuery = common::assert_lossless(br#"{"pageNumber":2,"hydrate":true}"#);
    assert_eq!(q.path_and_query(), "/v1/Products?pageNumber=2&hydrate=true");
    assert_eq!(CegosProductsQuery::default().path_and_query(), "/v1/Products");
    let q: CegosSessionsQuery = common::assert_lossless(br#"{"hydrate":false,"productCode":["61072","38"],"note":null}"#);
    assert_eq!(q.path_and_query(), "/v1/Sessions?hydrate=false&productCode=61072&productCode=38");
    let q: CegosProductQuery = common::assert_lossless(br#"{"yearlyProductCode":"202500038","hydrate":true}"#);
    assert_eq!(q.path_and_query(), "/v1/Products/202500038?hydrate=true");
    let q: CegosSessionQuery = common::assert_lossless(br#"{"yearlySessionCode":"2025-61072-PAR-001"}"#);
    assert_eq!(q.path_and_query(), "/v1/Sessions/2025-61072-PAR-001");
    assert_eq!(routes::session_path("a b/é"), "/v1/Sessions/a%20b%2F%C3%A9");
    let q: CegosCatalogTopicsQuery = common::assert_lossless(br#"{"catalogId":92446}"#);
    assert!(q.extra.0.contains_key("catalogId"));
    let _: CegosCatalogsQuery = common::assert_lossless(b"{}");
    let _: CegosCentersQuery = common::assert_lossless(b"{}");
    let e = common::decode_error::<CegosProductsQuery>(br#"{"hydrate":"yes"}"#);
    assert_eq!(e.path, "hydrate");
}

#[test]
fn every_cegos_schema_is_registered_under_its_name() {
    let want = [
        "cegos.catalogs",
        "cegos.topics",
        "cegos.productsPage",
        "cegos.product",
        "cegos.centers",
        "cegos.sessionsPage",
        "cegos.session",
        "cegos.catalogsQuery",
        "cegos.topicsQuery",
        "cegos.productsQuery",
        "cegos.productQuery",
        "cegos.centersQuery",
        "cegos.sessionsQuery",
        "cegos.sessionQuery",
        "cegos.tokenRequest",
        "cegos.token",
        "cegos.oauthError",
    ];
    let names: Vec<_> = formakit::schema::all().filter(|s| s.provider() == "cegos").map(|s| s.name).collect();
    assert_eq!(names, want);
    for (schema, file) in [
        ("cegos.catalogs", "catalogs.json"),
        ("cegos.topics", "topics.json"),
        ("cegos.productsPage", "products_page.json"),
        ("cegos.product", "product.json"),
        ("cegos.centers", "centers.json"),
        ("cegos.sessionsPage", "sessions_page.json"),
        ("cegos.session", "session.json"),
        ("cegos.tokenRequest", "token_request.json"),
        ("cegos.token", "token.json"),
        ("cegos.oauthError", "oauth_error_invalid_client.json"),
    ] {
        let s = formakit::schema::find(schema).unwrap();
        s.check(&fx(file)).unwrap_or_else(|e| panic!("{schema}: {e}"));
        assert!(s.ts_type.starts_with("Cegos"), "{schema}");
    }
    assert!(formakit::schema::ts_declarations().any(|d| d.contains("CegosSessionStatus") && d.contains("\"Cancel\"")));
}

/// Issue 8: the notice's sections are CMS content: a product whose notice
/// lacks `forWho`, `video` or the program content is still a product.
#[test]
fn notice_sections_are_optional() {
    let mut page: serde_json::Value = serde_json::from_slice(&fx("bench-products-page.json")).unwrap();
    let notice = page["data"][0]["notice"].as_object_mut().unwrap();
    for field in ["forWho", "video", "programContent", "cpfPopup"] {
        assert!(notice.remove(field).is_some(), "{field} is in the fixture");
    }
    let text = page.to_string();
    let parsed: CegosProductsPage = formakit::parse(text.as_bytes()).unwrap();
    let n = parsed.data[0].notice.value().unwrap();
    assert!(n.for_who.is_absent() && n.video.is_absent() && n.program_content.is_absent());
    assert!(formakit::safe_parse::<CegosProductsPage>(text.as_bytes(), formakit::Lang::En).is_ok());
}

#[test]
fn oauth_token_request_and_answers_round_trip() {
    let req: CegosTokenRequest = common::assert_lossless(&fx("token_request.json"));
    assert_eq!(req.to_form_body(), "grant_type=client_credentials&client_id=formakit-client&client_secret=s3cr3t%2F%2B%3D%26&scope=api-cegos");
    assert_eq!(req.scopes().collect::<Vec<_>>(), [SCOPE]);
    assert_eq!(CegosTokenRequest::client_credentials("formakit-client", "s3cr3t/+=&", SCOPE), req);

    // As the sandbox answers it: one hour, scope api-cegos.
    let token: CegosToken = common::assert_lossless(&fx("token.json"));
    assert_eq!((token.expires_in, token.token_type.as_str()), (3600, "Bearer"));
    assert_eq!(token.scope.value().map(String::as_str), Some(SCOPE));
    let minimal: CegosToken = common::assert_lossless(&fx("token_no_scope.json"));
    assert!(minimal.scope.is_absent());
    let e = common::decode_error::<CegosToken>(br#"{"access_token":"a","token_type":"Bearer","expires_in":3600.5}"#);
    assert_eq!(e.path, "expires_in");

    let e: CegosOAuthError = common::assert_lossless(&fx("oauth_error_invalid_client.json"));
    assert_eq!(e.error, "invalid_client");
    assert!(e.error_description.value().is_some_and(|d| d.contains("client authentication failed")));
    // Any RFC 6749 code (or another) is kept as sent; the description may be absent.
    let e: CegosOAuthError = common::assert_lossless(br#"{"error":"temporarily_unavailable"}"#);
    assert_eq!(e.error, "temporarily_unavailable");
    assert!(e.error_description.is_absent());
}

#[test]
fn oauth_schemas_are_registered_and_the_token_route_names_them() {
    for name in ["cegos.tokenRequest", "cegos.token", "cegos.oauthError"] {
        assert!(formakit::schema::find(name).is_ok(), "{name}");
    }
    let token = formakit::endpoints::find(formakit::endpoint::Provider::Cegos, "token").unwrap();
    assert_eq!((token.request, token.response, token.error), (Some("cegos.tokenRequest"), "cegos.token", Some("cegos.oauthError")));
}

#[test]
fn oauth_token_request_rules() {
    use formakit::validate::{Lang, Severity};
    let rules = |r: &CegosTokenRequest| formakit::schema::validate(r, Lang::En).iter().map(|i| (i.rule, i.severity)).collect::<Vec<_>>();
    let ok = CegosTokenRequest::client_credentials("acme", "secret", SCOPE);
    assert_eq!(rules(&ok), []);
    assert_eq!(rules(&CegosTokenRequest::client_credentials("acme", "secret", "openid api-cegos")), []);
    let bad = CegosTokenRequest { grant_type: "password".into(), ..ok.clone() };
    assert_eq!(rules(&bad), [("cegos.token.grantType", Severity::Error)]);
    let blank = CegosTokenRequest::client_credentials(" ", "", SCOPE);
    assert_eq!(rules(&blank), [("cegos.token.required", Severity::Error), ("cegos.token.required", Severity::Error)]);
    assert_eq!(rules(&CegosTokenRequest::client_credentials("acme", "secret", "")), [("cegos.token.scope", Severity::Warning)]);
    assert_eq!(rules(&CegosTokenRequest::client_credentials("acme", "secret", "api-cegos-x")), [("cegos.token.scope", Severity::Warning)]);
    let issues = formakit::schema::validate(&blank, Lang::En);
    assert_eq!(issues.iter().map(|i| i.path.as_str()).collect::<Vec<_>>(), ["client_id", "client_secret"]);
}
