//! Lära validation rules (rule ids `lara.…`) and the two helpers exported to
//! JavaScript: [`infer_member_activity`] and [`period_end`].
//!
//! Each rule reports Lära's own error code when the documents give one, so a
//! caller sees before sending what the server would answer.

use std::fmt;

use crate::dates::{DateError, Timestamp};
use crate::formats::is_http_url;
use crate::text::{fold, utf16_len};
use crate::validate::{msg, Lang, Validate, Validator};
use crate::wire::{Nullable, WireDate};

use super::*;

// ---------------------------------------------------------------------------
// Shared checks
// ---------------------------------------------------------------------------

/// A rule id with the Lära code it stands for, if any.
type Rule = (&'static str, Option<u32>);

/// Whether `id` can be an id as Lära hands them out: URL-encoded base64 is
/// printable ASCII without spaces, and every `%` starts a two-hex-digit escape.
/// The id is only looked at, never decoded (contradiction 5).
fn is_plausible_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.iter().all(u8::is_ascii_graphic)
        && b.iter()
            .enumerate()
            .filter(|(_, c)| **c == b'%')
            .all(|(i, _)| matches!((b.get(i + 1), b.get(i + 2)), (Some(x), Some(y)) if x.is_ascii_hexdigit() && y.is_ascii_hexdigit()))
}

/// A required id: blank → `required`, implausible → `invalid`.
fn required_id(v: &mut Validator, field: &str, id: &str, required: Rule, invalid: Rule) {
    if id.trim().is_empty() {
        v.error(field, required.0, required.1, |l| msg(l, format!("« {field} » est obligatoire."), format!("\"{field}\" is required.")));
    } else {
        plausible_id(v, field, id, invalid);
    }
}

/// An id that, when given, must look like one Lära handed out.
fn plausible_id(v: &mut Validator, field: &str, id: &str, invalid: Rule) {
    if !is_plausible_id(id) {
        v.error(field, invalid.0, invalid.1, |l| {
            msg(l,
                format!("« {id} » n'est pas un identifiant Lära : espaces, caractères non ASCII ou « % » sans deux chiffres hexadécimaux. Renvoyez l'identifiant exactement comme Lära l'a donné, sans le décoder."),
                format!("\"{id}\" is not a Lära id: it has spaces, non-ASCII characters or a \"%\" without two hex digits. Send the id exactly as Lära returned it, without decoding it."))
        });
    }
}

/// Reports an unreadable date at `field`, when the field is set.
fn readable_date(v: &mut Validator, field: &str, date: &Nullable<WireDate>) {
    if let Some(d) = date.value() {
        v.date(field, d, "lara.date.format");
    }
}

fn is_blank(s: &Nullable<String>) -> bool {
    s.value().map_or(true, |s| s.trim().is_empty())
}

// ---------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------

/// Who wrote the program being validated: Lära (`lara.program`, `lara.programList`) or the
/// caller (`lara.programUpdateRequest`).
///
/// Decision on severities for the rules added for the fuzz run: a value outside a list the
/// documents give (`subscriptionType` 3) and `minParticipants` above `maxParticipants`
/// are *warnings* in what Lära answered (the documents say otherwise, but the server sent
/// it, so it exists: tomorrow's value, or data entered another way) and *errors* in an
/// update (Lära would refuse or misread it). A negative count, credit or number of days
/// is an *error* either way: it cannot mean anything (as `cegos.session.counts`).
#[derive(Clone, Copy, PartialEq)]
enum Origin {
    Answer,
    Update,
}

/// A warning in an answer, an error in an update (see [`Origin`]).
fn by_origin(v: &mut Validator, origin: Origin, field: &str, rule: &'static str, message: impl FnOnce(Lang) -> String) {
    match origin {
        Origin::Answer => v.warning(field, rule, None, message),
        Origin::Update => v.error(field, rule, None, message),
    }
}

