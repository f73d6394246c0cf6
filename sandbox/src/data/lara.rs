//! Lära LMS data: programs, admin branches, portals, cycles (règlements),
//! periods with requirements, members and their status ranges.

use std::collections::BTreeMap;

use serde::Serialize;

use super::fr;
use super::rng::Rng;
use crate::dates::{Date, DateExt};

/// .NET's `DateTime.MinValue`: Lära's "no date".
pub const NO_DATE: &str = "0001-01-01T00:00:00";

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Program {
    pub id: String,
    pub creation_date: String,
    pub name: String,
    pub min_participants: i64,
    pub max_participants: i64,
    pub description: String,
    pub cover_id: String,
    pub subscription_type: i64,
    pub enrolment_type: i64,
    pub authorization_type: i64,
    pub need_admin_approval: bool,
    pub visibility_type: i64,
    pub start_date: String,
    pub end_date: String,
    pub show_available_subscriptions: bool,
    pub provider_id: String,
    pub certificate_id: String,
    pub category_id: String,
    pub credits: f64,
    pub keywords: String,
    /// The JSON spelling (`ID`), not the table's (`Id`): README contradiction 2.
    #[serde(rename = "createdByUserID")]
    pub created_by_user_id: String,
    pub short_description: String,
    pub status: i64,
    pub language: i64,
    pub external_link: String,
    pub tax_enabled: bool,
    pub is_single_payment: bool,
    pub expiration_type: i64,
    pub days_to_complete: i64,
    pub date_to_complete: String,
    pub catalog_link: String,
    pub last_modification_date: String,
    pub tax_country_id: i64,
    pub tax_state_id: i64,
    pub custom_fields: BTreeMap<String, String>,
    #[serde(skip)]
    pub branches: Vec<String>,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct LocalizedText {
    pub text: String,
    pub language_id: i64,
}

#[derive(Serialize, Clone, Debug)]
pub struct Texts {
    pub texts: Vec<LocalizedText>,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Cycle {
    pub cycle_id: String,
    pub admin_name: String,
    pub name: Texts,
    pub rule_id: String,
    pub is_active: bool,
    pub is_deleted: bool,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Requirement {
    pub id: String,
    pub cycle_period_id: String,
    #[serde(rename = "type")]
    pub kind: i64,
    pub target_value: f64,
    pub parent_id: String,
    pub rule_id: String,
    pub provider_id: String,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    pub cycle_period_id: String,
    pub cycle_id: String,
    pub admin_name: String,
    pub start_date: String,
    pub duration: i64,
    pub duration_unit: i64,
    pub is_requirements_shown: bool,
    pub rule_id: String,
    pub is_user_statement: bool,
    pub is_active: bool,
    pub is_deleted: bool,
    pub requirements: Vec<Requirement>,
}

#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct StatusEntry {
    pub entry_id: String,
    pub user_id: String,
    pub status: String,
    pub is_active_member: bool,
    pub start_date: String,
    /// [`NO_DATE`] while the range is open ("vide si la plage est en cours").
    pub end_date: String,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub user_id: String,
    pub first_name: String,
    pub last_name: String,
    /// Custom fields by API name (`member_status`, `numero_ordre`).
    pub custom_fields: BTreeMap<String, String>,
    pub statuses: Vec<StatusEntry>,
}

pub struct LaraStore {
    pub programs: Vec<Program>,
    pub branches: Vec<String>,
    pub portals: Vec<(String, String)>,
    pub cycles: Vec<Cycle>,
    pub periods: Vec<Period>,
    pub members: Vec<Member>,
    pub custom_field_names: Vec<String>,
    /// Ids handed out for new status entries; a forked stream keeps it deterministic.
    pub ids: Rng,
    pub today: Date,
}

const PROGRAM_NAMES: &[&str] = &[
    "Parcours d’intégration des nouveaux collaborateurs",
    "Formation continue obligatoire – déontologie",
    "Cycle « Manager de proximité »",
    "Sécurité au travail : habilitations électriques",
    "Programme de développement du leadership",
    "Hygiène et sécurité alimentaire (HACCP)",
    "Maîtriser la réglementation RGPD",
    "Bureautique : le pack Office 365",
    "Accueil et relation client en agence",
    "Gestes et postures – prévention des TMS",
    "Prévention des risques psychosociaux",
    "Sauveteur secouriste du travail (SST)",
    "Cœur de métier : conformité et éthique",
    "Anglais professionnel – niveau B2",
    "Lutte contre le blanchiment (LCB-FT)",
    "Transformation numérique et IA générative",
    "Formation des formateurs occasionnels",
    "Conduite de réunion efficace",
    "Égalité professionnelle et diversité",
    "Programme de préparation à la retraite",
];

pub const ACTIVE_STATUSES: &[&str] = &[
    "membre",
    "member",
    "1ère inscription",
    "inscription",
    "temporaire",
    "limitation du droit d'exercice",
    "suspension du droit d'exercice",
    // The document shows a leading space (" autorisation spéciale"); matching trims.
    "autorisation spéciale",
];

fn frac_datetime(rng: &mut Rng, date: Date) -> String {
    let h = rng.range(7, 18);
    let m = rng.range(0, 59);
    let s = rng.range(0, 59);
    let frac = rng.range(1, 999);
    // .NET trims trailing zeros of the fraction ("…45.73").
    let frac = format!("{frac:03}");
    let frac = frac.trim_end_matches('0');
    format!("{date}T{h:02}:{m:02}:{s:02}.{frac}")
}

pub fn generate(seed: &Rng, today: Date) -> LaraStore {
    let mut rng = seed.fork("lara");
    let branches: Vec<String> = (0..8).map(|_| rng.lara_id()).collect();
    let portals =
        vec![(rng.lara_id(), "https://formation.domaine.com/catalogue".to_string()), (rng.lara_id(), "https://partenaires.domaine.com/catalogue".to_string())];
    let provider = rng.lara_id();
    let creator = rng.lara_id();
    let categories: Vec<String> = (0..4).map(|_| rng.lara_id()).collect();
    let mut programs = Vec::new();
    for (i, name) in PROGRAM_NAMES.iter().enumerate() {
        let id = rng.lara_id();
        let created = today.plus_days(-rng.range_i(60, 2000));
        let modified = if rng.chance(60) {
            let day = created.plus_days(rng.range_i(1, 50));
            frac_datetime(&mut rng, day)
        } else {
            NO_DATE.to_string()
        };
        let subscription_type = if i % 5 == 4 { 2 } else { rng.range(0, 1) as i64 };
        let (start_date, end_date) = if subscription_type == 2 {
            (format!("{}T00:00:00", today.plus_days(-30)), format!("{}T23:59:59", today.plus_days(120)))
        } else {
            (NO_DATE.to_string(), NO_DATE.to_string())
        };
        let expiration_type = rng.range(0, 2) as i64;
        let authorization_type = rng.range(0, 1) as i64;
        let mut custom_fields = BTreeMap::new();
        custom_fields.insert("Champ1".to_string(), rng.pick(&["Snow", "Rain", "Sun"]).copied().unwrap_or("").to_string());
        custom_fields.insert("Test".to_string(), String::new());
        let n_branches = rng.range(1, 3) as usize;
        let mut pb: Vec<String> = Vec::new();
        while pb.len() < n_branches {
            if let Some(b) = rng.pick(&branches) {
                if !pb.contains(b) {
                    pb.push(b.clone());
                }
            }
        }
        programs.push(Program {
            catalog_link: format!("https://formation.domaine.com/catalogue/programme/{id}"),
            id,
            creation_date: frac_datetime(&mut rng, created),
            name: (*name).to_string(),
            min_participants: rng.range(0, 6) as i64,
            max_participants: if rng.chance(40) { 0 } else { rng.range(8, 25) as i64 },
            description: format!("<p>{name} : programme de formation proposé à l’ensemble des membres.</p>"),
            cover_id: String::new(),
            subscription_type,
            enrolment_type: rng.range(0, 2) as i64,
            authorization_type,
            // Error 1438: automatic enrolment (1) cannot need an approver.
            need_admin_approval: authorization_type == 0 && rng.chance(50),
            visibility_type: rng.range(0, 3) as i64,
            start_date,
            end_date,
            show_available_subscriptions: rng.chance(50),
            provider_id: provider.clone(),
            certificate_id: if rng.chance(40) { rng.lara_id() } else { String::new() },
            category_id: rng.pick(&categories).cloned().unwrap_or_default(),
            credits: rng.range(0, 40) as f64 / 2.0,
            keywords: "formation;obligatoire".into(),
            created_by_user_id: creator.clone(),
            short_description: String::new(),
            status: if rng.chance(10) { 1 } else { 0 },
            language: 3,
            external_link: String::new(),
            tax_enabled: rng.chance(50),
            is_single_payment: rng.chance(70),
            expiration_type,
            days_to_complete: if expiration_type == 1 { 90 } else { 0 },
            date_to_complete: if expiration_type == 2 { format!("{}T00:00:00", today.plus_days(200)) } else { NO_DATE.to_string() },
            last_modification_date: modified,
            tax_country_id: 75,
            tax_state_id: 0,
            custom_fields,
            branches: pb,
        });
    }

    let cycle_names = [
        ("REG-FC-2024", "Règlement de formation continue 2024-2026", "Continuing education rules 2024-2026"),
        ("REG-FC-2027", "Règlement de formation continue 2027-2029", "Continuing education rules 2027-2029"),
        ("REG-DEONTO", "Obligation déontologique annuelle", "Annual ethics requirement"),
    ];
    let mut cycles = Vec::new();
    let mut periods = Vec::new();
    for (ci, (admin, fr_name, en_name)) in cycle_names.iter().enumerate() {
        let cycle_id = rng.lara_id();
        let rule_id = rng.lara_id();
        cycles.push(Cycle {
            cycle_id: cycle_id.clone(),
            admin_name: (*admin).into(),
            name: Texts { texts: vec![LocalizedText { text: (*fr_name).into(), language_id: 3 }, LocalizedText { text: (*en_name).into(), language_id: 2 }] },
            rule_id: rule_id.clone(),
            is_active: ci != 1,
            is_deleted: false,
        });
        let n_periods = if ci == 2 { 3 } else { 2 };
        for k in 0..n_periods {
            let period_id = rng.lara_id();
            let start = Date { year: today.year - 2 + if ci == 2 { k } else { 2 * k }, month: 1, day: 1 };
            let mut requirements = Vec::new();
            let parent = rng.lara_id();
            for (t, target) in [(1, 40.0), (2, 2.0), (3, 3.0)].iter().take(rng.range(1, 3) as usize) {
                requirements.push(Requirement {
                    id: if *t == 1 { parent.clone() } else { rng.lara_id() },
                    cycle_period_id: period_id.clone(),
                    kind: *t,
                    target_value: *target,
                    parent_id: if *t == 1 { String::new() } else { parent.clone() },
                    rule_id: rule_id.clone(),
                    provider_id: provider.clone(),
                });
            }
            periods.push(Period {
                cycle_period_id: period_id,
                cycle_id: cycle_id.clone(),
                admin_name: format!("Période {} – {}", k + 1, admin),
                start_date: frac_datetime(&mut rng, start),
                duration: if ci == 2 { 1 } else { 2 },
                duration_unit: 4,
                is_requirements_shown: rng.chance(50),
                rule_id: rule_id.clone(),
                is_user_statement: rng.chance(50),
                is_active: true,
                is_deleted: false,
                requirements,
            });
        }
    }

    let statuses = ["Membre", "1ère inscription", "Temporaire", "Retraité", "Inactif", "Suspension du droit d'exercice"];
    let mut members = Vec::new();
    for i in 0..30 {
        let user_id = rng.lara_id();
        let mut custom_fields = BTreeMap::new();
        custom_fields.insert("member_status".to_string(), format!("{}", 12345 + i * 7));
        custom_fields.insert("numero_ordre".to_string(), format!("ORD-{:05}", 1000 + i * 13));
        let mut entries = Vec::new();
        let mut start = today.plus_days(-rng.range_i(400, 3000));
        let n = rng.range(1, 3);
        for k in 0..n {
            let status = if k == 0 { "1ère inscription" } else { rng.pick(&statuses).copied().unwrap_or("Membre") };
            let last = k + 1 == n;
            let end = if last { None } else { Some(start.plus_days(rng.range_i(200, 700))) };
            let start_s = format!("{start}T00:00:00");
            entries.push(StatusEntry {
                entry_id: rng.lara_id(),
                user_id: user_id.clone(),
                status: status.to_string(),
                is_active_member: is_active_status(status),
                start_date: start_s,
                end_date: end.map(|e| format!("{e}T23:59:59")).unwrap_or_else(|| NO_DATE.to_string()),
            });
            if let Some(e) = end {
                start = e.plus_days(1);
            }
        }
        members.push(Member {
            user_id,
            first_name: rng.pick(fr::FIRST_NAMES).copied().unwrap_or("Camille").into(),
            last_name: rng.pick(fr::LAST_NAMES).copied().unwrap_or("Martin").into(),
            custom_fields,
            statuses: entries,
        });
    }

    LaraStore {
        programs,
        branches,
        portals,
        cycles,
        periods,
        members,
        custom_field_names: vec!["member_status".into(), "numero_ordre".into()],
        ids: seed.fork("lara-new-ids"),
        today,
    }
}

/// README contradiction 8: with `isActiveMember` absent or null, activity is
/// inferred from the status name (case-insensitive, trimmed).
pub fn is_active_status(status: &str) -> bool {
    let s = status.trim().to_lowercase();
    ACTIVE_STATUSES.iter().any(|a| a.trim() == s)
}
