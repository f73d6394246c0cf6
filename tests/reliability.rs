// Host tests (the wasm builds run tests/wasm.rs).
#![cfg(not(target_arch = "wasm32"))]
//! Reliability: what an outside fuzz run found, each pinned in every Rust entry point.
//!
//! - numbers JavaScript cannot hold exactly (beyond ±(2^53 − 1)) are refused anywhere,
//!   with the path of the number;
//! - a lone surrogate in a string, bytes that are not UTF-8 and a leading byte order mark
//!   are refused, with one answer in every entry point (`parse`, `safe_parse`, `Schema::check`,
//!   `Schema::safe_parse`, `Schema::validate`);
//! - impossible dates are decode issues, and the wire text of a valid one is kept;
//! - values outside the documents' lists, negative counts and prices, and
//!   `minParticipants > maxParticipants` are reported by `validate`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use formakit::{Issue, Lang, Severity};

/// The four ways into a schema by name, and what each says about `input`:
/// (check's path or None, safe_parse's issues, validate's issues).
struct Verdict {
    check: Result<(), formakit::DecodeError>,
    safe_parse: Result<serde_json::Value, Vec<Issue>>,
    validate: Vec<Issue>,
}

fn verdict(schema: &str, input: &[u8]) -> Verdict {
    let s = formakit::schema::find(schema).unwrap();
    Verdict {
        check: s.check(input),
        safe_parse: s.safe_parse(input, Lang::En, false).map(|c| c.value).map_err(|r| r.issues),
        validate: s.validate(input, Lang::En),
    }
}

/// Every entry point refuses `input` with one issue of `rule` at `path`.
fn refused_at(schema: &str, input: &[u8], rule: &str, path: &str) -> Verdict {
    let v = verdict(schema, input);
    let e = v.check.as_ref().expect_err("check accepts it");
    assert_eq!(e.path, path, "check's path: {e}");
    let issues = v.safe_parse.as_ref().expect_err("safe_parse accepts it");
    assert_eq!(issues.iter().map(|i| (i.rule, i.path.as_str())).collect::<Vec<_>>(), [(rule, path)], "safe_parse: {issues:?}");
    let structural: Vec<_> = v.validate.iter().filter(|i| i.rule.starts_with("shape.")).map(|i| (i.rule, i.path.as_str())).collect();
    assert_eq!(structural, [(rule, path)], "validate: {:?}", v.validate);
    v
}

fn rules_of(schema: &str, json: &str) -> Vec<(&'static str, String, Option<u32>, Severity)> {
    formakit::schema::find(schema).unwrap().validate(json.as_bytes(), Lang::En).into_iter().map(|i| (i.rule, i.path, i.provider_code, i.severity)).collect()
}

// ---------------------------------------------------------------------------
// Numbers beyond 2^53 − 1
// ---------------------------------------------------------------------------

