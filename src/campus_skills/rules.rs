//! Campus Skills validation rules.
//!
//! A sync request is checked as a whole, before any network call, because the
//! server refuses the sync when a conflict appears anywhere in it. Campus
//! Skills documents no error codes, so `providerCode` is never set. Every
//! conflict is reported at the later place and its message names the earlier
//! one (`contrats[7].emailPersonnel is also used by contrats[2].emailApprenant`).
//!
//! # What counts as a conflict (decisions)
//!
//! - **Contract codes** (`codeContrat`, trimmed, exact): each used once.
//! - **User codes** (`codeApprenant`, `codePersonnel`,
//!   `codeMaitreApprentissage`, trimmed, exact) form one namespace. A person
//!   is a code *in a role* (learner, school tutor, company tutor). The same
//!   code in several contracts is the same person, which is fine as long as
//!   the role is the same, the e-mail is the same ([`crate::text::email_key`]:
//!   trimmed, case-insensitive) and the last and first names are the same
//!   (trimmed, otherwise exact: the server stores names as sent, so
//!   `"Dupont"` and `"DUPONT"` are two spellings of one person's name to fix;
//!   when two names differ only in case, accents or Unicode form the message
//!   says so, since they look alike on screen).
//!   Otherwise:
//!   - one code in two roles → `campusskills.user.code.role` (the document's
//!     own example: a learner and a company tutor with the same id), even if
//!     the name and e-mail agree: prefix codes per role;
//!   - one code, same role, another e-mail → `campusskills.user.email.perPerson`;
//!   - one code, same role, another name → `campusskills.user.name.perPerson`.
//! - **E-mails** (`email_key`): an e-mail is one account, so it belongs to one
//!   code. The same e-mail under two different codes (in any roles) →
//!   `campusskills.user.email.shared`. (Under the same code in two roles the
//!   code conflict is reported instead, not both.)
//! - **Code ↔ name pairs** for site, period, programme, year (the README's
//!   four) and brand (`codeMarque`/`nomMarque`, when both are given, as the
//!   project's sandbox server checks): one code has one name and one name has
//!   one code; names compare trimmed, otherwise exactly. Group pairs are not
//!   checked (a group name may recur across sites).
//!
//! Blank codes and e-mails are reported as required fields and take no part
//! in the conflict checks. Each place is compared with the first place its
//! code (or e-mail, or name) was seen, so the checks are O(n) with hash maps
//! keyed by slices of the request: a key is allocated only for a new e-mail
//! that is not already trimmed and lower-case.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::dates::CalendarDate;
use crate::formats::{is_email, is_rncp_code};
use crate::validate::{msg, Lang, Validate, Validator};
use crate::wire::Json;

use super::*;

/// A required field is blank.
const REQUIRED: &str = "campusskills.contract.required";

