//! Campus Skills sync API under `/campusskills/api/sync/v1`: contracts posted
//! ("transmitted"), the subset the sandbox can associate with a session
//! ("integrated": codeFormation has a configured model, see `--campus-models`),
//! a dry-run diff, and DELETE (allowed: this is the sandbox).
//!
//! POST is a full synchronisation: the transmitted store becomes the valid
//! contracts of the request (hence `removed` in the diff).

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Map, Value};

use crate::auth;
use crate::dates::{Date, DateExt};
use crate::http;
use crate::{lock, AppState};

#[derive(Default)]
pub struct Store {
    /// Transmitted contracts, in the order received.
    pub transmitted: Vec<Map<String, Value>>,
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/sync/v1/test", get(test))
        .route("/api/sync/v1/contrats", post(post_contrats).get(get_integrated).delete(delete_all))
        .route("/api/sync/v1/contrats-get-all", get(get_transmitted))
        .route("/api/sync/v1/contrats-diff", post(diff))
        .route_layer(from_fn_with_state(state.clone(), auth::require_static))
        .fallback(crate::not_found)
        .with_state(state)
}

const REQUIRED: &[&str] = &[
    "codeContrat",
    "dateDebut",
    "dateFin",
    "nomEntreprise",
    "codeGroupe",
    "nomGroupe",
    "codeSite",
    "nomSite",
    "codePeriode",
    "nomPeriode",
    "codeFormation",
    "nomFormation",
    "codeAnnee",
    "nomAnnee",
    "codeApprenant",
    "nomApprenant",
    "prenomApprenant",
    "emailApprenant",
    "codePersonnel",
    "nomPersonnel",
    "prenomPersonnel",
    "emailPersonnel",
    "codeMaitreApprentissage",
    "nomMaitreApprentissage",
    "prenomMaitreApprentissage",
    "emailMaitreApprentissage",
];
const OPTIONAL: &[&str] = &["codeMarque", "nomMarque", "missionTitle", "missionDetails", "monthStartGroup", "rncp", "type"];
/// (code field, name field) pairs that must map one to one.
const PAIRS: &[(&str, &str)] =
    &[("codeSite", "nomSite"), ("codePeriode", "nomPeriode"), ("codeFormation", "nomFormation"), ("codeAnnee", "nomAnnee"), ("codeMarque", "nomMarque")];
/// People: (code field, email field, name field, first-name field).
const PEOPLE: &[(&str, &str, &str, &str)] = &[
    ("codeApprenant", "emailApprenant", "nomApprenant", "prenomApprenant"),
    ("codePersonnel", "emailPersonnel", "nomPersonnel", "prenomPersonnel"),
    ("codeMaitreApprentissage", "emailMaitreApprentissage", "nomMaitreApprentissage", "prenomMaitreApprentissage"),
];

async fn test() -> Response {
    http::json(StatusCode::OK, &json!({"value": "token valid", "organisme": "Campus Skills sandbox", "sandbox": true}))
}

fn s<'a>(c: &'a Map<String, Value>, k: &str) -> &'a str {
    c.get(k).and_then(Value::as_str).map(str::trim).unwrap_or("")
}

fn valid_email(e: &str) -> bool {
    let mut parts = e.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !e.contains(char::is_whitespace)
        }
        _ => false,
    }
}

