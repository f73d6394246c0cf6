//! Campus Skills spreadsheet exports (`formakit::campus_skills::csv`): the
//! traits of real files (title rows, French labels, a field twice, other date
//! orders, BOMs, Windows-1252, UTF-16, quoted line breaks, blank rows) and the
//! contract rules, placed by spreadsheet row and column.
#![cfg(feature = "campus-csv")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use formakit::campus_skills::csv::{from_csv, label_key, CsvIssue, CsvOptions, CsvReport, DateFormat, Encoding, Target};
use formakit::validate::{Lang, Severity};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/campus_skills/csv/");

fn read(name: &str, options: &CsvOptions) -> CsvReport {
    let bytes = std::fs::read(format!("{DIR}{name}")).expect("fixture");
    from_csv(&bytes, false, options)
}

fn en() -> CsvOptions {
    CsvOptions { lang: Lang::En, ..CsvOptions::default() }
}

fn rules(r: &CsvReport) -> Vec<&str> {
    r.issues.iter().map(|i| i.rule).collect()
}

fn find<'a>(r: &'a CsvReport, rule: &str) -> &'a CsvIssue {
    r.issues.iter().find(|i| i.rule == rule).unwrap_or_else(|| panic!("no {rule} in {:#?}", r.issues))
}

#[test]
fn the_apis_own_field_names_give_back_the_fixture_exactly() {
    let r = read("api_fields.csv", &en());
    assert!(r.issues.is_empty(), "{:#?}", r.issues);
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/campus_skills/sync_request.json")).unwrap())
            .unwrap();
    // A CSV cell cannot say null or hold a field the API does not name: the fixture without those.
    let mut expected = expected;
    for c in expected["contrats"].as_array_mut().unwrap() {
        c.as_object_mut().unwrap().retain(|k, v| !v.is_null() && k != "nouveauChamp");
    }
    let got = serde_json::to_value(&r.request).unwrap();
    assert_eq!(got, expected, "nothing lost or changed");
    assert_eq!(r.rows, vec![2, 3, 4]);
    assert_eq!(r.summary.delimiter, ";");
    assert_eq!(r.summary.encoding, "utf-8");
    assert_eq!(r.summary.header_row, Some(1));
}

#[test]
fn the_providers_template_title_row_french_labels_and_a_field_twice() {
    let r = read("provider_template.csv", &en());
    assert_eq!(r.summary.header_row, Some(2));
    assert_eq!(r.summary.contracts, 2);
    assert_eq!(r.summary.blank_rows, 1, "the trailing ;;;; row");
    assert_eq!(r.rows, vec![3, 4]);
    let title = find(&r, "campusskills.csv.titleRow");
    assert_eq!(title.row, Some(1));
    assert_eq!(title.severity, Severity::Warning);
    assert!(title.message.contains("entreprises"), "{}", title.message);
    let dup = find(&r, "campusskills.csv.column.duplicate");
    assert_eq!(dup.severity, Severity::Error);
    assert!(dup.message.contains("B ") && dup.message.contains("AA "), "names both columns: {}", dup.message);
    assert!(dup.message.contains("\"#B\": \"dateDebut\""), "says how to map: {}", dup.message);
    // The field with no usable column is reported once, not once per row.
    assert!(!r.issues.iter().any(|i| i.rule == "campusskills.contract.required"), "{:#?}", r.issues);
    // French labels were recognised.
    let field_of = |label: &str| r.summary.columns.iter().find(|c| c.label == label).and_then(|c| c.field.clone());
    assert_eq!(field_of("Prénom tuteur école").as_deref(), Some("prenomPersonnel"));
    assert_eq!(field_of("code Tuteur entreprise").as_deref(), Some("codeMaitreApprentissage"));
    assert_eq!(field_of("Email apprenant").as_deref(), Some("emailApprenant"));
    assert_eq!(field_of("Code Contrat").as_deref(), Some("codeContrat"));
    // "APP-2." : trailing punctuation is a warning, and the value is sent as written.
    let p = find(&r, "campusskills.csv.trailingPunctuation");
    assert_eq!((p.row, p.column.as_deref(), p.label.as_deref()), (Some(4), Some("O"), Some("code Apprenant")));
    assert_eq!(r.request.contrats[1].code_apprenant, "APP-2.");

    // Saying which dateDebut is the contract's: no error left, the ISO date converted with a warning.
    let mapped =
        read("provider_template.csv", &CsvOptions { mapping: vec![("#B".into(), Target::Field("dateDebut".into())), ("#AA".into(), Target::Ignore)], ..en() });
    assert_eq!(mapped.summary.errors, 0, "{:#?}", mapped.issues);
    let conv = find(&mapped, "campusskills.csv.date.converted");
    assert_eq!((conv.row, conv.column.as_deref(), conv.value.as_deref()), (Some(3), Some("B"), Some("2024-09-02")));
    assert!(conv.message.contains("\"02/09/2024\""), "{}", conv.message);
    assert_eq!(mapped.request.contrats[0].date_debut, "02/09/2024");
    assert!(!rules(&mapped).contains(&"campusskills.csv.column.unmapped"), "an ignored column is not reported");
}

