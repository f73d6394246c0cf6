//! Cegos validation rules, the yearly codes and [`session_availability`].
//!
//! Severity: an error is a value the document rules out (a title over its
//! own limit, an end before its start, a malformed code or URL, a yearly code
//! that contradicts its own year and product code); a warning is a value
//! that is possible but likely wrong (flags the server computed that disagree
//! with the counts it sent, a page count that does not add up).

use serde::Serialize;

use super::models::*;
use super::oauth::{CegosOAuthError, CegosToken, CegosTokenRequest, SCOPE};
use crate::dates::Timestamp;
use crate::formats::{is_http_url, is_rncp_code, is_rs_code};
use crate::text::fold;
use crate::validate::{msg, Validate, Validator};
use crate::wire::{Nullable, WireDate};

// ---------------------------------------------------------------- yearly codes

/// Which of the two documented forms a yearly product code is written in
/// (specs README, contradiction 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CegosYearlyProductCodeForm {
    /// Products: year + product code left-padded with zeros to 5 (`"202500038"`).
    Compact,
    /// Sessions: year, a dash, product code (`"2025-61072"`).
    Dashed,
}

/// A yearly product code, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CegosYearlyProductCode {
    /// Offer year (`2025`).
    pub year: i64,
    /// The code part as written (`"00038"` in the compact form, `"61072"` dashed).
    pub code: String,
    /// The form it was written in.
    pub form: CegosYearlyProductCodeForm,
}

impl CegosYearlyProductCode {
    /// True when this code is `year` + `product_code` in its own form: the
    /// compact form pads the product code to 5 with zeros; the dashed form
    /// writes it as is (leading zeros are ignored there, the document shows none).
    pub fn matches(&self, year: i64, product_code: &str) -> bool {
        if self.year != year {
            return false;
        }
        match self.form {
            CegosYearlyProductCodeForm::Compact => self.code == format!("{product_code:0>5}"),
            CegosYearlyProductCodeForm::Dashed => self.code == product_code || strip_zeros(&self.code) == strip_zeros(product_code),
        }
    }
}

fn strip_zeros(s: &str) -> &str {
    let t = s.trim_start_matches('0');
    if t.is_empty() && !s.is_empty() {
        "0"
    } else {
        t
    }
}

fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn read_year(s: &str) -> Option<i64> {
    let y = s.get(..4)?;
    if y.bytes().all(|b| b.is_ascii_digit()) {
        y.parse().ok()
    } else {
        None
    }
}

/// Reads a yearly product code in either documented form (`"202500038"`,
/// `"2025-61072"`); `None` when it is neither.
pub fn parse_yearly_product_code(s: &str) -> Option<CegosYearlyProductCode> {
    let year = read_year(s)?;
    let rest = s.get(4..)?;
    let (code, form) = match rest.strip_prefix('-') {
        Some(code) => (code, CegosYearlyProductCodeForm::Dashed),
        None if rest.len() >= 5 => (rest, CegosYearlyProductCodeForm::Compact),
        None => return None,
    };
    (!code.is_empty() && code.chars().all(is_code_char)).then(|| CegosYearlyProductCode { year, code: code.to_string(), form })
}

/// The products' yearly code of `product_code` in `year`: `yearly_product_code(2025, "38")` is `"202500038"`.
pub fn yearly_product_code(year: i64, product_code: &str) -> String {
    format!("{year:04}{product_code:0>5}")
}

/// A yearly session code, read: `"2025-61072-PAR-001"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CegosYearlySessionCode {
    /// Offer year (`2025`).
    pub year: i64,
    /// Product code (`"61072"`).
    pub product_code: String,
    /// What identifies the session within the product (`"PAR-001"`).
    pub suffix: String,
}

impl CegosYearlySessionCode {
    /// The trailing number of the suffix (`1` for `"PAR-001"`), when it ends with digits.
    pub fn trailing_number(&self) -> Option<i64> {
        let last = self.suffix.rsplit('-').next()?;
        (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())).then(|| last.parse().ok()).flatten()
    }
}

