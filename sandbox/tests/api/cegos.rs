use std::collections::BTreeSet;
use std::time::Duration;

use formakit_sandbox::dates::{Date, DateExt};
use formakit_sandbox::Config;
use serde_json::Value;

use crate::client::Req;
use crate::{cegos_token, start, start_with};

const TOKEN_FORM: &str = "grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=api-cegos";

#[tokio::test]
async fn token_endpoint_success_and_errors() {
    let s = start().await;
    let r = Req::post("/cegos/connect/token").form(TOKEN_FORM).ok(s.addr).await;
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!(j["token_type"], "Bearer");
    assert_eq!(j["expires_in"], 3600);
    assert_eq!(j["scope"], "api-cegos");
    assert!(j["access_token"].as_str().is_some_and(|t| t.len() > 20));

    let r = Req::post("/cegos/connect/token").form("grant_type=client_credentials&client_id=sandbox&client_secret=wrong").ok(s.addr).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "invalid_client");
    let r = Req::post("/cegos/connect/token").form("grant_type=password&client_id=sandbox&client_secret=sandbox-secret").ok(s.addr).await;
    assert_eq!((r.status, r.json()["error"].clone()), (400, Value::from("unsupported_grant_type")));
    let r = Req::post("/cegos/connect/token").form("grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=other").ok(s.addr).await;
    assert_eq!(r.json()["error"], "invalid_scope");
    // HTTP Basic client authentication works too (c2FuZGJveDpzYW5kYm94LXNlY3JldA== = sandbox:sandbox-secret).
    let r = Req::post("/cegos/connect/token")
        .header("Authorization", "Basic c2FuZGJveDpzYW5kYm94LXNlY3JldA==")
        .form("grant_type=client_credentials")
        .ok(s.addr)
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
}

#[tokio::test]
async fn bearer_required_and_tokens_expire() {
    let s = start_with(Config { cegos_token_ttl: Duration::from_secs(1), ..Config::for_tests() }).await;
    let r = Req::get("/cegos/v1/Catalogs").ok(s.addr).await;
    assert_eq!(r.status, 401);
    assert!(r.header("www-authenticate").unwrap_or_default().starts_with("Bearer"));
    let r = Req::get("/cegos/v1/Catalogs").bearer("not-a-token").ok(s.addr).await;
    assert_eq!(r.status, 401);
    let t = cegos_token(s.addr).await;
    let r = Req::post("/cegos/connect/token").form(TOKEN_FORM).ok(s.addr).await;
    assert_eq!(r.json()["expires_in"], 1);
    assert_eq!(Req::get("/cegos/v1/Catalogs").bearer(&t).ok(s.addr).await.status, 200);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let r = Req::get("/cegos/v1/Catalogs").bearer(&t).ok(s.addr).await;
    assert_eq!(r.status, 401);
    assert!(r.text().contains("expired"), "{}", r.text());
    // A France Travail token is no Cegos token.
    let ft = crate::ft_token(s.addr).await;
    assert_eq!(Req::get("/cegos/v1/Catalogs").bearer(&ft).ok(s.addr).await.status, 401);
}

#[tokio::test]
async fn every_route_answers() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    for p in [
        "/cegos/v1/Catalogs",
        "/cegos/v1/CatalogTopics",
        "/cegos/v1/CatalogsTopics",
        "/cegos/v1/Products",
        "/cegos/v1/Products/202500038",
        "/cegos/v1/Referentials/centers",
        "/cegos/v1/Sessions",
    ] {
        let r = Req::get(p).bearer(&t).ok(s.addr).await;
        assert_eq!(r.status, 200, "{p}: {}", r.text());
        assert!(r.header("content-type").unwrap_or_default().starts_with("application/json"));
        assert!(!r.json()["data"].is_null(), "{p}");
    }
    let code = Req::get("/cegos/v1/Sessions").bearer(&t).ok(s.addr).await.json()["data"][0]["yearlySessionCode"].as_str().unwrap_or_default().to_string();
    let r = Req::get(&format!("/cegos/v1/Sessions/{code}")).bearer(&t).ok(s.addr).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["data"]["yearlySessionCode"], code.as_str());
    assert_eq!(Req::get("/cegos/v1/Products/209999999").bearer(&t).ok(s.addr).await.status, 404);
    let r = Req::get("/cegos/v1/Sessions/2025-1-XXX-999").bearer(&t).ok(s.addr).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["where"], "path.yearlySessionCode");
}