/// An integer enumeration value outside the documents' list (`known`: "0 = …, 1 = …" in each language).
fn documented_value(v: &mut Validator, origin: Origin, field: &str, rule: &'static str, value: Option<i64>, known: (&str, &str)) {
    if let Some(n) = value {
        by_origin(v, origin, field, rule, |l| {
            msg(l, format!("{field} {n} n'est pas une valeur documentée : {}.", known.0), format!("{field} {n} is not a documented value: {}.", known.1))
        });
    }
}

/// `minParticipants`, `maxParticipants`, `credits`, `daysToComplete` are never negative;
/// `minParticipants` is at most `maxParticipants` unless that is 0 ("no maximum", as the
/// document's own example sends: min 4, max 0).
fn program_numbers(p: &LaraProgram, v: &mut Validator, origin: Origin) {
    let counts = [
        ("minParticipants", p.min_participants.value().map(|n| *n as f64)),
        ("maxParticipants", p.max_participants.value().map(|n| *n as f64)),
        ("credits", p.credits.value().copied()),
        ("daysToComplete", p.days_to_complete.value().map(|n| *n as f64)),
    ];
    for (field, value) in counts {
        if let Some(n) = value.filter(|n| *n < 0.0) {
            v.error(field, "lara.program.negative", None, |l| {
                msg(
                    l,
                    format!("{field} vaut {n} : cette valeur ne peut pas être négative (0 = aucun)."),
                    format!("{field} is {n}: it cannot be negative (0 = none)."),
                )
            });
        }
    }
    if let (Some(&min), Some(&max)) = (p.min_participants.value(), p.max_participants.value()) {
        if max > 0 && min > max {
            by_origin(v, origin, "minParticipants", "lara.program.participants.order", |l| {
                msg(
                    l,
                    format!("minParticipants ({min}) dépasse maxParticipants ({max}) : le programme ne pourrait jamais avoir lieu (maxParticipants 0 = aucun maximum)."),
                    format!("minParticipants ({min}) is above maxParticipants ({max}): the program could never take place (maxParticipants 0 = no maximum)."),
                )
            });
        }
    }
}

impl Validate for LaraProgram {
    fn validate(&self, v: &mut Validator) {
        program(self, v, Origin::Answer);
    }
}

fn program(p: &LaraProgram, v: &mut Validator, origin: Origin) {
    p.validate_common(v);
    documented_value(
        v,
        origin,
        "subscriptionType",
        "lara.program.subscriptionType",
        p.subscription_type.value().map(LaraSubscriptionType::value).filter(|n| !LaraSubscriptionType::KNOWN.contains(n)),
        ("0 = ouvert aux inscriptions, 1 = fermé, 2 = ouvert pour une période", "0 = open to enrolment, 1 = closed, 2 = open for a period"),
    );
    documented_value(
        v,
        origin,
        "visibilityType",
        "lara.program.visibilityType",
        p.visibility_type.value().map(LaraVisibilityType::value).filter(|n| !LaraVisibilityType::KNOWN.contains(n)),
        (
            "0 = public, 1 = utilisateurs authentifiés, 2 = inscrits seulement, 3 = masqué",
            "0 = public, 1 = authenticated users, 2 = enrolled users only, 3 = hidden",
        ),
    );
    documented_value(
        v,
        origin,
        "expirationType",
        "lara.program.expirationType",
        p.expiration_type.value().map(LaraExpirationType::value).filter(|n| !LaraExpirationType::KNOWN.contains(n)),
        ("0 = aucune expiration, 1 = nombre de jours après l'inscription, 2 = date limite", "0 = never, 1 = a number of days after enrolment, 2 = a deadline"),
    );
    program_numbers(p, v, origin);
}