/// Reads `YYYY-PRODUCT-SUFFIX` (`"2025-61072-PAR-001"`); `None` otherwise.
pub fn parse_yearly_session_code(s: &str) -> Option<CegosYearlySessionCode> {
    let year = read_year(s)?;
    let rest = s.get(4..)?.strip_prefix('-')?;
    let (product, suffix) = rest.split_once('-')?;
    let ok = !product.is_empty() && product.chars().all(is_code_char) && !suffix.is_empty() && suffix.chars().all(|c| is_code_char(c) || c == '-');
    ok.then(|| CegosYearlySessionCode { year, product_code: product.to_string(), suffix: suffix.to_string() })
}

// ---------------------------------------------------------------- availability

/// What a session's counts say about booking it, computed by formakit from
/// `registrationCount`, `limitMin`, `limitMax`, `city`, `isRemote` and `status`.
///
/// Where a count the rule needs is missing, the field repeats the flag the
/// server sent (and `fromCounts` is false).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CegosSessionAvailability {
    /// `registrationCount >= limitMax`.
    pub is_full: bool,
    /// The list's rule (contradiction 13): `limitMax − 4 < registrationCount < limitMax`,
    /// only for sessions neither in Paris nor remote (false there).
    pub last_place_by_range: bool,
    /// The detail's rule (contradiction 13): `registrationCount == limitMax − 1`.
    pub last_place_by_exact_count: bool,
    /// `registrationCount >= limitMin`: likely to run.
    pub is_high_probability: bool,
    /// Open to booking: status `Open` or `Valid` and not full. `Invited`,
    /// `Cancel` and statuses the enum does not list (`"Closed"`, `"Cancelled"`) are not.
    pub bookable: bool,
    /// `limitMax − registrationCount`, never below 0; absent when a count is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    pub remaining_places: Option<i64>,
    /// True when `registrationCount` and `limitMax` were both sent, so the
    /// fill flags are computed rather than repeated from the server.
    pub from_counts: bool,
}

/// True for a Paris session (`"Paris"`, `"PARIS"`, `"Paris 8e"`, `"Paris-La Défense"`).
fn is_paris(city: Option<&String>) -> bool {
    let Some(city) = city else { return false };
    let f = fold(city);
    f.strip_prefix("paris").is_some_and(|rest| rest.chars().next().map_or(true, |c| !c.is_alphabetic()))
}

/// True for a remote session: the flag, or the city the server writes for it.
fn is_remote(session: &CegosSession) -> bool {
    session.is_remote || session.city.value().is_some_and(|c| fold(c) == "a distance")
}

/// Computes a session's availability from its counts and status (both
/// documented rules for the last place: see [`CegosSessionAvailability`]).
pub fn session_availability(session: &CegosSession) -> CegosSessionAvailability {
    let reg = session.registration_count.value().copied();
    let max = session.limit_max.value().copied();
    let min = session.limit_min.value().copied();
    let (is_full, by_range, by_exact, remaining, from_counts) = match (reg, max) {
        (Some(r), Some(m)) => {
            let range = !is_paris(session.city.value()) && !is_remote(session) && m.saturating_sub(4) < r && r < m;
            (r >= m, range, r == m.saturating_sub(1), Some(m.saturating_sub(r).max(0)), true)
        }
        _ => (session.is_full, session.is_last_place_available, session.is_last_place_available, None, false),
    };
    let is_high_probability = match (reg, min) {
        (Some(r), Some(m)) => r >= m,
        _ => session.is_high_probability,
    };
    let open = matches!(session.status, CegosSessionStatus::Open | CegosSessionStatus::Valid);
    CegosSessionAvailability {
        is_full,
        last_place_by_range: by_range,
        last_place_by_exact_count: by_exact,
        is_high_probability,
        bookable: open && !is_full,
        remaining_places: remaining,
        from_counts,
    }
}

// ---------------------------------------------------------------- helpers

fn flag_mismatch(v: &mut Validator, field: &str, rule: &'static str, sent: bool, fr_rule: &str, en_rule: &str) {
    v.warning(field, rule, None, |l| {
        msg(
            l,
            format!("le serveur envoie {field} = {sent}, mais ses propres effectifs donnent {} ({fr_rule})", !sent),
            format!("the server sent {field} = {sent}, but its own counts give {} ({en_rule})", !sent),
        )
    });
}

