use serde_json::{json, Value};

use crate::client::Req;
use crate::{start, STATIC_TOKEN};

async fn call(addr: std::net::SocketAddr, method: &str, body: Value) -> (u16, Value) {
    let r = Req::post(&format!("/lara/lmsapi/{method}")).bearer(STATIC_TOKEN).json(&body).ok(addr).await;
    (r.status, r.json())
}

async fn expect_error(addr: std::net::SocketAddr, method: &str, body: Value, code: u64) -> Value {
    let (status, j) = call(addr, method, body.clone()).await;
    assert_eq!(status, 400, "{method} {body}: {j}");
    assert_eq!(j["code"], code, "{method} {body}: {j}");
    assert!(j["message"].is_string() && j["where"].is_string());
    j
}

#[tokio::test]
async fn every_method_answers_and_needs_the_token() {
    let s = start().await;
    let r = Req::post("/lara/lmsapi/program/getlist").json(&json!({})).ok(s.addr).await;
    assert_eq!(r.status, 401);
    let (st, programs) = call(s.addr, "program/getlist", json!({})).await;
    assert_eq!(st, 200);
    let p0 = programs[0].clone();
    let id = p0["id"].as_str().unwrap_or_default().to_string();
    assert!(id.ends_with("%3d%3d"), "opaque URL-encoded base64 id: {id}");
    assert!(p0.get("createdByUserID").is_some() && p0.get("customFields").is_some());
    let (_, cycles) = call(s.addr, "cycle/getlist", json!({})).await;
    let cycle = cycles[0]["cycleId"].as_str().unwrap_or_default().to_string();
    let (_, members) = call(s.addr, "cycle/getmemberstatuses", json!({"customFieldAPIName": "member_status", "customFieldValue": "12345"})).await;
    let user = members["statuses"][0]["userId"].as_str().unwrap_or_default().to_string();
    for (method, body) in [
        ("program/get", json!({"id": id})),
        ("program/geturl", json!({"id": id})),
        ("program/getadminbranches", json!({"id": id})),
        ("cycle/getperiodlist", json!({"id": cycle})),
        ("cycle/getuserprogress", json!({"id": cycle, "memberId": user, "customFieldAPIName": "member_status"})),
        ("cycle/getmemberstatuses", json!({"userId": user})),
    ] {
        let (st, j) = call(s.addr, method, body).await;
        assert_eq!(st, 200, "{method}: {j}");
    }
    let (_, p) = call(s.addr, "program/get", json!({"id": id})).await;
    assert_eq!(p, p0);
    let (_, periods) = call(s.addr, "cycle/getperiodlist", json!({"id": cycle})).await;
    assert!(periods[0]["startDate"].as_str().is_some_and(|d| d.contains('.')), "Lära dates carry fractions");
    assert!(periods[0]["requirements"].as_array().is_some_and(|r| !r.is_empty()));
    let (_, urls) = call(s.addr, "program/geturl", json!({"id": id})).await;
    assert_eq!(urls.as_array().map(Vec::len), Some(2));
    let portal = urls[0]["portalId"].clone();
    let (_, one) = call(s.addr, "program/geturl", json!({"id": id, "filterId": portal})).await;
    assert_eq!(one.as_array().map(Vec::len), Some(1));
    // getlist filters by creation date (nothing is created in the future).
    let (_, none) = call(s.addr, "program/getlist", json!({"filterDate": "2100-01-01T00:00:00Z"})).await;
    assert_eq!(none, json!([]));
    // An empty body is accepted where the document sends `{}`.
    let r = Req::post("/lara/lmsapi/cycle/getlist").bearer(STATIC_TOKEN).ok(s.addr).await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn program_error_codes() {
    let s = start().await;
    let (_, programs) = call(s.addr, "program/getlist", json!({})).await;
    let id = programs[0]["id"].clone();
    expect_error(s.addr, "program/get", json!({}), 1400).await;
    expect_error(s.addr, "program/get", json!({"id": "nope%3d%3d"}), 1401).await;
    expect_error(s.addr, "program/geturl", json!({"id": id, "filterId": "nope"}), 1402).await;
    expect_error(s.addr, "program/update", json!({"id": id, "name": "ab"}), 1405).await;
    expect_error(s.addr, "program/update", json!({"id": id, "language": 9}), 1437).await;
    expect_error(s.addr, "program/update", json!({"id": id, "authorizationType": 7}), 1438).await;
    expect_error(s.addr, "program/update", json!({"id": id, "authorizationType": 1, "needAdminApproval": true}), 1438).await;
    expect_error(s.addr, "program/addadminbranches", json!({"id": id}), 1432).await;
    expect_error(s.addr, "program/addadminbranches", json!({"id": id, "branches": ["zzz"]}), 1433).await;
    let (_, branches) = call(s.addr, "program/getadminbranches", json!({"id": id})).await;
    let mine: Vec<Value> = branches.as_array().cloned().unwrap_or_default();
    expect_error(s.addr, "program/addadminbranches", json!({"id": id, "branches": [mine[0]]}), 1435).await;
    expect_error(s.addr, "program/removeadminbranches", json!({"id": id, "branches": mine}), 1434).await;
    // Find a known branch the program does not have.
    let mut other = None;
    for p in programs.as_array().cloned().unwrap_or_default() {
        let (_, b) = call(s.addr, "program/getadminbranches", json!({"id": p["id"]})).await;
        if let Some(x) = b.as_array().and_then(|a| a.iter().find(|x| !mine.contains(x)).cloned()) {
            other = Some(x);
            break;
        }
    }
    let other = other.expect("another branch exists");
    expect_error(s.addr, "program/removeadminbranches", json!({"id": id, "branches": [other]}), 1436).await;
    let (st, j) = call(s.addr, "program/addadminbranches", json!({"id": id, "branches": [other]})).await;
    assert_eq!((st, j), (200, json!({"id": id})));
    let (_, after) = call(s.addr, "program/getadminbranches", json!({"id": id})).await;
    assert_eq!(after.as_array().map(Vec::len), Some(mine.len() + 1));
    let (st, _) = call(s.addr, "program/removeadminbranches", json!({"id": id, "branches": [other]})).await;
    assert_eq!(st, 200);
    // Not JSON at all: a 400 saying where.
    let r = Req::post("/lara/lmsapi/program/get").bearer(STATIC_TOKEN).header("Content-Type", "application/json").json(&json!(null)).ok(s.addr).await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn partial_update_leaves_absent_fields_unchanged() {
    let s = start().await;
    let (_, programs) = call(s.addr, "program/getlist", json!({})).await;
    let before = programs[3].clone();
    let (st, _) = call(s.addr, "program/update", json!({"id": before["id"], "name": "Nouveau nom – « test »", "customfields": {"Test": "x"}})).await;
    assert_eq!(st, 200);
    let (_, after) = call(s.addr, "program/get", json!({"id": before["id"]})).await;
    assert_eq!(after["name"], "Nouveau nom – « test »");
    assert_eq!(after["customFields"]["Test"], "x");
    assert_eq!(after["customFields"]["Champ1"], before["customFields"]["Champ1"]);
    for (k, v) in before.as_object().cloned().unwrap_or_default() {
        if !["name", "customFields", "lastModificationDate"].contains(&k.as_str()) {
            assert_eq!(after[&k], v, "{k} changed");
        }
    }
    // Member status entries too.
    let (_, m) = call(s.addr, "cycle/getmemberstatuses", json!({"customFieldAPIName": "member_status", "customFieldValue": "12352"})).await;
    let entry = m["statuses"][0].clone();
    let new_start = format!("{}T08:30:00", entry["startDate"].as_str().unwrap_or_default().get(..10).unwrap_or_default());
    let (st, j) =
        call(s.addr, "cycle/updatememberstatus", json!({"userId": entry["userId"], "entryId": entry["entryId"], "status": {"startDate": new_start}})).await;
    assert_eq!(st, 200, "{j}");
    let (_, m2) = call(s.addr, "cycle/getmemberstatuses", json!({"userId": entry["userId"]})).await;
    let e2 = &m2["statuses"][0];
    assert_eq!(e2["startDate"], new_start.as_str());
    for k in ["entryId", "status", "isActiveMember", "endDate"] {
        assert_eq!(e2[k], entry[k], "{k}");
    }
}

#[tokio::test]
async fn cycle_error_codes() {
    let s = start().await;
    let (_, cycles) = call(s.addr, "cycle/getlist", json!({})).await;
    let cycle = cycles[0]["cycleId"].clone();
    let (_, m) = call(s.addr, "cycle/getmemberstatuses", json!({"customFieldAPIName": "member_status", "customFieldValue": "12345"})).await;
    let user = m["statuses"][0]["userId"].clone();
    expect_error(s.addr, "cycle/getperiodlist", json!({}), 1000).await;
    expect_error(s.addr, "cycle/getperiodlist", json!({"id": "nope"}), 1001).await;
    expect_error(s.addr, "cycle/getuserprogress", json!({"id": cycle}), 1002).await;
    expect_error(s.addr, "cycle/getuserprogress", json!({"id": cycle, "memberId": "nope"}), 1003).await;
    expect_error(s.addr, "cycle/getmemberstatuses", json!({}), 1004).await;
    expect_error(s.addr, "cycle/getmemberstatuses", json!({"customFieldAPIName": "shoe_size", "customFieldValue": "42"}), 1005).await;
    expect_error(s.addr, "cycle/updatememberstatuses", json!({"userId": user}), 1006).await;
    expect_error(s.addr, "cycle/updatememberstatuses", json!({"userId": user, "statuses": [{"status": ""}]}), 1007).await;
    expect_error(s.addr, "cycle/updatememberstatus", json!({"userId": user, "entryId": "nope", "status": {"status": "Membre"}}), 1008).await;
    expect_error(s.addr, "cycle/getmemberstatuses", json!({"userId": "nope"}), 1009).await;
    expect_error(s.addr, "cycle/getmemberstatuses", json!({"customFieldAPIName": "member_status", "customFieldValue": "0"}), 1009).await;
    expect_error(
        s.addr,
        "cycle/updatememberstatuses",
        json!({"userId": user, "statuses": [{"status": "Membre", "startDate": "2020-01-01T00:00:00", "endDate": "2019-01-01T00:00:00"}]}),
        1010,
    )
    .await;
    let j = expect_error(s.addr, "cycle/changecurrentmemberstatus", json!({"userId": user}), 1007).await;
    assert_eq!(j["where"], "body.status");
}

#[tokio::test]
async fn statuses_replace_infer_and_change_current() {
    let s = start().await;
    let (_, m) = call(s.addr, "cycle/getmemberstatuses", json!({"customFieldAPIName": "member_status", "customFieldValue": "12345"})).await;
    let user = m["statuses"][0]["userId"].clone();
    let (st, j) = call(
        s.addr,
        "cycle/updatememberstatuses",
        json!({"userId": user, "statuses": [
            {"status": "Membre", "isActiveMember": null, "startDate": "2018-02-08T15:02:45.73", "endDate": "2019-02-08T15:02:45.73"},
            {"status": " Autorisation spéciale", "startDate": "2019-02-09T00:00:00"},
            {"status": "Retraité", "isActiveMember": true, "startDate": "2019-06-01T00:00:00", "endDate": "2019-07-01T00:00:00"}
        ]}),
    )
    .await;
    assert_eq!((st, j), (200, json!({"isSuccess": true})));
    let (_, m) = call(s.addr, "cycle/getmemberstatuses", json!({"userId": user})).await;
    let list = m["statuses"].as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["isActiveMember"], true, "inferred from \"Membre\"");
    assert_eq!(list[1]["isActiveMember"], true, "inferred, trimmed, any case");
    assert_eq!(list[1]["endDate"], "0001-01-01T00:00:00", "open range");
    assert_eq!(list[2]["isActiveMember"], true, "explicit value kept");

    let (st, _) = call(
        s.addr,
        "cycle/changecurrentmemberstatus",
        json!({"userId": user, "status": {"status": "Suspension du droit d'exercice", "startDate": "2024-05-01T00:00:00"}}),
    )
    .await;
    assert_eq!(st, 200);
    let (_, m) = call(s.addr, "cycle/getmemberstatuses", json!({"userId": user})).await;
    let list = m["statuses"].as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 4);
    assert_eq!(list[1]["endDate"], "2024-05-01T00:00:00", "the active range is closed");
    assert_eq!(list[3]["status"], "Suspension du droit d'exercice");
    assert_eq!(list[3]["startDate"], "2024-05-01T00:00:00");
    assert_eq!(list[3]["endDate"], "0001-01-01T00:00:00");
    assert!(list[3]["entryId"].as_str().is_some_and(|e| e.ends_with("%3d%3d")));
    // A new status cannot start before the active one.
    expect_error(s.addr, "cycle/changecurrentmemberstatus", json!({"userId": user, "status": {"status": "Membre", "startDate": "2020-01-01T00:00:00"}}), 1010)
        .await;
}