impl Validate for CampusContract {
    fn validate(&self, v: &mut Validator) {
        let c = self;
        for (field, value) in [
            ("codeContrat", &c.code_contrat),
            ("dateDebut", &c.date_debut),
            ("dateFin", &c.date_fin),
            ("nomEntreprise", &c.nom_entreprise),
            ("codeGroupe", &c.code_groupe),
            ("nomGroupe", &c.nom_groupe),
            ("codeSite", &c.code_site),
            ("nomSite", &c.nom_site),
            ("codePeriode", &c.code_periode),
            ("nomPeriode", &c.nom_periode),
            ("codeFormation", &c.code_formation),
            ("nomFormation", &c.nom_formation),
            ("codeAnnee", &c.code_annee),
            ("nomAnnee", &c.nom_annee),
            ("codeApprenant", &c.code_apprenant),
            ("nomApprenant", &c.nom_apprenant),
            ("prenomApprenant", &c.prenom_apprenant),
            ("emailApprenant", &c.email_apprenant),
            ("codePersonnel", &c.code_personnel),
            ("nomPersonnel", &c.nom_personnel),
            ("prenomPersonnel", &c.prenom_personnel),
            ("emailPersonnel", &c.email_personnel),
            ("codeMaitreApprentissage", &c.code_maitre_apprentissage),
            ("nomMaitreApprentissage", &c.nom_maitre_apprentissage),
            ("prenomMaitreApprentissage", &c.prenom_maitre_apprentissage),
            ("emailMaitreApprentissage", &c.email_maitre_apprentissage),
        ] {
            if is_blank(value) {
                v.error(field, REQUIRED, None, |l| msg(l, "champ obligatoire : il doit être renseigné", "required field: it must have a value"));
            }
        }

        let start = dmy(v, "dateDebut", &c.date_debut);
        let end = dmy(v, "dateFin", &c.date_fin);
        if let (Some(a), Some(b)) = (start, end) {
            if b < a {
                let (s, e) = (&c.date_debut, &c.date_fin);
                v.error("dateFin", "campusskills.contract.date.order", None, |l| {
                    msg(
                        l,
                        format!("la date de fin {e} est antérieure à la date de début {s} (dateDebut)"),
                        format!("end date {e} is before start date {s} (dateDebut)"),
                    )
                });
            }
        }

        for (field, value) in
            [("emailApprenant", &c.email_apprenant), ("emailPersonnel", &c.email_personnel), ("emailMaitreApprentissage", &c.email_maitre_apprentissage)]
        {
            if !is_blank(value) && !is_email(value) {
                v.error(field, "campusskills.contract.email.format", None, |l| {
                    msg(
                        l,
                        format!("{value:?} n'est pas une adresse e-mail valide (ex. jeanne.dupont@exemple.fr)"),
                        format!("{value:?} is not a valid e-mail address (e.g. jeanne.dupont@exemple.fr)"),
                    )
                });
            }
        }

        if let Some(r) = c.rncp.value().filter(|r| !r.trim().is_empty()) {
            if !is_rncp_code(r) {
                v.error("rncp", "campusskills.contract.rncp.format", None, |l| {
                    msg(
                        l,
                        format!("{r:?} n'est pas un code RNCP : « RNCP » suivi de 3 à 5 chiffres (ex. RNCP35185)"),
                        format!("{r:?} is not an RNCP code: \"RNCP\" followed by 3 to 5 digits (e.g. RNCP35185)"),
                    )
                });
            }
        }

        if let Some(m) = c.month_start_group.value().filter(|m| !(m.is_string() || m.is_number())) {
            let kind = match m {
                Json::Bool(_) => "boolean",
                Json::Array(_) => "array",
                _ => "object",
            };
            v.error("monthStartGroup", "campusskills.contract.monthStartGroup.type", None, |l| {
                msg(
                    l,
                    format!("monthStartGroup doit être un texte ou un nombre ; reçu : {kind}"),
                    format!("monthStartGroup must be a string or a number; got a {kind}"),
                )
            });
        }

        if let Some(CampusContractType::Unknown(t)) = c.contract_type.value() {
            v.error("type", "campusskills.contract.type.unknown", None, |l| {
                msg(
                    l,
                    format!("type {t:?} inconnu : APPRENTICESHIP ou INTERNSHIP attendu"),
                    format!("unknown type {t:?}: APPRENTICESHIP or INTERNSHIP expected"),
                )
            });
        }
    }
}

/// True for an empty or all-whitespace text (`trim().is_empty()`, with a
/// fast answer for text that starts with a visible ASCII character).
fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => false,
        _ => s.trim().is_empty(),
    }
}

/// `s.trim()`, answered without scanning when both ends are visible ASCII
/// characters (the common case, and `trim` is not cheap in a size-optimized build).
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Reads a `DD/MM/YYYY` date, reporting unreadable ones (blank ones are
/// reported as required).
fn dmy(v: &mut Validator, field: &str, value: &str) -> Option<CalendarDate> {
    if value.trim().is_empty() {
        return None;
    }
    match CalendarDate::parse_dmy(value) {
        Ok(d) => Some(d),
        Err(e) => {
            v.error(field, "campusskills.contract.date.format", None, |l| {
                let (fr, en) = if e.reason == "no such day in the calendar" {
                    ("ce jour n'existe pas dans le calendrier", "no such day in the calendar")
                } else {
                    ("format JJ/MM/AAAA attendu", "expected DD/MM/YYYY")
                };
                msg(l, format!("date illisible {value:?} : {fr}"), format!("unreadable date {value:?}: {en}"))
            });
            None
        }
    }
}

impl Validate for CampusSyncRequest {
    fn validate(&self, v: &mut Validator) {
        v.field("contrats", |v| {
            self.contrats.validate(v);
            conflicts(v, &self.contrats);
        });
    }
}

/// The three roles a user code can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Learner,
    SchoolTutor,
    CompanyTutor,
}

impl Role {
    const ALL: [Role; 3] = [Role::Learner, Role::SchoolTutor, Role::CompanyTutor];

