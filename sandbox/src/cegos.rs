//! Cegos catalog API under `/cegos`: token at `/cegos/connect/token`, the
//! catalog under `/cegos/v1/…`, exactly the document's routes.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::Serialize;
use serde_json::{json, Value};

use crate::auth;
use crate::data::cegos::{Part, ProductBase, ProductHydrated, RelatedProduct, Session, SessionPart, PAGE_SIZE, REMOTE_CITY};
use crate::dates::DateExt;
use crate::http;
use crate::AppState;

pub fn router(state: AppState) -> Router {
    let protected = Router::new()
        .route("/v1/Catalogs", get(catalogs))
        .route("/v1/CatalogTopics", get(topics))
        // README contradiction 17: the provider's tutorial spells it CatalogsTopics.
        .route("/v1/CatalogsTopics", get(topics))
        .route("/v1/Products", get(products))
        .route("/v1/Products/{yearlyProductCode}", get(product))
        .route("/v1/Referentials/centers", get(centers))
        .route("/v1/Sessions", get(sessions))
        .route("/v1/Sessions/{yearlySessionCode}", get(session))
        .route_layer(from_fn_with_state(state.clone(), auth::require_cegos));
    Router::new().route("/connect/token", post(auth::cegos_token)).merge(protected).fallback(crate::not_found).with_state(state)
}

async fn catalogs(State(state): State<AppState>) -> Response {
    http::data(&state.data.cegos.catalogs)
}

async fn topics(State(state): State<AppState>, RawQuery(q): RawQuery) -> Response {
    let pairs = match http::query_pairs(q.as_deref()) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let tree = &state.data.cegos.topics;
    match http::query_int(&pairs, "catalogId") {
        Err(r) => r,
        Ok(Some(id)) if id != tree.catalog_id => http::error(
            StatusCode::NOT_FOUND,
            "not_found",
            &format!("catalog {id} has no topic tree; the sandbox's tree belongs to catalog {}", tree.catalog_id),
            "query.catalogId",
        ),
        Ok(_) => http::data(tree),
    }
}

async fn centers(State(state): State<AppState>) -> Response {
    http::data(&state.data.cegos.centers)
}

#[derive(Serialize)]
struct ProductView<'a> {
    #[serde(flatten)]
    base: &'a ProductBase,
    #[serde(rename = "relatedProducts", skip_serializing_if = "Option::is_none")]
    related: Option<&'a [RelatedProduct]>,
    #[serde(flatten)]
    hydrated: Option<&'a ProductHydrated>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<T: Serialize> {
    data: Vec<T>,
    page_number: usize,
    page_size: usize,
    total_items: usize,
    total_pages: usize,
}