fn check_url(v: &mut Validator, field: &str, value: &Nullable<String>) {
    if let Some(url) = value.value() {
        if !is_http_url(url) {
            v.error(field, "cegos.product.url.format", None, |l| {
                msg(l, format!("{url:?} n'est pas une adresse http(s) absolue"), format!("{url:?} is not an absolute http(s) URL"))
            });
        }
    }
}

fn check_page(v: &mut Validator, len: usize, page_number: i64, page_size: i64, total_items: i64, total_pages: i64) {
    if page_number < 1 {
        v.warning("pageNumber", "cegos.page.numbers", None, |l| {
            msg(l, format!("numéro de page {page_number} : les pages commencent à 1"), format!("page number {page_number}: pages start at 1"))
        });
    }
    // Decision: a pageSize below 1 is a warning like the other paging numbers (the document
    // fixes it at 100; the items are still there to read).
    if page_size < 1 {
        v.warning("pageSize", "cegos.page.numbers", None, |l| {
            msg(l, format!("taille de page {page_size} : la documentation la fixe à 100"), format!("page size {page_size}: the document fixes it at 100"))
        });
    }
    if page_size > 0 {
        let expected = total_items.max(0).div_euclid(page_size) + i64::from(total_items.max(0) % page_size != 0);
        if expected != total_pages {
            v.warning("totalPages", "cegos.page.numbers", None, |l| {
                msg(
                    l,
                    format!("{total_pages} pages annoncées, mais {total_items} éléments par {page_size} font {expected} pages"),
                    format!("{total_pages} pages announced, but {total_items} items by {page_size} make {expected} pages"),
                )
            });
        }
        if i64::try_from(len).unwrap_or(i64::MAX) > page_size {
            v.warning("data", "cegos.page.numbers", None, |l| {
                msg(l, format!("{len} éléments sur une page de {page_size}"), format!("{len} items on a page of {page_size}"))
            });
        }
    }
}

fn wall_clock(t: &Timestamp) -> (i64, i64) {
    (i64::from(t.seconds_of_day / 3600), i64::from(t.seconds_of_day % 3600 / 60))
}

// ---------------------------------------------------------------- catalogs and topics

impl Validate for CegosCatalog {
    fn validate(&self, v: &mut Validator) {
        v.date("startDate", &self.start_date, "cegos.date.format");
        v.date("endDate", &self.end_date, "cegos.date.format");
        v.date_order("startDate", &self.start_date, "endDate", &self.end_date, "cegos.catalog.dates.order", None);
    }
}

impl Validate for CegosCatalogsResponse {
    fn validate(&self, v: &mut Validator) {
        v.field("data", |v| self.data.validate(v));
    }
}

impl Validate for CegosCatalogTopicsResponse {
    fn validate(&self, v: &mut Validator) {
        let mut seen = std::collections::HashSet::new();
        v.field("data", |v| v.field("topics", |v| walk_topics(v, &self.data.topics, &mut seen)));
    }
}

fn walk_topics(v: &mut Validator, topics: &[CegosTopic], seen: &mut std::collections::HashSet<i64>) {
    for (i, t) in topics.iter().enumerate() {
        v.index(i, |v| {
            if !seen.insert(t.id) {
                let id = t.id;
                v.warning("id", "cegos.topics.id.duplicate", None, |l| {
                    msg(l, format!("le thème {id} apparaît plusieurs fois dans l'arbre"), format!("topic {id} appears more than once in the tree"))
                });
            }
            v.field("subTopics", |v| walk_topics(v, t.children(), seen));
        });
    }
}

// ---------------------------------------------------------------- products

impl Validate for CegosTitle {
    fn validate(&self, v: &mut Validator) {
        // A limit of 0 or less is not a limit: nothing to check against.
        if let Ok(max) = usize::try_from(self.length_maximum) {
            if max > 0 {
                v.length("text", &self.text, 0, max, "cegos.product.title.length", None);
            }
        }
    }
}