    /// Wire names of the code, last name, first name and e-mail fields.
    fn fields(self) -> [&'static str; 4] {
        match self {
            Role::Learner => ["codeApprenant", "nomApprenant", "prenomApprenant", "emailApprenant"],
            Role::SchoolTutor => ["codePersonnel", "nomPersonnel", "prenomPersonnel", "emailPersonnel"],
            Role::CompanyTutor => ["codeMaitreApprentissage", "nomMaitreApprentissage", "prenomMaitreApprentissage", "emailMaitreApprentissage"],
        }
    }

    /// Code, last name, first name and e-mail of this role in `c`.
    fn of(self, c: &CampusContract) -> [&str; 4] {
        match self {
            Role::Learner => [&c.code_apprenant, &c.nom_apprenant, &c.prenom_apprenant, &c.email_apprenant],
            Role::SchoolTutor => [&c.code_personnel, &c.nom_personnel, &c.prenom_personnel, &c.email_personnel],
            Role::CompanyTutor => [&c.code_maitre_apprentissage, &c.nom_maitre_apprentissage, &c.prenom_maitre_apprentissage, &c.email_maitre_apprentissage],
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::Learner, Lang::Fr) => "apprenant",
            (Role::SchoolTutor, Lang::Fr) => "tuteur école",
            (Role::CompanyTutor, Lang::Fr) => "maître d'apprentissage",
            (Role::Learner, Lang::En) => "learner",
            (Role::SchoolTutor, Lang::En) => "school tutor",
            (Role::CompanyTutor, Lang::En) => "company tutor",
        }
    }
}

/// The code ↔ name pairs that must map one to one: (code field, name field, rule, French and English kind).
const PAIRS: [(&str, &str, &str, &str, &str); 5] = [
    ("codeSite", "nomSite", "campusskills.contract.site.pair", "site", "site"),
    ("codePeriode", "nomPeriode", "campusskills.contract.periode.pair", "période", "period"),
    ("codeFormation", "nomFormation", "campusskills.contract.formation.pair", "formation", "programme"),
    ("codeAnnee", "nomAnnee", "campusskills.contract.annee.pair", "année", "year"),
    ("codeMarque", "nomMarque", "campusskills.contract.marque.pair", "marque", "brand"),
];

/// Code and name of pair `i` of [`PAIRS`] in `c` (`""` for an absent brand).
fn pair_of(c: &CampusContract, i: usize) -> (&str, &str) {
    match i {
        0 => (&c.code_site, &c.nom_site),
        1 => (&c.code_periode, &c.nom_periode),
        2 => (&c.code_formation, &c.nom_formation),
        3 => (&c.code_annee, &c.nom_annee),
        _ => (c.code_marque.value().map_or("", String::as_str), c.nom_marque.value().map_or("", String::as_str)),
    }
}

/// Where a user code was first seen.
#[derive(Clone, Copy)]
struct UserSeen {
    contract: usize,
    role: Role,
}

/// [`crate::text::email_key`] (trimmed, lower-cased), borrowing when the
/// address is already in that form.
fn email_key(s: &str) -> Cow<'_, str> {
    let t = trim(s);
    if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(t)
    } else if t.is_ascii() {
        Cow::Owned(t.to_ascii_lowercase())
    } else {
        Cow::Owned(crate::text::email_key(t))
    }
}

/// True when `a` and `b` have the same [`email_key`], allocating only for non-ASCII text.
fn same_email(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (trim(a), trim(b));
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        email_key(a) == email_key(b)
    }
}

/// For two names that differ only in case, accents or Unicode form (which
/// look alike on screen), a hint saying so; otherwise nothing.
fn spelling_hint(a: &str, b: &str, lang: Lang) -> &'static str {
    if crate::text::fold(a) != crate::text::fold(b) {
        ""
    } else if lang == Lang::Fr {
        " (seules la casse, les accents ou la forme Unicode diffèrent)"
    } else {
        " (they differ only in case, accents or Unicode form)"
    }
}

/// Reports an error at `field` of contract `i` (the path is built only then).
fn err_at(v: &mut Validator, i: usize, field: &str, rule: &'static str, message: impl FnOnce(Lang) -> String) {
    v.index(i, |v| v.error(field, rule, None, message));
}

/// A fast, unkeyed hasher for the conflict maps (FxHash's word-at-a-time
/// multiply, finished with MurmurHash3's mix so hashbrown's low and high bits
/// are both spread). Unkeyed hashing is fine here: the keys are the caller's
/// own data, and SipHash was a fifth of the validation time.
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut tail = 0u64;
        for (k, b) in chunks.remainder().iter().enumerate() {
            tail |= u64::from(*b) << (8 * k);
        }
        self.add(tail ^ ((bytes.len() as u64) << 56));
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