/// `pageNumber`: default 1, "auto-corrected" into 1..=totalPages.
fn page<T: Serialize>(items: Vec<T>, pairs: &[(String, String)]) -> Result<Page<T>, Response> {
    let total_items = items.len();
    let total_pages = total_items.div_ceil(PAGE_SIZE);
    let requested = http::query_int(pairs, "pageNumber")?.unwrap_or(1);
    let page_number = requested.clamp(1, total_pages.max(1) as i64) as usize;
    let data = items.into_iter().skip((page_number - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
    Ok(Page { data, page_number, page_size: PAGE_SIZE, total_items, total_pages })
}

async fn products(State(state): State<AppState>, RawQuery(q): RawQuery) -> Response {
    let result = (|| {
        let pairs = http::query_pairs(q.as_deref())?;
        let hydrate = http::query_bool(&pairs, "hydrate")?.unwrap_or(false);
        let views: Vec<ProductView> = state
            .data
            .cegos
            .products
            .iter()
            .map(|p| ProductView { base: &p.base, related: Some(&p.related), hydrated: hydrate.then_some(&p.hydrated) })
            .collect();
        Ok::<_, Response>(http::json(StatusCode::OK, &page(views, &pairs)?))
    })();
    result.unwrap_or_else(|r| r)
}

/// `/v1/Products/{yearlyProductCode}`: `202500038`; the bare product code
/// (`38`) is accepted too.
async fn product(State(state): State<AppState>, Path(code): Path<String>, RawQuery(q): RawQuery) -> Response {
    let result = (|| {
        let pairs = http::query_pairs(q.as_deref())?;
        let hydrate = http::query_bool(&pairs, "hydrate")?.unwrap_or(false);
        let code = code.trim();
        let found = state
            .data
            .cegos
            .products
            .iter()
            .find(|p| p.base.yearly_product_code == code)
            .or_else(|| state.data.cegos.products.iter().find(|p| p.base.product_code == code.trim_start_matches('0')));
        let Some(p) = found else {
            return Err(http::error(
                StatusCode::NOT_FOUND,
                "not_found",
                &format!("no product with yearlyProductCode {code:?} (expected the year and the code padded to 5 digits, e.g. 202500038)"),
                "path.yearlyProductCode",
            ));
        };
        // Detail: relatedProducts only with hydrate (the detail table says so).
        let view = ProductView { base: &p.base, related: hydrate.then_some(&p.related[..]), hydrated: hydrate.then_some(&p.hydrated) };
        Ok(http::data(view))
    })();
    result.unwrap_or_else(|r| r)
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    /// `/v1/Sessions`: dates without zone, Double durations, list flag rules.
    List,
    /// `/v1/Sessions/{code}`: dates with `Z`, Integer duration, detail flag rules.
    Detail,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionView<'a> {
    yearly_session_code: &'a str,
    session_number: u32,
    yearly_product_code: &'a str,
    product_code: &'a str,
    price: f64,
    component_count: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    inter_discount_price: Option<f64>,
    start_date: String,
    end_date: String,
    duration_in_days: Value,
    guaranteed_session: bool,
    is_remote: bool,
    city: &'a str,
    is_full: bool,
    is_last_place_available: bool,
    is_high_probability: bool,
    registration_count: u32,
    limit_min: u32,
    limit_max: u32,
    status: &'a str,
    top_cpf: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    parts: Option<Vec<SessionPart>>,
}

fn part_view(p: &Part, zone: &str) -> SessionPart {
    SessionPart {
        is_remote: p.is_remote,
        start_time_hour: p.start.0,
        start_time_minute: p.start.1,
        end_time_hour: p.end.0,
        end_time_minute: p.end.1,
        start_date: p.date.at(p.start.0, p.start.1, zone),
        end_date: p.date.at(p.end.0, p.end.1, zone),
        duration_in_day: p.duration_in_day,
        number: 0,
        center_id: p.center_id.clone(),
    }
}

fn session_view(s: &Session, style: Style, with_parts: bool) -> SessionView<'_> {
    let zone = if style == Style::Detail { "Z" } else { "" };
    let remote = s.city == REMOTE_CITY;
    let (count, max, min) = (s.registration_count, s.limit_max, s.limit_min);
    // README contradiction 13: the list rule and the detail rule differ; each
    // route applies its own document's rule.
    let last_place = match style {
        Style::List => !remote && s.city != "Paris" && max.saturating_sub(4) < count && count < max,
        Style::Detail => count + 1 == max,
    };
    let days: f64 = s.parts.iter().map(|p| p.duration_in_day).sum();
    let duration = match style {
        Style::List => json!(days),
        Style::Detail if days.fract() == 0.0 => json!(days as i64),
        Style::Detail => json!(days),
    };
    let first = s.parts.first();
    let last = s.parts.last();
    SessionView {
        yearly_session_code: &s.yearly_session_code,
        session_number: s.session_number,
        yearly_product_code: &s.yearly_product_code,
        product_code: &s.product_code,
        price: s.price,
        component_count: s.parts.len(),
        inter_discount_price: s.inter_discount_price,
        start_date: first.map(|p| p.date.at(p.start.0, p.start.1, zone)).unwrap_or_default(),
        end_date: last.map(|p| p.date.at(p.end.0, p.end.1, zone)).unwrap_or_default(),
        duration_in_days: duration,
        guaranteed_session: s.guaranteed,
        is_remote: remote,
        city: &s.city,
        is_full: count >= max,
        is_last_place_available: last_place,
        is_high_probability: count >= min,
        registration_count: count,
        limit_min: min,
        limit_max: max,
        status: s.status,
        top_cpf: s.top_cpf,
        parts: with_parts.then(|| s.parts.iter().enumerate().map(|(i, p)| SessionPart { number: i as u32 + 1, ..part_view(p, zone) }).collect()),
    }
}

/// `/v1/Sessions?pageNumber=&hydrate=`; sandbox filters `productCode`,
/// `yearlyProductCode` (`2025-61072` or `202561072`) and `city`.
async fn sessions(State(state): State<AppState>, RawQuery(q): RawQuery) -> Response {
    let result = (|| {
        let pairs = http::query_pairs(q.as_deref())?;
        let hydrate = http::query_bool(&pairs, "hydrate")?.unwrap_or(false);
        let product = http::query_get(&pairs, "productCode").map(str::trim).filter(|s| !s.is_empty());
        let yearly = http::query_get(&pairs, "yearlyProductCode").map(|s| s.trim().replace('-', "")).filter(|s| !s.is_empty());
        let city = http::query_get(&pairs, "city").map(str::trim).filter(|s| !s.is_empty());
        let views: Vec<SessionView> = state
            .data
            .cegos
            .sessions
            .iter()
            .filter(|s| product.is_none_or(|p| s.product_code == p))
            .filter(|s| {
                yearly.as_deref().is_none_or(|y| {
                    let compact = s.yearly_product_code.replace('-', "");
                    // Products pad the code to 5 digits (202500038), sessions do not (2025-38).
                    compact == y || y.len() == 9 && y.get(..4).zip(y.get(4..)).is_some_and(|(yr, c)| compact == format!("{yr}{}", c.trim_start_matches('0')))
                })
            })
            .filter(|s| city.is_none_or(|c| s.city.eq_ignore_ascii_case(c)))
            .map(|s| session_view(s, Style::List, hydrate))
            .collect();
        Ok::<_, Response>(http::json(StatusCode::OK, &page(views, &pairs)?))
    })();
    result.unwrap_or_else(|r| r)
}

async fn session(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let code = code.trim();
    match state.data.cegos.sessions.iter().find(|s| s.yearly_session_code.eq_ignore_ascii_case(code)) {
        Some(s) => http::data(session_view(s, Style::Detail, true)),
        None => http::error(
            StatusCode::NOT_FOUND,
            "not_found",
            &format!("no session with yearlySessionCode {code:?} (format YYYY-CODE-CITY-NNN, e.g. 2025-61072-PAR-001)"),
            "path.yearlySessionCode",
        ),
    }
}