async fn all_pages(addr: std::net::SocketAddr, t: &str, route: &str, pages: usize, total: usize) -> Vec<Value> {
    let mut all = Vec::new();
    for n in 1..=pages {
        let j = Req::get(&format!("{route}?pageNumber={n}")).bearer(t).ok(addr).await.json();
        assert_eq!(j["pageNumber"], n);
        assert_eq!(j["pageSize"], 100);
        assert_eq!(j["totalItems"], total);
        assert_eq!(j["totalPages"], pages);
        let data = j["data"].as_array().cloned().unwrap_or_default();
        assert_eq!(data.len(), if n < pages { 100 } else { total - 100 * (pages - 1) }, "{route} page {n}");
        all.extend(data);
    }
    all
}

#[tokio::test]
async fn paging_matches_the_document_volumes() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let products = all_pages(s.addr, &t, "/cegos/v1/Products", 13, 1247).await;
    let codes: BTreeSet<&str> = products.iter().filter_map(|p| p["productCode"].as_str()).collect();
    assert_eq!(codes.len(), 1247);
    assert!(codes.contains("38") && codes.contains("61072"));
    let sessions = all_pages(s.addr, &t, "/cegos/v1/Sessions", 29, 2847).await;
    let codes: BTreeSet<&str> = sessions.iter().filter_map(|p| p["yearlySessionCode"].as_str()).collect();
    assert_eq!(codes.len(), 2847);

    // pageNumber is auto-corrected into range; a non-number is a 400 naming it.
    let j = Req::get("/cegos/v1/Products?pageNumber=99").bearer(&t).ok(s.addr).await.json();
    assert_eq!(j["pageNumber"], 13);
    let j = Req::get("/cegos/v1/Products?pageNumber=0").bearer(&t).ok(s.addr).await.json();
    assert_eq!(j["pageNumber"], 1);
    let r = Req::get("/cegos/v1/Products?pageNumber=deux").bearer(&t).ok(s.addr).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["where"], "query.pageNumber");
    let r = Req::get("/cegos/v1/Products?hydrate=maybe").bearer(&t).ok(s.addr).await;
    assert_eq!((r.status, r.json()["where"].clone()), (400, Value::from("query.hydrate")));
}

#[tokio::test]
async fn hydrate_on_and_off() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let hydrated = ["titles", "formula", "catalogTopicRelations", "notice"];
    let off = Req::get("/cegos/v1/Products?pageNumber=2").bearer(&t).ok(s.addr).await.json();
    let on = Req::get("/cegos/v1/Products?pageNumber=2&hydrate=true").bearer(&t).ok(s.addr).await.json();
    let (p_off, p_on) = (&off["data"][0], &on["data"][0]);
    for k in hydrated {
        assert!(p_off.get(k).is_none(), "{k} without hydrate");
        assert!(p_on.get(k).is_some(), "{k} with hydrate");
    }
    assert!(p_off.get("relatedProducts").is_some(), "the list table sends relatedProducts always");
    let notice = &p_on["notice"];
    assert!(notice["introduction"].as_str().unwrap_or_default().contains("<p>"));
    assert!(notice["objective"].as_str().unwrap_or_default().contains("<ul><li>"));
    assert!(notice["programContent"]["parts"].as_array().is_some_and(|a| !a.is_empty()));

    let off = Req::get("/cegos/v1/Products/202500038").bearer(&t).ok(s.addr).await.json();
    let on = Req::get("/cegos/v1/Products/202500038?hydrate=True").bearer(&t).ok(s.addr).await.json();
    assert_eq!(off["data"]["yearlyProductCode"], "202500038");
    assert_eq!(off["data"]["noticeUrlPdf"], "https://static.cegos.fr/pdf/2025_0038.pdf");
    assert!(off["data"].get("notice").is_none() && off["data"].get("relatedProducts").is_none());
    assert!(on["data"].get("notice").is_some() && on["data"].get("relatedProducts").is_some());
    // The bare product code is accepted too.
    assert_eq!(Req::get("/cegos/v1/Products/38").bearer(&t).ok(s.addr).await.json()["data"]["productCode"], "38");

    let off = Req::get("/cegos/v1/Sessions").bearer(&t).ok(s.addr).await.json();
    let on = Req::get("/cegos/v1/Sessions?hydrate=true").bearer(&t).ok(s.addr).await.json();
    assert!(off["data"][0].get("parts").is_none());
    assert!(on["data"][0]["parts"].as_array().is_some_and(|a| !a.is_empty()));
}

