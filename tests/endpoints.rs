// Host tests: they read README.md from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
//! The endpoint table (`formakit::endpoints`): README's "Endpoints" table
//! agrees with it row for row, every schema it names exists, names and path
//! templates are well formed, path segments are encoded exactly once, and
//! only the calls that are safe to repeat say so.

use std::collections::{BTreeMap, BTreeSet};

use formakit::endpoints::{self, endpoints, fill_path, find, find_id, find_route, Auth, Endpoint, Method, Paging, PathError, Provider, RequestIn};
use formakit::schema;

fn all() -> Vec<&'static Endpoint> {
    endpoints().collect()
}

// ---------------------------------------------------------------- README

fn provider_label(p: Provider) -> &'static str {
    match p {
        Provider::Cegos => "Cegos",
        Provider::Lara => "Lära",
        Provider::FranceTravail => "France Travail",
        Provider::CampusSkills => "Campus Skills",
    }
}

fn code(s: &str) -> String {
    format!("`{s}`")
}

/// The README row of `e`, cell by cell, as the table writes it.
fn row(e: &Endpoint) -> Vec<String> {
    let mut path = code(&format!("{}{}", e.path, fixed_query(e)));
    for a in e.aliases {
        path.push_str(&format!(" (alias {})", code(a)));
    }
    let name = if e.documented { code(e.name) } else { format!("{} (not in the documents)", code(e.name)) };
    let sent = match e.request_in {
        RequestIn::Query => "query",
        RequestIn::JsonBody => "JSON body",
        RequestIn::Form => "form",
        RequestIn::None => "—",
    };
    let paging = match e.paging {
        Paging::None => "—".to_string(),
        Paging::PageNumber { page_param, page_size: Some(n), .. } => format!("{} ({n} per page)", code(page_param)),
        Paging::PageNumber { page_param, size_param: Some(s), .. } => format!("{} / {}", code(page_param), code(s)),
        Paging::PageNumber { page_param, .. } => code(page_param),
        Paging::PageLimit { page_param, limit_param, .. } => format!("{} / {}", code(page_param), code(limit_param)),
    };
    vec![
        provider_label(e.provider).to_string(),
        name,
        e.method.as_str().to_string(),
        path,
        e.request.map_or("—".to_string(), code),
        sent.to_string(),
        code(e.response),
        code(e.auth.as_str()),
        if e.retry_safe { "yes" } else { "no" }.to_string(),
        paging,
    ]
}

fn fixed_query(e: &Endpoint) -> String {
    // The path with no parameters filled is not what `fill` takes; write the fixed query alone.
    let q: Vec<String> =
        e.fixed_query.iter().map(|(k, v)| format!("{}={}", formakit::http::encode_component(k), formakit::http::encode_component(v))).collect();
    if q.is_empty() {
        String::new()
    } else {
        format!("?{}", q.join("&"))
    }
}

const HEADER: &str = "| provider | name | method | path | request | sent as | response | auth | retry-safe | paging |";

fn expected_table() -> String {
    let mut out = vec![HEADER.to_string(), "|---|---|---|---|---|---|---|---|---|---|".to_string()];
    out.extend(all().into_iter().map(|e| format!("| {} |", row(e).join(" | "))));
    out.join("\n")
}

/// The rows of README's table under `## Endpoints`, cells trimmed.
fn readme_rows() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme.split("\n## Endpoints\n").nth(1).expect("README has a \"## Endpoints\" section");
    let section = section.split("\n## ").next().unwrap();
    let mut lines = section.lines().skip_while(|l| l.trim() != HEADER);
    assert!(lines.next().is_some(), "the Endpoints section has no table with the header\n{HEADER}");
    lines
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.trim().trim_start_matches('|').trim_end_matches('|').split(" | ").map(|c| c.trim().to_string()).collect())
        .collect()
}

