//! Lära LMS under `/lara/lmsapi`: the `program/*` and `cycle/*` POST methods,
//! answering the documented 1xxx error codes on bad input.
//!
//! Error shape (the document gives codes and messages, not the envelope):
//! HTTP 400 `{"code": 1400, "message": "Required id", "detail": why, "where": "body.id"}`.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use serde_json::{json, Map, Value};

use crate::auth;
use crate::data::lara::{is_active_status, LaraStore, Member, Program, StatusEntry, NO_DATE};
use crate::dates::parse_datetime_ms;
use crate::http;
use crate::{lock, AppState};

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/lmsapi/program/get", post(program_get))
        .route("/lmsapi/program/getlist", post(program_getlist))
        .route("/lmsapi/program/geturl", post(program_geturl))
        .route("/lmsapi/program/getadminbranches", post(program_getadminbranches))
        .route("/lmsapi/program/addadminbranches", post(program_addadminbranches))
        .route("/lmsapi/program/removeadminbranches", post(program_removeadminbranches))
        .route("/lmsapi/program/update", post(program_update))
        .route("/lmsapi/cycle/getlist", post(cycle_getlist))
        .route("/lmsapi/cycle/getperiodlist", post(cycle_getperiodlist))
        .route("/lmsapi/cycle/getuserprogress", post(cycle_getuserprogress))
        .route("/lmsapi/cycle/getmemberstatuses", post(cycle_getmemberstatuses))
        .route("/lmsapi/cycle/updatememberstatuses", post(cycle_updatememberstatuses))
        .route("/lmsapi/cycle/updatememberstatus", post(cycle_updatememberstatus))
        .route("/lmsapi/cycle/changecurrentmemberstatus", post(cycle_changecurrentmemberstatus))
        .route_layer(from_fn_with_state(state.clone(), auth::require_static))
        .fallback(crate::not_found)
        .with_state(state)
}

fn message(code: u16) -> &'static str {
    match code {
        1000 => "Required id",
        1001 => "Invalid id",
        1002 => "Required memberId",
        1003 => "Invalid memberId",
        1004 => "Required customFieldAPIName",
        1005 => "Invalid customFieldAPIName",
        1006 => "A list of statuses must be provided",
        1007 => "A status must be provided",
        1008 => "Invalid status id",
        1009 => "Invalid user",
        1010 => "Invalid date",
        1400 => "Required id",
        1401 => "Invalid id",
        1402 => "Invalid filterId",
        1405 => "Invalid name length",
        1432 => "Missing required branches",
        1433 => "Invalid branchId",
        1434 => "Cannot remove all branches",
        1435 => "Cannot add branches",
        1436 => "Cannot remove branches",
        1437 => "Invalid language",
        1438 => "Invalid authorizationType",
        _ => "Invalid request",
    }
}

type R<T> = Result<T, Response>;

fn err(code: u16, detail: &str, location: &str) -> Response {
    http::json(StatusCode::BAD_REQUEST, &json!({"code": code, "message": message(code), "detail": detail, "where": location}))
}

fn body(bytes: &[u8]) -> R<Map<String, Value>> {
    match http::json_body(bytes) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(http::bad_request("invalid_body", "the body must be a JSON object", "body")),
        Err(e) => Err(http::bad_request("invalid_body", &e, "body")),
    }
}

/// A string field: `Ok(None)` when absent, null or empty; `code` when not a string.
fn opt_str<'a>(m: &'a Map<String, Value>, key: &str, code: u16) -> R<Option<&'a str>> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim())),
        Some(_) => Err(err(code, &format!("{key} must be a string"), &format!("body.{key}"))),
    }
}

fn required<'a>(m: &'a Map<String, Value>, key: &str, missing: u16, invalid: u16) -> R<&'a str> {
    opt_str(m, key, invalid)?.ok_or_else(|| err(missing, &format!("{key} is required"), &format!("body.{key}")))
}

/// A date filter / date field: absent is fine, malformed answers 400.
fn opt_date(m: &Map<String, Value>, key: &str, code: Option<u16>) -> R<Option<i64>> {
    let bad = |why: String| match code {
        Some(c) => err(c, &why, &format!("body.{key}")),
        None => http::bad_request("invalid_date", &why, &format!("body.{key}")),
    };
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => parse_datetime_ms(s).map(Some).ok_or_else(|| bad(format!("{key} must be YYYY-MM-DDTHH:MM:SS[.fff][Z], got {s:?}"))),
        Some(_) => Err(bad(format!("{key} must be a date string"))),
    }
}