impl LaraProgram {
    fn validate_common(&self, v: &mut Validator) {
        required_id(v, "id", &self.id, ("lara.program.id.required", Some(1400)), ("lara.program.id.invalid", Some(1401)));
        if let Some(name) = self.name.value() {
            program_name(v, name);
        }
        if let Some(keywords) = self.keywords.value() {
            v.length("keywords", keywords, 0, 250, "lara.program.keywords.length", None);
        }
        if let Some(link) = self.external_link.value() {
            external_link(v, link);
        }
        if let Some(LaraLanguage::Unknown(n)) = self.language.value() {
            let n = *n;
            v.error("language", "lara.program.language", Some(1437), |l| {
                msg(
                    l,
                    format!("langue {n} inconnue : 1 = français (Canada), 2 = anglais, 3 = français (France), 4 = espagnol."),
                    format!("unknown language {n}: 1 = French (Canada), 2 = English, 3 = French (France), 4 = Spanish."),
                )
            });
        }
        authorization(v, self.authorization_type.value(), self.need_admin_approval.value());
        for (field, date) in [
            ("creationDate", &self.creation_date),
            ("startDate", &self.start_date),
            ("endDate", &self.end_date),
            ("lastModificationDate", &self.last_modification_date),
        ] {
            readable_date(v, field, date);
        }
        if let Some(LaraDateToComplete::Date(d)) = self.date_to_complete.value() {
            v.date("dateToComplete", d, "lara.date.format");
        }
        if let Some(LaraSubscriptionType::OpenForPeriod) = self.subscription_type.value() {
            subscription_period(v, &self.start_date, &self.end_date);
        }
    }
}

/// Contradiction 1: 3–250 is what the server enforces (error 1405); the field
/// table's lower bound of 5 only earns a warning.
fn program_name(v: &mut Validator, name: &str) {
    if v.length("name", name, 3, 250, "lara.program.name.length", Some(1405)) && utf16_len(name) < 5 {
        v.warning("name", "lara.program.name.short", None, |l| {
            msg(
                l,
                "le nom fait moins de 5 caractères : Lära l'accepte (3 au minimum, erreur 1405) mais sa documentation demande entre 5 et 250 caractères.",
                "the name is shorter than 5 characters: Lära accepts it (3 at least, error 1405) but its field table asks for 5 to 250.",
            )
        });
    }
}

fn external_link(v: &mut Validator, link: &str) {
    v.length("externalLink", link, 0, 250, "lara.program.externalLink.length", None);
    if !link.is_empty() && !is_http_url(link) {
        v.error("externalLink", "lara.program.externalLink.url", None, |l| {
            msg(
                l,
                format!("« {link} » n'est pas une adresse http(s) complète (https://exemple.fr/inscription) ; laissez le champ vide pour ne pas rediriger."),
                format!("\"{link}\" is not a full http(s) URL (https://example.com/enrol); leave it empty for no redirect."),
            )
        });
    }
}

/// Error 1438. Decision: `authorizationType` 1 (automatic) with
/// `needAdminApproval: true` contradicts itself (no approval, yet an approver
/// is required). Admin approval without a designated approver is accepted:
/// `needAdminApproval` defaults to `false` and approval by any administrator is
/// what type 0 says. An undocumented type is rejected too.
fn authorization(v: &mut Validator, kind: Option<&LaraAuthorizationType>, need_approval: Option<&bool>) {
    match (kind, need_approval) {
        (Some(LaraAuthorizationType::Unknown(n)), _) => {
            let n = *n;
            v.error("authorizationType", "lara.program.authorizationType", Some(1438), |l| {
                msg(
                    l,
                    format!("type d'autorisation {n} inconnu : 0 = approbation par un administrateur, 1 = automatique."),
                    format!("unknown authorization type {n}: 0 = administrator approval, 1 = automatic."),
                )
            });
        }
        (Some(LaraAuthorizationType::Automatic), Some(true)) => {
            v.error("authorizationType", "lara.program.authorizationType", Some(1438), |l| {
                msg(l, "l'inscription est automatique (authorizationType 1) mais needAdminApproval exige un approbateur : mettez authorizationType à 0 ou needAdminApproval à false.",
                       "enrolment is automatic (authorizationType 1) but needAdminApproval requires an approver: set authorizationType to 0 or needAdminApproval to false.")
            });
        }
        _ => {}
    }
}