type Map<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

fn map<K, V>(capacity: usize) -> Map<K, V> {
    HashMap::with_capacity_and_hasher(capacity, BuildHasherDefault::default())
}

/// The cross-contract checks, in one pass.
fn conflicts(v: &mut Validator, contrats: &[CampusContract]) {
    let n = contrats.len();
    let base = v.path().to_string();
    let at = |i: usize, field: &str| format!("{base}[{i}].{field}");
    let mut contract_codes: Map<&str, usize> = map(n);
    let mut users: Map<&str, UserSeen> = map(n * 2);
    let mut emails: Map<Cow<'_, str>, (usize, Role)> = map(n * 2);
    let mut pair_codes: [Map<&str, usize>; 5] = std::array::from_fn(|_| map(0));
    let mut pair_names: [Map<&str, usize>; 5] = std::array::from_fn(|_| map(0));

    for (i, c) in contrats.iter().enumerate() {
        // Contract codes.
        let code = trim(&c.code_contrat);
        if !code.is_empty() {
            if let Some(&j) = contract_codes.get(code) {
                let other = at(j, "codeContrat");
                err_at(v, i, "codeContrat", "campusskills.contract.code.duplicate", |l| {
                    msg(l, format!("le code contrat {code:?} est déjà utilisé par {other}"), format!("contract code {code:?} is also used by {other}"))
                });
            } else {
                contract_codes.insert(code, i);
            }
        }

        // Users and their e-mails.
        for role in Role::ALL {
            let [code_f, nom_f, _, email_f] = role.fields();
            let [code, nom, prenom, email] = role.of(c);
            let code = trim(code);
            let email_blank = trim(email).is_empty();
            let mut first_time = false;
            if !code.is_empty() {
                match users.get(code) {
                    None => {
                        users.insert(code, UserSeen { contract: i, role });
                        first_time = true;
                    }
                    Some(&seen) => {
                        let Some(first) = contrats.get(seen.contract) else { continue };
                        let [_, nom0, prenom0, email0] = seen.role.of(first);
                        let [code0_f, nom0_f, _, email0_f] = seen.role.fields();
                        if seen.role != role {
                            let other = at(seen.contract, code0_f);
                            err_at(v, i, code_f, "campusskills.user.code.role", |l| {
                                msg(
                                    l,
                                    format!("le code {code:?} ({}) est aussi celui d'un {} en {other} : un code désigne une seule personne dans un seul rôle (préfixez les codes par rôle)", role.name(l), seen.role.name(l)),
                                    format!("code {code:?} ({}) is also used by a {} at {other}: a code names one person in one role (prefix the codes per role)", role.name(l), seen.role.name(l)),
                                )
                            });
                            // The e-mail check below would only repeat this conflict.
                            continue;
                        }
                        if !email_blank && !trim(email0).is_empty() && !same_email(email, email0) {
                            let other = at(seen.contract, email0_f);
                            err_at(v, i, email_f, "campusskills.user.email.perPerson", |l| {
                                msg(
                                    l,
                                    format!(
                                        "{code_f} {code:?} a ici l'e-mail {:?} mais {:?} en {other} : une personne a un seul e-mail",
                                        trim(email),
                                        trim(email0)
                                    ),
                                    format!("{code_f} {code:?} has e-mail {:?} here but {:?} at {other}: one person has one e-mail", trim(email), trim(email0)),
                                )
                            });
                        }
                        if trim(nom) != trim(nom0) || trim(prenom) != trim(prenom0) {
                            let other = at(seen.contract, nom0_f);
                            let (here, there) = (format!("{} {}", trim(prenom), trim(nom)), format!("{} {}", trim(prenom0), trim(nom0)));
                            err_at(v, i, nom_f, "campusskills.user.name.perPerson", |l| {
                                let hint = spelling_hint(&here, &there, l);
                                msg(
                                    l,
                                    format!("{code_f} {code:?} désigne ici {here:?} mais {there:?} en {other}{hint} : un code désigne une seule personne, écrite de la même façon"),
                                    format!("{code_f} {code:?} names {here:?} here but {there:?} at {other}{hint}: a code names one person, spelled one way"),
                                )
                            });
                        }
                    }
                }
            }
            // E-mails: registered the first time a code is seen (later
            // places of the same person were compared above).
            if email_blank || !first_time {
                continue;
            }
            let ekey = email_key(email);
            match emails.get(ekey.as_ref()) {
                None => {
                    emails.insert(ekey, (i, role));
                }
                Some(&(j, role0)) => {
                    let Some(first) = contrats.get(j) else { continue };
                    let code0 = role0.of(first)[0].trim();
                    if code0 != code {
                        let other = at(j, role0.fields()[3]);
                        let e = trim(email);
                        err_at(v, i, email_f, "campusskills.user.email.shared", |l| {
                            msg(
                                l,
                                format!(
                                    "l'e-mail {e:?} est aussi utilisé par {other} ({} {code0:?}) : un e-mail correspond à un seul compte",
                                    role0.fields()[0]
                                ),
                                format!("e-mail {e:?} is also used by {other} ({} {code0:?}): one e-mail is one account", role0.fields()[0]),
                            )
                        });
                    }
                }
            }
        }

        // Code ↔ name pairs.
        for (k, (codes, names)) in pair_codes.iter_mut().zip(pair_names.iter_mut()).enumerate() {
            let Some(&(code_f, name_f, rule, kind_fr, kind_en)) = PAIRS.get(k) else { continue };
            let (code, name) = pair_of(c, k);
            let code = trim(code);
            if code.is_empty() || trim(name).is_empty() {
                continue;
            }
            match codes.get(code) {
                Some(&j) => {
                    let Some(first) = contrats.get(j) else { continue };
                    let name0 = pair_of(first, k).1;
                    if trim(name) != trim(name0) {
                        let other = at(j, name_f);
                        let (name, name0) = (trim(name), trim(name0));
                        err_at(v, i, name_f, rule, |l| {
                            let hint = spelling_hint(name, name0, l);
                            msg(
                                l,
                                format!("le code {kind_fr} {code:?} a ici le nom {name:?} mais {name0:?} en {other}{hint} : un code a un seul nom"),
                                format!("{kind_en} code {code:?} has name {name:?} here but {name0:?} at {other}{hint}: a code has one name"),
                            )
                        });
                    }
                }
                None => {
                    codes.insert(code, i);
                    let key = trim(name);
                    match names.get(key) {
                        Some(&j) => {
                            let code0 = contrats.get(j).map_or("", |f| pair_of(f, k).0.trim());
                            let other = at(j, code_f);
                            let name = trim(name);
                            err_at(v, i, code_f, rule, |l| {
                                msg(
                                    l,
                                    format!("le nom {kind_fr} {name:?} a ici le code {code:?} mais {code0:?} en {other} : un nom a un seul code"),
                                    format!("{kind_en} name {name:?} has code {code:?} here but {code0:?} at {other}: a name has one code"),
                                )
                            });
                        }
                        None => {
                            names.insert(key, i);
                        }
                    }
                }
            }
        }
    }
}