fn ok(v: &impl serde::Serialize) -> Response {
    http::json(StatusCode::OK, v)
}

fn run(f: impl FnOnce() -> R<Response>) -> Response {
    f().unwrap_or_else(|r| r)
}

fn program_index(store: &LaraStore, m: &Map<String, Value>) -> R<usize> {
    let id = required(m, "id", 1400, 1401)?;
    store
        .programs
        .iter()
        .position(|p| p.id == id)
        .ok_or_else(|| err(1401, &format!("no program with id {id:?} (ids are opaque: send them exactly as received)"), "body.id"))
}

async fn program_get(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let store = lock(&s.lara);
        let i = program_index(&store, &m)?;
        Ok(ok(&store.programs.get(i)))
    })
}

async fn program_getlist(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let created_after = opt_date(&m, "filterDate", None)?;
        let edited_after = opt_date(&m, "filterEditDate", None)?;
        let store = lock(&s.lara);
        let list: Vec<&Program> = store
            .programs
            .iter()
            .filter(|p| created_after.is_none_or(|f| parse_datetime_ms(&p.creation_date).is_some_and(|d| d > f)))
            .filter(|p| edited_after.is_none_or(|f| p.last_modification_date != NO_DATE && parse_datetime_ms(&p.last_modification_date).is_some_and(|d| d > f)))
            .collect();
        Ok(ok(&list))
    })
}

async fn program_geturl(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let store = lock(&s.lara);
        let i = program_index(&store, &m)?;
        let id = store.programs.get(i).map(|p| p.id.clone()).unwrap_or_default();
        let filter = opt_str(&m, "filterId", 1402)?;
        if let Some(f) = filter {
            if !store.portals.iter().any(|(pid, _)| pid == f) {
                return Err(err(1402, &format!("no portal with id {f:?}"), "body.filterId"));
            }
        }
        let urls: Vec<Value> = store
            .portals
            .iter()
            .filter(|(pid, _)| filter.is_none_or(|f| f == pid))
            .map(|(pid, base)| json!({"portalId": pid, "url": format!("{base}/programme/{id}")}))
            .collect();
        Ok(ok(&urls))
    })
}

async fn program_getadminbranches(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let store = lock(&s.lara);
        let i = program_index(&store, &m)?;
        Ok(ok(&store.programs.get(i).map(|p| &p.branches)))
    })
}

/// `branches`: a non-empty array of known branch ids (1432, 1433).
fn branch_list(store: &LaraStore, m: &Map<String, Value>) -> R<Vec<String>> {
    let list = match m.get("branches") {
        Some(Value::Array(a)) if !a.is_empty() => a,
        _ => return Err(err(1432, "branches must be a non-empty array of branch ids", "body.branches")),
    };
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        match v.as_str() {
            Some(id) if store.branches.iter().any(|b| b == id) => {
                if !out.iter().any(|o: &String| o == id) {
                    out.push(id.to_string());
                }
            }
            _ => return Err(err(1433, &format!("branches[{i}] = {v} is not a known branch id"), &format!("body.branches[{i}]"))),
        }
    }
    Ok(out)
}

async fn program_addadminbranches(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let mut store = lock(&s.lara);
        let i = program_index(&store, &m)?;
        let add = branch_list(&store, &m)?;
        let program = store.programs.get_mut(i).ok_or_else(|| err(1401, "program vanished", "body.id"))?;
        if let Some(dup) = add.iter().find(|b| program.branches.contains(b)) {
            return Err(err(1435, &format!("branch {dup:?} is already associated with the program; nothing was added"), "body.branches"));
        }
        program.branches.extend(add);
        Ok(ok(&json!({"id": program.id})))
    })
}