/// `subscriptionType` 2: both dates are required and ordered.
fn subscription_period(v: &mut Validator, start: &Nullable<WireDate>, end: &Nullable<WireDate>) {
    for (field, date) in [("startDate", start), ("endDate", end)] {
        if date.value().map_or(true, WireDate::is_no_date) {
            v.error(field, "lara.program.subscriptionPeriod.required", None, |l| {
                msg(l, format!("« {field} » est obligatoire quand subscriptionType vaut 2 (inscriptions ouvertes pour une période) ; 0001-01-01T00:00:00 signifie « pas de date »."),
                       format!("\"{field}\" is required when subscriptionType is 2 (enrolment open for a period); 0001-01-01T00:00:00 means \"no date\"."))
            });
        }
    }
    if let (Some(s), Some(e)) = (start.value(), end.value()) {
        v.date_order("startDate", s, "endDate", e, "lara.program.subscriptionPeriod.order", None);
    }
}

impl Validate for LaraProgramUpdateRequest {
    fn validate(&self, v: &mut Validator) {
        let p = &self.0;
        program(p, v, Origin::Update);
        let read_only = [
            ("creationDate", p.creation_date.is_absent()),
            ("catalogLink", p.catalog_link.is_absent()),
            ("lastModificationDate", p.last_modification_date.is_absent()),
        ];
        for (field, absent) in read_only {
            if absent {
                continue;
            }
            v.warning(field, "lara.program.readOnly", None, |l| {
                msg(
                    l,
                    format!("« {field} » est en lecture seule : Lära l'ignore en modification, retirez-le."),
                    format!("\"{field}\" is read only: Lära ignores it on update; leave it out."),
                )
            });
        }
        if let Some(LaraDateToComplete::Number(_)) = p.date_to_complete.value() {
            v.warning("dateToComplete", "lara.program.dateToComplete.number", None, |l| {
                msg(
                    l,
                    "dateToComplete est un nombre : envoyez une date (AAAA-MM-JJTHH:MM:SS), comme l'exemple de la documentation.",
                    "dateToComplete is a number: send a date (YYYY-MM-DDTHH:MM:SS), as the document's example does.",
                )
            });
        }
    }
}

impl Validate for LaraProgramList {
    fn validate(&self, v: &mut Validator) {
        self.0.validate(v);
    }
}

impl Validate for LaraProgramGetRequest {
    fn validate(&self, v: &mut Validator) {
        required_id(v, "id", &self.id, ("lara.program.id.required", Some(1400)), ("lara.program.id.invalid", Some(1401)));
    }
}

impl Validate for LaraProgramListRequest {
    fn validate(&self, v: &mut Validator) {
        readable_date(v, "filterDate", &self.filter_date);
        readable_date(v, "filterEditDate", &self.filter_edit_date);
    }
}

impl Validate for LaraProgramUrlRequest {
    fn validate(&self, v: &mut Validator) {
        required_id(v, "id", &self.id, ("lara.program.id.required", Some(1400)), ("lara.program.id.invalid", Some(1401)));
        if let Some(filter) = self.filter_id.value().filter(|f| !f.is_empty()) {
            plausible_id(v, "filterId", filter, ("lara.program.filterId.invalid", Some(1402)));
        }
    }
}

impl Validate for LaraAdminBranchesRequest {
    fn validate(&self, v: &mut Validator) {
        required_id(v, "id", &self.id, ("lara.program.id.required", Some(1400)), ("lara.program.id.invalid", Some(1401)));
    }
}

impl Validate for LaraAdminBranchesChange {
    fn validate(&self, v: &mut Validator) {
        required_id(v, "id", &self.id, ("lara.program.id.required", Some(1400)), ("lara.program.id.invalid", Some(1401)));
        if self.branches.is_empty() {
            v.error("branches", "lara.program.branches.required", Some(1432), |l| {
                msg(l, "« branches » est obligatoire : donnez au moins un identifiant de branche.", "\"branches\" is required: give at least one branch id.")
            });
        }
        v.field("branches", |v| {
            for (i, branch) in self.branches.iter().enumerate() {
                v.index(i, |v| required_id(v, "", branch, ("lara.program.branches.invalid", Some(1433)), ("lara.program.branches.invalid", Some(1433))));
            }
        });
    }
}

