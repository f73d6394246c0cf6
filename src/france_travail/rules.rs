//! AIS validation rules: the table's lengths (`String n`, counted in UTF-16
//! code units as the back end counts them), integer digit bounds
//! (`Integer n`: 0 ..= 10ⁿ − 1, negative numbers rejected), Intercarif
//! formats, cardinality-1 fields non-empty, and module dates ordered and
//! inside the training plan (compared as instants: offsets are honoured).
//!
//! France Travail documents no error codes, so `providerCode` is never set.

use crate::dates::Timestamp;
use crate::formats::{is_intercarif_prefixed, is_intercarif_session};
use crate::validate::{msg, Validate, Validator};
use crate::wire::{Nullable, WireDate};

use super::*;

/// A cardinality-1 field is missing or blank.
const REQUIRED: &str = "francetravail.ais.required";

/// Reports a blank required text, else checks its length (`String max`).
/// Returns whether the value is non-blank.
fn required_text(v: &mut Validator, field: &str, value: &str, max: usize, rule: &'static str) -> bool {
    if value.trim().is_empty() {
        required(v, field);
        return false;
    }
    v.length(field, value, 0, max, rule, None);
    true
}

/// Checks an optional text's length when it has a value.
fn optional_text(v: &mut Validator, field: &str, value: &Nullable<String>, max: usize, rule: &'static str) {
    if let Some(s) = value.value() {
        v.length(field, s, 0, max, rule, None);
    }
}

/// Reports `field` as missing.
fn required(v: &mut Validator, field: &str) {
    v.error(field, REQUIRED, None, |l| msg(l, "champ obligatoire : il doit être renseigné", "required field: it must have a value"));
}

/// Checks `Integer digits`: 0 ..= 10^digits − 1.
fn integer(v: &mut Validator, field: &str, n: i64, digits: u32, rule: &'static str) {
    let max = 10i64.pow(digits) - 1;
    if (0..=max).contains(&n) {
        return;
    }
    v.error(field, rule, None, |l| {
        msg(
            l,
            format!("doit être un entier positif d'au plus {digits} chiffres (0 à {max}) ; reçu {n}"),
            format!("must be a non-negative integer of at most {digits} digits (0 to {max}); got {n}"),
        )
    });
}

/// Checks the Intercarif triple (required, `String 25`, formats).
fn intercarif(v: &mut Validator, session: &str, action: &str, formation: &str) {
    if required_text(v, "numeroSession", session, 25, "francetravail.ais.numeroSession.length") && !is_intercarif_session(session) {
        v.error("numeroSession", "francetravail.ais.numeroSession.format", None, |l| {
            msg(
                l,
                format!("{session:?} n'est pas un numéro de session Intercarif : des chiffres seulement (ex. \"1330305\")"),
                format!("{session:?} is not an Intercarif session number: digits only (e.g. \"1330305\")"),
            )
        });
    }
    for (field, value) in [("numeroAction", action), ("numeroFormation", formation)] {
        let (len_rule, fmt_rule) = if field == "numeroAction" {
            ("francetravail.ais.numeroAction.length", "francetravail.ais.numeroAction.format")
        } else {
            ("francetravail.ais.numeroFormation.length", "francetravail.ais.numeroFormation.format")
        };
        if required_text(v, field, value, 25, len_rule) && !is_intercarif_prefixed(value) {
            v.error(field, fmt_rule, None, |l| {
                msg(
                    l,
                    format!("{value:?} n'est pas un numéro Intercarif : deux chiffres du CARIF, « _ », puis des chiffres (ex. \"20_1330305\")"),
                    format!("{value:?} is not an Intercarif number: the CARIF's two digits, \"_\", then digits (e.g. \"20_1330305\")"),
                )
            });
        }
    }
}

impl Validate for AisQuery {
    fn validate(&self, v: &mut Validator) {
        intercarif(v, &self.numero_session, &self.numero_action, &self.numero_formation);
        optional_text(v, "numeroReferenceExterne", &self.numero_reference_externe, 255, "francetravail.ais.numeroReferenceExterne.length");
        optional_text(v, "codeStatutInscription", &self.code_statut_inscription, 3, "francetravail.ais.codeStatutInscription.length");
        optional_text(v, "codeStatut", &self.code_statut, 3, "francetravail.ais.codeStatutInscription.length");
        // Contradiction 10: both names given with different values; the table's is sent.
        if let (Some(a), Some(b)) = (self.code_statut_inscription.value(), self.code_statut.value()) {
            if a != b {
                v.warning("codeStatut", "francetravail.aisQuery.codeStatut.conflict", None, |l| {
                    msg(
                        l,
                        format!("codeStatut {b:?} diffère de codeStatutInscription {a:?} : seul codeStatutInscription est envoyé"),
                        format!("codeStatut {b:?} differs from codeStatutInscription {a:?}: only codeStatutInscription is sent"),
                    )
                });
            }
        }
    }
}