#[tokio::test]
async fn topics_centers_catalogs() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let a = Req::get("/cegos/v1/CatalogTopics").bearer(&t).ok(s.addr).await;
    let b = Req::get("/cegos/v1/CatalogsTopics").bearer(&t).ok(s.addr).await;
    assert_eq!(a.body, b.body, "the tutorial's alias answers the same tree");
    let j = a.json();
    assert_eq!(j["data"]["catalogId"], 92446);
    assert_eq!(j["data"]["year"], 2025);
    let leaf = &j["data"]["topics"][0]["subTopics"][0]["subTopics"][0];
    assert!(leaf["label"].is_string());
    assert!(leaf["subTopics"].is_null(), "leaves carry subTopics: null");
    assert_eq!(Req::get("/cegos/v1/CatalogTopics?catalogId=1").bearer(&t).ok(s.addr).await.status, 404);

    let centers = Req::get("/cegos/v1/Referentials/centers").bearer(&t).ok(s.addr).await.json();
    let list = centers["data"].as_array().cloned().unwrap_or_default();
    assert!((45..=60).contains(&list.len()), "{} centers", list.len());
    let cities: BTreeSet<&str> = list.iter().filter_map(|c| c["city"].as_str()).collect();
    for c in ["LYON", "MARSEILLE", "LILLE", "BORDEAUX", "TOULOUSE", "STRASBOURG", "RENNES", "NICE", "MONTPELLIER", "GRENOBLE", "TOURS"] {
        assert!(cities.contains(c), "{c}");
    }
    assert!(list.iter().all(|c| c["country"] == "FRANCE" && c["address"].as_array().is_some_and(|a| !a.is_empty())));

    let catalogs = Req::get("/cegos/v1/Catalogs").bearer(&t).ok(s.addr).await.json();
    assert_eq!(catalogs["data"].as_array().map(Vec::len), Some(3));
    assert_eq!(catalogs["data"][0]["label"], "Site Web 2025");
}

