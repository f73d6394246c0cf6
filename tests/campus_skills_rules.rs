// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use formakit::campus_skills::*;
use formakit::schema::validate;
use formakit::{Issue, Lang, Severity};
use serde_json::{json, Value};

/// A valid contract `i` of a generated school: learners are unique, 100
/// school tutors and 2,000 company tutors recur, and sites, periods,
/// programmes and years keep one name per code.
fn contract(i: usize) -> Value {
    let (s, m, site, period, prog, year) = (i % 100, i % 2000, i % 10, i % 3, i % 50, i % 100);
    json!({
        "codeContrat": format!("CTR-{i:06}"),
        "dateDebut": format!("{:02}/09/2024", 1 + i % 28),
        "dateFin": "31/08/2026",
        "nomEntreprise": format!("Entreprise {}", i % 700),
        "codeGroupe": format!("G{prog}-{site}"),
        "nomGroupe": format!("Groupe {prog} {site}"),
        "codeSite": format!("S{site}"),
        "nomSite": format!("Site n°{site}"),
        "codePeriode": format!("P{period}"),
        "nomPeriode": format!("{}/{}", 2024 + period, 2025 + period),
        "codeFormation": format!("F{prog}"),
        "nomFormation": format!("Formation {prog}"),
        "codeAnnee": format!("A{year}"),
        "nomAnnee": format!("Formation {prog} année {}", year / 50 + 1),
        "codeApprenant": format!("APP-{i:06}"),
        "nomApprenant": if i % 3 == 0 { format!("Lefèvre{i}") } else { format!("Durand{i}") },
        "prenomApprenant": "Zoé",
        "emailApprenant": format!("apprenant{i}@exemple.fr"),
        "codePersonnel": format!("PER-{s:03}"),
        "nomPersonnel": format!("Martin{s}"),
        "prenomPersonnel": "Élodie",
        "emailPersonnel": format!("Personnel{s}@Ecole.fr"),
        "codeMaitreApprentissage": format!("MA-{m:05}"),
        "nomMaitreApprentissage": format!("Bernard{m}"),
        "prenomMaitreApprentissage": "Paul",
        "emailMaitreApprentissage": format!("ma{m}@entreprise.fr"),
        "rncp": "RNCP38368",
        "type": if i % 5 == 0 { "INTERNSHIP" } else { "APPRENTICESHIP" },
    })
}

fn contracts(n: usize) -> Vec<Value> {
    (0..n).map(contract).collect()
}

fn issues_of(contrats: Vec<Value>) -> Vec<Issue> {
    let text = json!({ "contrats": contrats }).to_string();
    let req: CampusSyncRequest = formakit::parse(text.as_bytes()).unwrap();
    validate(&req, Lang::En)
}

fn rules(issues: &[Issue]) -> Vec<(String, &'static str)> {
    issues.iter().map(|i| (i.path.clone(), i.rule)).collect()
}

fn one(issues: &[Issue]) -> (String, &'static str) {
    assert_eq!(issues.len(), 1, "{issues:#?}");
    (issues[0].path.clone(), issues[0].rule)
}

#[test]
fn the_fixture_is_valid() {
    let req: CampusSyncRequest = formakit::parse(&common::fixture("campus_skills/sync_request.json")).unwrap();
    assert_eq!(validate(&req, Lang::Fr), vec![]);
    let q: CampusListQuery = formakit::parse(&common::fixture("campus_skills/list_query.json")).unwrap();
    assert_eq!(validate(&q, Lang::Fr), vec![]);
}

#[test]
fn ten_thousand_valid_contracts_have_no_issue() {
    let text = json!({ "contrats": contracts(10_000) }).to_string();
    let schema = formakit::schema::find("campusskills.syncRequest").unwrap();
    let start = std::time::Instant::now();
    let issues = schema.validate(text.as_bytes(), Lang::Fr);
    let took = start.elapsed();
    assert_eq!(issues, vec![]);
    eprintln!("10,000 contracts ({} bytes) decoded and validated in {took:?} (this build's profile)", text.len());
}

