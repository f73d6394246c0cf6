// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use formakit::france_travail::*;
use formakit::wire::Nullable;

#[test]
fn ais_example_from_the_document_round_trips() {
    let list: AisListResponse = common::assert_lossless(&common::fixture("france_travail/ais_example.json"));
    assert_eq!(list.0.len(), 1);
    let ais = &list.0[0];
    assert_eq!(ais.apercu_session_formation_partenaire.numero_action, "20_1330305");
    assert_eq!(ais.id_inscription, 8_329_974);
    assert_eq!(ais.id_national_de, "DkZNY2zBt1fzydND6YGH_18A8UCXg6vXM_WKkx5j8UQ");
    assert_eq!(ais.date_debut_plan.as_str(), "2018-10-22T00:00:00+02:00");
    let convention = ais.financement_ais.convention().unwrap();
    assert_eq!(convention.numero_convention.value().map(String::as_str), Some("41C491094387"));
    assert_eq!(convention.type_marche.value().unwrap().code_marche, 3);
}

#[test]
fn table_spelling_fixture_round_trips_and_keeps_unknown_fields() {
    let list: AisListResponse = common::assert_lossless(&common::fixture("france_travail/ais_table_spelling.json"));
    assert_eq!(list.0.len(), 2);
    assert!(list.0[0].extra.0.contains_key("dateMiseAJour"));
    assert!(list.0[0].liste_module_formation[1].extra.0.contains_key("heures"));
    assert_eq!(list.0[1].financement_ais.organisme_financeur, Nullable::Null);
}

#[test]
fn an_empty_list_parses() {
    let list: AisListResponse = common::assert_lossless(&common::fixture("france_travail/ais_empty.json"));
    assert!(list.0.is_empty());
}