#[test]
fn readme_endpoint_table_matches_the_registry() {
    let expected: Vec<Vec<String>> = all().into_iter().map(row).collect();
    let found = readme_rows();
    assert!(found == expected, "README's Endpoints table disagrees with formakit::endpoints; it should read:\n\n{}\n", expected_table());
}

#[test]
fn readme_lists_every_base_url() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme.split("\n## Endpoints\n").nth(1).unwrap();
    for e in all() {
        if let Some(b) = e.base_url {
            assert!(section.contains(&code(b)), "README's Endpoints section lacks the base URL {b} of {}", e.id());
        }
    }
}

// ---------------------------------------------------------------- registry

#[test]
fn every_schema_named_exists() {
    let names: BTreeSet<&str> = schema::names().collect();
    for e in all() {
        for s in e.request.into_iter().chain([e.response]).chain(e.error) {
            assert!(names.contains(s), "{}: schema {s} is not in formakit::schema::names()", e.id());
        }
        assert_eq!(e.request.is_none(), e.request_in == RequestIn::None, "{}: a request schema iff something is sent", e.id());
    }
}

#[test]
fn every_request_and_response_schema_has_an_endpoint() {
    // Item schemas (one element of a list answer) and error bodies are not any route's whole request or answer.
    let items = ["lara.programUrl", "lara.cycle", "lara.period", "campusskills.contract"];
    let used: BTreeSet<&str> = all().into_iter().flat_map(|e| e.request.into_iter().chain([e.response]).chain(e.error)).collect();
    let orphans: Vec<&str> = schema::names().filter(|n| !used.contains(n) && !items.contains(n)).collect();
    assert!(orphans.is_empty(), "schemas no endpoint sends or answers: {orphans:?}");
}

#[test]
fn names_are_camel_case_and_unique_per_provider() {
    let mut seen = BTreeSet::new();
    for e in all() {
        assert!(seen.insert((e.provider, e.name)), "{} twice", e.id());
        let mut c = e.name.chars();
        assert!(c.next().is_some_and(|c| c.is_ascii_lowercase()) && c.all(|c| c.is_ascii_alphanumeric()), "{} is not camelCase", e.name);
        assert_eq!(find(e.provider, e.name), Some(e));
        assert_eq!(find_id(&e.id()), Some(e));
        assert!(e.id().starts_with(&format!("{}.", e.provider)));
        for schema in e.request.iter().chain([&e.response]).chain(e.error.iter()) {
            assert!(schema.starts_with(&format!("{}.", e.provider)), "{}: another provider's schema {schema}", e.id());
        }
    }
    let ids: BTreeSet<String> = all().into_iter().map(Endpoint::id).collect();
    assert_eq!(ids.len(), all().len());
    assert_eq!(find_id("cegos.nope"), None);
    assert_eq!(find_id("nope.products"), None);
    assert_eq!(find_id("products"), None);
}

#[test]
fn the_names_the_clients_issue_asks_for_exist() {
    for id in [
        "cegos.products",
        "cegos.product",
        "lara.getProgram",
        "lara.changeCurrentMemberStatus",
        "francetravail.ais",
        "campusskills.syncContracts",
        "campusskills.diffContracts",
        "campusskills.deleteAllContracts",
    ] {
        assert!(find_id(id).is_some(), "{id}");
    }
}