async fn program_removeadminbranches(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let mut store = lock(&s.lara);
        let i = program_index(&store, &m)?;
        let remove = branch_list(&store, &m)?;
        let program = store.programs.get_mut(i).ok_or_else(|| err(1401, "program vanished", "body.id"))?;
        if let Some(missing) = remove.iter().find(|b| !program.branches.contains(b)) {
            return Err(err(1436, &format!("branch {missing:?} is not associated with the program; nothing was removed"), "body.branches"));
        }
        if program.branches.iter().all(|b| remove.contains(b)) {
            return Err(err(1434, "a program keeps at least one administrative branch", "body.branches"));
        }
        program.branches.retain(|b| !remove.contains(b));
        Ok(ok(&json!({"id": program.id})))
    })
}

/// `keywords` and `externalLink`: "Maximum 250 caractères" in the field table.
pub const MAX_SHORT_TEXT: usize = 250;

/// A refusal the document states without a code (the 250-character fields,
/// negative counts, markup in `name`): the sandbox's own shape,
/// `{"error": "invalid_field", "message": "<field> …", "where": "body.<field>"}`.
///
/// Decision: the documents' codes where they give one (1405 for the name's
/// length, 1437, 1438), no invented number otherwise: a made-up 14xx code
/// could clash with one the real Lära sends and that the table leaves out.
/// The sandbox keeps its own copy of these rules (it plays the provider; it
/// does not call formakit's validators).
fn refused(field: &str, why: &str) -> Response {
    http::bad_request("invalid_field", &format!("{field} {why}"), &format!("body.{field}"))
}