#[test]
fn contradiction_9_ais_modules_accept_both_field_names() {
    let example: AisListResponse = formakit::parse(&common::fixture("france_travail/ais_example.json")).unwrap();
    let m = &example.0[0].liste_module_formation[1];
    assert_eq!(m.start().unwrap().as_str(), "2019-03-17T00:00:00+01:00");
    assert_eq!(m.end().unwrap().as_str(), "2019-06-15T00:00:00+02:00");
    assert_eq!(m.number(), Some(2));
    assert!(m.date_debut.is_absent() && m.numero_module.is_absent());

    let table: AisListResponse = formakit::parse(&common::fixture("france_travail/ais_table_spelling.json")).unwrap();
    let m = &table.0[0].liste_module_formation[0];
    assert_eq!(m.start().unwrap().as_str(), "2024-09-02T00:00:00+02:00");
    assert_eq!(m.end().unwrap().as_str(), "2025-01-31T00:00:00+01:00");
    assert_eq!(m.number(), Some(1));
    assert!(m.date_debut_periode.is_absent() && m.numero_periode.is_absent());

    // Both spellings at once are kept; the table's wins in the accessors.
    let both: AisModule = serde_json::from_str(r#"{"dateDebut":"2024-01-01T00:00:00Z","dateDebutPeriode":"2023-01-01T00:00:00Z","numeroPeriode":4}"#).unwrap();
    assert_eq!(both.start().unwrap().as_str(), "2024-01-01T00:00:00Z");
    assert_eq!(both.number(), Some(4));
    assert_eq!(serde_json::to_string(&both).unwrap(), r#"{"dateDebut":"2024-01-01T00:00:00Z","dateDebutPeriode":"2023-01-01T00:00:00Z","numeroPeriode":4}"#);
}

#[test]
fn contradiction_10_ais_query_accepts_code_statut_and_sends_code_statut_inscription() {
    let example: AisQuery = common::assert_lossless(&common::fixture("france_travail/ais_query_example.json"));
    assert_eq!(example.status(), Some("AIS"));
    assert_eq!(
        example.to_query_string(),
        "numeroSession=1330305&numeroAction=20_1330305&numeroFormation=20_1262663&numeroReferenceExterne=20_12345&codeStatutInscription=AIS"
    );
    let table: AisQuery = common::assert_lossless(&common::fixture("france_travail/ais_query_table.json"));
    assert_eq!(table.status(), Some("AIS"));
    assert_eq!(table.to_query_string(), "numeroSession=1330305&numeroAction=20_1330305&numeroFormation=20_1262663&codeStatutInscription=AIS");
    // When both are given, the table's name wins and is sent once.
    let both: AisQuery =
        formakit::parse(br#"{"numeroSession":"1","numeroAction":"07_1","numeroFormation":"07_2","codeStatut":"XXX","codeStatutInscription":"AIS"}"#).unwrap();
    assert_eq!(both.to_query_string(), "numeroSession=1&numeroAction=07_1&numeroFormation=07_2&codeStatutInscription=AIS");
}

#[test]
fn ais_query_string_percent_encodes_every_value() {
    let q: AisQuery = formakit::parse(r#"{"numeroSession":"1 2","numeroAction":"07_1&x=y","numeroFormation":"07_2/é","numeroReferenceExterne":"réf #1+2?","codeStatutInscription":null,"autre":"ignoré"}"#.as_bytes()).unwrap();
    assert_eq!(
        q.to_query_string(),
        "numeroSession=1%202&numeroAction=07_1%26x%3Dy&numeroFormation=07_2%2F%C3%A9&numeroReferenceExterne=r%C3%A9f%20%231%2B2%3F"
    );
    assert_eq!(q.status(), None);
}

#[test]
fn contradiction_11_ais_funding_accepts_an_empty_funder_and_both_branches() {
    let example: AisListResponse = formakit::parse(&common::fixture("france_travail/ais_example.json")).unwrap();
    let f = &example.0[0].financement_ais;
    // `organismeFinanceur: {}` parses, is kept on the wire and reads as absent.
    assert!(matches!(&f.organisme_financeur, Nullable::Value(o) if o.is_empty()));
    assert!(f.funder().is_none());
    assert!(f.convention().is_some());
    assert!(formakit::serialize(&example).unwrap().contains(r#""organismeFinanceur":{}"#));

    let table: AisListResponse = formakit::parse(&common::fixture("france_travail/ais_table_spelling.json")).unwrap();
    let f = &table.0[0].financement_ais;
    assert!(f.convention().is_none());
    assert_eq!(f.funder().unwrap().identifiant_financeur.value(), Some(&12));
    // `indentifiantOpca` keeps the document's typo as its wire name; the OPCA may sit in the funder…
    assert_eq!(f.opca().unwrap().indentifiant_opca.value().map(String::as_str), Some("05"));
    // …or directly under financementAis.
    assert_eq!(table.0[1].financement_ais.opca().unwrap().libelle_opca.value().map(String::as_str), Some("AKTO"));
    // An empty convention is absent too, and both branches with data parse.
    let both: AisFunding = serde_json::from_str(r#"{"convention":{},"organismeFinanceur":{"identifiantFinanceur":1,"libelleFinanceur":"X"}}"#).unwrap();
    assert!(both.convention().is_none() && both.funder().is_some());
    let both: AisFunding = serde_json::from_str(r#"{"convention":{"numeroConvention":"1"},"organismeFinanceur":{"identifiantFinanceur":1}}"#).unwrap();
    assert!(both.convention().is_some() && both.funder().is_some());
    // The table's name `identifiantOpca` (without the typo) is not the wire name: it lands in `extra`.
    let typo: AisOpca = serde_json::from_str(r#"{"identifiantOpca":"05"}"#).unwrap();
    assert!(typo.indentifiant_opca.is_absent() && typo.extra.0.contains_key("identifiantOpca"));
}

#[test]
fn contradiction_15_ais_dates_keep_their_offsets_and_compare_as_instants() {
    let example: AisListResponse = formakit::parse(&common::fixture("france_travail/ais_example.json")).unwrap();
    let modules = &example.0[0].liste_module_formation;
    let end_first = modules[0].end().unwrap();
    assert_eq!(end_first.as_str(), "2019-02-28T00:00:00+01:00");
    let start_second = modules[1].start().unwrap().timestamp().unwrap().unwrap();
    assert!(end_first.timestamp().unwrap().unwrap() < start_second);
    assert_eq!(example.0[0].date_fin_plan.timestamp().unwrap().unwrap().offset_minutes, Some(120));
}

#[test]
fn decode_errors_name_the_path() {
    let e = common::decode_error::<AisListResponse>(br#"[{"apercuSessionFormationPartenaire":{"numeroSession":1}}]"#);
    assert_eq!(e.path, "[0].apercuSessionFormationPartenaire.numeroSession");
    let e = common::decode_error::<AisQuery>(br#"{"numeroSession":"1","numeroAction":"07_1"}"#);
    assert!(e.expected.contains("numeroFormation"), "{e}");
    let e = common::decode_error::<AisListResponse>(br#"{"apercuSessionFormationPartenaire":{}}"#);
    assert_eq!(e.path, "");
}

#[test]
fn oauth_token_request_and_answers_round_trip() {
    let req: AisTokenRequest = common::assert_lossless(&common::fixture("france_travail/token_request.json"));
    assert_eq!(
        req.to_form_body(),
        "grant_type=client_credentials&client_id=PAR_formakit_0123456789abcdef&client_secret=s3cr3t%2F%2B%3D%26&scope=application_PAR_formakit_0123456789abcdef+api_parcoursformationv1"
    );
    assert_eq!(req.scopes().collect::<Vec<_>>(), ["application_PAR_formakit_0123456789abcdef", "api_parcoursformationv1"]);
    assert_eq!(
        AisTokenRequest::client_credentials(
            "PAR_formakit_0123456789abcdef",
            "s3cr3t/+=&",
            &["application_PAR_formakit_0123456789abcdef", "api_parcoursformationv1"]
        ),
        req
    );

    let token: AisToken = common::assert_lossless(&common::fixture("france_travail/token.json"));
    assert_eq!(token.expires_in, 1500);
    assert_eq!(token.token_type, "Bearer");
    let minimal: AisToken = common::assert_lossless(br#"{"access_token":"a","token_type":"Bearer","expires_in":1499}"#);
    assert!(minimal.scope.is_absent());

    let e: AisOAuthError = common::assert_lossless(&common::fixture("france_travail/oauth_error_invalid_client.json"));
    assert_eq!(e.error, AisOAuthErrorCode::InvalidClient);
    let e: AisOAuthError = common::assert_lossless(&common::fixture("france_travail/oauth_error_invalid_scope.json"));
    assert_eq!(e.error, AisOAuthErrorCode::InvalidScope);
    let e: AisOAuthError = common::assert_lossless(br#"{"error":"temporarily_unavailable"}"#);
    assert_eq!(e.error, AisOAuthErrorCode::Unknown("temporarily_unavailable".into()));
}

#[test]
fn schemas_are_registered_by_name() {
    for name in ["francetravail.aisQuery", "francetravail.aisList", "francetravail.tokenRequest", "francetravail.token", "francetravail.oauthError"] {
        assert!(formakit::schema::find(name).is_ok(), "{name}");
    }
    let s = formakit::schema::find("francetravail.aisList").unwrap();
    assert!(s.check(&common::fixture("france_travail/ais_example.json")).is_ok());
    assert!(formakit::schema::ts_declarations().any(|d| d.contains("AisOAuthErrorCode") && d.contains("\"invalid_scope\"")));
}