impl Validate for AisListResponse {
    fn validate(&self, v: &mut Validator) {
        self.0.validate(v);
    }
}

/// Reads a required date: missing, blank or "no date" is reported as
/// required, unreadable text as `francetravail.ais.date.format`.
fn required_date(v: &mut Validator, field: &str, value: Option<&WireDate>) -> Option<Timestamp> {
    let Some(d) = value else {
        required(v, field);
        return None;
    };
    if d.is_no_date() {
        required(v, field);
        return None;
    }
    v.date(field, d, "francetravail.ais.date.format")
}

impl Validate for AisAttestation {
    fn validate(&self, v: &mut Validator) {
        let p = &self.apercu_session_formation_partenaire;
        v.field("apercuSessionFormationPartenaire", |v| intercarif(v, &p.numero_session, &p.numero_action, &p.numero_formation));
        required_text(v, "codeStatutInscription", &self.code_statut_inscription, 3, "francetravail.ais.codeStatutInscription.length");
        integer(v, "idInscription", self.id_inscription, 10, "francetravail.ais.idInscription.range");
        required_text(v, "idNationalDE", &self.id_national_de, 255, "francetravail.ais.idNationalDE.length");
        required_text(v, "idProjetAction", &self.id_projet_action, 12, "francetravail.ais.idProjetAction.length");

        let plan_start = required_date(v, "dateDebutPlan", Some(&self.date_debut_plan));
        let plan_end = required_date(v, "dateFinPlan", Some(&self.date_fin_plan));
        if let (Some(a), Some(b)) = (plan_start, plan_end) {
            if b < a {
                let (s, e) = (self.date_debut_plan.as_str(), self.date_fin_plan.as_str());
                v.error("dateFinPlan", "francetravail.ais.plan.dateOrder", None, |l| {
                    msg(
                        l,
                        format!("la fin du plan {e} est antérieure à son début {s} (dateDebutPlan)"),
                        format!("the plan ends ({e}) before it starts ({s}, dateDebutPlan)"),
                    )
                });
            }
        }

        undocumented_date(v, &self.extra, "dateMiseAJour");

        v.field("financementAis", |v| self.financement_ais.validate(v));

        if self.liste_module_formation.is_empty() {
            v.error("listeModuleFormation", "francetravail.ais.listeModuleFormation.required", None, |l| {
                msg(l, "au moins un module de formation est attendu (cardinalité 1..n)", "at least one training module is expected (cardinality 1..n)")
            });
        }
        let plan = Plan { start: plan_start.map(|t| (t, self.date_debut_plan.as_str())), end: plan_end.map(|t| (t, self.date_fin_plan.as_str())) };
        v.field("listeModuleFormation", |v| {
            for (i, m) in self.liste_module_formation.iter().enumerate() {
                v.index(i, |v| module(v, m, &plan));
            }
        });
    }
}