/// Whether `s` holds an HTML tag or comment: `<` then a letter, `/`, `!` or `?`
/// (`a < b` is fine).
fn has_markup(s: &str) -> bool {
    s.as_bytes().windows(2).any(|w| matches!(w, [b'<', c] if c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?')))
}

/// Sandbox extension (`program/update`, not in the document, implied by its
/// error codes 1405/1437/1438 and its partial-update rule): only `id` is
/// required; fields not sent are left unchanged.
async fn program_update(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let mut store = lock(&s.lara);
        let i = program_index(&store, &m)?;
        let today = store.today;
        let mut p = store.programs.get(i).cloned().ok_or_else(|| err(1401, "program vanished", "body.id"))?;
        let bad = |k: &str, t: &str| http::bad_request("invalid_field", &format!("{k} must be {t}"), &format!("body.{k}"));
        for (k, v) in &m {
            let int = || v.as_i64().ok_or_else(|| bad(k, "an integer"));
            let boolean = || v.as_bool().ok_or_else(|| bad(k, "a boolean"));
            let string = || v.as_str().map(str::to_string).ok_or_else(|| bad(k, "a string"));
            // Counts: 0 means "none" (no minimum, no maximum); negative is refused.
            let count = || v.as_i64().filter(|n| *n >= 0).ok_or_else(|| bad(k, "an integer, 0 or more (0: none)"));
            let short_text = |s: String| {
                let n = s.chars().count();
                if n > MAX_SHORT_TEXT {
                    Err(refused(k, &format!("is at most {MAX_SHORT_TEXT} characters, got {n}")))
                } else {
                    Ok(s)
                }
            };
            match k.as_str() {
                "id" | "creationDate" | "catalogLink" | "lastModificationDate" | "createdByUserID" | "createdByUserId" => {}
                "name" => {
                    let name = v.as_str().unwrap_or("");
                    // README contradiction 1: the table says 5–250, error 1405 says 3–250; the sandbox accepts 3.
                    let n = name.trim().chars().count();
                    if !v.is_string() || !(3..=250).contains(&n) {
                        return Err(err(1405, &format!("name must be 3 to 250 characters, got {n}"), "body.name"));
                    }
                    if has_markup(name) {
                        return Err(refused("name", "must be plain text: HTML tags are not allowed (the portal shows the name as text)"));
                    }
                    p.name = name.trim().to_string();
                }
                "language" => {
                    p.language = v
                        .as_i64()
                        .filter(|l| (1..=4).contains(l))
                        .ok_or_else(|| err(1437, &format!("language must be 1, 2, 3 or 4, got {v}"), "body.language"))?
                }
                "authorizationType" => {
                    p.authorization_type = v
                        .as_i64()
                        .filter(|a| (0..=1).contains(a))
                        .ok_or_else(|| err(1438, &format!("authorizationType must be 0 or 1, got {v}"), "body.authorizationType"))?
                }
                "minParticipants" => p.min_participants = count()?,
                "maxParticipants" => p.max_participants = count()?,
                "subscriptionType" => p.subscription_type = int()?,
                "enrolmentType" => p.enrolment_type = int()?,
                "visibilityType" => p.visibility_type = int()?,
                "status" => p.status = int()?,
                "expirationType" => p.expiration_type = int()?,
                "daysToComplete" => p.days_to_complete = count()?,
                "taxCountryId" => p.tax_country_id = int()?,
                "taxStateId" => p.tax_state_id = int()?,
                "credits" => p.credits = v.as_f64().filter(|c| *c >= 0.0).ok_or_else(|| bad(k, "a number, 0 or more"))?,
                "needAdminApproval" => p.need_admin_approval = boolean()?,
                "showAvailableSubscriptions" => p.show_available_subscriptions = boolean()?,
                "taxEnabled" => p.tax_enabled = boolean()?,
                "isSinglePayment" => p.is_single_payment = boolean()?,
                "description" => p.description = string()?,
                "coverId" => p.cover_id = string()?,
                "providerId" => p.provider_id = string()?,
                "certificateId" => p.certificate_id = string()?,
                "categoryId" => p.category_id = string()?,
                "keywords" => p.keywords = short_text(string()?)?,
                "shortDescription" => p.short_description = string()?,
                "externalLink" => p.external_link = short_text(string()?)?,
                "startDate" | "endDate" | "dateToComplete" => {
                    let s = string()?;
                    if parse_datetime_ms(&s).is_none() {
                        return Err(bad(k, "a date YYYY-MM-DDTHH:MM:SS"));
                    }
                    match k.as_str() {
                        "startDate" => p.start_date = s,
                        "endDate" => p.end_date = s,
                        _ => p.date_to_complete = s,
                    }
                }
                // README contradiction 2: customFields / customfields.
                "customFields" | "customfields" => {
                    let obj = v.as_object().ok_or_else(|| bad(k, "an object of strings"))?;
                    for (ck, cv) in obj {
                        let cv = cv.as_str().ok_or_else(|| bad(&format!("{k}.{ck}"), "a string"))?;
                        p.custom_fields.insert(ck.clone(), cv.to_string());
                    }
                }
                _ => {}
            }
        }
        if p.authorization_type == 1 && p.need_admin_approval {
            return Err(err(
                1438,
                "authorizationType 1 (automatic) contradicts needAdminApproval true: set authorizationType 0 or needAdminApproval false",
                "body.authorizationType",
            ));
        }
        if p.max_participants > 0 && p.min_participants > p.max_participants {
            return Err(refused(
                "minParticipants",
                &format!("is {} but maxParticipants is {} (0 would mean no maximum)", p.min_participants, p.max_participants),
            ));
        }
        if p.subscription_type == 2 && (p.start_date == NO_DATE || p.end_date == NO_DATE) {
            return Err(http::bad_request("invalid_field", "subscriptionType 2 requires startDate and endDate", "body.subscriptionType"));
        }
        p.last_modification_date = format!("{today}T12:00:00");
        let id = p.id.clone();
        if let Some(slot) = store.programs.get_mut(i) {
            *slot = p;
        }
        Ok(ok(&json!({"id": id})))
    })
}

async fn cycle_getlist(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        body(&b)?;
        Ok(ok(&lock(&s.lara).cycles))
    })
}

async fn cycle_getperiodlist(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let id = required(&m, "id", 1000, 1001)?;
        let after = opt_date(&m, "filterDate", None)?;
        let store = lock(&s.lara);
        if !store.cycles.iter().any(|c| c.cycle_id == id) {
            return Err(err(1001, &format!("no cycle with id {id:?}"), "body.id"));
        }
        let periods: Vec<_> = store
            .periods
            .iter()
            .filter(|p| p.cycle_id == id)
            .filter(|p| after.is_none_or(|f| parse_datetime_ms(&p.start_date).is_some_and(|d| d > f)))
            .collect();
        Ok(ok(&periods))
    })
}

