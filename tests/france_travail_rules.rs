// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use formakit::france_travail::*;
use formakit::schema::validate;
use formakit::{Issue, Lang, Severity};
use serde_json::{json, Value};

fn example() -> Value {
    serde_json::from_slice::<Value>(&common::fixture("france_travail/ais_example.json")).unwrap()[0].clone()
}

/// Issues of a one-attestation list built from `ais`.
fn issues_of(ais: Value) -> Vec<Issue> {
    // The erased validate: structural issues (shape.*) beside the rules'.
    formakit::schema::find("francetravail.aisList").unwrap().validate(json!([ais]).to_string().as_bytes(), Lang::En)
}

fn rules(issues: &[Issue]) -> Vec<(&str, &str)> {
    issues.iter().map(|i| (i.path.as_str(), i.rule)).collect()
}

fn query(q: Value) -> Vec<Issue> {
    let q: AisQuery = formakit::parse(q.to_string().as_bytes()).unwrap();
    validate(&q, Lang::En)
}

#[test]
fn the_fixtures_are_valid() {
    for f in ["ais_example.json", "ais_table_spelling.json", "ais_empty.json"] {
        let list: AisListResponse = formakit::parse(&common::fixture(&format!("france_travail/{f}"))).unwrap();
        assert_eq!(validate(&list, Lang::Fr), vec![], "{f}");
    }
    for f in ["ais_query_example.json", "ais_query_table.json"] {
        let q: AisQuery = formakit::parse(&common::fixture(&format!("france_travail/{f}"))).unwrap();
        assert_eq!(validate(&q, Lang::Fr), vec![], "{f}");
    }
    let t: AisTokenRequest = formakit::parse(&common::fixture("france_travail/token_request.json")).unwrap();
    assert_eq!(validate(&t, Lang::Fr), vec![]);
}

#[test]
fn string_lengths_are_counted_in_utf16_code_units() {
    let base = json!({"numeroSession":"1","numeroAction":"07_1","numeroFormation":"07_2"});
    // codeStatutInscription: String 3.
    for (value, ok) in [("AIS", true), ("ÉTÉ", true), ("e\u{301}t", true), ("e\u{301}te\u{301}", false), ("A😀", true), ("AB😀", false), ("AISX", false)]
    {
        let mut q = base.clone();
        q["codeStatutInscription"] = json!(value);
        let issues = query(q);
        assert_eq!(issues.is_empty(), ok, "{value:?}: {issues:?}");
        if !ok {
            assert_eq!(rules(&issues), [("codeStatutInscription", "francetravail.ais.codeStatutInscription.length")]);
        }
    }
    // numeroReferenceExterne: String 255.
    let mut q = base.clone();
    q["numeroReferenceExterne"] = json!("é".repeat(255));
    assert!(query(q.clone()).is_empty());
    q["numeroReferenceExterne"] = json!(format!("{}😀", "é".repeat(254)));
    let issues = query(q);
    assert_eq!(rules(&issues), [("numeroReferenceExterne", "francetravail.ais.numeroReferenceExterne.length")]);
    assert!(issues[0].message.contains("256"), "{}", issues[0].message);

    // idProjetAction: String 12; idNationalDE: String 255 (response).
    let mut ais = example();
    ais["idProjetAction"] = json!("EFO2019081é");
    assert!(issues_of(ais.clone()).is_empty());
    ais["idProjetAction"] = json!("EFO20190813😀");
    assert_eq!(rules(&issues_of(ais)), [("[0].idProjetAction", "francetravail.ais.idProjetAction.length")]);
    let mut ais = example();
    ais["idNationalDE"] = json!("x".repeat(256));
    assert_eq!(rules(&issues_of(ais)), [("[0].idNationalDE", "francetravail.ais.idNationalDE.length")]);
    // numeroConvention: String 12; codeDispositif: String 2.
    let mut ais = example();
    ais["financementAis"]["convention"]["numeroConvention"] = json!("41C4910943870");
    ais["financementAis"]["convention"]["dispositifFinancement"]["codeDispositif"] = json!("002");
    assert_eq!(
        rules(&issues_of(ais)),
        [
            ("[0].financementAis.convention.numeroConvention", "francetravail.ais.numeroConvention.length"),
            ("[0].financementAis.convention.dispositifFinancement.codeDispositif", "francetravail.ais.codeDispositif.length"),
        ]
    );
}