impl Validate for LaraAddAdminBranchesRequest {
    fn validate(&self, v: &mut Validator) {
        self.0.validate(v);
    }
}

impl Validate for LaraRemoveAdminBranchesRequest {
    fn validate(&self, v: &mut Validator) {
        self.0.validate(v);
    }
}

// ---------------------------------------------------------------------------
// Cycles
// ---------------------------------------------------------------------------

impl Validate for LaraPeriodListRequest {
    fn validate(&self, v: &mut Validator) {
        required_id(v, "id", &self.id, ("lara.cycle.id.required", Some(1000)), ("lara.cycle.id.invalid", Some(1001)));
        readable_date(v, "filterDate", &self.filter_date);
    }
}

impl Validate for LaraUserProgressRequest {
    fn validate(&self, v: &mut Validator) {
        required_id(v, "id", &self.id, ("lara.cycle.id.required", Some(1000)), ("lara.cycle.id.invalid", Some(1001)));
        required_id(v, "memberId", &self.member_id, ("lara.cycle.memberId.required", Some(1002)), ("lara.cycle.memberId.invalid", Some(1003)));
    }
}

impl Validate for LaraPeriod {
    fn validate(&self, v: &mut Validator) {
        readable_date(v, "startDate", &self.start_date);
        match period_end(self) {
            Ok(_) | Err(LaraPeriodEndError::StartDate(_)) => {}
            Err(e) => v.warning("", "lara.period.end", None, |l| {
                msg(
                    l,
                    format!("la fin de la période ne peut pas être calculée : {}", e.message(Lang::Fr)),
                    format!("the period's end cannot be computed: {}", e.message(Lang::En)),
                )
            }),
        }
    }
}

/// Decision: a cycle's name in a language outside the documents' 1–4 is a warning (cycles
/// are only ever answers; Lära's 1437 "Invalid language" is a program-update error).
impl Validate for LaraCycle {
    fn validate(&self, v: &mut Validator) {
        let Some(name) = self.name.value() else { return };
        v.field("name", |v| {
            v.field("texts", |v| {
                for (i, t) in name.texts.iter().enumerate() {
                    if let LaraLanguage::Unknown(n) = t.language_id {
                        v.index(i, |v| {
                            v.warning("languageId", "lara.cycle.languageId", None, |l| {
                                msg(
                                    l,
                                    format!("langue {n} inconnue : 1 = français (Canada), 2 = anglais, 3 = français (France), 4 = espagnol."),
                                    format!("unknown language {n}: 1 = French (Canada), 2 = English, 3 = French (France), 4 = Spanish."),
                                )
                            })
                        });
                    }
                }
            })
        });
    }
}

impl Validate for LaraCycleList {
    fn validate(&self, v: &mut Validator) {
        self.0.validate(v);
    }
}

impl Validate for LaraPeriodList {
    fn validate(&self, v: &mut Validator) {
        self.0.validate(v);
    }
}

/// Who a member-status request is about: `userId` when known, otherwise
/// `customFieldAPIName` + `customFieldValue`.
///
/// Decision on the codes: an invalid `userId` is 1009 (Invalid user); without
/// `userId`, a missing `customFieldAPIName` is 1004, and a missing
/// `customFieldValue` leaves the member unidentified: 1002 (Required memberId).
fn member_target(v: &mut Validator, user_id: &Nullable<String>, api_name: &Nullable<String>, value: &Nullable<String>) {
    if let Some(id) = user_id.value().filter(|id| !id.trim().is_empty()) {
        plausible_id(v, "userId", id, ("lara.cycle.member.userId.invalid", Some(1009)));
        return;
    }
    if is_blank(api_name) {
        v.error("customFieldAPIName", "lara.cycle.member.customFieldAPIName.required", Some(1004), |l| {
            msg(
                l,
                "sans « userId », donnez « customFieldAPIName » (nom API du champ personnalisé qui identifie le membre) et « customFieldValue ».",
                "without \"userId\", give \"customFieldAPIName\" (API name of the custom field identifying the member) and \"customFieldValue\".",
            )
        });
    }
    if is_blank(value) {
        v.error("customFieldValue", "lara.cycle.member.customFieldValue.required", Some(1002), |l| {
            msg(
                l,
                "sans « userId », donnez « customFieldValue » (valeur du champ personnalisé pour ce membre) avec « customFieldAPIName ».",
                "without \"userId\", give \"customFieldValue\" (the member's value of the custom field) with \"customFieldAPIName\".",
            )
        });
    }
}