fn check_custom_field_name(store: &LaraStore, m: &Map<String, Value>) -> R<Option<String>> {
    match opt_str(m, "customFieldAPIName", 1005)? {
        Some(n) if store.custom_field_names.iter().any(|k| k == n) => Ok(Some(n.to_string())),
        Some(n) => Err(err(1005, &format!("unknown custom field {n:?}; known: {}", store.custom_field_names.join(", ")), "body.customFieldAPIName")),
        None => Ok(None),
    }
}

async fn cycle_getuserprogress(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let id = required(&m, "id", 1000, 1001)?;
        let member = required(&m, "memberId", 1002, 1003)?;
        let store = lock(&s.lara);
        let period = store.periods.iter().find(|p| p.cycle_period_id == id || p.cycle_id == id);
        let Some(period) = period else {
            return Err(err(1001, &format!("no cycle or period with id {id:?}"), "body.id"));
        };
        if !store.members.iter().any(|u| u.user_id == member) {
            return Err(err(1003, &format!("no member with id {member:?}"), "body.memberId"));
        }
        let field = check_custom_field_name(&store, &m)?;
        let required_credits = period.requirements.iter().find(|r| r.kind == 1).map(|r| r.target_value).unwrap_or(40.0);
        let mut rng = crate::data::rng::Rng::new(s.config.seed).fork(&format!("{id}/{member}"));
        let completed = rng.range(0, required_credits as u64) as f64;
        Ok(ok(&json!({
            "id": id,
            "memberId": member,
            "requiredCredits": required_credits,
            "completedCredits": completed,
            "exemptedCredits": rng.range(0, 10) as f64,
            "providerCredits": rng.range(0, completed as u64) as f64,
            "customFieldAPIName": field.unwrap_or_default(),
        })))
    })
}

/// `userId` when known, else `customFieldAPIName` + `customFieldValue`.
fn member_index(store: &LaraStore, m: &Map<String, Value>) -> R<usize> {
    if let Some(uid) = opt_str(m, "userId", 1009)? {
        return store.members.iter().position(|u| u.user_id == uid).ok_or_else(|| err(1009, &format!("no user with userId {uid:?}"), "body.userId"));
    }
    let Some(field) = check_custom_field_name(store, m)? else {
        return Err(err(1004, "send userId, or customFieldAPIName with customFieldValue", "body.customFieldAPIName"));
    };
    let value =
        opt_str(m, "customFieldValue", 1009)?.ok_or_else(|| err(1009, "customFieldValue is required with customFieldAPIName", "body.customFieldValue"))?;
    store
        .members
        .iter()
        .position(|u| u.custom_fields.get(&field).is_some_and(|v| v == value))
        .ok_or_else(|| err(1009, &format!("no user whose {field} is {value:?}"), "body.customFieldValue"))
}

async fn cycle_getmemberstatuses(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let store = lock(&s.lara);
        let i = member_index(&store, &m)?;
        Ok(ok(&json!({"statuses": store.members.get(i).map(|u| &u.statuses)})))
    })
}

/// Reads one status object. `base` is the entry being updated (partial
/// update) or `None` for a new entry.
fn read_status(v: Option<&Value>, location: &str, base: Option<&StatusEntry>, default_start: &str) -> R<StatusEntry> {
    let Some(Value::Object(o)) = v else {
        return Err(err(1007, "status must be an object with a non-empty status", location));
    };
    let name = match (o.get("status"), base) {
        (Some(Value::String(s)), _) if !s.trim().is_empty() => s.trim().to_string(),
        (None, Some(b)) => b.status.clone(),
        _ => return Err(err(1007, "status.status must be a non-empty string", &format!("{location}.status"))),
    };
    let date = |k: &str, fallback: String| -> R<String> {
        match o.get(k) {
            None => Ok(fallback),
            Some(Value::Null) => Ok(if k == "endDate" { NO_DATE.to_string() } else { fallback }),
            Some(Value::String(s)) if s.trim().is_empty() && k == "endDate" => Ok(NO_DATE.to_string()),
            Some(Value::String(s)) if parse_datetime_ms(s).is_some() => Ok(s.trim().to_string()),
            Some(other) => Err(err(1010, &format!("{k} must be a date YYYY-MM-DDTHH:MM:SS[.fff], got {other}"), &format!("{location}.{k}"))),
        }
    };
    let start = date("startDate", base.map(|b| b.start_date.clone()).unwrap_or_else(|| default_start.to_string()))?;
    let end = date("endDate", base.map(|b| b.end_date.clone()).unwrap_or_else(|| NO_DATE.to_string()))?;
    if end != NO_DATE && parse_datetime_ms(&end) < parse_datetime_ms(&start) {
        return Err(err(1010, &format!("endDate {end} is before startDate {start}"), &format!("{location}.endDate")));
    }
    // README contradiction 8: isActiveMember true/false is kept; null infers
    // from the status name. Absent on a partial update keeps the old value
    // unless the status name changed (then it is inferred).
    let active = match (o.get("isActiveMember"), base) {
        (Some(Value::Bool(b)), _) => *b,
        (None, Some(b)) if b.status == name => b.is_active_member,
        (None | Some(Value::Null), _) => is_active_status(&name),
        (Some(other), _) => return Err(err(1007, &format!("isActiveMember must be true, false or null, got {other}"), &format!("{location}.isActiveMember"))),
    };
    Ok(StatusEntry {
        entry_id: base.map(|b| b.entry_id.clone()).unwrap_or_default(),
        user_id: base.map(|b| b.user_id.clone()).unwrap_or_default(),
        status: name,
        is_active_member: active,
        start_date: start,
        end_date: end,
    })
}