/// Every route of the five documents, plus the token routes: nothing missing, nothing invented.
#[test]
fn the_table_covers_every_route_of_the_documents() {
    use Method::*;
    use Provider::*;
    let expected: BTreeSet<(Provider, &str, &str)> = [
        (Cegos, "POST", "/connect/token"),
        (Cegos, "GET", "/v1/Catalogs"),
        (Cegos, "GET", "/v1/CatalogTopics"),
        (Cegos, "GET", "/v1/Products"),
        (Cegos, "GET", "/v1/Products/{yearlyProductCode}"),
        (Cegos, "GET", "/v1/Referentials/centers"),
        (Cegos, "GET", "/v1/Sessions"),
        (Cegos, "GET", "/v1/Sessions/{yearlySessionCode}"),
        (Lara, "POST", "/program/get"),
        (Lara, "POST", "/program/getlist"),
        (Lara, "POST", "/program/geturl"),
        (Lara, "POST", "/program/getadminbranches"),
        (Lara, "POST", "/program/addadminbranches"),
        (Lara, "POST", "/program/removeadminbranches"),
        (Lara, "POST", "/program/update"),
        (Lara, "POST", "/cycle/getlist"),
        (Lara, "POST", "/cycle/getperiodlist"),
        (Lara, "POST", "/cycle/getuserprogress"),
        (Lara, "POST", "/cycle/getmemberstatuses"),
        (Lara, "POST", "/cycle/updatememberstatuses"),
        (Lara, "POST", "/cycle/updatememberstatus"),
        (Lara, "POST", "/cycle/changecurrentmemberstatus"),
        (FranceTravail, "POST", "/connexion/oauth2/access_token"),
        (FranceTravail, "GET", "/v1/inscriptions/statut/session"),
        (CampusSkills, "GET", "/api/sync/v1/test"),
        (CampusSkills, "POST", "/api/sync/v1/contrats"),
        (CampusSkills, "GET", "/api/sync/v1/contrats"),
        (CampusSkills, "GET", "/api/sync/v1/contrats-get-all"),
        (CampusSkills, "POST", "/api/sync/v1/contrats-diff"),
        (CampusSkills, "DELETE", "/api/sync/v1/contrats"),
    ]
    .into_iter()
    .collect();
    let found: BTreeSet<(Provider, &str, &str)> = all().into_iter().map(|e| (e.provider, e.method.as_str(), e.path)).collect();
    assert_eq!(found, expected);
    // Only Lära's program/update is outside the documents and the specs README.
    let undocumented: Vec<String> = all().into_iter().filter(|e| !e.documented).map(Endpoint::id).collect();
    assert_eq!(undocumented, ["lara.updateProgram"]);
    // Routes are found back from method and path (parameters match any segment).
    assert_eq!(find_route(Cegos, Get, "/v1/Products/202500038").map(|e| e.name), Some("product"));
    assert_eq!(find_route(Cegos, Get, "/v1/products").map(|e| e.name), Some("products"));
    assert_eq!(find_route(CampusSkills, Delete, "/api/sync/v1/contrats").map(|e| e.name), Some("deleteAllContracts"));
    assert_eq!(find_route(CampusSkills, Post, "/api/sync/v1/contrats").map(|e| e.name), Some("syncContracts"));
    assert_eq!(find_route(Lara, Get, "/program/get"), None);
}

#[test]
fn auth_is_as_the_providers_document_it() {
    for e in all() {
        let expected = match (e.provider, e.name) {
            (Provider::Cegos | Provider::FranceTravail, "token") => Auth::ClientCredentialsGrant,
            (Provider::Cegos | Provider::FranceTravail, _) => Auth::OAuthClientCredentials,
            (Provider::Lara | Provider::CampusSkills, _) => Auth::Bearer,
        };
        assert_eq!(e.auth, expected, "{}", e.id());
        assert_eq!(e.auth == Auth::ClientCredentialsGrant, e.request_in == RequestIn::Form && e.host == endpoints::Host::Auth, "{}", e.id());
    }
}

#[test]
fn paging_is_page_number_for_cegos_lists_and_page_limit_for_campus_lists() {
    let paged: BTreeMap<String, Paging> = all().into_iter().filter(|e| e.paging != Paging::None).map(|e| (e.id(), e.paging)).collect();
    let cegos = Paging::PageNumber { page_param: "pageNumber", size_param: None, page_size: Some(100), items: "data", total_pages: "totalPages" };
    let campus = Paging::PageLimit { page_param: "page", limit_param: "limit", items: "contrats", total: "total" };
    let expected: BTreeMap<String, Paging> = [
        ("cegos.products".to_string(), cegos),
        ("cegos.sessions".to_string(), cegos),
        ("campusskills.contracts".to_string(), campus),
        ("campusskills.allContracts".to_string(), campus),
    ]
    .into_iter()
    .collect();
    assert_eq!(paged, expected);
    assert_eq!(formakit::cegos::routes::PAGE_SIZE, 100);
}