#[test]
fn intercarif_numbers_have_their_formats() {
    let issues = query(json!({"numeroSession":"20_1330305","numeroAction":"1330305","numeroFormation":"2_1262663"}));
    assert_eq!(
        rules(&issues),
        [
            ("numeroSession", "francetravail.ais.numeroSession.format"),
            ("numeroAction", "francetravail.ais.numeroAction.format"),
            ("numeroFormation", "francetravail.ais.numeroFormation.format"),
        ]
    );
    // Too long: the length is reported, and so is the format when it is wrong too.
    let issues = query(json!({"numeroSession":"1".repeat(26),"numeroAction":"07_1","numeroFormation":"07_2"}));
    assert_eq!(rules(&issues), [("numeroSession", "francetravail.ais.numeroSession.length")]);
    let mut ais = example();
    ais["apercuSessionFormationPartenaire"]["numeroAction"] = json!("20-1330305");
    assert_eq!(rules(&issues_of(ais)), [("[0].apercuSessionFormationPartenaire.numeroAction", "francetravail.ais.numeroAction.format")]);
}

#[test]
fn required_fields_must_not_be_blank() {
    let issues = query(json!({"numeroSession":"","numeroAction":" ","numeroFormation":"07_2"}));
    assert_eq!(rules(&issues), [("numeroSession", "francetravail.ais.required"), ("numeroAction", "francetravail.ais.required")]);
    let mut ais = example();
    ais["codeStatutInscription"] = json!("");
    ais["idNationalDE"] = json!("");
    ais["listeModuleFormation"] = json!([]);
    ais["dateFinPlan"] = json!("0001-01-01T00:00:00");
    assert_eq!(
        rules(&issues_of(ais)),
        [
            ("[0].codeStatutInscription", "francetravail.ais.required"),
            ("[0].idNationalDE", "francetravail.ais.required"),
            ("[0].dateFinPlan", "francetravail.ais.required"),
            ("[0].listeModuleFormation", "francetravail.ais.listeModuleFormation.required"),
        ]
    );
    // A module with neither spelling of a field.
    let mut ais = example();
    ais["listeModuleFormation"][0] = json!({"dateDebutPeriode":"2018-10-22T00:00:00+02:00"});
    assert_eq!(
        rules(&issues_of(ais)),
        [("[0].listeModuleFormation[0].numeroModule", "francetravail.ais.required"), ("[0].listeModuleFormation[0].dateFin", "francetravail.ais.required")]
    );
}

#[test]
fn integer_fields_have_digit_bounds_and_no_sign() {
    let mut ais = example();
    ais["idInscription"] = json!(9_999_999_999_i64);
    ais["financementAis"]["convention"]["typeMarche"]["codeMarche"] = json!(99);
    ais["listeModuleFormation"][0]["numeroPeriode"] = json!(0);
    assert!(issues_of(ais).is_empty());

    let mut ais = example();
    ais["idInscription"] = json!(10_000_000_000_i64);
    ais["financementAis"]["convention"]["typeMarche"]["codeMarche"] = json!(100);
    ais["listeModuleFormation"][1]["numeroPeriode"] = json!(-2);
    let issues = issues_of(ais);
    assert_eq!(
        rules(&issues),
        [
            ("[0].idInscription", "francetravail.ais.idInscription.range"),
            ("[0].financementAis.convention.typeMarche.codeMarche", "francetravail.ais.codeMarche.range"),
            ("[0].listeModuleFormation[1].numeroPeriode", "francetravail.ais.numeroModule.range"),
        ]
    );
    assert!(issues[0].message.contains("at most 10 digits"), "{}", issues[0].message);

    let mut ais = example();
    ais["idInscription"] = json!(-1);
    ais["financementAis"] = json!({"organismeFinanceur":{"identifiantFinanceur":-5,"libelleFinanceur":"Région"}});
    assert_eq!(
        rules(&issues_of(ais.clone())),
        [
            ("[0].idInscription", "francetravail.ais.idInscription.range"),
            ("[0].financementAis.organismeFinanceur.identifiantFinanceur", "francetravail.ais.identifiantFinanceur.range")
        ]
    );
    ais["idInscription"] = json!(1);
    ais["financementAis"]["organismeFinanceur"]["identifiantFinanceur"] = json!(123);
    assert_eq!(rules(&issues_of(ais)), [("[0].financementAis.organismeFinanceur.identifiantFinanceur", "francetravail.ais.identifiantFinanceur.range")]);
}