#[test]
fn injected_conflicts_are_reported_exactly_naming_both_places() {
    let mut c = contracts(10_000);
    // Contract code used twice.
    c[9000]["codeContrat"] = c[12]["codeContrat"].clone();
    // A learner's e-mail reused by another learner, trimmed and in other case.
    c[7000]["emailApprenant"] = json!("  APPRENANT3@Exemple.FR ");
    // A learner's e-mail that is a school tutor's (first seen at contract 5).
    c[8000]["emailApprenant"] = json!("personnel5@ecole.fr");
    // A learner whose code is a company tutor's (first seen at contract 17).
    c[6000]["codeApprenant"] = json!("MA-00017");
    // A company tutor (first seen at contract 5) with another e-mail, then another name.
    c[4005]["emailMaitreApprentissage"] = json!("autre@entreprise.fr");
    c[4006]["nomMaitreApprentissage"] = json!("Autre");
    // Site code S0 with another name; programme name "Formation 1" with another code.
    c[9500]["nomSite"] = json!("Autre site");
    c[9601]["codeFormation"] = json!("F-NEW");
    // Per-contract rules.
    c[500]["dateFin"] = json!("01/01/2024");
    c[501]["dateFin"] = json!("31/02/2026");
    c[100]["emailApprenant"] = json!("pas-un-email");
    c[200]["rncp"] = json!("RNCP12");
    // Not conflicts: the same person or name with surrounding spaces, an e-mail in other case.
    c[2005]["nomMaitreApprentissage"] = json!(" Bernard5 ");
    c[2005]["emailMaitreApprentissage"] = json!("MA5@Entreprise.fr");
    c[301]["prenomPersonnel"] = json!("Élodie ");
    c[303]["nomSite"] = json!(" Site n°3");

    let issues = issues_of(c);
    let got: BTreeSet<_> = rules(&issues).into_iter().collect();
    let want: BTreeSet<(String, &str)> = [
        ("contrats[9000].codeContrat", "campusskills.contract.code.duplicate"),
        ("contrats[7000].emailApprenant", "campusskills.user.email.shared"),
        ("contrats[8000].emailApprenant", "campusskills.user.email.shared"),
        ("contrats[6000].codeApprenant", "campusskills.user.code.role"),
        ("contrats[4005].emailMaitreApprentissage", "campusskills.user.email.perPerson"),
        ("contrats[4006].nomMaitreApprentissage", "campusskills.user.name.perPerson"),
        ("contrats[9500].nomSite", "campusskills.contract.site.pair"),
        ("contrats[9601].codeFormation", "campusskills.contract.formation.pair"),
        ("contrats[500].dateFin", "campusskills.contract.date.order"),
        ("contrats[501].dateFin", "campusskills.contract.date.format"),
        ("contrats[100].emailApprenant", "campusskills.contract.email.format"),
        ("contrats[200].rncp", "campusskills.contract.rncp.format"),
    ]
    .into_iter()
    .map(|(p, r)| (p.to_string(), r))
    .collect();
    assert_eq!(got, want, "{issues:#?}");
    assert_eq!(issues.len(), want.len());

    let message = |path: &str| issues.iter().find(|i| i.path == path).unwrap().message.clone();
    for (path, other) in [
        ("contrats[9000].codeContrat", "contrats[12].codeContrat"),
        ("contrats[7000].emailApprenant", "contrats[3].emailApprenant"),
        ("contrats[8000].emailApprenant", "contrats[5].emailPersonnel"),
        ("contrats[6000].codeApprenant", "contrats[17].codeMaitreApprentissage"),
        ("contrats[4005].emailMaitreApprentissage", "contrats[5].emailMaitreApprentissage"),
        ("contrats[4006].nomMaitreApprentissage", "contrats[6].nomMaitreApprentissage"),
        ("contrats[9500].nomSite", "contrats[0].nomSite"),
        ("contrats[9601].codeFormation", "contrats[1].codeFormation"),
    ] {
        let m = message(path);
        assert!(m.contains(other), "{path}: {m:?} should name {other}");
    }
    assert!(message("contrats[8000].emailApprenant").contains("is also used by contrats[5].emailPersonnel"));
    assert!(issues.iter().all(|i| i.severity == Severity::Error && i.provider_code.is_none()));
}