impl Validate for CegosProduct {
    fn validate(&self, v: &mut Validator) {
        if let Some(titles) = self.titles.value() {
            v.field("titles", |v| titles.validate(v));
        }
        match parse_yearly_product_code(&self.yearly_product_code) {
            None => v.error("yearlyProductCode", "cegos.yearlyProductCode.format", None, |l| {
                let s = &self.yearly_product_code;
                msg(
                    l,
                    format!("{s:?} n'est ni « année + code sur 5 » (202500038) ni « année-code » (2025-61072)"),
                    format!("{s:?} is neither year + code padded to 5 (202500038) nor year-code (2025-61072)"),
                )
            }),
            Some(code) if !code.matches(self.offer_year, &self.product_code) => v.error("yearlyProductCode", "cegos.yearlyProductCode.mismatch", None, |l| {
                let (s, y, p) = (&self.yearly_product_code, self.offer_year, &self.product_code);
                let want = yearly_product_code(y, p);
                msg(
                    l,
                    format!("{s:?} ne correspond pas à l'année {y} et au produit {p:?} (attendu {want:?})"),
                    format!("{s:?} does not match offer year {y} and product {p:?} (expected {want:?})"),
                )
            }),
            Some(_) => {}
        }
        if let Some(code) = self.rncp_code.value() {
            if !is_rncp_code(code) {
                v.error("rncpCode", "cegos.product.rncpCode.format", None, |l| {
                    msg(
                        l,
                        format!("{code:?} n'est pas un code RNCP (RNCP suivi de 3 à 5 chiffres)"),
                        format!("{code:?} is not an RNCP code (RNCP then 3 to 5 digits)"),
                    )
                });
            }
        }
        if let Some(code) = self.rs_code.value() {
            if !is_rs_code(code) {
                v.error("rsCode", "cegos.product.rsCode.format", None, |l| {
                    msg(l, format!("{code:?} n'est pas un code RS (RS suivi de chiffres)"), format!("{code:?} is not an RS code (RS then digits)"))
                });
            }
        }
        non_negative(v, "price", Some(self.price), "cegos.price.negative");
        non_negative(v, "iPackPrice", Some(self.i_pack_price), "cegos.price.negative");
        check_url(v, "noticeUrl", &self.notice_url);
        check_url(v, "noticeUrlPdf", &self.notice_url_pdf);
        check_url(v, "jobSheetUrl", &self.job_sheet_url);
    }
}

impl Validate for CegosProductsPage {
    fn validate(&self, v: &mut Validator) {
        check_page(v, self.data.len(), self.page_number, self.page_size, self.total_items, self.total_pages);
        v.field("data", |v| self.data.validate(v));
    }
}

impl Validate for CegosProductResponse {
    fn validate(&self, v: &mut Validator) {
        v.field("data", |v| self.data.validate(v));
    }
}

impl Validate for CegosCentersResponse {}

// ---------------------------------------------------------------- sessions

fn check_session_codes(s: &CegosSession, v: &mut Validator) {
    let session_code = parse_yearly_session_code(&s.yearly_session_code);
    match &session_code {
        None => v.error("yearlySessionCode", "cegos.yearlySessionCode.format", None, |l| {
            let c = &s.yearly_session_code;
            msg(
                l,
                format!("{c:?} n'a pas la forme année-produit-session (2025-61072-PAR-001)"),
                format!("{c:?} is not year-product-session (2025-61072-PAR-001)"),
            )
        }),
        Some(code) => {
            if strip_zeros(&code.product_code) != strip_zeros(&s.product_code) {
                let (c, p) = (&s.yearly_session_code, &s.product_code);
                v.error("yearlySessionCode", "cegos.yearlySessionCode.mismatch", None, |l| {
                    msg(l, format!("{c:?} ne porte pas le code produit {p:?}"), format!("{c:?} does not carry product code {p:?}"))
                });
            }
            if let Some(n) = code.trailing_number() {
                if n != s.session_number {
                    let (c, k) = (&s.yearly_session_code, s.session_number);
                    v.warning("sessionNumber", "cegos.yearlySessionCode.mismatch", None, |l| {
                        msg(
                            l,
                            format!("le numéro de session {k} diffère de celui de {c:?} ({n})"),
                            format!("session number {k} differs from the one in {c:?} ({n})"),
                        )
                    });
                }
            }
        }
    }
    match parse_yearly_product_code(&s.yearly_product_code) {
        None => v.error("yearlyProductCode", "cegos.yearlyProductCode.format", None, |l| {
            let c = &s.yearly_product_code;
            msg(
                l,
                format!("{c:?} n'est ni « année-code » (2025-61072) ni « année + code sur 5 » (202561072)"),
                format!("{c:?} is neither year-code (2025-61072) nor year + code padded to 5 (202561072)"),
            )
        }),
        Some(code) => {
            // The session carries no offer year: the session code's is the reference, else the product code's own.
            let year = session_code.as_ref().map_or(code.year, |c| c.year);
            if !code.matches(year, &s.product_code) {
                let (c, p) = (&s.yearly_product_code, &s.product_code);
                v.error("yearlyProductCode", "cegos.yearlyProductCode.mismatch", None, |l| {
                    msg(
                        l,
                        format!("{c:?} ne correspond pas à l'année {year} et au produit {p:?}"),
                        format!("{c:?} does not match year {year} and product {p:?}"),
                    )
                });
            }
        }
    }
}