impl Validate for LaraMemberStatusesRequest {
    fn validate(&self, v: &mut Validator) {
        member_target(v, &self.user_id, &self.custom_field_api_name, &self.custom_field_value);
    }
}

impl Validate for LaraMemberStatusInput {
    fn validate(&self, v: &mut Validator) {
        if self.status.trim().is_empty() {
            v.error("status", "lara.cycle.status.required", Some(1007), |l| {
                msg(l, "le statut ne peut pas être vide (ex. « Membre »).", "the status cannot be empty (e.g. \"Membre\").")
            });
        } else if self.is_active_member.value().is_none() && !infer_member_activity(&self.status, None) {
            let status = self.status.clone();
            v.warning("isActiveMember", "lara.cycle.status.inferredInactive", None, |l| {
                msg(l, format!("isActiveMember n'est pas donné et « {status} » n'est pas un statut actif pour Lära : le membre sera inactif sur cette plage. Donnez isActiveMember pour trancher."),
                       format!("isActiveMember is not given and \"{status}\" is not an active status for Lära: the member will be inactive over this range. Give isActiveMember to decide."))
            });
        }
        readable_date(v, "startDate", &self.start_date);
        readable_date(v, "endDate", &self.end_date);
        if let (Some(s), Some(e)) = (self.start_date.value(), self.end_date.value()) {
            v.date_order("startDate", s, "endDate", e, "lara.cycle.status.dateOrder", Some(1010));
        }
    }
}

impl Validate for LaraUpdateMemberStatusesRequest {
    fn validate(&self, v: &mut Validator) {
        member_target(v, &self.user_id, &self.custom_field_api_name, &self.custom_field_value);
        if self.statuses.is_empty() {
            v.error("statuses", "lara.cycle.statuses.required", Some(1006), |l| {
                msg(l, "la liste « statuses » doit contenir au moins un statut.", "the \"statuses\" list must hold at least one status.")
            });
        }
        v.field("statuses", |v| self.statuses.validate(v));
    }
}

impl Validate for LaraUpdateMemberStatusRequest {
    fn validate(&self, v: &mut Validator) {
        member_target(v, &self.user_id, &self.custom_field_api_name, &self.custom_field_value);
        required_id(v, "entryId", &self.entry_id, ("lara.cycle.entryId.invalid", Some(1008)), ("lara.cycle.entryId.invalid", Some(1008)));
        v.field("status", |v| self.status.validate(v));
    }
}

impl Validate for LaraChangeCurrentMemberStatusRequest {
    fn validate(&self, v: &mut Validator) {
        member_target(v, &self.user_id, &self.custom_field_api_name, &self.custom_field_value);
        v.field("status", |v| self.status.validate(v));
    }
}

/// Responses carry no rule: Lära wrote them.
macro_rules! no_rules {
    ($($t:ty),+ $(,)?) => { $(impl Validate for $t {})+ };
}

no_rules!(
    LaraProgramUrl,
    LaraProgramUrlList,
    LaraAdminBranches,
    LaraAddAdminBranchesResponse,
    LaraRemoveAdminBranchesResponse,
    LaraCycleListRequest,
    LaraUserProgress,
    LaraMemberStatuses,
    LaraUpdateMemberStatusesResponse,
    LaraUpdateMemberStatusResponse,
    LaraChangeCurrentMemberStatusResponse,
);

// ---------------------------------------------------------------------------
// Member activity (contradiction 8)
// ---------------------------------------------------------------------------

