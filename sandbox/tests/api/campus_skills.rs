use formakit_sandbox::Config;
use serde_json::{json, Value};

use crate::client::Req;
use crate::{start, start_with, STATIC_TOKEN};

const BASE: &str = "/campusskills/api/sync/v1";

pub fn contrat(n: u32, formation: &str) -> Value {
    json!({
        "codeContrat": format!("CTR-{n:04}"),
        "dateDebut": "01/09/2025",
        "dateFin": "31/08/2027",
        "nomEntreprise": "Boulangerie Lefèvre SARL",
        "codeGroupe": "GRP-BTS-MCO-25", "nomGroupe": "BTS MCO 2025 – groupe A",
        "codeSite": "SITE-LYON", "nomSite": "Campus de Lyon",
        "codePeriode": "2025-2026", "nomPeriode": "Année scolaire 2025/2026",
        "codeFormation": formation, "nomFormation": format!("Formation {formation}"),
        "codeAnnee": format!("{formation}-1"), "nomAnnee": format!("{formation} 1ère année"),
        "codeApprenant": format!("APP-{n}"), "nomApprenant": "Dupont", "prenomApprenant": "Zoé", "emailApprenant": format!("zoe.dupont{n}@example.fr"),
        "codePersonnel": "PERS-1", "nomPersonnel": "Martin", "prenomPersonnel": "Hélène", "emailPersonnel": "helene.martin@ecole.example.fr",
        "codeMaitreApprentissage": format!("MA-{n}"), "nomMaitreApprentissage": "Lefèvre", "prenomMaitreApprentissage": "Jérôme", "emailMaitreApprentissage": format!("jerome.lefevre{n}@example.fr"),
        "type": "APPRENTICESHIP"
    })
}