/// Decision: a negative price, or a negative session duration, is an error even in what
/// Cegos answered (as negative head counts, `cegos.session.counts`): it cannot mean
/// anything, so the data is broken rather than merely undocumented. Zero is fine (a free
/// session, a duration not computed yet).
fn non_negative(v: &mut Validator, field: &str, value: Option<f64>, rule: &'static str) {
    if let Some(n) = value.filter(|n| *n < 0.0) {
        v.error(field, rule, None, |l| {
            msg(l, format!("{field} vaut {n} : cette valeur ne peut pas être négative"), format!("{field} is {n}: it cannot be negative"))
        });
    }
}

fn check_counts(s: &CegosSession, v: &mut Validator) {
    non_negative(v, "price", Some(s.price), "cegos.price.negative");
    non_negative(v, "interDiscountPrice", s.inter_discount_price.value().copied(), "cegos.price.negative");
    non_negative(v, "durationInDays", Some(s.duration_in_days), "cegos.session.durationInDays.negative");
    // componentCount is a count like the head counts: the same rule.
    for (field, value) in
        [("registrationCount", &s.registration_count), ("limitMin", &s.limit_min), ("limitMax", &s.limit_max), ("componentCount", &s.component_count)]
    {
        if let Some(&n) = value.value() {
            if n < 0 {
                v.error(field, "cegos.session.counts", None, |l| {
                    msg(
                        l,
                        format!("{field} vaut {n} : un effectif ou un nombre de composants ne peut être négatif"),
                        format!("{field} is {n}: a head count or a number of components cannot be negative"),
                    )
                });
            }
        }
    }
    if let (Some(&min), Some(&max)) = (s.limit_min.value(), s.limit_max.value()) {
        if min > max {
            v.warning("limitMin", "cegos.session.counts", None, |l| {
                msg(l, format!("le minimum {min} dépasse le maximum {max}"), format!("minimum {min} is above maximum {max}"))
            });
        }
    }
}

fn check_flags(s: &CegosSession, v: &mut Validator) {
    let a = session_availability(s);
    if a.from_counts {
        if s.is_full != a.is_full {
            flag_mismatch(v, "isFull", "cegos.session.isFull.mismatch", s.is_full, "complet si inscrits ≥ limitMax", "full when registrations ≥ limitMax");
        }
        // Two documented rules (contradiction 13): the flag is suspect only when it disagrees with both.
        if s.is_last_place_available != a.last_place_by_range && s.is_last_place_available != a.last_place_by_exact_count {
            flag_mismatch(
                v,
                "isLastPlaceAvailable",
                "cegos.session.isLastPlaceAvailable.mismatch",
                s.is_last_place_available,
                "ni limitMax − 4 < inscrits < limitMax hors Paris et distanciel, ni inscrits = limitMax − 1",
                "neither limitMax − 4 < registrations < limitMax outside Paris and remote, nor registrations = limitMax − 1",
            );
        }
    }
    if let (Some(_), Some(_)) = (s.registration_count.value(), s.limit_min.value()) {
        if s.is_high_probability != a.is_high_probability {
            flag_mismatch(
                v,
                "isHighProbability",
                "cegos.session.isHighProbability.mismatch",
                s.is_high_probability,
                "probable si inscrits ≥ limitMin",
                "likely when registrations ≥ limitMin",
            );
        }
    }
}

