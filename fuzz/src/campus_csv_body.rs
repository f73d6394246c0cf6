//! The body of the `campus_csv` fuzz target, shared by
//! `fuzz/fuzz_targets/campus_csv.rs` (libFuzzer, nightly) and
//! `tests/fuzz_targets_replay.rs` (stable, in `make test`).
//!
//! Input: the first byte picks the options (separator, date order, encoding,
//! language, a column mapping), the second how many rows each `step` reads
//! (low bits) and which of the costlier laws run (high bits: stepping, text);
//! the rest is the file's bytes, read as bytes and, when the second byte says
//! so and they are UTF-8, also as text (what JavaScript passes for a string).
//! A finding is a panic or a broken law:
//! - the summary counts what the issues say (errors, warnings, contracts);
//! - one row number per contract, each past the header row;
//! - stepping 1 to 16 rows at a time gives the same report as reading it whole;
//! - the report's JSON is JSON;
//! - a clean file's request is a valid `campusskills.syncRequest` with no rule error.

use formakit::campus_skills::csv::{from_csv, CsvImport, CsvOptions, CsvReport, DateFormat, Encoding, Target};
use formakit::{Lang, Severity};

fn options(bits: u8) -> CsvOptions {
    let delimiter = [None, Some(b';'), Some(b','), Some(b'\t'), Some(b'|'), None, None, None][usize::from(bits & 7)];
    let date_format = [DateFormat::Dmy, DateFormat::Mdy, DateFormat::Ymd, DateFormat::Dmy][usize::from((bits >> 3) & 3)];
    let encoding = [Encoding::Auto, Encoding::Utf8, Encoding::Windows1252, Encoding::Utf16][usize::from((bits >> 5) & 3)];
    let lang = if bits & 0x80 == 0 { Lang::Fr } else { Lang::En };
    let mapping = match bits % 5 {
        1 => vec![("#A".to_string(), Target::Field("codeGroupe".into())), ("Nom".to_string(), Target::Ignore)],
        2 => vec![("#ZZ".to_string(), Target::Field("pasUnChamp".into())), ("".to_string(), Target::Ignore)],
        3 => vec![("date debut".to_string(), Target::Field("dateDebutContrat".into())), ("#3".to_string(), Target::Field("dateDebutContrat".into()))],
        _ => Vec::new(),
    };
    CsvOptions { mapping, delimiter, date_format, encoding, lang }
}

fn stepped(input: &[u8], is_text: bool, options: &CsvOptions, rows_per_step: usize) -> CsvReport {
    let mut import = CsvImport::new(input.to_vec(), is_text, options.clone());
    let mut steps = 0usize;
    while !import.step(rows_per_step) {
        steps += 1;
        assert!(steps <= input.len() + 2, "step() never finished ({rows_per_step} rows a step)");
    }
    import.finish()
}

fn laws(report: &CsvReport) {
    let errors = report.issues.iter().filter(|i| i.severity == Severity::Error).count();
    let warnings = report.issues.len() - errors;
    assert_eq!(report.summary.errors, errors, "summary.errors");
    assert_eq!(report.summary.warnings, warnings, "summary.warnings");
    assert_eq!(report.summary.contracts, report.request.contrats.len(), "summary.contracts");
    assert_eq!(report.rows.len(), report.request.contrats.len(), "one row number per contract");
    if let Some(header) = report.summary.header_row {
        assert!(report.rows.iter().all(|r| *r > header), "a contract row above the header row");
    }
    assert!(report.rows.windows(2).all(|w| w.first() < w.get(1)), "rows in file order: {:?}", report.rows);
    for issue in &report.issues {
        assert!(!issue.message.is_empty(), "{}: an issue without a message", issue.rule);
        assert!(issue.rule.starts_with("campusskills."), "{}: not a Campus Skills rule id", issue.rule);
    }
    let json: serde_json::Value = serde_json::from_str(&report.to_json(true)).unwrap_or_else(|e| panic!("to_json is not JSON: {e}"));
    assert!(json.get("summary").is_some());
    if report.is_clean() {
        let body = formakit::serialize(&report.request).unwrap_or_else(|e| panic!("a clean file's request does not serialize: {e}"));
        let schema = formakit::schema::find("campusskills.syncRequest").unwrap_or_else(|e| panic!("{e}"));
        let issues = schema.validate(body.as_bytes(), Lang::En);
        let bad: Vec<_> = issues.iter().filter(|i| i.severity == Severity::Error).map(|i| format!("{} {}: {}", i.path, i.rule, i.message)).collect();
        assert!(bad.is_empty(), "a clean file gave a request the rules refuse: {bad:?}");
    }
}

/// One fuzz input.
pub fn fuzz_one(data: &[u8]) {
    let Some((bits, rest)) = data.split_first() else { return };
    let (step, input) = rest.split_first().map_or((1, &[][..]), |(s, r)| (usize::from(*s % 16) + 1, r));
    let options = options(*bits);
    let whole = from_csv(input, false, &options);
    laws(&whole);
    // The second byte's high bits choose the costlier laws, so most runs read the file once.
    let extra = rest.first().copied().unwrap_or(0);
    if extra & 0x40 != 0 {
        let by_step = stepped(input, false, &options, step);
        assert_eq!(by_step, whole, "stepping {step} rows at a time changed the report");
    }
    if extra & 0x80 != 0 && std::str::from_utf8(input).is_ok() {
        let text = from_csv(input, true, &options);
        laws(&text);
    }
}