// ---------------------------------------------------------------- retries

#[test]
fn retry_safe_is_false_for_every_call_that_changes_something() {
    for e in all() {
        match e.method {
            Method::Get => assert!(e.retry_safe, "{}: a GET is safe to retry", e.id()),
            // A POST or DELETE is retry-safe only when its doc says why.
            _ if e.retry_safe => assert!(e.doc.contains("Retry-safe because"), "{}: retry-safe {} without a reason in its doc", e.id(), e.method.as_str()),
            _ => {}
        }
    }
    for id in [
        "lara.addAdminBranches",
        "lara.removeAdminBranches",
        "lara.updateProgram",
        "lara.updateMemberStatuses",
        "lara.updateMemberStatus",
        "lara.changeCurrentMemberStatus",
        "campusskills.syncContracts",
        "campusskills.deleteAllContracts",
    ] {
        assert!(!find_id(id).unwrap().retry_safe, "{id} must never be retried unasked");
    }
    // The Lära reads are POSTs that only read: safe.
    for e in endpoints::for_provider(Provider::Lara) {
        assert_eq!(e.retry_safe, e.name.starts_with("get"), "{}", e.id());
    }
    // The Campus Skills diff is a dry run; the token requests only issue another token.
    for id in ["campusskills.diffContracts", "cegos.token", "francetravail.token"] {
        assert!(find_id(id).unwrap().retry_safe, "{id}");
    }
}

// ---------------------------------------------------------------- paths

#[test]
fn path_templates_are_well_formed() {
    for e in all() {
        let params = e.path_params().unwrap_or_else(|err| panic!("{}: {err}", e.id()));
        for p in &params {
            assert!(e.path.contains(&format!("/{{{p}}}")), "{}: {p}", e.id());
        }
        // Braces appear only around parameters.
        assert_eq!(e.path.matches('{').count(), params.len(), "{}", e.id());
        assert_eq!(e.path.matches('}').count(), params.len(), "{}", e.id());
        assert!(!e.path.ends_with('/') && !e.path.contains("//"), "{}", e.id());
        for a in e.aliases {
            assert_eq!(endpoints::template_params(a).unwrap(), params, "{}: alias {a}", e.id());
            assert!(e.matches_path(a));
        }
        // Path parameters are fields of the request schema (the clients take them from it).
        if !params.is_empty() {
            assert_eq!(e.request_in, RequestIn::Query, "{}", e.id());
        }
        if let Some(b) = e.base_url {
            assert!(b.starts_with("https://") && !b.ends_with('/'), "{}: {b}", e.id());
        }
    }
    let with_params: Vec<(String, Vec<&str>)> = all().into_iter().filter_map(|e| Some((e.id(), e.path_params().ok().filter(|p| !p.is_empty())?))).collect();
    assert_eq!(with_params, [("cegos.product".to_string(), vec!["yearlyProductCode"]), ("cegos.session".to_string(), vec!["yearlySessionCode"])]);
}