#[tokio::test]
async fn data_is_realistic_and_flags_follow_the_counts() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let mut titles = String::new();
    for n in 1..=13 {
        for p in Req::get(&format!("/cegos/v1/Products?pageNumber={n}")).bearer(&t).ok(s.addr).await.json()["data"].as_array().cloned().unwrap_or_default() {
            titles.push_str(p["title"].as_str().unwrap_or_default());
            let yearly = p["yearlyProductCode"].as_str().unwrap_or_default();
            assert_eq!(yearly.len(), 9, "yearlyProductCode is year + code padded to 5: {yearly}");
        }
    }
    for needle in ["œ", "æ", "«", "»", "é"] {
        assert!(titles.contains(needle), "titles contain {needle}");
    }
    let today = Date { year: 2025, month: 3, day: 1 };
    let (mut remote, mut full, mut guaranteed, mut last_place) = (0, 0, 0, 0);
    for n in 1..=29 {
        for x in Req::get(&format!("/cegos/v1/Sessions?pageNumber={n}")).bearer(&t).ok(s.addr).await.json()["data"].as_array().cloned().unwrap_or_default() {
            let count = x["registrationCount"].as_u64().unwrap_or(0);
            let (min, max) = (x["limitMin"].as_u64().unwrap_or(0), x["limitMax"].as_u64().unwrap_or(0));
            let city = x["city"].as_str().unwrap_or_default();
            assert_eq!(x["isFull"], count >= max);
            assert_eq!(x["isHighProbability"], count >= min);
            // The list rule: LimitMax − 4 < count < LimitMax, not for Paris or remote.
            assert_eq!(x["isLastPlaceAvailable"], city != "Paris" && city != "A DISTANCE" && max - 4 < count && count < max);
            assert_eq!(x["isRemote"], city == "A DISTANCE");
            let start = Date::parse_iso(x["startDate"].as_str().unwrap_or_default().get(..10).unwrap_or_default());
            assert!(start.is_some_and(|d| d > today && d.days_since_epoch() <= today.days_since_epoch() + 372), "{x}");
            assert!(x["startDate"].as_str().is_some_and(|d| !d.ends_with('Z')), "list dates carry no zone");
            let code = x["yearlySessionCode"].as_str().unwrap_or_default();
            assert!(code.starts_with(&format!("{}-", x["yearlyProductCode"].as_str().unwrap_or("?"))), "{code}");
            remote += usize::from(city == "A DISTANCE");
            full += usize::from(count >= max);
            guaranteed += usize::from(x["guaranteedSession"] == true);
            last_place += usize::from(x["isLastPlaceAvailable"] == true);
        }
    }
    assert!(remote > 100 && full > 100 && guaranteed > 100 && last_place > 20, "{remote} {full} {guaranteed} {last_place}");

    // The detail route applies the detail rule and sends dates with Z.
    let list = Req::get("/cegos/v1/Sessions?pageNumber=3").bearer(&t).ok(s.addr).await.json();
    for x in list["data"].as_array().cloned().unwrap_or_default().iter().take(20) {
        let code = x["yearlySessionCode"].as_str().unwrap_or_default();
        let d = Req::get(&format!("/cegos/v1/Sessions/{code}")).bearer(&t).ok(s.addr).await.json()["data"].clone();
        let (count, max) = (d["registrationCount"].as_u64().unwrap_or(0), d["limitMax"].as_u64().unwrap_or(0));
        assert_eq!(d["isLastPlaceAvailable"], count + 1 == max);
        assert!(d["startDate"].as_str().is_some_and(|s| s.ends_with('Z')));
        assert_eq!(d["componentCount"].as_u64(), d["parts"].as_array().map(|a| a.len() as u64));
    }
}

#[tokio::test]
async fn sessions_filters() {
    let s = start().await;
    let t = cegos_token(s.addr).await;
    let first = Req::get("/cegos/v1/Sessions?pageNumber=4").bearer(&t).ok(s.addr).await.json()["data"][0].clone();
    let code = first["productCode"].as_str().unwrap_or_default().to_string();
    let yearly = format!("2025{:0>5}", code);
    let j = Req::get(&format!("/cegos/v1/Sessions?productCode={code}&hydrate=true")).bearer(&t).ok(s.addr).await.json();
    let data = j["data"].as_array().cloned().unwrap_or_default();
    assert!(!data.is_empty());
    assert!(data.iter().all(|x| x["productCode"] == code.as_str() && x["yearlyProductCode"] == format!("2025-{code}").as_str()));
    // The product-style yearly code (padded) and the session-style one (dashed) both filter.
    let k = Req::get(&format!("/cegos/v1/Sessions?yearlyProductCode={yearly}")).bearer(&t).ok(s.addr).await.json();
    assert_eq!(k["totalItems"], j["totalItems"]);
    let k = Req::get(&format!("/cegos/v1/Sessions?yearlyProductCode=2025-{code}")).bearer(&t).ok(s.addr).await.json();
    assert_eq!(k["totalItems"], j["totalItems"]);
    let k = Req::get("/cegos/v1/Sessions?city=A%20DISTANCE").bearer(&t).ok(s.addr).await.json();
    assert!(k["totalItems"].as_u64().unwrap_or(0) > 100);
}
