//! France Travail under `/francetravail`: the OAuth token endpoint and the AIS
//! consultation of one training session.

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::Value;

use crate::auth;
use crate::http;
use crate::AppState;

pub const AIS_PATH: &str = "/partenaire/parcoursformationtest/v1/inscriptions/statut/session";

pub fn router(state: AppState) -> Router {
    let protected = Router::new().route(AIS_PATH, get(ais)).route_layer(from_fn_with_state(state.clone(), auth::require_france_travail));
    Router::new().route("/connexion/oauth2/access_token", post(auth::france_travail_token)).merge(protected).fallback(crate::not_found).with_state(state)
}

/// `GET …/inscriptions/statut/session?numeroSession=&numeroAction=&numeroFormation=
/// [&numeroReferenceExterne=][&codeStatutInscription=|&codeStatut=]`.
///
/// README contradiction 10: the table names `codeStatutInscription`, the
/// example URL `codeStatut`; both are accepted. `numeroReferenceExterne`, when
/// given, stands in for the Intercarif triplet. An unknown session answers `[]`.
async fn ais(State(state): State<AppState>, RawQuery(q): RawQuery) -> Response {
    let pairs = match http::query_pairs(q.as_deref()) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let get = |k: &str| http::query_get(&pairs, k).map(str::trim).filter(|v| !v.is_empty());
    let external = get("numeroReferenceExterne");
    let (session, action, formation) = (get("numeroSession"), get("numeroAction"), get("numeroFormation"));
    if external.is_none() {
        let missing: Vec<&str> = [("numeroSession", session), ("numeroAction", action), ("numeroFormation", formation)]
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(k, _)| *k)
            .collect();
        if !missing.is_empty() {
            return http::bad_request(
                "parametre_manquant",
                &format!("missing query parameter(s) {}: the Intercarif triplet is required unless numeroReferenceExterne is given", missing.join(", ")),
                &format!("query.{}", missing.first().copied().unwrap_or("numeroSession")),
            );
        }
    }
    for (k, v) in [("numeroSession", session), ("numeroAction", action), ("numeroFormation", formation)] {
        if v.is_some_and(|v| v.chars().count() > 25) {
            return http::bad_request("parametre_invalide", &format!("{k} is at most 25 characters"), &format!("query.{k}"));
        }
    }
    let status = get("codeStatutInscription").or_else(|| get("codeStatut"));
    if status.is_some_and(|s| s.chars().count() > 3) {
        return http::bad_request("parametre_invalide", "codeStatutInscription is at most 3 characters", "query.codeStatutInscription");
    }
    let records: Vec<&Value> = state
        .data
        .ais
        .iter()
        .filter(|s| match external {
            Some(e) => s.numero_reference_externe.as_deref() == Some(e),
            None => Some(s.numero_session.as_str()) == session && Some(s.numero_action.as_str()) == action && Some(s.numero_formation.as_str()) == formation,
        })
        .flat_map(|s| s.records.iter())
        .filter(|r| status.is_none_or(|c| r.get("codeStatutInscription").and_then(Value::as_str).is_some_and(|v| v.eq_ignore_ascii_case(c))))
        .collect();
    let mut res = http::json(StatusCode::OK, &records);
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json;charset=UTF-8"));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res.headers_mut().insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    res
}