/// Percent-decodes once (as a server does), for the round-trip checks.
fn decode_once(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn path_segments_are_percent_encoded_once() {
    let product = find(Provider::Cegos, "product").unwrap();
    let fill = |v: &str| product.fill(&[("yearlyProductCode", v)]);
    // Unreserved characters are kept.
    assert_eq!(fill("202500038").unwrap(), "/v1/Products/202500038");
    assert_eq!(fill("2025-61072_a.b~c").unwrap(), "/v1/Products/2025-61072_a.b~c");
    // Spaces, slashes, accents, reserved characters.
    assert_eq!(fill("a b").unwrap(), "/v1/Products/a%20b");
    assert_eq!(fill("a/b").unwrap(), "/v1/Products/a%2Fb");
    assert_eq!(fill("../admin").unwrap(), "/v1/Products/..%2Fadmin");
    assert_eq!(fill("Été à Nîmes").unwrap(), "/v1/Products/%C3%89t%C3%A9%20%C3%A0%20N%C3%AEmes");
    assert_eq!(fill("a?b#c&d=e+f").unwrap(), "/v1/Products/a%3Fb%23c%26d%3De%2Bf");
    assert_eq!(fill("😀").unwrap(), "/v1/Products/%F0%9F%98%80");
    // `%` is text like any other: encoded once, so the server reads back the value as given.
    assert_eq!(fill("100%").unwrap(), "/v1/Products/100%25");
    assert_eq!(fill("a%20b").unwrap(), "/v1/Products/a%2520b");
    // A Lära id (URL-encoded base64, opaque): sent so that one decode gives it back exactly,
    // neither decoded (`…==`) nor encoded twice (`%25253d`).
    let lara_id = "vBW5xMw1VQ2A8DFaNy22zA%3d%3d";
    let path = fill_path("/x/{id}", &[("id", lara_id)]).unwrap();
    assert_eq!(path, "/x/vBW5xMw1VQ2A8DFaNy22zA%253d%253d");
    assert_eq!(decode_once(&path), format!("/x/{lara_id}"));
    for id in ["68a9Y6p%2bhVsJJBRcIMOo0w%3d%3d", "vrj0IrWe0HF%2bK9OKGpDF5A%3d%3d"] {
        let p = fill_path("/x/{id}", &[("id", id)]).unwrap();
        assert_eq!(decode_once(&p), format!("/x/{id}"));
        assert!(!p.contains("%2525"), "{p}");
    }
    // Lära ids never travel in a path: every Lära route takes them in its JSON body.
    for e in endpoints::for_provider(Provider::Lara) {
        assert!(e.path_params().unwrap().is_empty() && e.request_in == RequestIn::JsonBody, "{}", e.id());
    }
    // Every value round-trips through one decode.
    for v in ["a b", "a/b", "100%", "é", "%3d", "x%2Fy", "~!*'()", "\u{0}\u{7f}"] {
        assert_eq!(decode_once(&fill(v).unwrap()), format!("/v1/Products/{v}"), "{v:?}");
    }
}

#[test]
fn a_value_that_would_leave_its_route_is_refused() {
    let session = find(Provider::Cegos, "session").unwrap();
    let err = |v: &str| session.fill(&[("yearlySessionCode", v)]).unwrap_err();
    assert_eq!(err(""), PathError::EmptyParam { name: "yearlySessionCode".into() });
    assert_eq!(err("."), PathError::DotSegment { name: "yearlySessionCode".into() });
    assert_eq!(err(".."), PathError::DotSegment { name: "yearlySessionCode".into() });
    assert!(session.fill(&[("yearlySessionCode", "...")]).is_ok());
    assert_eq!(session.fill(&[]), Err(PathError::MissingParam { name: "yearlySessionCode".into() }));
    assert_eq!(session.fill(&[("yearlySessionCode", "x"), ("other", "y")]), Err(PathError::UnexpectedParam { name: "other".into() }));
    assert_eq!(session.fill(&[("yearlySessionCode", "x"), ("yearlySessionCode", "y")]), Err(PathError::UnexpectedParam { name: "yearlySessionCode".into() }));
    assert_eq!(find(Provider::Cegos, "products").unwrap().fill(&[("x", "1")]), Err(PathError::UnexpectedParam { name: "x".into() }));
    // Messages in both languages, naming the parameter.
    let e = PathError::MissingParam { name: "yearlySessionCode".into() };
    assert_eq!(e.to_string(), "path parameter \"yearlySessionCode\" is missing");
    assert_eq!(e.message(formakit::Lang::Fr), "paramètre de chemin « yearlySessionCode » absent");
    assert!(matches!(fill_path("/a/{x", &[]), Err(PathError::InvalidTemplate { .. })));
}

#[test]
fn urls_join_the_base_and_the_fixed_query() {
    let ft_token = find(Provider::FranceTravail, "token").unwrap();
    assert_eq!(ft_token.production_url(&[]).unwrap().unwrap(), formakit::france_travail::TOKEN_URL);
    assert_eq!(
        ft_token.url("http://127.0.0.1:4010/francetravail/", &[]).unwrap(),
        "http://127.0.0.1:4010/francetravail/connexion/oauth2/access_token?realm=%2Fpartenaire"
    );
    let ais = find(Provider::FranceTravail, "ais").unwrap();
    assert_eq!(ais.production_url(&[]).unwrap().unwrap(), formakit::france_travail::AIS_URL);
    assert_eq!(
        ais.url(formakit::france_travail::endpoints::TEST_BASE_URL, &[]).unwrap(),
        "https://api.emploi-store.fr/partenaire/parcoursformationtest/v1/inscriptions/statut/session"
    );
    let cegos_token = find(Provider::Cegos, "token").unwrap();
    assert_eq!(cegos_token.production_url(&[]).unwrap().unwrap(), "https://api.cegos.fr/connect/token");
    assert_eq!(cegos_token.production_url(&[]).unwrap().unwrap(), formakit::cegos::TOKEN_URL);
    let product = find(Provider::Cegos, "product").unwrap();
    assert_eq!(product.production_url(&[("yearlyProductCode", "202500038")]).unwrap().unwrap(), "https://catalog.api.cegos.fr/v1/Products/202500038");
    // Lära and Campus Skills have no fixed production host.
    assert!(endpoints::for_provider(Provider::Lara)
        .chain(endpoints::for_provider(Provider::CampusSkills))
        .all(|e| e.base_url.is_none() && e.production_url(&[]).is_none()));
    assert_eq!(
        find(Provider::Lara, "getProgram").unwrap().url("http://127.0.0.1:4010/lara/lmsapi", &[]).unwrap(),
        "http://127.0.0.1:4010/lara/lmsapi/program/get"
    );
}

// ---------------------------------------------------------------- the routes moved here

/// Specs README contradiction 17: the document's `/v1/CatalogTopics` is sent, the
/// tutorial's `/v1/CatalogsTopics` is recognised as the same route (the decision
/// `cegos::routes` took; `tests/cegos_contradictions.rs` pins it there too).
#[test]
fn contradiction_17_topics_route_sends_the_document_spelling_and_recognises_the_tutorial_one() {
    let topics = find(Provider::Cegos, "topics").unwrap();
    assert_eq!(topics.path, "/v1/CatalogTopics");
    assert_eq!(topics.aliases, ["/v1/CatalogsTopics"]);
    let mut spellings = vec![topics.path];
    spellings.extend(topics.aliases);
    assert_eq!(spellings, formakit::cegos::routes::CATALOG_TOPICS_PATHS);
    assert_eq!(topics.fill(&[]).unwrap(), "/v1/CatalogTopics");
    for p in ["/v1/CatalogsTopics", "/v1/catalogtopics", "/v1/CatalogTopics/"] {
        assert_eq!(find_route(Provider::Cegos, Method::Get, p), Some(topics), "{p}");
    }
}

#[test]
fn the_old_route_constants_are_the_tables() {
    use formakit::cegos::routes;
    let c = |n| find(Provider::Cegos, n).unwrap().path;
    assert_eq!(routes::CATALOG_HOST, find(Provider::Cegos, "catalogs").unwrap().base_url.unwrap());
    assert_eq!((routes::CATALOGS_PATH, routes::CATALOG_TOPICS_PATH, routes::PRODUCTS_PATH), (c("catalogs"), c("topics"), c("products")));
    assert_eq!((routes::CENTERS_PATH, routes::SESSIONS_PATH), (c("centers"), c("sessions")));
    assert_eq!(routes::product_path("202500038"), find(Provider::Cegos, "product").unwrap().fill(&[("yearlyProductCode", "202500038")]).unwrap());
    assert_eq!(routes::session_path("a b/é"), find(Provider::Cegos, "session").unwrap().fill(&[("yearlySessionCode", "a b/é")]).unwrap());
    use formakit::campus_skills::routes as campus;
    let s = |n| find(Provider::CampusSkills, n).unwrap().path;
    assert_eq!(
        (campus::CONTRATS, campus::CONTRATS_GET_ALL, campus::CONTRATS_DIFF, campus::TEST),
        (s("syncContracts"), s("allContracts"), s("diffContracts"), s("testToken"))
    );
    assert_eq!(s("contracts"), s("deleteAllContracts"));
}

// ---------------------------------------------------------------- JSON

#[test]
fn endpoints_json_is_the_table_with_camel_case_keys() {
    let v: serde_json::Value = serde_json::from_str(&endpoints::endpoints_json()).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), all().len());
    let keys = [
        "id",
        "provider",
        "name",
        "method",
        "host",
        "baseUrl",
        "path",
        "pathParams",
        "fixedQuery",
        "aliases",
        "request",
        "requestIn",
        "response",
        "error",
        "auth",
        "retrySafe",
        "paging",
        "documented",
        "doc",
    ];
    for (o, e) in list.iter().zip(all()) {
        let o = o.as_object().unwrap();
        assert_eq!(o.keys().map(String::as_str).collect::<BTreeSet<_>>(), keys.into_iter().collect(), "{}", e.id());
        assert_eq!(o["id"], e.id().as_str());
        assert_eq!(o["response"], e.response);
        assert_eq!(o["retrySafe"], e.retry_safe);
        assert_eq!(o["method"], e.method.as_str());
    }
    let product = list.iter().find(|o| o["id"] == "cegos.product").unwrap();
    assert_eq!(
        product,
        &serde_json::json!({
            "id": "cegos.product", "provider": "cegos", "name": "product", "method": "GET", "host": "api",
            "baseUrl": "https://catalog.api.cegos.fr", "path": "/v1/Products/{yearlyProductCode}", "pathParams": ["yearlyProductCode"],
            "fixedQuery": {}, "aliases": [], "request": "cegos.productQuery", "requestIn": "query", "response": "cegos.product", "error": null,
            "auth": "oauthClientCredentials", "retrySafe": true, "paging": {"style": "none"}, "documented": true, "doc": product["doc"].clone()
        })
    );
    let products = list.iter().find(|o| o["id"] == "cegos.products").unwrap();
    assert_eq!(
        products["paging"],
        serde_json::json!({"style": "pageNumber", "pageParam": "pageNumber", "sizeParam": null, "pageSize": 100, "items": "data", "totalPages": "totalPages"})
    );
    let campus = list.iter().find(|o| o["id"] == "campusskills.contracts").unwrap();
    assert_eq!(campus["paging"], serde_json::json!({"style": "pageLimit", "pageParam": "page", "limitParam": "limit", "items": "contrats", "total": "total"}));
    let ft = list.iter().find(|o| o["id"] == "francetravail.token").unwrap();
    assert_eq!(ft["fixedQuery"], serde_json::json!({"realm": "/partenaire"}));
    assert_eq!(ft["auth"], "clientCredentialsGrant");
    assert_eq!(list.iter().find(|o| o["id"] == "cegos.topics").unwrap()["aliases"], serde_json::json!(["/v1/CatalogsTopics"]));
    assert_eq!(list.iter().find(|o| o["id"] == "lara.getProgram").unwrap()["requestIn"], "jsonBody");
}