#[test]
fn modules_are_ordered_and_inside_the_plan() {
    // Offsets: the end 2019-02-28T00:00+01:00 is 2019-02-27T23:00Z, so a start
    // written 2019-02-27T23:30:00Z is after it, and one written 2019-02-28T00:30:00+02:00 (22:30Z) before it.
    let mut ais = example();
    ais["listeModuleFormation"][0]["dateDebutPeriode"] = json!("2019-02-27T23:30:00Z");
    assert_eq!(rules(&issues_of(ais.clone())), [("[0].listeModuleFormation[0].dateFinPeriode", "francetravail.ais.module.dateOrder")]);
    ais["listeModuleFormation"][0]["dateDebutPeriode"] = json!("2019-02-28T00:30:00+02:00");
    assert!(issues_of(ais.clone()).is_empty());
    ais["listeModuleFormation"][0]["dateDebutPeriode"] = json!("2019-02-27T23:00:00Z");
    assert!(issues_of(ais).is_empty(), "same instant is in order");

    // Before the plan: the plan starts 2018-10-22T00:00+02:00 = 2018-10-21T22:00Z.
    let mut ais = example();
    ais["listeModuleFormation"][0]["dateDebutPeriode"] = json!("2018-10-21T21:59:59Z");
    let issues = issues_of(ais.clone());
    assert_eq!(rules(&issues), [("[0].listeModuleFormation[0].dateDebutPeriode", "francetravail.ais.module.outsidePlan")]);
    assert!(issues[0].message.contains("dateDebutPlan"));
    ais["listeModuleFormation"][0]["dateDebutPeriode"] = json!("2018-10-21T22:00:00Z");
    assert!(issues_of(ais).is_empty());

    // After the plan, table spelling.
    let mut ais = example();
    ais["listeModuleFormation"][1] = json!({"dateDebut":"2019-03-17T00:00:00+01:00","dateFin":"2019-06-15T00:00:01+02:00","numeroModule":2});
    assert_eq!(rules(&issues_of(ais)), [("[0].listeModuleFormation[1].dateFin", "francetravail.ais.module.outsidePlan")]);

    // The plan itself.
    let mut ais = example();
    ais["dateFinPlan"] = json!("2018-10-21T00:00:00+02:00");
    let issues = issues_of(ais);
    let r = rules(&issues);
    assert_eq!(r[0], ("[0].dateFinPlan", "francetravail.ais.plan.dateOrder"));
    assert!(r[1..].iter().all(|(_, rule)| *rule == "francetravail.ais.module.outsidePlan"));

    // Unreadable dates.
    let mut ais = example();
    ais["listeModuleFormation"][0]["dateFinPeriode"] = json!("28/02/2019");
    assert_eq!(rules(&issues_of(ais)), [("[0].listeModuleFormation[0].dateFinPeriode", "shape.date")]);
}

#[test]
fn contradiction_9_both_spellings_with_different_values_warn() {
    let mut ais = example();
    ais["listeModuleFormation"][0]["dateDebut"] = json!("2018-10-22T00:00:00+02:00");
    ais["listeModuleFormation"][0]["numeroModule"] = json!(1);
    assert!(issues_of(ais.clone()).is_empty(), "same values under both names");
    ais["listeModuleFormation"][0]["numeroModule"] = json!(7);
    let issues = issues_of(ais);
    assert_eq!(rules(&issues), [("[0].listeModuleFormation[0].numeroPeriode", "francetravail.ais.module.spellingConflict")]);
    assert_eq!(issues[0].severity, Severity::Warning);
}

#[test]
fn contradiction_10_query_status_under_both_names_warns_when_they_differ() {
    let base = json!({"numeroSession":"1","numeroAction":"07_1","numeroFormation":"07_2","codeStatutInscription":"AIS"});
    let mut q = base.clone();
    q["codeStatut"] = json!("AIS");
    assert!(query(q.clone()).is_empty());
    q["codeStatut"] = json!("ANN");
    let issues = query(q);
    assert_eq!(rules(&issues), [("codeStatut", "francetravail.aisQuery.codeStatut.conflict")]);
    assert_eq!(issues[0].severity, Severity::Warning);
}

#[test]
fn contradiction_11_funding_needs_one_branch_and_warns_on_two() {
    // The example: convention + `organismeFinanceur: {}` is valid.
    assert!(issues_of(example()).is_empty());
    // Neither (both empty objects, or absent).
    for f in [json!({"convention":{},"organismeFinanceur":{}}), json!({}), json!({"convention":null})] {
        let mut ais = example();
        ais["financementAis"] = f;
        assert_eq!(rules(&issues_of(ais)), [("[0].financementAis", "francetravail.ais.financement.missing")]);
    }
    // Both with data: accepted with a warning.
    let mut ais = example();
    ais["financementAis"]["organismeFinanceur"] = json!({"identifiantFinanceur":12,"libelleFinanceur":"Région"});
    let issues = issues_of(ais);
    assert_eq!(rules(&issues), [("[0].financementAis.organismeFinanceur", "francetravail.ais.financement.both")]);
    assert_eq!(issues[0].severity, Severity::Warning);
    // A non-empty branch must carry its cardinality-1 fields; `indentifiantOpca` (sic) is checked under its wire name.
    let mut ais = example();
    ais["financementAis"] = json!({"organismeFinanceur":{"identifiantFinanceur":12,"opca":{"libelleOpca":"AKTO"}},"convention":{"typeMarche":{"codeMarche":1,"libelleMarche":"M"}}});
    assert_eq!(
        rules(&issues_of(ais)),
        [
            ("[0].financementAis.organismeFinanceur", "francetravail.ais.financement.both"),
            ("[0].financementAis.convention.numeroConvention", "francetravail.ais.required"),
            ("[0].financementAis.convention.dispositifFinancement", "francetravail.ais.required"),
            ("[0].financementAis.organismeFinanceur.libelleFinanceur", "francetravail.ais.required"),
            ("[0].financementAis.organismeFinanceur.opca.indentifiantOpca", "francetravail.ais.required"),
        ]
    );
    let mut ais = example();
    ais["financementAis"]["opca"] = json!({"indentifiantOpca":"123","libelleOpca":"AKTO"});
    assert_eq!(rules(&issues_of(ais)), [("[0].financementAis.opca.indentifiantOpca", "francetravail.ais.indentifiantOpca.length")]);
}