async fn post(addr: std::net::SocketAddr, path: &str, contrats: Vec<Value>) -> Value {
    let r = Req::post(&format!("{BASE}{path}")).bearer(STATIC_TOKEN).json(&json!({ "contrats": contrats })).ok(addr).await;
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

async fn get(addr: std::net::SocketAddr, path: &str) -> Value {
    let r = Req::get(&format!("{BASE}{path}")).bearer(STATIC_TOKEN).ok(addr).await;
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

#[tokio::test]
async fn auth_and_test_route() {
    let s = start().await;
    assert_eq!(Req::get(&format!("{BASE}/test")).ok(s.addr).await.status, 401);
    assert_eq!(Req::get(&format!("{BASE}/test")).bearer("wrong").ok(s.addr).await.status, 401);
    assert_eq!(get(s.addr, "/test").await["value"], "token valid");
    assert_eq!(get(s.addr, "/contrats").await, json!({"total": 0, "contrats": []}), "the store starts empty");
}

#[tokio::test]
async fn transmitted_vs_integrated_and_delete() {
    let s = start().await;
    let r = post(s.addr, "/contrats", vec![contrat(1, "BTS-MCO"), contrat(2, "CAP-CUISINE"), contrat(3, "BTS-MCO")]).await;
    assert_eq!(r["success"], true);
    assert_eq!(r["validContrats"].as_array().map(Vec::len), Some(3));
    assert_eq!(r["invalidContrats"], json!([]));
    // Integrated = codeFormation with a configured model (BTS-MCO is one, CAP-CUISINE not).
    let all = get(s.addr, "/contrats-get-all").await;
    assert_eq!(all["total"], 3);
    let integrated = get(s.addr, "/contrats").await;
    assert_eq!(integrated["total"], 2);
    assert!(integrated["contrats"].as_array().is_some_and(|a| a.iter().all(|c| c["codeFormation"] == "BTS-MCO")));
    // page / limit
    let p = get(s.addr, "/contrats-get-all?page=2&limit=2").await;
    assert_eq!((p["total"].clone(), p["contrats"].as_array().map(Vec::len)), (json!(3), Some(1)));
    assert_eq!(p["contrats"][0]["codeContrat"], "CTR-0003");
    let r = Req::get(&format!("{BASE}/contrats?page=0")).bearer(STATIC_TOKEN).ok(s.addr).await;
    assert_eq!((r.status, r.json()["where"].clone()), (400, json!("query.page")));
    // DELETE is allowed in the sandbox.
    let r = Req::method("DELETE", &format!("{BASE}/contrats")).bearer(STATIC_TOKEN).ok(s.addr).await;
    assert_eq!(r.json(), json!({"success": true, "deleted": 3}));
    assert_eq!(get(s.addr, "/contrats-get-all").await["total"], 0);

    // The model list is configurable.
    let s = start_with(Config { campus_models: vec!["CAP-CUISINE".into()], ..Config::for_tests() }).await;
    post(s.addr, "/contrats", vec![contrat(1, "BTS-MCO"), contrat(2, "CAP-CUISINE")]).await;
    assert_eq!(get(s.addr, "/contrats").await["contrats"][0]["codeFormation"], "CAP-CUISINE");
}

fn errors_of(r: &Value, i: usize) -> String {
    r["invalidContrats"][i]["errors"].to_string()
}

#[tokio::test]
async fn uniqueness_rules_name_both_places() {
    let s = start().await;
    // A learner code reused as a company tutor code.
    let mut b = contrat(2, "BTS-MCO");
    b["codeMaitreApprentissage"] = json!("APP-1");
    // An email shared by two people.
    let mut c = contrat(3, "BTS-MCO");
    c["emailApprenant"] = json!("jerome.lefevre1@example.fr");
    // A site code with a second name.
    let mut d = contrat(4, "BTS-MCO");
    d["nomSite"] = json!("Campus Lyon Gerland");
    // A duplicate contract code.
    let mut e = contrat(5, "BTS-MCO");
    e["codeContrat"] = json!("CTR-0001");
    // One person, two emails.
    let mut f = contrat(6, "BTS-MCO");
    f["emailPersonnel"] = json!("h.martin@ecole.example.fr");
    // Dates.
    let mut g = contrat(7, "BTS-MCO");
    g["dateFin"] = json!("31/08/2024");
    let mut h = contrat(8, "BTS-MCO");
    h["dateDebut"] = json!("2025-09-01");
    let mut i = contrat(9, "BTS-MCO");
    i.as_object_mut().map(|o| o.remove("nomEntreprise"));
    let r = post(s.addr, "/contrats", vec![contrat(1, "BTS-MCO"), b, c, d, e, f, g, h, i]).await;
    assert_eq!(r["success"], false);
    assert_eq!(r["validContrats"].as_array().map(Vec::len), Some(1));
    assert_eq!(r["invalidContrats"].as_array().map(Vec::len), Some(8));
    let e0 = errors_of(&r, 0);
    assert!(e0.contains("contrats[1].codeMaitreApprentissage") && e0.contains("contrats[0].codeApprenant"), "{e0}");
    let e1 = errors_of(&r, 1);
    assert!(e1.contains("contrats[2].emailApprenant") && e1.contains("contrats[0].emailMaitreApprentissage"), "{e1}");
    let e2 = errors_of(&r, 2);
    assert!(e2.contains("contrats[3].nomSite") && e2.contains("contrats[0].nomSite"), "{e2}");
    let e3 = errors_of(&r, 3);
    assert!(e3.contains("contrats[4].codeContrat") && e3.contains("contrats[0].codeContrat"), "{e3}");
    let e4 = errors_of(&r, 4);
    assert!(e4.contains("contrats[5].emailPersonnel") && e4.contains("contrats[0].emailPersonnel"), "{e4}");
    assert!(errors_of(&r, 5).contains("before"));
    assert!(errors_of(&r, 6).contains("DD/MM/YYYY"));
    assert!(errors_of(&r, 7).contains("contrats[8].nomEntreprise is required"));
    // Only the valid contract was kept.
    assert_eq!(get(s.addr, "/contrats-get-all").await["total"], 1);
    // A body without `contrats` is a 400 saying where.
    let r = Req::post(&format!("{BASE}/contrats")).bearer(STATIC_TOKEN).json(&json!({"contracts": []})).ok(s.addr).await;
    assert_eq!((r.status, r.json()["where"].clone()), (400, json!("body.contrats")));
    let r = Req::post(&format!("{BASE}/contrats")).bearer(STATIC_TOKEN).header("Content-Type", "application/json").ok(s.addr).await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn diff_reports_without_changing_anything() {
    let s = start().await;
    post(s.addr, "/contrats", vec![contrat(1, "BTS-MCO"), contrat(2, "BTS-MCO"), contrat(3, "CAP-CUISINE")]).await;
    let before = get(s.addr, "/contrats-get-all").await;
    let mut changed = contrat(2, "BTS-MCO");
    changed["nomEntreprise"] = json!("Pâtisserie Cœur de Lyon");
    let r = post(s.addr, "/contrats-diff", vec![contrat(1, "BTS-MCO"), changed, contrat(4, "BTS-MCO")]).await;
    let codes =
        |k: &str| r[k].as_array().map(|a| a.iter().map(|c| c["codeContrat"].as_str().unwrap_or("").to_string()).collect::<Vec<_>>()).unwrap_or_default();
    assert_eq!(codes("same"), ["CTR-0001"]);
    assert_eq!(codes("updated"), ["CTR-0002"]);
    assert_eq!(codes("added"), ["CTR-0004"]);
    assert_eq!(codes("removed"), ["CTR-0003"]);
    assert_eq!(r["updated"][0]["nomEntreprise"], "Pâtisserie Cœur de Lyon");
    assert_eq!(get(s.addr, "/contrats-get-all").await, before, "diff is a dry run");
}