#[test]
fn integers_beyond_2_pow_53_are_refused_in_integer_fields_in_every_entry_point() {
    // The fuzz run: taxStateId = i64::MAX parsed, then serialize threw; language 2^53 + 1 came back as 2^53.
    for (field, n) in [("taxStateId", "9223372036854775807"), ("language", "9007199254740993"), ("minParticipants", "-9007199254740992")] {
        let doc = format!(r#"{{"id":"a","{field}":{n}}}"#);
        let v = refused_at("lara.program", doc.as_bytes(), "shape.type", field);
        assert_eq!(v.check.unwrap_err().found, "", "integer fields say it in `expected`");
        assert!(formakit::parse::<formakit::lara::LaraProgram>(doc.as_bytes()).is_err(), "{doc}");
        let issue = &v.safe_parse.unwrap_err()[0];
        assert!(issue.message.contains("at most 9007199254740991 in absolute value"), "{}", issue.message);
    }
    // The largest safe integer is an integer like any other.
    let p: formakit::lara::LaraProgram = formakit::parse(br#"{"id":"a","taxStateId":9007199254740991,"language":-9007199254740991}"#).unwrap();
    assert_eq!(p.tax_state_id.value(), Some(&9_007_199_254_740_991));
}

#[test]
fn numbers_beyond_2_pow_53_are_refused_in_number_fields() {
    // A number field (f64) read 2^53 + 1 as 2^53: silently changed. Now refused, integral or not.
    for n in ["9007199254740993", "9007199254740992", "1e16", "-1.5e300", "9007199254740992.5"] {
        let doc = format!(r#"{{"id":"a","credits":{n}}}"#);
        let v = refused_at("lara.program", doc.as_bytes(), "shape.type", "credits");
        assert_eq!(v.check.unwrap_err().found, n);
        let issue = &v.safe_parse.unwrap_err()[0];
        assert_eq!(issue.expected.as_deref(), Some("number | null"));
        assert!(issue.message.starts_with("expected a number of at most 9007199254740991 in absolute value or null"), "{}", issue.message);
    }
    let product = std::str::from_utf8(&common::fixture("cegos/product.json")).unwrap().replacen(r#""price": 2250"#, r#""price": 1e20"#, 1);
    assert!(product.contains("1e20"));
    refused_at("cegos.product", product.as_bytes(), "shape.type", "data.price");
}

#[test]
fn numbers_beyond_2_pow_53_in_unknown_fields_are_refused_where_they_are() {
    // The fuzz run: 123456789012345678901234567890 in an unknown field came back as 1.2345678901234568e+29.
    let doc = br#"{"id":"a","zz":123456789012345678901234567890}"#;
    let v = refused_at("lara.program", doc, "shape.type", "zz");
    let e = v.check.unwrap_err();
    assert_eq!((e.found.as_str(), e.line, e.column), ("123456789012345678901234567890", 1, 16));
    assert!(e.expected.contains("JavaScript"), "says why: {}", e.expected);
    let issue = &v.safe_parse.unwrap_err()[0];
    assert_eq!(issue.message, "expected a number of at most 9007199254740991 in absolute value, found the number 1.2345678901234568e+29");
    let fr = formakit::schema::find("lara.program").unwrap().safe_parse(doc, Lang::Fr, false).unwrap_err();
    assert_eq!(fr.issues[0].message, "attendu un nombre d'au plus 9007199254740991 en valeur absolue, reçu le nombre 1.2345678901234568e+29");
    assert!(formakit::parse::<formakit::lara::LaraProgram>(doc).is_err());

    // Nested in unknown fields, in a map of any values, in an `any` field, in an array root's items.
    refused_at("lara.program", br#"{"id":"a","zz":[1,{"q":-9007199254740992}]}"#, "shape.type", "zz[1].q");
    refused_at("lara.program", b"{\"id\":\"a\",\n \"customFields\":{\"x\":12345678901234567890}}", "shape.type", "customFields.x");
    refused_at("campusskills.tokenTest", br#"{"value":"token valid","message":{"n":[2e16]}}"#, "shape.type", "message.n[0]");
    let list = std::str::from_utf8(&common::fixture("france_travail/ais_table_spelling.json")).unwrap().replacen(r#""heures": 210"#, r#""heures": 1e16"#, 1);
    let path = refused_at("francetravail.aisList", list.as_bytes(), "shape.type", "[0].listeModuleFormation[1].heures").check.unwrap_err().path;
    assert_eq!(path, "[0].listeModuleFormation[1].heures");
    // Every unsafe number is listed, after the declared fields' issues, in key order.
    let issues = verdict("cegos.productsPage", br#"{"data":[],"pageNumber":1,"pageSize":100,"totalItems":1,"totalPages":1,"x":{"b":1e16,"a":[2e16]}}"#)
        .safe_parse
        .unwrap_err();
    assert_eq!(issues.iter().map(|i| i.path.as_str()).collect::<Vec<_>>(), ["x.a[0]", "x.b"]);
}

#[test]
fn safe_numbers_strings_of_digits_and_fractions_are_kept_as_sent() {
    let doc = br#"{"id":"a","credits":0.1,"zz":[9007199254740991,-9007199254740991,1e15,2.5,"123456789012345678901234567890"],"name":"1e400 \" 12345678901234567890"}"#;
    let v = verdict("lara.program", doc);
    assert!(v.check.is_ok(), "{:?}", v.check);
    assert!(v.safe_parse.is_ok());
    let p: formakit::lara::LaraProgram = formakit::parse(doc).unwrap();
    let back: serde_json::Value = serde_json::from_str(&formakit::serialize(&p).unwrap()).unwrap();
    assert_eq!(back["zz"], serde_json::json!([9_007_199_254_740_991_i64, -9_007_199_254_740_991_i64, 1e15, 2.5, "123456789012345678901234567890"]));
}

// ---------------------------------------------------------------------------
// Impossible dates
// ---------------------------------------------------------------------------

const IMPOSSIBLE_DATES: &[&str] =
    &["2025-02-30", "2025-02-30T00:00:00", "2025-13-01T00:00:00", "0000-01-01T00:00:00", "2025-01-01T24:00", "2025-01-01T24:00:00"];

#[test]
fn impossible_dates_in_lara_member_statuses_are_decode_issues_in_every_entry_point() {
    for field in ["startDate", "endDate"] {
        for date in IMPOSSIBLE_DATES {
            let doc = format!(r#"{{"statuses":[{{"entryId":"a","status":"Membre","{field}":"{date}"}}]}}"#);
            let path = format!("statuses[0].{field}");
            refused_at("lara.memberStatuses", doc.as_bytes(), "shape.date", &path);
            assert!(formakit::parse::<formakit::lara::LaraMemberStatuses>(doc.as_bytes()).is_err(), "{doc}");
        }
    }
    // A real date is kept exactly as sent, fraction and all; "no date" is valid.
    let doc = br#"{"statuses":[{"entryId":"a","startDate":"2024-02-29T23:59:59.1234567","endDate":"0001-01-01T00:00:00"}]}"#;
    let m: formakit::lara::LaraMemberStatuses = formakit::parse(doc).unwrap();
    assert_eq!(m.statuses[0].start_date.value().unwrap().as_str(), "2024-02-29T23:59:59.1234567");
    assert!(formakit::serialize(&m).unwrap().contains("\"2024-02-29T23:59:59.1234567\""));
}

#[test]
fn impossible_date_mise_a_jour_in_ais_is_reported_by_validate() {
    // dateMiseAJour is not in the document: it stays an unknown field (kept as sent), and
    // validate reads it as the documented dates are read.
    let fixture = std::str::from_utf8(&common::fixture("france_travail/ais_table_spelling.json")).unwrap().to_string();
    assert!(rules_of("francetravail.aisList", &fixture).iter().all(|i| i.0 != "francetravail.ais.date.format"));
    for date in IMPOSSIBLE_DATES {
        let doc = fixture.replacen("2024-08-30T10:12:00+02:00", date, 1);
        assert_ne!(doc, fixture);
        assert!(formakit::parse::<formakit::france_travail::AisListResponse>(doc.as_bytes()).is_ok(), "an unknown field still parses");
        let found: Vec<_> = rules_of("francetravail.aisList", &doc).into_iter().filter(|i| i.0 == "francetravail.ais.date.format").collect();
        assert_eq!(found, [("francetravail.ais.date.format", "[0].dateMiseAJour".to_string(), None, Severity::Error)], "{date}");
    }
    let issue =
        formakit::schema::find("francetravail.aisList").unwrap().validate(fixture.replacen("2024-08-30T10:12:00+02:00", "2025-02-30", 1).as_bytes(), Lang::Fr);
    assert!(
        issue.iter().any(|i| i.message == "date illisible : 2025-02-30 (no such day in the calendar)" || i.message.starts_with("date illisible : 2025-02-30")),
        "{issue:?}"
    );
}

// ---------------------------------------------------------------------------
// Values outside the documents' lists, negative numbers, min > max
// ---------------------------------------------------------------------------

fn program(fields: &str) -> String {
    format!(r#"{{"id":"vBW5xMw1VQ2A8DFaNy22zA%3d%3d","name":"Éthique et conformité"{fields}}}"#)
}

fn update(fields: &str) -> String {
    program(fields)
}

#[test]
fn lara_enumerations_outside_the_documents_lists_are_warnings_in_answers_and_errors_in_updates() {
    for (field, rule, bad, good) in [
        ("subscriptionType", "lara.program.subscriptionType", 3, [0, 1]),
        ("visibilityType", "lara.program.visibilityType", 4, [0, 3]),
        ("expirationType", "lara.program.expirationType", -1, [0, 2]),
    ] {
        for ok in good {
            assert_eq!(rules_of("lara.program", &program(&format!(r#","{field}":{ok}"#))), [], "{field} {ok}");
        }
        let doc = program(&format!(r#","{field}":{bad}"#));
        assert_eq!(rules_of("lara.program", &doc), [(rule, field.to_string(), None, Severity::Warning)]);
        assert_eq!(rules_of("lara.programList", &format!("[{doc}]")), [(rule, format!("[0].{field}"), None, Severity::Warning)]);
        assert_eq!(rules_of("lara.programUpdateRequest", &update(&format!(r#","{field}":{bad}"#))), [(rule, field.to_string(), None, Severity::Error)]);
    }
    // The value is kept as sent (open enumeration), and the message lists the documented ones.
    let p: formakit::lara::LaraProgram = formakit::parse(program(r#","visibilityType":99"#).as_bytes()).unwrap();
    assert!(formakit::serialize(&p).unwrap().contains(r#""visibilityType":99"#));
    let issues = formakit::schema::find("lara.program").unwrap().validate(program(r#","visibilityType":99"#).as_bytes(), Lang::En);
    assert_eq!(issues[0].message, "visibilityType 99 is not a documented value: 0 = public, 1 = authenticated users, 2 = enrolled users only, 3 = hidden.");
}

#[test]
fn lara_cycle_language_outside_1_to_4_is_a_warning() {
    let cycle = |lang: i64| format!(r#"{{"cycleId":"c","name":{{"texts":[{{"text":"Mon règlement","languageId":1}},{{"text":"x","languageId":{lang}}}]}}}}"#);
    assert_eq!(rules_of("lara.cycle", &cycle(4)), []);
    assert_eq!(rules_of("lara.cycle", &cycle(99)), [("lara.cycle.languageId", "name.texts[1].languageId".to_string(), None, Severity::Warning)]);
    assert_eq!(
        rules_of("lara.cycleList", &format!("[{},{}]", cycle(1), cycle(0))),
        [("lara.cycle.languageId", "[1].name.texts[1].languageId".to_string(), None, Severity::Warning)]
    );
}

#[test]
fn lara_negative_counts_credits_and_days_are_errors() {
    for field in ["minParticipants", "maxParticipants", "credits", "daysToComplete"] {
        assert_eq!(rules_of("lara.program", &program(&format!(r#","{field}":0"#))), [], "0 = none");
        let expected = [("lara.program.negative", field.to_string(), None, Severity::Error)];
        assert_eq!(rules_of("lara.program", &program(&format!(r#","{field}":-1"#))), expected);
        assert_eq!(rules_of("lara.programUpdateRequest", &update(&format!(r#","{field}":-1"#))), expected);
    }
    assert_eq!(rules_of("lara.program", &program(r#","credits":-0.5"#)), [("lara.program.negative", "credits".to_string(), None, Severity::Error)]);
}

#[test]
fn lara_min_participants_above_a_real_maximum_is_reported() {
    // The document's own example: min 4, max 0 (0 = no maximum).
    assert_eq!(rules_of("lara.program", &program(r#","minParticipants":4,"maxParticipants":0"#)), []);
    assert_eq!(rules_of("lara.program", &program(r#","minParticipants":4,"maxParticipants":4"#)), []);
    let expected = |s| [("lara.program.participants.order", "minParticipants".to_string(), None, s)];
    assert_eq!(rules_of("lara.program", &program(r#","minParticipants":5,"maxParticipants":4"#)), expected(Severity::Warning));
    assert_eq!(rules_of("lara.programUpdateRequest", &update(r#","minParticipants":5,"maxParticipants":4"#)), expected(Severity::Error));
    // The fixtures stay clean.
    let fixture = std::str::from_utf8(&common::fixture("lara/program.json")).unwrap().to_string();
    assert!(rules_of("lara.program", &fixture).iter().all(|i| !i.0.starts_with("lara.program.participants") && i.0 != "lara.program.negative"));
}

fn replace_number(fixture: &str, field: &str, value: &str) -> String {
    let key = format!("\"{field}\":");
    let at = fixture.find(&key).unwrap_or_else(|| panic!("{field} not in the fixture")) + key.len();
    let rest = &fixture[at..];
    let start = rest.len() - rest.trim_start().len();
    let len = rest[start..].find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | 'E' | '+'))).unwrap();
    format!("{}{}{}", &fixture[..at + start], value, &rest[start + len..])
}

#[test]
fn cegos_negative_prices_counts_durations_and_page_sizes_are_reported() {
    let product = std::str::from_utf8(&common::fixture("cegos/product.json")).unwrap().to_string();
    let clean = rules_of("cegos.product", &product);
    for field in ["price", "iPackPrice"] {
        let mut issues = rules_of("cegos.product", &replace_number(&product, field, "-1"));
        issues.retain(|i| !clean.contains(i));
        assert_eq!(issues, [("cegos.price.negative", format!("data.{field}"), None, Severity::Error)], "{field}");
    }
    let session = std::str::from_utf8(&common::fixture("cegos/session.json")).unwrap().to_string();
    let clean = rules_of("cegos.session", &session);
    for (field, rule) in
        [("price", "cegos.price.negative"), ("componentCount", "cegos.session.counts"), ("durationInDays", "cegos.session.durationInDays.negative")]
    {
        let mut issues = rules_of("cegos.session", &replace_number(&session, field, "-2"));
        issues.retain(|i| !clean.contains(i));
        assert_eq!(issues, [(rule, format!("data.{field}"), None, Severity::Error)], "{field}");
    }
    let page = std::str::from_utf8(&common::fixture("cegos/sessions_page.json")).unwrap().to_string();
    let mut issues = rules_of("cegos.sessionsPage", &replace_number(&page, "pageSize", "-100"));
    issues.retain(|i| i.1 == "pageSize");
    assert_eq!(issues, [("cegos.page.numbers", "pageSize".to_string(), None, Severity::Warning)]);
}

#[test]
fn ais_negative_hours_are_errors() {
    let fixture = std::str::from_utf8(&common::fixture("france_travail/ais_table_spelling.json")).unwrap().to_string();
    assert!(rules_of("francetravail.aisList", &fixture).iter().all(|i| i.0 != "francetravail.ais.heures.range"));
    let doc = fixture.replacen(r#""heures": 210"#, r#""heures": -210"#, 1);
    let found: Vec<_> = rules_of("francetravail.aisList", &doc).into_iter().filter(|i| i.0 == "francetravail.ais.heures.range").collect();
    assert_eq!(found, [("francetravail.ais.heures.range", "[0].listeModuleFormation[1].heures".to_string(), None, Severity::Error)]);
}

// ---------------------------------------------------------------------------
// Lone surrogates, bytes that are not UTF-8, byte order marks: one answer everywhere
// ---------------------------------------------------------------------------

/// Every Rust entry point refuses `input` with one `shape.json` issue at `path`, and says why.
fn not_unicode(input: &[u8], path: &str, why_en: &str, why_fr: &str) {
    let v = refused_at("lara.program", input, "shape.json", path);
    let issue = &v.safe_parse.as_ref().unwrap_err()[0];
    assert!(issue.message.ends_with(why_en), "{}", issue.message);
    assert!(issue.line.is_some() && issue.column.is_some());
    assert_eq!(v.validate, *v.safe_parse.as_ref().unwrap_err(), "validate lists the same issue");
    let fr = formakit::schema::find("lara.program").unwrap().validate(input, Lang::Fr);
    assert!(fr[0].message.ends_with(why_fr), "{}", fr[0].message);
    match formakit::parse::<formakit::lara::LaraProgram>(input) {
        Err(formakit::Error::Decode(e)) => assert_eq!(e.path, path),
        other => panic!("parse: {other:?}"),
    }
    let typed = formakit::safe_parse::<formakit::lara::LaraProgram>(input, Lang::En).unwrap_err();
    assert_eq!(typed.issues, *v.safe_parse.as_ref().unwrap_err());
    assert!(formakit::schema::find("lara.program").unwrap().normalize(input).is_err());
}

#[test]
fn a_lone_surrogate_is_a_decode_issue_at_its_string_in_every_entry_point() {
    // The fuzz run: `parse` and `validate(text)` accepted it, then `serialize` and `validate(obj)` threw.
    let why = "lone surrogate (a \\uD800 to \\uDFFF escape without its other half) in a string: not Unicode text";
    let pourquoi = "demi-caractère UTF-16 isolé (un échappement \\uD800 à \\uDFFF sans sa moitié) dans une chaîne : ce n'est pas du texte Unicode";
    not_unicode(br#"{"id":"a","name":"\ud800abc"}"#, "name", why, pourquoi);
    not_unicode(br#"{"id":"a","name":"abc\udc00"}"#, "name", why, pourquoi);
    not_unicode(br#"{"id":"a","name":"\ud800\u0041"}"#, "name", why, pourquoi);
    not_unicode(br#"{"id":"a","zz":["ok",{"x":"\udbff"}]}"#, "zz[1].x", why, pourquoi);
    // A pair is one character, kept.
    let p: formakit::lara::LaraProgram = formakit::parse(br#"{"id":"a","name":"Ok \ud83d\ude00"}"#).unwrap();
    assert_eq!(p.name.value().map(String::as_str), Some("Ok 😀"));
    assert!(verdict("lara.program", br#"{"id":"a","name":"Ok \ud83d\ude00"}"#).safe_parse.is_ok());
}

#[test]
fn bytes_that_are_not_utf8_are_a_decode_issue_in_every_entry_point() {
    let why = "bytes that are not UTF-8 in a string";
    let pourquoi = "octets qui ne sont pas de l'UTF-8 dans une chaîne";
    not_unicode(b"{\"id\":\"a\",\"name\":\"ab\xffcd\"}", "name", why, pourquoi);
    not_unicode(b"{\"id\":\"a\",\"zz\":{\"x\":\"\xed\xa0\x80\"}}", "zz.x", why, pourquoi); // a surrogate encoded in UTF-8
                                                                                           // Outside a string, not JSON at all.
    let v = verdict("lara.program", b"\xff{\"id\":\"a\"}");
    assert!(v.check.is_err());
    assert_eq!(v.safe_parse.unwrap_err()[0].rule, "shape.json");
    assert_eq!(v.validate[0].rule, "shape.json");
}

#[test]
fn a_leading_byte_order_mark_is_refused_in_every_entry_point() {
    // One answer for the same bytes: serde_json and JSON.parse refuse a BOM, so formakit does
    // everywhere, and says what it is (the fuzz run: `parse` refused it, `validate` returned []).
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(r#"{"id":"vBW5xMw1VQ2A8DFaNy22zA%3d%3d","name":"Éthique"}"#.as_bytes());
    let v = refused_at("lara.program", &bom, "shape.json", "");
    let issue = &v.safe_parse.as_ref().unwrap_err()[0];
    assert_eq!((issue.line, issue.column), (Some(1), Some(1)));
    assert_eq!(
        issue.message,
        "invalid JSON at line 1, column 1: the text starts with a UTF-8 byte order mark (BOM): JSON text carries none (RFC 8259); remove it"
    );
    assert_eq!(v.validate, *v.safe_parse.as_ref().unwrap_err(), "validate lists the same issue, and no rule runs");
    let fr = formakit::schema::find("lara.program").unwrap().validate(&bom, Lang::Fr);
    assert!(fr[0].message.ends_with("(BOM) : le JSON n'en porte pas (RFC 8259), retirez-la"), "{}", fr[0].message);
    assert!(formakit::parse::<formakit::lara::LaraProgram>(&bom).is_err());
    assert!(formakit::safe_parse::<formakit::lara::LaraProgram>(&bom, Lang::En).is_err());
    assert!(formakit::schema::find("lara.program").unwrap().normalize(&bom).is_err());
    // Without it, the same document is fine.
    assert!(verdict("lara.program", &bom[3..]).check.is_ok());
}

// ---------------------------------------------------------------------------
// Huge input
// ---------------------------------------------------------------------------

#[test]
fn a_multi_megabyte_string_is_read_once_and_reported() {
    // The cost is linear in the input (README-fragment.md has the measures); this pins that a
    // 4 MB field is decoded, checked and measured without being copied into every issue.
    let name = "é".repeat(2_000_000);
    let doc = format!(r#"{{"id":"vBW5xMw1VQ2A8DFaNy22zA%3d%3d","name":"{name}"}}"#);
    let issues = formakit::schema::find("lara.program").unwrap().validate(doc.as_bytes(), Lang::En);
    assert_eq!(issues.iter().map(|i| (i.rule, i.path.as_str())).collect::<Vec<_>>(), [("lara.program.name.length", "name")]);
    assert!(issues[0].message.len() < 200, "{}", issues[0].message.len());
    assert!(issues[0].message.ends_with("it has 2000000"), "{}", issues[0].message);
}