/// The statuses Lära counts as active when `isActiveMember` is absent or null,
/// as the document lists them. The document prints the last one with a leading
/// space (" autorisation spéciale"): a typo, and comparisons trim anyway.
pub const ACTIVE_MEMBER_STATUSES: &[&str] = &[
    "membre",
    "member",
    "1ère inscription",
    "inscription",
    "temporaire",
    "limitation du droit d'exercice",
    "suspension du droit d'exercice",
    "autorisation spéciale",
];

/// Whether Lära considers a member active over a status range.
///
/// An explicit `isActiveMember` wins. Otherwise the member is active when
/// `status` is one of [`ACTIVE_MEMBER_STATUSES`], compared whole (not as a
/// substring) after trimming, ignoring case, accents and the Unicode
/// normalization form ([`crate::text::fold`]): "MEMBRE", "1ère Inscription",
/// "autorisation speciale" are active; "Ancien membre" is not.
pub fn infer_member_activity(status: &str, is_active_member: Option<bool>) -> bool {
    is_active_member.unwrap_or_else(|| {
        let key = fold(status);
        ACTIVE_MEMBER_STATUSES.iter().any(|s| fold(s) == key)
    })
}

// ---------------------------------------------------------------------------
// Period end
// ---------------------------------------------------------------------------

/// Why a period's end cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaraPeriodEndError {
    /// `startDate` is not a readable date.
    StartDate(DateError),
    /// `duration` is absent or null.
    MissingDuration,
    /// `durationUnit` is absent or null.
    MissingDurationUnit,
    /// `durationUnit` is not one of the documented 0–4.
    UnknownDurationUnit(i64),
    /// `duration` is negative.
    NegativeDuration(i64),
    /// The end would fall outside years 1–9999.
    OutOfRange,
}

impl LaraPeriodEndError {
    /// The explanation in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use LaraPeriodEndError::*;
        match self {
            StartDate(e) => msg(lang, format!("startDate illisible : {} ({})", e.input, e.reason), format!("unreadable startDate: {e}")),
            MissingDuration => msg(lang, "duration est absente", "duration is missing"),
            MissingDurationUnit => msg(lang, "durationUnit est absente", "durationUnit is missing"),
            UnknownDurationUnit(n) => msg(
                lang,
                format!("durationUnit {n} inconnue (0 = heures, 1 = jours, 2 = semaines, 3 = mois, 4 = années)"),
                format!("unknown durationUnit {n} (0 = hours, 1 = days, 2 = weeks, 3 = months, 4 = years)"),
            ),
            NegativeDuration(n) => msg(lang, format!("duration est négative ({n})"), format!("duration is negative ({n})")),
            OutOfRange => msg(lang, "la fin tombe hors des années 1 à 9999", "the end falls outside years 1 to 9999"),
        }
    }
}

impl fmt::Display for LaraPeriodEndError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LaraPeriodEndError {}

/// The end of a Lära period: `startDate` + `duration` × `durationUnit`.
///
/// - Hours, days and weeks move the wall clock as written; months and years
///   move the calendar, clamping the day to the month's end (31 January +
///   1 month = 28/29 February; 29 February + 1 year = 28 February), as .NET's
///   `DateTime.AddHours/AddMonths/AddYears` do on Lära's zone-less dates.
/// - The result is an ISO date-time in the start's zone form: no zone when the
///   start has none (Lära's local time), `Z` for UTC, else the same `±HH:MM`
///   offset; the fraction of a second is kept (`.73`), omitted when zero.
/// - A "no date" start (`0001-01-01T00:00:00`, empty, absent or null) has no
///   end: `Ok(None)`. Never panics.
pub fn period_end(period: &LaraPeriod) -> Result<Option<WireDate>, LaraPeriodEndError> {
    let Some(start) = period.start_date.value() else { return Ok(None) };
    let Some(start) = start.timestamp().map_err(LaraPeriodEndError::StartDate)? else { return Ok(None) };
    let duration = *period.duration.value().ok_or(LaraPeriodEndError::MissingDuration)?;
    let unit = *period.duration_unit.value().ok_or(LaraPeriodEndError::MissingDurationUnit)?;
    if duration < 0 {
        return Err(LaraPeriodEndError::NegativeDuration(duration));
    }
    let scaled = |factor: i64| duration.checked_mul(factor).ok_or(LaraPeriodEndError::OutOfRange);
    let end = match unit {
        LaraDurationUnit::Hours => add_seconds(start, scaled(3600)?)?,
        LaraDurationUnit::Days => add_days(start, duration)?,
        LaraDurationUnit::Weeks => add_days(start, scaled(7)?)?,
        LaraDurationUnit::Months => add_months(start, duration)?,
        LaraDurationUnit::Years => add_months(start, scaled(12)?)?,
        LaraDurationUnit::Unknown(n) => return Err(LaraPeriodEndError::UnknownDurationUnit(n)),
    };
    Ok(Some(WireDate(iso_like_start(&end))))
}