#[test]
fn user_codes_are_one_namespace_across_roles() {
    // The document's example: a learner with a company tutor's id, here in the same contract, same person.
    let mut c = contracts(1);
    c[0]["codeMaitreApprentissage"] = c[0]["codeApprenant"].clone();
    c[0]["emailMaitreApprentissage"] = c[0]["emailApprenant"].clone();
    let issues = issues_of(c);
    assert_eq!(one(&issues), ("contrats[0].codeMaitreApprentissage".into(), "campusskills.user.code.role"));
    assert!(issues[0].message.contains("contrats[0].codeApprenant") && issues[0].message.contains("learner"), "{}", issues[0].message);
    // School tutor vs learner, in French.
    let mut c = contracts(2);
    c[1]["codePersonnel"] = c[0]["codeApprenant"].clone();
    let text = json!({ "contrats": c }).to_string();
    let req: CampusSyncRequest = formakit::parse(text.as_bytes()).unwrap();
    let issues = validate(&req, Lang::Fr);
    assert_eq!(one(&issues), ("contrats[1].codePersonnel".into(), "campusskills.user.code.role"));
    assert!(issues[0].message.contains("préfixez"), "{}", issues[0].message);
}

#[test]
fn the_same_person_may_recur_with_the_same_code() {
    // 300 contracts: every school tutor recurs 3 times, company tutors once… all fine.
    assert!(issues_of(contracts(300)).is_empty());
    // Same e-mail, same code, two contracts: the same person.
    let mut c = contracts(2);
    c[1]["codeApprenant"] = c[0]["codeApprenant"].clone();
    c[1]["nomApprenant"] = c[0]["nomApprenant"].clone();
    c[1]["emailApprenant"] = json!(" APPRENANT0@exemple.fr");
    assert!(issues_of(c).is_empty());
}

#[test]
fn an_email_belongs_to_one_code() {
    // Two company tutors (different codes) with one e-mail.
    let mut c = contracts(2);
    c[1]["codeMaitreApprentissage"] = json!("MA-99999");
    c[1]["emailMaitreApprentissage"] = json!("MA0@ENTREPRISE.FR");
    let issues = issues_of(c);
    assert_eq!(one(&issues), ("contrats[1].emailMaitreApprentissage".into(), "campusskills.user.email.shared"));
    assert!(issues[0].message.contains("contrats[0].emailMaitreApprentissage") && issues[0].message.contains("MA-00000"), "{}", issues[0].message);
}

#[test]
fn code_name_pairs_map_one_to_one() {
    for (code_f, name_f, rule) in [
        ("codeSite", "nomSite", "campusskills.contract.site.pair"),
        ("codePeriode", "nomPeriode", "campusskills.contract.periode.pair"),
        ("codeFormation", "nomFormation", "campusskills.contract.formation.pair"),
        ("codeAnnee", "nomAnnee", "campusskills.contract.annee.pair"),
    ] {
        // One code, two names.
        let mut c = vec![contract(0), contract(0)];
        c[1]["codeContrat"] = json!("other");
        c[1]["codeApprenant"] = json!("other");
        c[1]["emailApprenant"] = json!("other@exemple.fr");
        let mut c2 = c.clone();
        c[1][name_f] = json!("Un autre nom");
        assert_eq!(one(&issues_of(c)), (format!("contrats[1].{name_f}"), rule));
        // One name, two codes.
        c2[1][code_f] = json!("OTHER");
        let issues = issues_of(c2);
        assert_eq!(one(&issues), (format!("contrats[1].{code_f}"), rule));
        assert!(issues[0].message.contains(&format!("contrats[0].{code_f}")), "{}", issues[0].message);
    }
    // Names compare trimmed, otherwise exactly; look-alikes get a hint.
    let mut c = contracts(11);
    c[10]["nomSite"] = json!(" Site n°0 ");
    assert!(issues_of(c.clone()).is_empty());
    c[10]["nomSite"] = json!("SITE N°0");
    let issues = issues_of(c);
    assert_eq!(one(&issues), ("contrats[10].nomSite".into(), "campusskills.contract.site.pair"));
    assert!(issues[0].message.contains("differ only in case"), "{}", issues[0].message);
    // The brand pair is checked when both fields are given.
    let mut c = contracts(3);
    c[0]["codeMarque"] = json!("M1");
    c[0]["nomMarque"] = json!("École X");
    c[1]["codeMarque"] = json!("M1");
    c[1]["nomMarque"] = json!("École Y");
    c[2]["codeMarque"] = json!("M2");
    c[2]["nomMarque"] = json!("École X");
    assert_eq!(
        rules(&issues_of(c.clone())),
        [
            ("contrats[1].nomMarque".to_string(), "campusskills.contract.marque.pair"),
            ("contrats[2].codeMarque".to_string(), "campusskills.contract.marque.pair")
        ]
    );
    c[1]["nomMarque"] = json!(null);
    c[2].as_object_mut().unwrap().remove("codeMarque");
    assert!(issues_of(c).is_empty());
}