impl Validate for CampusListQuery {
    fn validate(&self, v: &mut Validator) {
        if let Some(&p) = self.page.value() {
            if p < 1 {
                v.error("page", "campusskills.listQuery.page.range", None, |l| {
                    msg(l, format!("les pages sont numérotées à partir de 1 ; reçu {p}"), format!("pages are numbered from 1; got {p}"))
                });
            }
        }
        if let Some(&n) = self.limit.value() {
            if n < 1 {
                v.error("limit", "campusskills.listQuery.limit.range", None, |l| {
                    msg(l, format!("limit doit valoir au moins 1 ; reçu {n}"), format!("limit must be at least 1; got {n}"))
                });
            }
        }
    }
}

impl Validate for CampusSyncResponse {}
impl Validate for CampusContractsResponse {}
impl Validate for CampusDiffResponse {}
impl Validate for CampusTokenTest {}
impl Validate for CampusDeleteResponse {}

/// Every rule id this module reports (`Issue::rule`), once each, sorted. `tests/rule_registry.rs`
/// fails when a rule reported here is missing from this list, or listed but never reported.
pub const RULES: &[&str] = &[
    "campusskills.contract.annee.pair",
    "campusskills.contract.code.duplicate",
    "campusskills.contract.date.format",
    "campusskills.contract.date.order",
    "campusskills.contract.email.format",
    "campusskills.contract.formation.pair",
    "campusskills.contract.marque.pair",
    "campusskills.contract.monthStartGroup.type",
    "campusskills.contract.periode.pair",
    "campusskills.contract.required",
    "campusskills.contract.rncp.format",
    "campusskills.contract.site.pair",
    "campusskills.contract.type.unknown",
    "campusskills.listQuery.limit.range",
    "campusskills.listQuery.page.range",
    "campusskills.user.code.role",
    "campusskills.user.email.perPerson",
    "campusskills.user.email.shared",
    "campusskills.user.name.perPerson",
];
