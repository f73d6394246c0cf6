//! France Travail "parcours formation": enrolment attestations (AIS) for a
//! few Intercarif sessions.
//!
//! README contradiction 9: the document's table names the module fields
//! `dateDebut`/`dateFin`/`numeroModule`, its example `dateDebutPeriode`/
//! `dateFinPeriode`/`numeroPeriode`. The sandbox sends the example's names for
//! the documented session 1330305 and the table's names for session 114782, so
//! clients meet both.

use serde_json::{json, Value};

use super::rng::Rng;
use crate::dates::{Date, DateExt};

pub struct AisSession {
    pub numero_session: String,
    pub numero_action: String,
    pub numero_formation: String,
    pub numero_reference_externe: Option<String>,
    pub records: Vec<Value>,
}

pub const STATUS_CODES: &[&str] = &["AIS", "ENT", "SOR", "ABA"];

fn dt(d: Date) -> String {
    d.at(0, 0, d.paris_offset())
}

pub fn generate(seed: &Rng, today: Date) -> Vec<AisSession> {
    let mut rng = seed.fork("france-travail");
    // (session, action, formation, external ref, example's module names, AIS count)
    type Spec = (&'static str, &'static str, &'static str, Option<&'static str>, bool, usize);
    let specs: [Spec; 4] = [
        ("1330305", "20_1330305", "20_1262663", Some("20_12345"), true, 4),
        ("114782", "07_114782", "07_10", None, false, 3),
        ("1402218", "20_1402218", "20_1311504", Some("20_40221"), true, 5),
        ("2205117", "11_2205117", "11_987654", None, false, 2),
    ];
    let mut out = Vec::new();
    for (si, (session, action, formation, ext, example_names, n)) in specs.iter().enumerate() {
        let plan_start = today.plus_days(-rng.range_i(20, 120));
        let plan_end = plan_start.plus_days(rng.range_i(150, 240));
        let mut records = Vec::new();
        for k in 0..*n {
            let code = if k == 0 { "AIS" } else { rng.pick(STATUS_CODES).copied().unwrap_or("AIS") };
            let split = plan_start.plus_days(rng.range_i(60, 120));
            let modules: Vec<Value> = [(plan_start, split, 1), (split.plus_days(14), plan_end, 2)]
                .iter()
                .map(|(a, b, num)| {
                    if *example_names {
                        json!({"dateDebutPeriode": dt(*a), "dateFinPeriode": dt(*b), "numeroPeriode": num})
                    } else {
                        json!({"dateDebut": dt(*a), "dateFin": dt(*b), "numeroModule": num})
                    }
                })
                .collect();
            // README contradiction 11: Pôle emploi funding sends `convention`
            // plus an empty `organismeFinanceur`; other funders send only
            // `organismeFinanceur` (with an OPCO on some).
            let financement = if (si + k) % 3 != 2 {
                json!({
                    "convention": {
                        "dispositifFinancement": {"codeDispositif": "02", "libelleDispositif": "AFC POLE EMPLOI"},
                        "numeroConvention": format!("41C{:09}", rng.range(100_000_000, 999_999_999)),
                        "typeMarche": {"codeMarche": 3, "libelleMarche": format!("Marche {}", plan_start.year)}
                    },
                    "organismeFinanceur": {}
                })
            } else {
                json!({
                    "organismeFinanceur": {
                        "identifiantFinanceur": 7,
                        "libelleFinanceur": "CONSEIL REGIONAL",
                        "opca": {"indentifiantOpca": "14", "libelleOpca": "OPCO ATLAS"}
                    }
                })
            };
            let mut id_de = String::new();
            for _ in 0..43 {
                let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
                let c = alphabet.get(rng.range(0, 63) as usize).copied().unwrap_or(b'A');
                id_de.push(char::from(c));
            }
            records.push(json!({
                "apercuSessionFormationPartenaire": {
                    "numeroSession": session,
                    "numeroAction": action,
                    "numeroFormation": formation
                },
                "codeStatutInscription": code,
                "dateDebutPlan": dt(plan_start),
                "dateFinPlan": dt(plan_end),
                "financementAis": financement,
                "idInscription": rng.range(8_000_000, 9_999_999),
                "idNationalDE": id_de,
                "idProjetAction": format!("EFO{}{:02}{:02}{}", plan_start.year, plan_start.month, plan_start.day, ["A", "B", "C", "D", "E", "F"].get(k).copied().unwrap_or("Z")),
                "listeModuleFormation": modules
            }));
        }
        out.push(AisSession {
            numero_session: (*session).into(),
            numero_action: (*action).into(),
            numero_formation: (*formation).into(),
            numero_reference_externe: ext.map(String::from),
            records,
        });
    }
    out
}