#[test]
fn one_code_is_one_person_spelled_one_way() {
    let mut c = contracts(102);
    // School tutor PER-001 appears at contracts 1 and 101.
    c[101]["prenomPersonnel"] = json!("E\u{301}lodie");
    let issues = issues_of(c.clone());
    assert_eq!(one(&issues), ("contrats[101].nomPersonnel".into(), "campusskills.user.name.perPerson"));
    assert!(issues[0].message.contains("contrats[1].nomPersonnel") && issues[0].message.contains("Unicode"), "{}", issues[0].message);
    c[101]["prenomPersonnel"] = json!("Élise");
    let issues = issues_of(c);
    assert!(!issues[0].message.contains("Unicode"), "{}", issues[0].message);
}

#[test]
fn contract_dates_are_real_days_in_order() {
    let mut c = contracts(4);
    c[0]["dateFin"] = c[0]["dateDebut"].clone();
    c[1]["dateDebut"] = json!("29/02/2024");
    c[1]["dateFin"] = json!("28/02/2024");
    c[2]["dateDebut"] = json!("2024-09-01");
    c[3]["dateFin"] = json!("29/02/2025");
    let issues = issues_of(c);
    assert_eq!(
        rules(&issues),
        [
            ("contrats[1].dateFin".to_string(), "campusskills.contract.date.order"),
            ("contrats[2].dateDebut".to_string(), "campusskills.contract.date.format"),
            ("contrats[3].dateFin".to_string(), "campusskills.contract.date.format"),
        ]
    );
    assert!(issues[2].message.contains("no such day"), "{}", issues[2].message);
    assert!(issues[1].message.contains("DD/MM/YYYY"), "{}", issues[1].message);
}

#[test]
fn required_emails_rncp_and_type() {
    let mut c = contracts(3);
    c[0]["nomEntreprise"] = json!("  ");
    c[0]["codeApprenant"] = json!("");
    c[1]["emailPersonnel"] = json!("elodie@ecole");
    c[1]["rncp"] = json!("RS5635");
    c[2]["rncp"] = json!(null);
    c[2]["type"] = json!("ALTERNANCE");
    let issues = issues_of(c);
    assert_eq!(
        rules(&issues),
        [
            ("contrats[0].nomEntreprise".to_string(), "campusskills.contract.required"),
            ("contrats[0].codeApprenant".to_string(), "campusskills.contract.required"),
            ("contrats[1].emailPersonnel".to_string(), "campusskills.contract.email.format"),
            ("contrats[1].rncp".to_string(), "campusskills.contract.rncp.format"),
            ("contrats[2].type".to_string(), "campusskills.contract.type.unknown"),
        ]
    );
    assert_eq!(issues[4].severity, Severity::Error);
    // The single-contract schema runs the same per-contract rules.
    let one_contract: CampusContract = formakit::parse(contract(0).to_string().replace("RNCP38368", "RNCP1").as_bytes()).unwrap();
    assert_eq!(rules(&validate(&one_contract, Lang::En)), [("rncp".to_string(), "campusskills.contract.rncp.format")]);
}

#[test]
fn month_start_group_is_a_string_or_a_number() {
    let mut c = contracts(4);
    c[0]["monthStartGroup"] = json!(9);
    c[1]["monthStartGroup"] = json!("09");
    c[2]["monthStartGroup"] = json!(null);
    c[3]["monthStartGroup"] = json!({"mois": 9});
    assert_eq!(rules(&issues_of(c)), [("contrats[3].monthStartGroup".to_string(), "campusskills.contract.monthStartGroup.type")]);
}

#[test]
fn list_query_bounds() {
    let q = |t: &str| validate(&formakit::parse::<CampusListQuery>(t.as_bytes()).unwrap(), Lang::En);
    assert!(q(r#"{"page":1,"limit":1}"#).is_empty());
    assert!(q(r#"{}"#).is_empty());
    assert_eq!(
        rules(&q(r#"{"page":0,"limit":0}"#)),
        [("page".to_string(), "campusskills.listQuery.page.range"), ("limit".to_string(), "campusskills.listQuery.limit.range")]
    );
}