/// The plan's readable dates, with their wire text for messages. Timestamps
/// compare as instants: `2018-10-21T22:00:00Z` is not before `2018-10-22T00:00:00+02:00`.
struct Plan<'a> {
    start: Option<(Timestamp, &'a str)>,
    end: Option<(Timestamp, &'a str)>,
}

/// Contradiction 9: both spellings present with different values.
fn spelling_conflict<T: PartialEq + std::fmt::Debug>(v: &mut Validator, table: &Nullable<T>, table_name: &str, example: &Nullable<T>, example_name: &str) {
    if let (Some(a), Some(b)) = (table.value(), example.value()) {
        if a != b {
            v.warning(example_name, "francetravail.ais.module.spellingConflict", None, |l| {
                msg(
                    l,
                    format!("{example_name} ({b:?}) diffère de {table_name} ({a:?}) ; la valeur de {table_name} est retenue"),
                    format!("{example_name} ({b:?}) differs from {table_name} ({a:?}); {table_name}'s value is used"),
                )
            });
        }
    }
}

/// Fields the document does not name but real answers carry (`dateMiseAJour` on an
/// attestation, `heures` on a module; see tests/fixtures/france_travail/README.md).
/// They stay unknown fields, kept as sent in `extra` (so they are not decode issues: this
/// version of formakit does not type them), and `validate` reads them when they are there.
///
/// Decision: an impossible `dateMiseAJour` (`2025-02-30`, month 13, year 0000, `T24:00`)
/// is the same error as an impossible documented date (`francetravail.ais.date.format`);
/// a value that is not a string is left alone (its type is not documented).
fn undocumented_date(v: &mut Validator, extra: &crate::wire::Extra, field: &str) {
    if let Some(serde_json::Value::String(s)) = extra.0.get(field) {
        v.date(field, &WireDate(s.clone()), "francetravail.ais.date.format");
    }
}

/// Decision: a negative `heures` (module hours) is an error, as every other AIS number
/// the document bounds (`Integer n` fields reject negatives); a fractional one is fine.
fn undocumented_hours(v: &mut Validator, extra: &crate::wire::Extra) {
    if let Some(n) = extra.0.get("heures").and_then(serde_json::Value::as_f64).filter(|n| *n < 0.0) {
        v.error("heures", "francetravail.ais.heures.range", None, |l| {
            msg(l, format!("un nombre d'heures ne peut être négatif ; reçu {n}"), format!("a number of hours cannot be negative; got {n}"))
        });
    }
}

fn module(v: &mut Validator, m: &AisModule, plan: &Plan<'_>) {
    undocumented_hours(v, &m.extra);
    spelling_conflict(v, &m.date_debut, "dateDebut", &m.date_debut_periode, "dateDebutPeriode");
    spelling_conflict(v, &m.date_fin, "dateFin", &m.date_fin_periode, "dateFinPeriode");
    spelling_conflict(v, &m.numero_module, "numeroModule", &m.numero_periode, "numeroPeriode");

    match m.number() {
        Some(n) => integer(v, m.number_field(), n, 10, "francetravail.ais.numeroModule.range"),
        None => required(v, "numeroModule"),
    }
    let (start_field, end_field) = (m.start_field(), m.end_field());
    let start = required_date(v, start_field, m.start());
    let end = required_date(v, end_field, m.end());
    let (s_text, e_text) = (m.start().map_or("", WireDate::as_str), m.end().map_or("", WireDate::as_str));
    if let (Some(a), Some(b)) = (start, end) {
        if b < a {
            v.error(end_field, "francetravail.ais.module.dateOrder", None, |l| {
                msg(
                    l,
                    format!("le module finit ({e_text}) avant de commencer ({s_text}, {start_field})"),
                    format!("the module ends ({e_text}) before it starts ({s_text}, {start_field})"),
                )
            });
        }
    }
    if let (Some(a), Some((ps, ps_text))) = (start, plan.start) {
        if a < ps {
            v.error(start_field, "francetravail.ais.module.outsidePlan", None, |l| {
                msg(
                    l,
                    format!("le module commence ({s_text}) avant le plan de formation (dateDebutPlan {ps_text})"),
                    format!("the module starts ({s_text}) before the training plan (dateDebutPlan {ps_text})"),
                )
            });
        }
    }
    if let (Some(b), Some((pe, pe_text))) = (end, plan.end) {
        if b > pe {
            v.error(end_field, "francetravail.ais.module.outsidePlan", None, |l| {
                msg(
                    l,
                    format!("le module finit ({e_text}) après le plan de formation (dateFinPlan {pe_text})"),
                    format!("the module ends ({e_text}) after the training plan (dateFinPlan {pe_text})"),
                )
            });
        }
    }
}

impl Validate for AisFunding {
    fn validate(&self, v: &mut Validator) {
        let (convention, funder) = (self.convention(), self.funder());
        match (convention, funder) {
            (None, None) => v.error("", "francetravail.ais.financement.missing", None, |l| {
                msg(
                    l,
                    "le financement doit indiquer une convention France Travail (convention) ou un autre organisme financeur (organismeFinanceur)",
                    "the funding must give a France Travail convention (convention) or another funding body (organismeFinanceur)",
                )
            }),
            // Contradiction 11: accepted, but the document says "either … or".
            (Some(_), Some(_)) => v.warning("organismeFinanceur", "francetravail.ais.financement.both", None, |l| {
                msg(
                    l,
                    "convention et organismeFinanceur sont tous deux renseignés, alors que le document prévoit l'un ou l'autre",
                    "both convention and organismeFinanceur have data, whereas the document expects one or the other",
                )
            }),
            _ => {}
        }
        if let Some(c) = convention {
            v.field("convention", |v| convention_rules(v, c));
        }
        if let Some(f) = funder {
            v.field("organismeFinanceur", |v| funder_rules(v, f));
        }
        if let Some(o) = self.opca.value().filter(|o| !o.is_empty()) {
            v.field("opca", |v| opca_rules(v, o));
        }
    }
}

fn convention_rules(v: &mut Validator, c: &AisConvention) {
    match c.numero_convention.value() {
        Some(n) => {
            required_text(v, "numeroConvention", n, 12, "francetravail.ais.numeroConvention.length");
        }
        None => required(v, "numeroConvention"),
    }
    match c.dispositif_financement.value() {
        Some(d) => v.field("dispositifFinancement", |v| {
            required_text(v, "codeDispositif", &d.code_dispositif, 2, "francetravail.ais.codeDispositif.length");
            required_text(v, "libelleDispositif", &d.libelle_dispositif, 255, "francetravail.ais.libelleDispositif.length");
        }),
        None => required(v, "dispositifFinancement"),
    }
    if let Some(t) = c.type_marche.value() {
        v.field("typeMarche", |v| {
            integer(v, "codeMarche", t.code_marche, 2, "francetravail.ais.codeMarche.range");
            required_text(v, "libelleMarche", &t.libelle_marche, 255, "francetravail.ais.libelleMarche.length");
        });
    }
}

fn funder_rules(v: &mut Validator, f: &AisFunder) {
    match f.identifiant_financeur.value() {
        Some(n) => integer(v, "identifiantFinanceur", *n, 2, "francetravail.ais.identifiantFinanceur.range"),
        None => required(v, "identifiantFinanceur"),
    }
    match f.libelle_financeur.value() {
        Some(s) => {
            required_text(v, "libelleFinanceur", s, 255, "francetravail.ais.libelleFinanceur.length");
        }
        None => required(v, "libelleFinanceur"),
    }
    if let Some(o) = f.opca.value().filter(|o| !o.is_empty()) {
        v.field("opca", |v| opca_rules(v, o));
    }
}

fn opca_rules(v: &mut Validator, o: &AisOpca) {
    match o.indentifiant_opca.value() {
        Some(s) => {
            required_text(v, "indentifiantOpca", s, 2, "francetravail.ais.indentifiantOpca.length");
        }
        None => required(v, "indentifiantOpca"),
    }
    match o.libelle_opca.value() {
        Some(s) => {
            required_text(v, "libelleOpca", s, 255, "francetravail.ais.libelleOpca.length");
        }
        None => required(v, "libelleOpca"),
    }
}

impl Validate for AisTokenRequest {
    fn validate(&self, v: &mut Validator) {
        if self.grant_type != "client_credentials" {
            let g = &self.grant_type;
            v.error("grant_type", "francetravail.token.grantType", None, |l| {
                msg(l, format!("grant_type doit valoir \"client_credentials\" ; reçu {g:?}"), format!("grant_type must be \"client_credentials\"; got {g:?}"))
            });
        }
        for (field, value) in [("client_id", &self.client_id), ("client_secret", &self.client_secret), ("scope", &self.scope)] {
            if value.trim().is_empty() {
                v.error(field, "francetravail.token.required", None, |l| {
                    msg(l, "champ obligatoire : il doit être renseigné", "required field: it must have a value")
                });
            }
        }
        let expected = format!("application_{}", self.client_id.trim());
        if !self.client_id.trim().is_empty() && !self.scope.trim().is_empty() && !self.scopes().any(|s| s == expected) {
            v.warning("scope", "francetravail.token.scope.application", None, |l| {
                msg(
                    l,
                    format!("le scope devrait contenir {expected:?} : sans lui, France Travail répond invalid_scope"),
                    format!("the scope should contain {expected:?}: without it, France Travail answers invalid_scope"),
                )
            });
        }
    }
}

impl Validate for AisToken {}
impl Validate for AisOAuthError {}

/// Every rule id this module reports (`Issue::rule`), once each, sorted. `tests/rule_registry.rs`
/// fails when a rule reported here is missing from this list, or listed but never reported.
pub const RULES: &[&str] = &[
    "francetravail.ais.codeDispositif.length",
    "francetravail.ais.codeMarche.range",
    "francetravail.ais.codeStatutInscription.length",
    "francetravail.ais.date.format",
    "francetravail.ais.financement.both",
    "francetravail.ais.financement.missing",
    "francetravail.ais.heures.range",
    "francetravail.ais.idInscription.range",
    "francetravail.ais.idNationalDE.length",
    "francetravail.ais.idProjetAction.length",
    "francetravail.ais.identifiantFinanceur.range",
    "francetravail.ais.indentifiantOpca.length",
    "francetravail.ais.libelleDispositif.length",
    "francetravail.ais.libelleFinanceur.length",
    "francetravail.ais.libelleMarche.length",
    "francetravail.ais.libelleOpca.length",
    "francetravail.ais.listeModuleFormation.required",
    "francetravail.ais.module.dateOrder",
    "francetravail.ais.module.outsidePlan",
    "francetravail.ais.module.spellingConflict",
    "francetravail.ais.numeroAction.format",
    "francetravail.ais.numeroAction.length",
    "francetravail.ais.numeroConvention.length",
    "francetravail.ais.numeroFormation.format",
    "francetravail.ais.numeroFormation.length",
    "francetravail.ais.numeroModule.range",
    "francetravail.ais.numeroReferenceExterne.length",
    "francetravail.ais.numeroSession.format",
    "francetravail.ais.numeroSession.length",
    "francetravail.ais.plan.dateOrder",
    "francetravail.ais.required",
    "francetravail.aisQuery.codeStatut.conflict",
    "francetravail.token.grantType",
    "francetravail.token.required",
    "francetravail.token.scope.application",
];
