use serde_json::Value;

use crate::client::Req;
use crate::{ft_token, start};

const AIS: &str = "/francetravail/partenaire/parcoursformationtest/v1/inscriptions/statut/session";
const TOKEN: &str = "/francetravail/connexion/oauth2/access_token?realm=%2Fpartenaire";

#[tokio::test]
async fn token_endpoint() {
    let s = start().await;
    let r = Req::post(TOKEN)
        .form("grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=application_sandbox%20api_parcoursformationv1")
        .ok(s.addr)
        .await;
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!(j["expires_in"], 1500);
    assert_eq!(j["token_type"], "Bearer");
    assert_eq!(j["scope"], "application_sandbox api_parcoursformationv1");
    let r = Req::post(TOKEN).form("grant_type=client_credentials&client_id=x&client_secret=y").ok(s.addr).await;
    assert_eq!((r.status, r.json()["error"].clone()), (400, Value::from("invalid_client")));
    let r = Req::post(TOKEN).form("grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=admin").ok(s.addr).await;
    assert_eq!(r.json()["error"], "invalid_scope");
    let r = Req::post("/francetravail/connexion/oauth2/access_token")
        .form("grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret")
        .ok(s.addr)
        .await;
    assert_eq!((r.status, r.json()["error"].clone()), (400, Value::from("invalid_request")));
}

#[tokio::test]
async fn ais_consultation() {
    let s = start().await;
    assert_eq!(Req::get(&format!("{AIS}?numeroSession=1330305&numeroAction=20_1330305&numeroFormation=20_1262663")).ok(s.addr).await.status, 401);
    let t = ft_token(s.addr).await;
    let r = Req::get(&format!("{AIS}?numeroSession=1330305&numeroAction=20_1330305&numeroFormation=20_1262663")).bearer(&t).ok(s.addr).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json;charset=UTF-8"));
    let all = r.json().as_array().cloned().unwrap_or_default();
    assert!(all.len() >= 2);
    let first = &all[0];
    assert_eq!(first["apercuSessionFormationPartenaire"]["numeroSession"], "1330305");
    assert!(first["dateDebutPlan"].as_str().is_some_and(|d| d.ends_with("+01:00") || d.ends_with("+02:00")));
    // The documented session uses the example's module names…
    assert!(first["listeModuleFormation"][0].get("dateDebutPeriode").is_some());
    assert!(first["financementAis"]["convention"]["dispositifFinancement"]["codeDispositif"].is_string());
    // …session 114782 the table's.
    let other = Req::get(&format!("{AIS}?numeroSession=114782&numeroAction=07_114782&numeroFormation=07_10")).bearer(&t).ok(s.addr).await.json();
    assert!(other[0]["listeModuleFormation"][0].get("numeroModule").is_some());

    // codeStatut (example) and codeStatutInscription (table) both filter.
    let a =
        Req::get(&format!("{AIS}?numeroSession=1330305&numeroAction=20_1330305&numeroFormation=20_1262663&codeStatut=AIS")).bearer(&t).ok(s.addr).await.json();
    let b = Req::get(&format!("{AIS}?numeroSession=1330305&numeroAction=20_1330305&numeroFormation=20_1262663&codeStatutInscription=AIS"))
        .bearer(&t)
        .ok(s.addr)
        .await
        .json();
    assert_eq!(a, b);
    let a = a.as_array().cloned().unwrap_or_default();
    assert!(!a.is_empty() && a.len() <= all.len() && a.iter().all(|x| x["codeStatutInscription"] == "AIS"));
    // numeroReferenceExterne stands in for the triplet.
    let e = Req::get(&format!("{AIS}?numeroReferenceExterne=20_12345")).bearer(&t).ok(s.addr).await.json();
    assert_eq!(e.as_array().map(Vec::len), Some(all.len()));
    // Unknown session: empty list. Missing parameter: 400 naming it.
    let r = Req::get(&format!("{AIS}?numeroSession=1&numeroAction=2&numeroFormation=3")).bearer(&t).ok(s.addr).await;
    assert_eq!((r.status, r.text().as_str()), (200, "[]"));
    let r = Req::get(&format!("{AIS}?numeroSession=1330305&numeroAction=20_1330305")).bearer(&t).ok(s.addr).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["where"], "query.numeroFormation");
}