#[test]
fn commas_bom_crlf_quoted_line_breaks_and_blank_rows() {
    let r = read("comma_bom_crlf.csv", &en());
    assert_eq!(r.summary.delimiter, ",");
    assert_eq!(r.summary.encoding, "utf-8");
    assert_eq!(r.summary.contracts, 3);
    // Row 2's comment cell holds a line break: the next contract is row 3, not line 4.
    assert_eq!(r.rows, vec![2, 3, 4]);
    assert_eq!(r.request.contrats[0].nom_entreprise, "Boulangerie Lefèvre, SARL", "a quoted separator is kept");
    let t = find(&r, "campusskills.csv.trimmed");
    assert_eq!((t.row, t.field.as_deref()), (Some(3), Some("nomApprenant")));
    assert_eq!(r.request.contrats[1].nom_apprenant.trim(), r.request.contrats[1].nom_apprenant);
    let u = find(&r, "campusskills.csv.column.unmapped");
    assert_eq!(u.label.as_deref(), Some("Commentaire"));
    assert!(u.message.contains("rows 2, 4"), "names the rows whose values are not sent: {}", u.message);
    assert_eq!(r.summary.errors, 0, "{:#?}", r.issues);
}

#[test]
fn windows_1252_and_utf_16_exports() {
    let r = read("windows1252.csv", &en());
    assert_eq!(r.summary.encoding, "windows-1252");
    assert_eq!(find(&r, "campusskills.csv.encoding").severity, Severity::Warning);
    assert_eq!(r.request.contrats[0].nom_entreprise, "Boulangerie Lefèvre SARL");
    assert_eq!(r.summary.errors, 0, "{:#?}", r.issues);
    // Forced: the same bytes as UTF-8 are errors, by row.
    let forced = read("windows1252.csv", &CsvOptions { encoding: Encoding::Utf8, ..en() });
    let bad: Vec<_> = forced.issues.iter().filter(|i| i.rule == "campusskills.csv.encoding").collect();
    assert!(!bad.is_empty() && bad.iter().all(|i| i.severity == Severity::Error && i.row.is_some_and(|r| r >= 2)), "{bad:#?}");

    let u = read("utf16_tab.txt", &en());
    assert_eq!((u.summary.encoding, u.summary.delimiter.as_str()), ("utf-16le", "\t"));
    assert!(u.issues.is_empty(), "{:#?}", u.issues);
    assert_eq!(serde_json::to_value(&u.request).unwrap(), serde_json::to_value(&read("api_fields.csv", &en()).request).unwrap());
}

#[test]
fn month_first_dates_are_named_never_guessed() {
    let r = read("month_first.csv", &en());
    let order = find(&r, "campusskills.csv.date.order");
    assert_eq!(order.severity, Severity::Error);
    assert!(order.message.contains("MM/DD/YYYY") && order.message.contains("08/31/2026"), "{}", order.message);
    // 09/02/2024 is a valid DD/MM/YYYY date: kept as written, not swapped.
    assert_eq!(r.request.contrats[0].date_debut, "09/02/2024");
    assert!(rules(&r).contains(&"campusskills.contract.date.format"), "the cell itself is reported too");

    let mdy = read("month_first.csv", &CsvOptions { date_format: DateFormat::Mdy, ..en() });
    assert_eq!(mdy.summary.errors, 0, "{:#?}", mdy.issues);
    assert_eq!(mdy.request.contrats[0].date_debut, "02/09/2024");
    assert_eq!(mdy.request.contrats[0].date_fin, "31/08/2026");
    assert_eq!(mdy.issues.iter().filter(|i| i.rule == "campusskills.csv.date.converted").count(), 6, "every converted cell is a warning");
}

#[test]
fn conflicts_across_rows_name_both_rows() {
    let r = read("conflicts.csv", &en());
    let email = find(&r, "campusskills.user.email.shared");
    assert_eq!((email.row, email.related_row), (Some(4), Some(2)));
    assert_eq!(email.column.as_deref(), Some("T"));
    assert!(email.message.contains("row 2 (column T \"emailApprenant\")"), "{}", email.message);
    assert!(!email.message.contains("contrats["), "no JSON paths in a spreadsheet's messages: {}", email.message);
    assert!(email.provider_text.is_some_and(|t| t.contains("un email est rattaché à un compte et un seul")));
    let role = find(&r, "campusskills.user.code.role");
    assert_eq!((role.row, role.related_row), (Some(3), Some(2)));
    let site = find(&r, "campusskills.contract.site.pair");
    assert_eq!(site.row, Some(4));
    // French by default.
    let fr = read("conflicts.csv", &CsvOptions::default());
    assert!(find(&fr, "campusskills.user.email.shared").message.contains("ligne 2 (colonne T"));
}