/// What has been accepted so far in one batch, to find conflicts and name
/// the place of the first occurrence.
#[derive(Default)]
struct Registry {
    contracts: BTreeMap<String, usize>,
    /// person code → (code field, contract index)
    person_roles: BTreeMap<String, (&'static str, usize)>,
    /// (code field, person code) → (email, nom, prénom, index)
    person_data: BTreeMap<(&'static str, String), (String, String, String, usize)>,
    /// lower-cased email → (code field, person code, email field, index)
    emails: BTreeMap<String, (&'static str, String, &'static str, usize)>,
    /// (code field, code) → (name, index) and (name field, name) → (code, index)
    code_to_name: BTreeMap<(&'static str, String), (String, usize)>,
    name_to_code: BTreeMap<(&'static str, String), (String, usize)>,
}

fn check(reg: &Registry, i: usize, item: &Value) -> Vec<String> {
    let here = |f: &str| format!("contrats[{i}].{f}");
    let Some(c) = item.as_object() else {
        return vec![format!("contrats[{i}] must be an object")];
    };
    let mut errors = Vec::new();
    for f in REQUIRED {
        match c.get(*f) {
            Some(Value::String(v)) if !v.trim().is_empty() => {}
            Some(Value::String(_)) | None | Some(Value::Null) => errors.push(format!("{} is required", here(f))),
            Some(_) => errors.push(format!("{} must be a string", here(f))),
        }
    }
    for f in OPTIONAL {
        if let Some(v) = c.get(*f) {
            if !(v.is_string() || v.is_null() || (*f == "monthStartGroup" && v.is_number())) {
                errors.push(format!("{} must be a string", here(f)));
            }
        }
    }
    if let Some(t) = c.get("type").and_then(Value::as_str) {
        if t != "APPRENTICESHIP" && t != "INTERNSHIP" {
            errors.push(format!("{} must be APPRENTICESHIP or INTERNSHIP, got {t:?}", here("type")));
        }
    }
    let (d1, d2) = (s(c, "dateDebut"), s(c, "dateFin"));
    let (p1, p2) = (Date::parse_fr(d1), Date::parse_fr(d2));
    if !d1.is_empty() && p1.is_none() {
        errors.push(format!("{} must be a date DD/MM/YYYY, got {d1:?}", here("dateDebut")));
    }
    if !d2.is_empty() && p2.is_none() {
        errors.push(format!("{} must be a date DD/MM/YYYY, got {d2:?}", here("dateFin")));
    }
    if let (Some(a), Some(b)) = (p1, p2) {
        if b < a {
            errors.push(format!("{} ({d2}) is before {} ({d1})", here("dateFin"), here("dateDebut")));
        }
    }
    let code = s(c, "codeContrat");
    if let Some(j) = reg.contracts.get(code).filter(|_| !code.is_empty()) {
        errors.push(format!("{} {code:?} is already used by contrats[{j}].codeContrat", here("codeContrat")));
    }
    for (cf, nf) in PAIRS {
        let (cv, nv) = (s(c, cf), s(c, nf));
        if cv.is_empty() || nv.is_empty() {
            continue;
        }
        if let Some((name, j)) = reg.code_to_name.get(&(*cf, cv.to_string())).filter(|(n, _)| n != nv) {
            errors.push(format!("{} {cv:?} is named {nv:?} in {} but {name:?} in contrats[{j}].{nf}", here(cf), here(nf)));
        }
        if let Some((other, j)) = reg.name_to_code.get(&(*nf, nv.to_string())).filter(|(o, _)| o != cv) {
            errors.push(format!("{} {nv:?} has code {cv:?} in {} but {other:?} in contrats[{j}].{cf}", here(nf), here(cf)));
        }
    }
    let mut batch_emails: Vec<(String, &str)> = Vec::new();
    for (cf, ef, nf, pf) in PEOPLE {
        let (pc, email) = (s(c, cf), s(c, ef));
        if !email.is_empty() && !valid_email(email) {
            errors.push(format!("{} {email:?} is not an email address", here(ef)));
        }
        if pc.is_empty() {
            continue;
        }
        // Codes are unique across learners, school tutors and company tutors.
        if let Some((role, j)) = reg.person_roles.get(pc).filter(|(r, _)| r != cf) {
            errors.push(format!("{} {pc:?} is already used as {role} in contrats[{j}].{role}", here(cf)));
        }
        for (ocf, _, _, _) in PEOPLE.iter().filter(|(o, ..)| o != cf) {
            if s(c, ocf) == pc && cf < ocf {
                errors.push(format!("{} {pc:?} is also used as {} in the same contract", here(cf), here(ocf)));
            }
        }
        // One email per person…
        if let Some((known_email, nom, prenom, j)) = reg.person_data.get(&(*cf, pc.to_string())) {
            if !email.is_empty() && !known_email.eq_ignore_ascii_case(email) {
                errors.push(format!("{} {pc:?} has email {email:?} in {} but {known_email:?} in contrats[{j}].{ef}", here(cf), here(ef)));
            }
            let (n, p) = (s(c, nf), s(c, pf));
            if (!n.is_empty() && n != nom) || (!p.is_empty() && p != prenom) {
                errors.push(format!("{} {pc:?} is {p} {n} in {} but {prenom} {nom} in contrats[{j}].{nf}", here(cf), here(nf)));
            }
        }
        // …and no email shared by two people.
        if !email.is_empty() {
            let key = email.to_lowercase();
            if let Some((ocf, ocode, oef, j)) = reg.emails.get(&key) {
                if !(ocf == cf && ocode == pc) {
                    errors.push(format!("{} {email:?} already belongs to {ocf} {ocode:?} (contrats[{j}].{oef})", here(ef)));
                }
            }
            if let Some((_, other_field)) = batch_emails.iter().find(|(e, _)| *e == key) {
                errors.push(format!("{} {email:?} is also {} in the same contract: two people cannot share an email", here(ef), here(other_field)));
            }
            batch_emails.push((key, ef));
        }
    }
    errors
}

fn register(reg: &mut Registry, i: usize, c: &Map<String, Value>) {
    reg.contracts.insert(s(c, "codeContrat").to_string(), i);
    for (cf, nf) in PAIRS {
        let (cv, nv) = (s(c, cf), s(c, nf));
        if !cv.is_empty() && !nv.is_empty() {
            reg.code_to_name.entry((*cf, cv.to_string())).or_insert((nv.to_string(), i));
            reg.name_to_code.entry((*nf, nv.to_string())).or_insert((cv.to_string(), i));
        }
    }
    for (cf, ef, nf, pf) in PEOPLE {
        let pc = s(c, cf).to_string();
        reg.person_roles.entry(pc.clone()).or_insert((cf, i));
        reg.person_data.entry((*cf, pc.clone())).or_insert((s(c, ef).to_string(), s(c, nf).to_string(), s(c, pf).to_string(), i));
        reg.emails.entry(s(c, ef).to_lowercase()).or_insert((cf, pc, ef, i));
    }
}

struct Checked {
    valid: Vec<Map<String, Value>>,
    invalid: Vec<Value>,
}

/// Validates in order; a contract conflicting with an earlier valid one is
/// invalid, and its errors name both places.
fn validate(items: &[Value]) -> Checked {
    let mut reg = Registry::default();
    let mut out = Checked { valid: Vec::new(), invalid: Vec::new() };
    for (i, item) in items.iter().enumerate() {
        let errors = check(&reg, i, item);
        match item.as_object() {
            Some(c) if errors.is_empty() => {
                register(&mut reg, i, c);
                out.valid.push(c.clone());
            }
            Some(c) => {
                let mut bad = c.clone();
                bad.insert("errors".into(), json!(errors));
                out.invalid.push(Value::Object(bad));
            }
            None => out.invalid.push(json!({"value": item, "errors": errors})),
        }
    }
    out
}

fn contrats_of(b: &[u8]) -> Result<Vec<Value>, Response> {
    let v = http::json_body(b).map_err(|e| http::bad_request("invalid_body", &e, "body"))?;
    match v.get("contrats") {
        Some(Value::Array(a)) => Ok(a.clone()),
        Some(_) => Err(http::bad_request("invalid_body", "`contrats` must be an array of contracts", "body.contrats")),
        None => Err(http::bad_request("invalid_body", "the body must be {\"contrats\": [...]}", "body.contrats")),
    }
}

async fn post_contrats(State(state): State<AppState>, b: Bytes) -> Response {
    let items = match contrats_of(&b) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let checked = validate(&items);
    lock(&state.campus).transmitted = checked.valid.clone();
    http::json(StatusCode::OK, &json!({"success": checked.invalid.is_empty(), "validContrats": checked.valid, "invalidContrats": checked.invalid}))
}

/// `page` (from 1, default 1) and `limit` (1..=1000, default 100).
fn list(raw: Option<&str>, items: Vec<&Map<String, Value>>) -> Response {
    let run = || {
        let pairs = http::query_pairs(raw)?;
        let page = http::query_int(&pairs, "page")?.unwrap_or(1);
        let limit = http::query_int(&pairs, "limit")?.unwrap_or(100);
        if page < 1 {
            return Err(http::bad_request("invalid_query", "page starts at 1", "query.page"));
        }
        if !(1..=1000).contains(&limit) {
            return Err(http::bad_request("invalid_query", "limit must be between 1 and 1000", "query.limit"));
        }
        let total = items.len();
        let skip = ((page - 1) as usize).saturating_mul(limit as usize);
        let contrats: Vec<_> = items.into_iter().skip(skip).take(limit as usize).collect();
        Ok(http::json(StatusCode::OK, &json!({"total": total, "contrats": contrats})))
    };
    run().unwrap_or_else(|r| r)
}

async fn get_integrated(State(state): State<AppState>, RawQuery(q): RawQuery) -> Response {
    let store = lock(&state.campus);
    let models = &state.config.campus_models;
    let items = store.transmitted.iter().filter(|c| models.iter().any(|m| m == s(c, "codeFormation"))).collect();
    list(q.as_deref(), items)
}

async fn get_transmitted(State(state): State<AppState>, RawQuery(q): RawQuery) -> Response {
    let store = lock(&state.campus);
    list(q.as_deref(), store.transmitted.iter().collect())
}

async fn delete_all(State(state): State<AppState>) -> Response {
    let mut store = lock(&state.campus);
    let deleted = store.transmitted.len();
    store.transmitted.clear();
    http::json(StatusCode::OK, &json!({"success": true, "deleted": deleted}))
}

/// Dry run: what a POST of these contracts would do to the transmitted
/// store. Invalid contracts are left out (a POST would not keep them).
async fn diff(State(state): State<AppState>, b: Bytes) -> Response {
    let items = match contrats_of(&b) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let checked = validate(&items);
    let store = lock(&state.campus);
    let (mut same, mut added, mut updated) = (Vec::new(), Vec::new(), Vec::new());
    for c in &checked.valid {
        match store.transmitted.iter().find(|t| s(t, "codeContrat") == s(c, "codeContrat")) {
            Some(t) if t == c => same.push(c),
            Some(_) => updated.push(c),
            None => added.push(c),
        }
    }
    let removed: Vec<_> = store.transmitted.iter().filter(|t| !checked.valid.iter().any(|c| s(c, "codeContrat") == s(t, "codeContrat"))).collect();
    http::json(StatusCode::OK, &json!({"same": same, "added": added, "updated": updated, "removed": removed}))
}