fn check_part(part: &CegosSessionPart, session: (Option<Timestamp>, Option<Timestamp>), v: &mut Validator) -> Option<(Timestamp, Timestamp)> {
    let start = part.start_date.value().and_then(|d| v.date("startDate", d, "cegos.date.format"));
    let end = part.end_date.value().and_then(|d| v.date("endDate", d, "cegos.date.format"));
    if let (Some(a), Some(b)) = (part.start_date.value(), part.end_date.value()) {
        v.date_order("startDate", a, "endDate", b, "cegos.session.part.dates.order", None);
    }
    let (s_start, s_end) = session;
    let outside = |v: &mut Validator, field: &str, date: &WireDate| {
        v.error(field, "cegos.session.part.outside", None, |l| {
            msg(l, format!("{} sort des dates de la session", date.as_str()), format!("{} is outside the session's dates", date.as_str()))
        });
    };
    if let (Some(a), Some(ss), Some(d)) = (start, s_start, part.start_date.value()) {
        if a < ss {
            outside(v, "startDate", d);
        }
    }
    if let (Some(b), Some(se), Some(d)) = (end, s_end, part.end_date.value()) {
        if b > se {
            outside(v, "endDate", d);
        }
    }
    for (field, value, max, date) in [
        ("startTimeHour", &part.start_time_hour, 23, start.map(|t| wall_clock(&t).0)),
        ("startTimeMinute", &part.start_time_minute, 59, start.map(|t| wall_clock(&t).1)),
        ("endTimeHour", &part.end_time_hour, 23, end.map(|t| wall_clock(&t).0)),
        ("endTimeMinute", &part.end_time_minute, 59, end.map(|t| wall_clock(&t).1)),
    ] {
        let Some(&n) = value.value() else { continue };
        if !(0..=max).contains(&n) {
            v.error(field, "cegos.session.part.time", None, |l| {
                msg(l, format!("{field} vaut {n}, hors de 0–{max}"), format!("{field} is {n}, outside 0–{max}"))
            });
        } else if let Some(d) = date.filter(|d| *d != n) {
            v.warning(field, "cegos.session.part.time", None, |l| {
                msg(l, format!("{field} vaut {n}, mais la date porte {d}"), format!("{field} is {n}, but the date says {d}"))
            });
        }
    }
    start.zip(end)
}

impl Validate for CegosSession {
    fn validate(&self, v: &mut Validator) {
        check_session_codes(self, v);
        check_counts(self, v);
        check_flags(self, v);
        let s_start = v.date("startDate", &self.start_date, "cegos.date.format");
        let s_end = v.date("endDate", &self.end_date, "cegos.date.format");
        v.date_order("startDate", &self.start_date, "endDate", &self.end_date, "cegos.session.dates.order", None);
        let Some(parts) = self.parts.value() else { return };
        v.field("parts", |v| {
            let mut spans: Vec<(usize, i64, Timestamp, Timestamp)> = Vec::new();
            for (i, part) in parts.iter().enumerate() {
                if let Some((a, b)) = v.index(i, |v| check_part(part, (s_start, s_end), v)) {
                    spans.push((i, part.number, a, b));
                }
            }
            // In part-number order, each part starts once the previous one has ended.
            spans.sort_by_key(|s| s.1);
            for pair in spans.windows(2) {
                if let [(_, n0, _, end0), (i1, n1, start1, _)] = pair {
                    if start1 < end0 {
                        let (n0, n1) = (*n0, *n1);
                        v.index(*i1, |v| {
                            v.warning("startDate", "cegos.session.part.sequence", None, |l| {
                                msg(l, format!("la partie {n1} commence avant la fin de la partie {n0}"), format!("part {n1} starts before part {n0} ends"))
                            })
                        });
                    }
                }
            }
        });
    }
}

impl Validate for CegosSessionsPage {
    fn validate(&self, v: &mut Validator) {
        check_page(v, self.data.len(), self.page_number, self.page_size, self.total_items, self.total_pages);
        v.field("data", |v| self.data.validate(v));
    }
}

impl Validate for CegosSessionResponse {
    fn validate(&self, v: &mut Validator) {
        v.field("data", |v| self.data.validate(v));
    }
}

// ---------------------------------------------------------------- requests