#[test]
fn no_header_a_wrong_mapping_and_an_empty_file() {
    let r = from_csv(b"a;b;c\n1;2;3\n", false, &en());
    assert_eq!(find(&r, "campusskills.csv.header").severity, Severity::Error);
    assert_eq!(r.summary.contracts, 0);
    let r = from_csv(b"", true, &en());
    assert!(rules(&r).contains(&"campusskills.csv.header"));
    let r = from_csv(
        b"Code Contrat;Date de fin;Email\nC1;01/09/2024;x@y.fr\n",
        false,
        &CsvOptions { mapping: vec![("Email".into(), Target::Field("email".into()))], ..en() },
    );
    assert!(find(&r, "campusskills.csv.mapping.field").message.contains("\"email\""));
    // Two labels that both mean one field.
    let r = from_csv(b"codeContrat;Code Contrat;dateDebut\nC1;C1;01/09/2024\n", false, &en());
    assert!(rules(&r).contains(&"campusskills.csv.column.duplicate"));
    let r = from_csv(
        b"codeContrat;Dossier;dateDebut\nC1;C1;01/09/2024\n",
        false,
        &CsvOptions { mapping: vec![("Dossier".into(), Target::Field("codeContrat".into()))], ..en() },
    );
    assert!(rules(&r).contains(&"campusskills.csv.field.duplicate"));
    // A missing required column: once, with the field.
    let r = from_csv(b"codeContrat;dateDebut\nC1;01/09/2024\nC2;01/09/2024\n", false, &en());
    let missing: Vec<_> = r.issues.iter().filter(|i| i.rule == "campusskills.csv.field.missing").collect();
    assert!(missing.iter().any(|i| i.field.as_deref() == Some("dateFin")));
    assert!(!rules(&r).contains(&"campusskills.contract.required"));
}

#[test]
fn labels_match_without_case_accents_spaces_or_order() {
    for (a, b) in [
        ("Prénom tuteur école", "prenomPersonnel"),
        ("EMAIL  Étudiant", "emailApprenant"),
        ("Nom du maître d'apprentissage", "nomMaitreApprentissage"),
        ("Date de début", "dateDebut"),
    ] {
        assert_eq!(label_key(a), label_key(b), "{a} ~ {b}");
    }
}

/// 50,000 rows written as a school's software would, every rule applied.
#[test]
fn fifty_thousand_rows() {
    let mut text = String::from("entreprises;;;\n");
    text.push_str("Code Contrat;Date de début;Date de fin;Entreprise;Code groupe;Nom groupe;Code site;Nom site;Code période;Nom période;Code formation;Nom formation;Code année;Nom année;Code apprenant;Nom apprenant;Prénom apprenant;Email apprenant;Code personnel;Nom personnel;Prénom personnel;Email personnel;Code tuteur entreprise;Nom tuteur entreprise;Prénom tuteur entreprise;Email tuteur entreprise\n");
    for i in 0..50_000 {
        let t = i % 97;
        text.push_str(&format!(
            "C{i};01/09/2024;31/08/2026;Entreprise {i};G{s};Groupe {s};S{s};Site {s};P1;2024/2025;F{s};Formation {s};A1;Année 1;APP{i};Nom{i};Prénom{i};app{i}@exemple.fr;PER{t};Tuteur{t};Élodie;per{t}@ecole.fr;MA{i};Maitre{i};Paul;ma{i}@entreprise.fr\n",
            s = i % 13
        ));
    }
    let r = from_csv(text.as_bytes(), false, &en());
    assert_eq!(r.summary.contracts, 50_000);
    assert_eq!(r.summary.errors, 0, "{:#?}", r.issues.iter().take(5).collect::<Vec<_>>());
    assert_eq!(r.rows.last(), Some(&50_002));
    // One e-mail reused 39,990 rows later: found, both rows named.
    let text = text.replacen("app40000@exemple.fr", "app10@exemple.fr", 1);
    let r = from_csv(text.as_bytes(), false, &en());
    let e = find(&r, "campusskills.user.email.shared");
    assert_eq!((e.row, e.related_row), (Some(40_003), Some(13)));
}

/// Found by the `campus_csv` fuzz target: rows ended by a lone `\r` (old Mac
/// exports) were numbered from `\n` only, so two contracts got the same row.
#[test]
fn rows_ended_by_a_lone_carriage_return_keep_their_own_numbers() {
    let lf = std::fs::read(format!("{DIR}api_fields.csv")).unwrap();
    let text = String::from_utf8(lf).unwrap();
    let cr = text.replace("\r\n", "\n").replace('\n', "\r");
    let r = from_csv(cr.as_bytes(), false, &en());
    assert!(r.issues.is_empty(), "{:#?}", r.issues);
    assert_eq!(r.rows, vec![2, 3, 4]);
    // A quoted cell broken by a lone \r is one row, too.
    let quoted = cr.replacen("Vendeur conseil", "\"Vendeur\rconseil\"", 1);
    assert_eq!(from_csv(quoted.as_bytes(), false, &en()).rows, vec![2, 3, 4]);
}