fn add_seconds(t: Timestamp, seconds: i64) -> Result<Timestamp, LaraPeriodEndError> {
    let total = i64::from(t.seconds_of_day).checked_add(seconds).ok_or(LaraPeriodEndError::OutOfRange)?;
    let shifted = add_days(t, total.div_euclid(86_400))?;
    // rem_euclid(86_400) is in 0..86_400, so it fits a u32.
    Ok(Timestamp { seconds_of_day: total.rem_euclid(86_400) as u32, ..shifted })
}

fn add_days(t: Timestamp, days: i64) -> Result<Timestamp, LaraPeriodEndError> {
    let date = t.date.add_days(days).ok_or(LaraPeriodEndError::OutOfRange)?;
    Ok(Timestamp { date, ..t })
}

fn add_months(t: Timestamp, months: i64) -> Result<Timestamp, LaraPeriodEndError> {
    let date = t.date.add_months(months).ok_or(LaraPeriodEndError::OutOfRange)?;
    Ok(Timestamp { date, ..t })
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]`, the zone as the timestamp carries it.
fn iso_like_start(t: &Timestamp) -> String {
    let s = t.seconds_of_day;
    let mut out = format!("{}T{:02}:{:02}:{:02}", t.date, s / 3600, s / 60 % 60, s % 60);
    if t.nanos > 0 {
        out.push_str(format!(".{:09}", t.nanos).trim_end_matches('0'));
    }
    match t.offset_minutes {
        None => {}
        Some(0) => out.push('Z'),
        Some(off) => {
            let sign = if off < 0 { '-' } else { '+' };
            let off = off.unsigned_abs();
            out.push_str(&format!("{sign}{:02}:{:02}", off / 60, off % 60));
        }
    }
    out
}

/// Every rule id this module reports (`Issue::rule`), once each, sorted. `tests/rule_registry.rs`
/// fails when a rule reported here is missing from this list, or listed but never reported.
pub const RULES: &[&str] = &[
    "lara.cycle.entryId.invalid",
    "lara.cycle.id.invalid",
    "lara.cycle.id.required",
    "lara.cycle.languageId",
    "lara.cycle.member.customFieldAPIName.required",
    "lara.cycle.member.customFieldValue.required",
    "lara.cycle.member.userId.invalid",
    "lara.cycle.memberId.invalid",
    "lara.cycle.memberId.required",
    "lara.cycle.status.dateOrder",
    "lara.cycle.status.inferredInactive",
    "lara.cycle.status.required",
    "lara.cycle.statuses.required",
    "lara.date.format",
    "lara.period.end",
    "lara.program.authorizationType",
    "lara.program.branches.invalid",
    "lara.program.branches.required",
    "lara.program.dateToComplete.number",
    "lara.program.expirationType",
    "lara.program.externalLink.length",
    "lara.program.externalLink.url",
    "lara.program.filterId.invalid",
    "lara.program.id.invalid",
    "lara.program.id.required",
    "lara.program.keywords.length",
    "lara.program.language",
    "lara.program.name.length",
    "lara.program.name.short",
    "lara.program.negative",
    "lara.program.participants.order",
    "lara.program.readOnly",
    "lara.program.subscriptionPeriod.order",
    "lara.program.subscriptionPeriod.required",
    "lara.program.subscriptionType",
    "lara.program.visibilityType",
];