fn check_page_number(v: &mut Validator, page: Option<i64>) {
    if let Some(n) = page.filter(|n| *n < 1) {
        v.warning("pageNumber", "cegos.query.pageNumber", None, |l| {
            msg(l, format!("page {n} : les pages commencent à 1 (le serveur corrigera)"), format!("page {n}: pages start at 1 (the server will correct it)"))
        });
    }
}

impl Validate for CegosCatalogsQuery {}
impl Validate for CegosCatalogTopicsQuery {}
impl Validate for CegosCentersQuery {}

impl Validate for CegosProductsQuery {
    fn validate(&self, v: &mut Validator) {
        check_page_number(v, self.page_number);
    }
}

impl Validate for CegosSessionsQuery {
    fn validate(&self, v: &mut Validator) {
        check_page_number(v, self.page_number);
    }
}

impl Validate for CegosProductQuery {
    fn validate(&self, v: &mut Validator) {
        if parse_yearly_product_code(&self.yearly_product_code).is_none() {
            let c = &self.yearly_product_code;
            v.error("yearlyProductCode", "cegos.yearlyProductCode.format", None, |l| {
                msg(l, format!("{c:?} n'est pas un code produit annuel (202500038)"), format!("{c:?} is not a yearly product code (202500038)"))
            });
        }
    }
}

impl Validate for CegosSessionQuery {
    fn validate(&self, v: &mut Validator) {
        if parse_yearly_session_code(&self.yearly_session_code).is_none() {
            let c = &self.yearly_session_code;
            v.error("yearlySessionCode", "cegos.yearlySessionCode.format", None, |l| {
                msg(
                    l,
                    format!("{c:?} n'est pas un code session annuel (2025-61072-PAR-001)"),
                    format!("{c:?} is not a yearly session code (2025-61072-PAR-001)"),
                )
            });
        }
    }
}

// ---------------------------------------------------------------- token

impl Validate for CegosTokenRequest {
    fn validate(&self, v: &mut Validator) {
        if self.grant_type != "client_credentials" {
            let g = &self.grant_type;
            v.error("grant_type", "cegos.token.grantType", None, |l| {
                msg(l, format!("grant_type doit valoir \"client_credentials\" ; reçu {g:?}"), format!("grant_type must be \"client_credentials\"; got {g:?}"))
            });
        }
        for (field, value) in [("client_id", &self.client_id), ("client_secret", &self.client_secret)] {
            if value.trim().is_empty() {
                v.error(field, "cegos.token.required", None, |l| msg(l, "champ obligatoire : il doit être renseigné", "required field: it must have a value"));
            }
        }
        if !self.scopes().any(|s| s == SCOPE) {
            v.warning("scope", "cegos.token.scope", None, |l| {
                msg(
                    l,
                    format!("le scope devrait contenir {SCOPE:?} : sans lui, le jeton n'ouvre pas l'API catalogue"),
                    format!("the scope should contain {SCOPE:?}: without it, the token does not open the catalog API"),
                )
            });
        }
    }
}

impl Validate for CegosToken {}
impl Validate for CegosOAuthError {}

/// Every rule id this module reports (`Issue::rule`), once each, sorted. `tests/rule_registry.rs`
/// fails when a rule reported here is missing from this list, or listed but never reported.
pub const RULES: &[&str] = &[
    "cegos.catalog.dates.order",
    "cegos.date.format",
    "cegos.page.numbers",
    "cegos.price.negative",
    "cegos.product.rncpCode.format",
    "cegos.product.rsCode.format",
    "cegos.product.title.length",
    "cegos.product.url.format",
    "cegos.query.pageNumber",
    "cegos.session.counts",
    "cegos.session.dates.order",
    "cegos.session.durationInDays.negative",
    "cegos.session.isFull.mismatch",
    "cegos.session.isHighProbability.mismatch",
    "cegos.session.isLastPlaceAvailable.mismatch",
    "cegos.session.part.dates.order",
    "cegos.session.part.outside",
    "cegos.session.part.sequence",
    "cegos.session.part.time",
    "cegos.token.grantType",
    "cegos.token.required",
    "cegos.token.scope",
    "cegos.topics.id.duplicate",
    "cegos.yearlyProductCode.format",
    "cegos.yearlyProductCode.mismatch",
    "cegos.yearlySessionCode.format",
    "cegos.yearlySessionCode.mismatch",
];