#[test]
fn messages_are_in_french_by_default_and_in_english_on_request() {
    let q: AisQuery = formakit::parse(br#"{"numeroSession":"x","numeroAction":"07_1","numeroFormation":"07_2"}"#).unwrap();
    let fr = validate(&q, Lang::Fr);
    let en = validate(&q, Lang::En);
    assert!(fr[0].message.contains("chiffres seulement"), "{}", fr[0].message);
    assert!(en[0].message.contains("digits only"), "{}", en[0].message);
    assert_eq!(fr[0].provider_code, None);
}

#[test]
fn token_request_rules() {
    let t = |grant: &str, id: &str, scope: &str| {
        let mut r = AisTokenRequest::client_credentials(id, "secret", &[scope]);
        r.grant_type = grant.into();
        validate(&r, Lang::En).into_iter().map(|i| (i.path, i.rule)).collect::<Vec<_>>()
    };
    assert!(t("client_credentials", "PAR_x", "application_PAR_x api_y").is_empty());
    assert_eq!(t("password", "PAR_x", "application_PAR_x"), [("grant_type".to_string(), "francetravail.token.grantType")]);
    assert_eq!(t("client_credentials", "", "api_y"), [("client_id".to_string(), "francetravail.token.required")]);
    assert_eq!(t("client_credentials", "PAR_x", "api_y"), [("scope".to_string(), "francetravail.token.scope.application")]);
}

#[test]
fn every_label_and_code_has_its_table_length() {
    let long = "é".repeat(256);
    let mut ais = example();
    ais["apercuSessionFormationPartenaire"]["numeroAction"] = json!(format!("20_{}", "1".repeat(23)));
    ais["apercuSessionFormationPartenaire"]["numeroFormation"] = json!(format!("20_{}", "1".repeat(23)));
    ais["codeStatutInscription"] = json!("AISX");
    ais["financementAis"]["convention"]["dispositifFinancement"]["libelleDispositif"] = json!(long);
    ais["financementAis"]["convention"]["typeMarche"]["libelleMarche"] = json!(long);
    ais["financementAis"]["organismeFinanceur"] =
        json!({"identifiantFinanceur": 1, "libelleFinanceur": long, "opca": {"indentifiantOpca": "05", "libelleOpca": long}});
    let issues = issues_of(ais);
    assert_eq!(
        rules(&issues).into_iter().filter(|(_, r)| *r != "francetravail.ais.financement.both").collect::<Vec<_>>(),
        [
            ("[0].apercuSessionFormationPartenaire.numeroAction", "francetravail.ais.numeroAction.length"),
            ("[0].apercuSessionFormationPartenaire.numeroFormation", "francetravail.ais.numeroFormation.length"),
            ("[0].codeStatutInscription", "francetravail.ais.codeStatutInscription.length"),
            ("[0].financementAis.convention.dispositifFinancement.libelleDispositif", "francetravail.ais.libelleDispositif.length"),
            ("[0].financementAis.convention.typeMarche.libelleMarche", "francetravail.ais.libelleMarche.length"),
            ("[0].financementAis.organismeFinanceur.libelleFinanceur", "francetravail.ais.libelleFinanceur.length"),
            ("[0].financementAis.organismeFinanceur.opca.libelleOpca", "francetravail.ais.libelleOpca.length"),
        ]
    );
    // At the limit (25 and 255 UTF-16 code units) they pass.
    let mut ais = example();
    ais["apercuSessionFormationPartenaire"]["numeroAction"] = json!(format!("20_{}", "1".repeat(22)));
    ais["financementAis"]["convention"]["dispositifFinancement"]["libelleDispositif"] = json!("é".repeat(255));
    assert!(issues_of(ais).is_empty());
}