fn member_mut(store: &mut LaraStore, i: usize) -> R<&mut Member> {
    store.members.get_mut(i).ok_or_else(|| err(1009, "user vanished", "body.userId"))
}

async fn cycle_updatememberstatuses(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let mut store = lock(&s.lara);
        let i = member_index(&store, &m)?;
        let list = match m.get("statuses") {
            Some(Value::Array(a)) if !a.is_empty() => a,
            _ => return Err(err(1006, "statuses must be a non-empty array", "body.statuses")),
        };
        let default_start = format!("{}T00:00:00", store.today);
        let mut entries = Vec::new();
        for (k, v) in list.iter().enumerate() {
            let mut e = read_status(Some(v), &format!("body.statuses[{k}]"), None, &default_start)?;
            e.entry_id = store.ids.lara_id();
            entries.push(e);
        }
        let member = member_mut(&mut store, i)?;
        for e in entries.iter_mut() {
            e.user_id = member.user_id.clone();
        }
        member.statuses = entries;
        Ok(ok(&json!({"isSuccess": true})))
    })
}

async fn cycle_updatememberstatus(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let mut store = lock(&s.lara);
        let i = member_index(&store, &m)?;
        let entry_id = opt_str(&m, "entryId", 1008)?.ok_or_else(|| err(1008, "entryId is required", "body.entryId"))?;
        let member = member_mut(&mut store, i)?;
        let Some(slot) = member.statuses.iter_mut().find(|e| e.entry_id == entry_id) else {
            return Err(err(1008, &format!("the user has no status entry {entry_id:?}"), "body.entryId"));
        };
        let updated = read_status(m.get("status"), "body.status", Some(slot), "")?;
        *slot = updated;
        Ok(ok(&json!({"isSuccess": true})))
    })
}

/// Closes the active range (the open entry, `endDate` = no date) at the new
/// entry's start, then appends the new entry.
async fn cycle_changecurrentmemberstatus(State(s): State<AppState>, b: Bytes) -> Response {
    run(|| {
        let m = body(&b)?;
        let mut store = lock(&s.lara);
        let i = member_index(&store, &m)?;
        let default_start = format!("{}T00:00:00", store.today);
        let mut new = read_status(m.get("status"), "body.status", None, &default_start)?;
        new.entry_id = store.ids.lara_id();
        let member = member_mut(&mut store, i)?;
        new.user_id = member.user_id.clone();
        let active = member.statuses.iter_mut().filter(|e| e.end_date == NO_DATE).max_by_key(|e| parse_datetime_ms(&e.start_date).unwrap_or(i64::MIN));
        if let Some(active) = active {
            if parse_datetime_ms(&new.start_date) < parse_datetime_ms(&active.start_date) {
                return Err(err(
                    1010,
                    &format!("the new status starts ({}) before the active range ({})", new.start_date, active.start_date),
                    "body.status.startDate",
                ));
            }
            active.end_date = new.start_date.clone();
        }
        member.statuses.push(new);
        Ok(ok(&json!({"isSuccess": true})))
    })
}
