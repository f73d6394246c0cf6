//! Campus Skills from a spreadsheet: a CSV export (or Excel's "CSV" and
//! "Unicode text" exports) read into a [`CampusSyncRequest`], with every
//! problem listed by spreadsheet row and column.
//!
//! Campus Skills' own last-resort integration takes a CSV/Excel file on FTP
//! and a column mapping ("matrice de correspondance"). Real exports have a
//! title row above the header, French labels, a subset of the fields, the
//! same label twice, dates in another order and stray whitespace. This
//! module reads such a file and runs the same rules as
//! [`Validate for CampusSyncRequest`](super::rules), so a school sees the
//! provider's refusals before sending.
//!
//! # Decisions
//!
//! - **Nothing is guessed.** An unknown column, a field mapped by two
//!   columns, two columns with one label, dates that cannot be the chosen
//!   order: each is an issue. A value that is changed (trimmed, a date
//!   rewritten as `DD/MM/YYYY`, `apprentissage` → `APPRENTICESHIP`) is a
//!   warning that shows both texts.
//! - **Rows are counted as a spreadsheet shows them**: the first line is
//!   row 1, a quoted cell with line breaks is still one row, blank rows count.
//! - **Encoding**: a UTF-8 or UTF-16 byte-order mark decides; otherwise
//!   valid UTF-8 is UTF-8, and anything else is read as Windows-1252 (what
//!   Excel writes on a French Windows) with a warning. `encoding` forces one.
//! - **The separator** is the one of `;` `,` tab `|` that splits the first
//!   lines into the most rows with the same number of cells (`;` on a tie:
//!   French Excel's list separator).
//! - **The header row** is the first of the first 50 rows in which at
//!   least two cells name a field (the mapping's labels or the default
//!   ones); the rows above it are reported as skipped title rows.
//! - **Blank rows** (every cell empty or spaces) carry no data and are not
//!   read; they still count in row numbers.
//! - **A field with no usable column** (absent, or its column ambiguous) is
//!   reported once for the file, not once per row.

use std::collections::HashMap;
use std::io::Cursor;

use serde::Serialize;

use crate::dates::CalendarDate;
use crate::validate::{msg, Lang, Severity, Validate, Validator};
use crate::wire::{Extra, Json, Nullable};

use super::{CampusContract, CampusContractType, CampusSyncRequest};

/// The contract's fields, in the API's order: (wire name, required).
pub const FIELDS: [(&str, bool); 32] = [
    ("codeContrat", true),
    ("dateDebut", true),
    ("dateFin", true),
    ("nomEntreprise", true),
    ("codeGroupe", true),
    ("nomGroupe", true),
    ("codeSite", true),
    ("nomSite", true),
    ("codeMarque", false),
    ("nomMarque", false),
    ("codePeriode", true),
    ("nomPeriode", true),
    ("codeFormation", true),
    ("nomFormation", true),
    ("codeAnnee", true),
    ("nomAnnee", true),
    ("codeApprenant", true),
    ("nomApprenant", true),
    ("prenomApprenant", true),
    ("emailApprenant", true),
    ("codePersonnel", true),
    ("nomPersonnel", true),
    ("prenomPersonnel", true),
    ("emailPersonnel", true),
    ("codeMaitreApprentissage", true),
    ("nomMaitreApprentissage", true),
    ("prenomMaitreApprentissage", true),
    ("emailMaitreApprentissage", true),
    ("missionTitle", false),
    ("missionDetails", false),
    ("monthStartGroup", false),
    ("rncp", false),
];

/// `type` is the 33rd field (kept apart: [`FIELDS`] is indexed by the contract's string fields).
const TYPE_FIELD: &str = "type";
/// Number of fields, `type` included.
const FIELD_COUNT: usize = FIELDS.len() + 1;

/// The rule ids this reader reports (beside the contract rules), for the registry.
pub const RULES: &[&str] = &[
    "campusskills.csv.cell.outside",
    "campusskills.csv.column.duplicate",
    "campusskills.csv.column.unmapped",
    "campusskills.csv.date.converted",
    "campusskills.csv.date.order",
    "campusskills.csv.encoding",
    "campusskills.csv.field.duplicate",
    "campusskills.csv.field.missing",
    "campusskills.csv.header",
    "campusskills.csv.mapping.field",
    "campusskills.csv.syntax",
    "campusskills.csv.titleRow",
    "campusskills.csv.trailingPunctuation",
    "campusskills.csv.trimmed",
    "campusskills.csv.type.converted",
];

/// The order of day, month and year in the file's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateFormat {
    /// `DD/MM/YYYY`, the API's own (the default).
    #[default]
    Dmy,
    /// `MM/DD/YYYY` (US Excel), converted to `DD/MM/YYYY` with a warning per cell.
    Mdy,
    /// `YYYY-MM-DD`, converted the same way.
    Ymd,
}

impl DateFormat {
    /// Reads `"DD/MM/YYYY"` / `"D/M/YYYY"`, `"MM/DD/YYYY"` / `"M/D/YYYY"`, `"YYYY-MM-DD"` (case-insensitive).
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "DD/MM/YYYY" | "D/M/YYYY" | "DMY" => Some(Self::Dmy),
            "MM/DD/YYYY" | "M/D/YYYY" | "MDY" => Some(Self::Mdy),
            "YYYY-MM-DD" | "YMD" | "ISO" => Some(Self::Ymd),
            _ => None,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Dmy => "DD/MM/YYYY",
            Self::Mdy => "MM/DD/YYYY",
            Self::Ymd => "YYYY-MM-DD",
        }
    }
}

/// How the bytes are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// From the byte-order mark, else UTF-8 when valid, else Windows-1252 (with a warning).
    #[default]
    Auto,
    /// UTF-8; invalid bytes are errors (shown as U+FFFD).
    Utf8,
    /// Windows-1252 (Excel's "CSV" on a French Windows).
    Windows1252,
    /// UTF-16, little-endian unless a byte-order mark says otherwise (Excel's "Unicode text").
    Utf16,
}

impl Encoding {
    /// Reads `"auto"`, `"utf-8"`, `"windows-1252"` (or `"cp1252"`, `"latin1"`), `"utf-16"` / `"utf-16le"`.
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "auto" => Some(Self::Auto),
            "utf-8" | "utf8" => Some(Self::Utf8),
            "windows-1252" | "cp1252" | "latin1" | "iso-8859-1" | "latin-1" => Some(Self::Windows1252),
            "utf-16" | "utf-16le" | "utf16" => Some(Self::Utf16),
            _ => None,
        }
    }
}

/// What a column label maps to in [`CsvOptions::mapping`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A contract field (its wire name, `codeContrat`).
    Field(String),
    /// Not read, on purpose (no "unmapped column" warning).
    Ignore,
}

/// Options of [`from_csv`].
#[derive(Debug, Clone, Default)]
pub struct CsvOptions {
    /// Column label (or `#D` / `#4`: a column by letter or 1-based number) → field.
    /// Labels match exactly first, then case-, accent-, space- and punctuation-insensitively.
    /// Columns it does not name fall back to the default labels.
    pub mapping: Vec<(String, Target)>,
    /// The separator; detected when `None`.
    pub delimiter: Option<u8>,
    /// The order of the dates in the file.
    pub date_format: DateFormat,
    /// How bytes are decoded (ignored for text input).
    pub encoding: Encoding,
    /// Language of the messages.
    pub lang: Lang,
}

/// One problem, placed as the spreadsheet shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvIssue {
    /// Spreadsheet row (1-based, title rows and blank rows counted); absent for the whole file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// The column's letter as a spreadsheet shows it (`D`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The column's label in the header row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The API field (`emailApprenant`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Stable rule identifier: the validators' (`campusskills.user.email.shared`) or this reader's (`campusskills.csv.…`).
    pub rule: &'static str,
    /// Error (the provider would refuse it, or the file cannot be read as asked) or warning (read, but check it).
    pub severity: Severity,
    /// What is wrong and how to fix it, in the requested language.
    pub message: String,
    /// The cell's text as read (cut to 80 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The Campus Skills document's own words for this rule, when it has some.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_text: Option<&'static str>,
    /// For a conflict: the row of the other place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related_row: Option<u32>,
    /// For a conflict: the other place's column letter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related_column: Option<String>,
}

impl CsvIssue {
    /// An issue of the whole file (no row, column or field; those that have one set them after).
    fn file(rule: &'static str, severity: Severity, message: String) -> Self {
        CsvIssue {
            row: None,
            column: None,
            label: None,
            field: None,
            rule,
            severity,
            message,
            value: None,
            provider_text: None,
            related_row: None,
            related_column: None,
        }
    }
}

/// One column of the header row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvColumn {
    /// Letter (`A`, …, `AA`).
    pub column: String,
    /// Label as written.
    pub label: String,
    /// The field it is read into; `None` when unmapped, ignored or ambiguous.
    pub field: Option<String>,
}

/// What was read, besides the contracts and the issues.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvSummary {
    /// The encoding used (`utf-8`, `windows-1252`, `utf-16le`, `utf-16be`, `text`).
    pub encoding: &'static str,
    /// The separator used.
    pub delimiter: String,
    /// The header row's number (absent when none was found).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_row: Option<u32>,
    /// The header's columns.
    pub columns: Vec<CsvColumn>,
    /// Contracts read (one per data row).
    pub contracts: usize,
    /// Blank rows passed over.
    pub blank_rows: usize,
    /// Issues of error severity.
    pub errors: usize,
    /// Issues of warning severity.
    pub warnings: usize,
}

/// The result of [`from_csv`].
#[derive(Debug, Clone, PartialEq)]
pub struct CsvReport {
    /// The request body, one contract per data row (sent only when `issues` has no error).
    pub request: CampusSyncRequest,
    /// The spreadsheet row of each contract (`rows[i]` for `request.contrats[i]`).
    pub rows: Vec<u32>,
    /// Every problem, file-level ones first, then by row.
    pub issues: Vec<CsvIssue>,
    /// What was read.
    pub summary: CsvSummary,
}

impl CsvReport {
    /// True when no issue is an error.
    pub fn is_clean(&self) -> bool {
        self.summary.errors == 0
    }

    /// `{"summary":…,"issues":[…]}` and, with `with_request`, `"request":{…}`: what the JS entry returns.
    pub fn to_json(&self, with_request: bool) -> String {
        let mut out = String::from("{\"summary\":");
        out.push_str(&serde_json::to_string(&self.summary).unwrap_or_else(|_| "null".into()));
        out.push_str(",\"issues\":");
        out.push_str(&serde_json::to_string(&self.issues).unwrap_or_else(|_| "[]".into()));
        if with_request {
            out.push_str(",\"rows\":");
            out.push_str(&serde_json::to_string(&self.rows).unwrap_or_else(|_| "[]".into()));
            out.push_str(",\"request\":");
            out.push_str(&serde_json::to_string(&self.request).unwrap_or_else(|_| "null".into()));
        }
        out.push('}');
        out
    }
}

/// Reads a whole file. `input` is bytes; `is_text` says they are text already decoded (a JS string).
pub fn from_csv(input: &[u8], is_text: bool, options: &CsvOptions) -> CsvReport {
    let mut import = CsvImport::new(input.to_vec(), is_text, options.clone());
    while !import.step(usize::MAX) {}
    import.finish()
}

/// Line breaks in `s` as the csv reader ends records: `\n`, `\r\n`, and a
/// lone `\r` (old Mac exports; found by the `campus_csv` fuzz target, where two
/// records separated by a lone `\r` were given the same row).
fn line_breaks(s: &[u8]) -> u64 {
    let mut n = 0;
    let mut prev_cr = false;
    for &b in s {
        if b == b'\n' && !prev_cr || b == b'\r' {
            n += 1;
        }
        prev_cr = b == b'\r';
    }
    n
}

/// The spreadsheet column letter of 0-based column `i` (`A`, …, `Z`, `AA`, …).
pub fn column_letter(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// 0-based column of a letter (`D`) or 1-based number (`4`) reference.
fn column_ref(s: &str) -> Option<usize> {
    let s = s.trim();
    if let Ok(n) = s.parse::<usize>() {
        return n.checked_sub(1);
    }
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut n = 0usize;
    for b in s.bytes() {
        n = n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1;
    }
    n.checked_sub(1)
}

/// The words of a label, folded (accents, case), punctuation dropped,
/// synonyms replaced by one word and filler words removed, sorted: so
/// `"Prénom tuteur école"`, `"prenomPersonnel"` and `"Tuteur école - prénom"` compare equal.
pub fn label_key(label: &str) -> String {
    // camelCase → words (the API's own names), then fold.
    let mut spaced = String::with_capacity(label.len() + 8);
    let mut prev_lower = false;
    for c in label.chars() {
        if c.is_uppercase() && prev_lower {
            spaced.push(' ');
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        spaced.push(c);
    }
    let folded = crate::text::fold(&spaced).to_lowercase();
    let mut words: Vec<&str> = Vec::new();
    for w in folded.split(|c: char| !c.is_alphanumeric()) {
        let w = match w {
            "" | "de" | "du" | "des" | "la" | "le" | "les" | "l" | "d" | "et" | "a" | "au" | "aux" | "e" | "adresse" | "famille" | "of" | "the" => continue,
            "id" | "identifiant" | "numero" | "num" | "no" | "n" | "ref" | "reference" | "matricule" => "code",
            "mail" | "courriel" | "email" | "emails" | "mel" => "email",
            "name" | "lastname" | "libelle" | "intitule" => "nom",
            "firstname" | "prenoms" => "prenom",
            "etudiant" | "alternant" | "eleve" | "apprenti" | "stagiaire" | "learner" | "student" => "apprenant",
            "date" => "date",
            other => other,
        };
        words.push(w);
    }
    // Multi-word roles → one word.
    let has = |ws: &[&str], w: &str| ws.contains(&w);
    let mut role: Option<&str> = None;
    if has(&words, "tuteur") && has(&words, "entreprise") {
        role = Some("maitre");
        words.retain(|w| *w != "tuteur" && *w != "entreprise");
    } else if has(&words, "maitre") {
        role = Some("maitre");
        words.retain(|w| *w != "maitre" && *w != "apprentissage");
    } else if has(&words, "tuteur") && (has(&words, "ecole") || has(&words, "pedagogique")) {
        role = Some("personnel");
        words.retain(|w| *w != "tuteur" && *w != "ecole" && *w != "pedagogique");
    } else if has(&words, "referent") && has(&words, "ecole") {
        role = Some("personnel");
        words.retain(|w| *w != "referent" && *w != "ecole");
    } else if has(&words, "formateur") || has(&words, "enseignant") || has(&words, "personnel") {
        role = Some("personnel");
        words.retain(|w| *w != "formateur" && *w != "enseignant" && *w != "personnel");
    }
    if let Some(r) = role {
        words.push(r);
    }
    words.sort_unstable();
    words.join(" ")
}

/// The labels recognised without a mapping, beyond the API's own field names: (field, labels).
const DEFAULT_LABELS: [(&str, &[&str]); 25] = [
    ("codeContrat", &["code contrat", "numéro de contrat", "n° contrat", "id contrat", "référence contrat"]),
    ("dateDebut", &["date de début", "début", "date début contrat", "début du contrat", "date de début du contrat"]),
    ("dateFin", &["date de fin", "fin", "date fin contrat", "fin du contrat", "date de fin du contrat"]),
    ("nomEntreprise", &["entreprise", "nom entreprise", "raison sociale", "employeur", "nom de l'entreprise"]),
    ("codeGroupe", &["code groupe"]),
    ("nomGroupe", &["nom groupe", "libellé groupe"]),
    ("codeSite", &["code site", "code campus"]),
    ("nomSite", &["nom site", "nom campus", "libellé site"]),
    ("codeMarque", &["code marque"]),
    ("nomMarque", &["nom marque"]),
    ("codePeriode", &["code période"]),
    ("nomPeriode", &["nom période", "libellé période"]),
    ("codeFormation", &["code formation", "code programme"]),
    ("nomFormation", &["nom formation", "libellé formation", "intitulé formation", "nom programme"]),
    ("codeAnnee", &["code année"]),
    ("nomAnnee", &["nom année", "libellé année", "année de formation"]),
    ("codeApprenant", &["code apprenant", "identifiant apprenant", "id étudiant", "code alternant"]),
    ("codePersonnel", &["code tuteur école", "code formateur", "code référent école"]),
    ("codeMaitreApprentissage", &["code tuteur entreprise", "code maître d'apprentissage"]),
    ("missionTitle", &["mission", "titre mission", "titre de la mission", "intitulé mission"]),
    ("missionDetails", &["détails mission", "détail mission", "description mission", "description de la mission"]),
    ("monthStartGroup", &["mois début groupe", "mois de démarrage", "mois de début du groupe"]),
    ("rncp", &["code rncp", "rncp"]),
    (TYPE_FIELD, &["type", "type contrat", "type de contrat"]),
    ("emailApprenant", &["email apprenant", "e-mail étudiant"]),
];

/// The default label keys: every field's own name and the labels above, and
/// for the three people every "attribute + role" wording (`label_key` folds them).
fn default_keys() -> HashMap<String, usize> {
    let mut keys = HashMap::new();
    for (i, (name, _)) in FIELDS.iter().enumerate() {
        keys.insert(label_key(name), i);
    }
    keys.insert(label_key(TYPE_FIELD), FIELDS.len());
    for (field, labels) in DEFAULT_LABELS {
        if let Some(i) = field_index(field) {
            for l in labels {
                keys.entry(label_key(l)).or_insert(i);
            }
        }
    }
    keys
}

/// Index of a wire field name in [`FIELDS`] (`type` is `FIELDS.len()`).
fn field_index(name: &str) -> Option<usize> {
    if name == TYPE_FIELD {
        return Some(FIELDS.len());
    }
    FIELDS.iter().position(|(n, _)| *n == name)
}

/// Wire name of field `i`.
fn field_name(i: usize) -> &'static str {
    FIELDS.get(i).map_or(TYPE_FIELD, |(n, _)| n)
}

/// The Campus Skills document's words, for the rules it states.
fn provider_text(rule: &str) -> Option<&'static str> {
    match rule {
        "campusskills.user.code.role" => Some(
            "Attention dans les données à synchroniser nous vous demandons de spécifier les identifiants de vos utilisateurs, ces identifiants doivent être uniques quelque soit la collection. Par exemple si un etudiant a le même identifiant qu'un maitre d'apprentissage, l'appel API va vous retourner une erreur",
        ),
        "campusskills.user.email.shared" | "campusskills.user.email.perPerson" => Some(
            "Dans notre SI, un email est rattaché à un compte et un seul. Si deux tuteurs entreprises ont le même mail, vous ne pourrez pas synchroniser les données",
        ),
        _ => None,
    }
}

/// Cuts a cell's text for an issue.
fn shown(s: &str) -> String {
    if s.chars().count() <= 80 {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(79).collect();
        t.push('…');
        t
    }
}

/// Detects the separator from the first lines (see the module's decisions).
fn detect_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(30).collect();
    let mut best = (b';', 0usize, 0usize);
    for d in [b';', b',', b'\t', b'|'] {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for l in &lines {
            let mut n = 0;
            let mut quoted = false;
            for b in l.bytes() {
                if b == b'"' {
                    quoted = !quoted;
                } else if b == d && !quoted {
                    n += 1;
                }
            }
            if n > 0 {
                *counts.entry(n).or_default() += 1;
            }
        }
        // The most lines that agree on one cell count; then the most cells.
        let (cells, agree) = counts.into_iter().max_by_key(|&(n, c)| (c, n)).unwrap_or((0, 0));
        if (agree, cells) > (best.1, best.2) {
            best = (d, agree, cells);
        }
    }
    best.0
}

/// One column's resolution.
#[derive(Debug, Clone)]
struct Col {
    label: String,
    field: Option<usize>,
    /// Unmapped and labelled: warn at the end with the rows that had values.
    unmapped: bool,
    /// Rows of the values an unmapped column held (first ones).
    lost_rows: Vec<u32>,
    lost_count: usize,
}

/// A file being read, a step at a time (so a command line can show progress).
pub struct CsvImport {
    options: CsvOptions,
    reader: Option<csv::Reader<Cursor<Vec<u8>>>>,
    encoding: &'static str,
    delimiter: u8,
    record: csv::ByteRecord,
    /// Line breaks inside quoted cells so far (a spreadsheet row is a record, not a line).
    inner_breaks: u64,
    /// Bytes scanned for line breaks, and the breaks found in them.
    scanned: usize,
    lines: u64,
    header_row: Option<u32>,
    /// Rows above the header, with their first non-empty cell.
    title_rows: Vec<(u32, String)>,
    columns: Vec<Col>,
    /// Field index → column, when exactly one usable column names it.
    field_col: [Option<usize>; FIELD_COUNT],
    contracts: Vec<CampusContract>,
    rows: Vec<u32>,
    blank_rows: usize,
    read_rows: u32,
    /// File-level issues.
    file_issues: Vec<CsvIssue>,
    /// Row-level issues found while reading (conversions, stray cells).
    row_issues: Vec<CsvIssue>,
    /// First cell per date order that cannot be the chosen one: (row, column, text, likely format).
    date_misfits: Vec<(u32, usize, String, DateFormat)>,
    /// The default label keys ([`default_keys`]), built once.
    keys: HashMap<String, usize>,
    done: bool,
}

impl CsvImport {
    /// Decodes `input` and prepares the reader. UTF-8 (the common case) is read in place.
    pub fn new(mut input: Vec<u8>, is_text: bool, options: CsvOptions) -> Self {
        let mut file_issues = Vec::new();
        let utf8_bom = input.starts_with(&[0xEF, 0xBB, 0xBF]);
        let utf16_bom = input.starts_with(&[0xFF, 0xFE]) || input.starts_with(&[0xFE, 0xFF]);
        let in_place = is_text
            || (matches!(options.encoding, Encoding::Auto | Encoding::Utf8)
                && !utf16_bom
                && std::str::from_utf8(input.get(if utf8_bom { 3 } else { 0 }..).unwrap_or(&[])).is_ok());
        let (bytes, encoding) = if in_place {
            if utf8_bom {
                input.drain(..3);
            }
            (input, if is_text { "text" } else { "utf-8" })
        } else {
            let (text, encoding) = decode(&input, is_text, options.encoding, options.lang, &mut file_issues);
            (text.into_bytes(), encoding)
        };
        let delimiter = options.delimiter.unwrap_or_else(|| {
            let head = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(&[]);
            let head = std::str::from_utf8(head).unwrap_or_else(|e| std::str::from_utf8(head.get(..e.valid_up_to()).unwrap_or(&[])).unwrap_or(""));
            detect_delimiter(head)
        });
        let reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(Cursor::new(bytes));
        CsvImport {
            options,
            reader: Some(reader),
            encoding,
            delimiter,
            record: csv::ByteRecord::new(),
            inner_breaks: 0,
            scanned: 0,
            lines: 0,
            header_row: None,
            title_rows: Vec::new(),
            columns: Vec::new(),
            field_col: [None; FIELD_COUNT],
            contracts: Vec::new(),
            rows: Vec::new(),
            blank_rows: 0,
            read_rows: 0,
            file_issues,
            row_issues: Vec::new(),
            date_misfits: Vec::new(),
            keys: default_keys(),
            done: false,
        }
    }

    /// Spreadsheet rows read so far.
    pub fn rows_read(&self) -> u32 {
        self.read_rows
    }

    /// Reads up to `max_rows` more rows; true when the file is read.
    pub fn step(&mut self, max_rows: usize) -> bool {
        let Some(mut reader) = self.reader.take() else { return true };
        let mut n = 0;
        while n < max_rows {
            match reader.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    return true;
                }
                Err(e) => {
                    let row = e.position().map_or(self.read_rows + 1, |p| self.row_of(p.line()));
                    self.file_issue(Some(row), "campusskills.csv.syntax", Severity::Error, |l| {
                        msg(l, format!("ligne illisible : {e}"), format!("unreadable row: {e}"))
                    });
                    self.done = true;
                    return true;
                }
            }
            n += 1;
            // The reader's own line count lags after a CRLF; count the line breaks up to the record's first byte.
            let bytes = reader.get_ref().get_ref();
            let mut start = self.record.position().map_or(0, |p| p.byte()).try_into().unwrap_or(usize::MAX);
            while matches!(bytes.get(start), Some(b'\n' | b'\r')) {
                start += 1;
            }
            let start = start.max(self.scanned);
            self.lines += bytes.get(self.scanned..start).map_or(0, line_breaks);
            self.scanned = start;
            let row = self.row_of(self.lines + 1);
            let record = std::mem::take(&mut self.record);
            self.inner_breaks += record.iter().map(line_breaks).sum::<u64>();
            self.read_rows = row;
            let cells: Vec<&str> = record.iter().map(|f| std::str::from_utf8(f).unwrap_or("\u{FFFD}")).collect();
            if self.header_row.is_none() {
                self.try_header(row, &cells);
            } else if cells.iter().all(|c| c.trim().is_empty()) {
                self.blank_rows += 1;
            } else {
                self.read_row(row, &cells);
            }
            self.record = record;
        }
        self.reader = Some(reader);
        false
    }

    /// The spreadsheet row of the record that starts at physical line `line`.
    fn row_of(&self, line: u64) -> u32 {
        u32::try_from(line.saturating_sub(self.inner_breaks)).unwrap_or(u32::MAX)
    }

    fn file_issue(&mut self, row: Option<u32>, rule: &'static str, severity: Severity, message: impl FnOnce(Lang) -> String) {
        let message = message(self.options.lang);
        self.file_issues.push(CsvIssue { row, ..CsvIssue::file(rule, severity, message) });
    }

    /// A row above the header, or the header.
    fn try_header(&mut self, row: u32, cells: &[&str]) {
        let keys = &self.keys;
        // What each cell maps to: Some(Some(field)), Some(None) ignored, None unknown.
        let mut targets: Vec<Option<Option<usize>>> = Vec::with_capacity(cells.len());
        let mut bad_mapping = Vec::new();
        for (j, cell) in cells.iter().enumerate() {
            let label = cell.trim();
            let by_user = self.options.mapping.iter().find_map(|(k, t)| {
                let hit = match k.strip_prefix('#') {
                    Some(r) => column_ref(r) == Some(j),
                    None => !label.is_empty() && (k.trim() == label || label_key(k) == label_key(label)),
                };
                hit.then_some(t)
            });
            let target = match by_user {
                Some(Target::Ignore) => Some(None),
                Some(Target::Field(f)) => match field_index(f) {
                    Some(i) => Some(Some(i)),
                    None => {
                        bad_mapping.push(f.clone());
                        Some(None)
                    }
                },
                None if label.is_empty() => None,
                None => keys.get(&label_key(label)).map(|&i| Some(i)),
            };
            targets.push(target);
        }
        let named = targets.iter().filter(|t| matches!(t, Some(Some(_)))).count();
        if named < 2 {
            if row >= 50 {
                self.file_issue(None, "campusskills.csv.header", Severity::Error, |l| {
                    msg(
                        l,
                        "aucune ligne d'en-tête : aucune des 50 premières lignes ne nomme au moins deux champs Campus Skills ; donnez une correspondance (mapping) des colonnes",
                        "no header row: none of the first 50 rows names at least two Campus Skills fields; give a column mapping",
                    )
                });
                self.done = true;
                self.reader = None;
            } else if let Some(first) = cells.iter().find(|c| !c.trim().is_empty()) {
                self.title_rows.push((row, shown(first.trim())));
            } else {
                self.blank_rows += 1;
            }
            return;
        }
        self.header_row = Some(row);
        for f in bad_mapping {
            self.file_issue(Some(row), "campusskills.csv.mapping.field", Severity::Error, |l| {
                msg(
                    l,
                    format!("la correspondance désigne le champ {f:?}, qui n'existe pas dans un contrat Campus Skills (champs : {})", field_list()),
                    format!("the mapping names the field {f:?}, which a Campus Skills contract does not have (fields: {})", field_list()),
                )
            });
        }
        for (row_, first) in std::mem::take(&mut self.title_rows) {
            self.file_issue(Some(row_), "campusskills.csv.titleRow", Severity::Warning, |l| {
                msg(
                    l,
                    format!("ligne au-dessus de l'en-tête (ligne {row}), non lue : « {first} »"),
                    format!("row above the header (row {row}), not read: \"{first}\""),
                )
            });
        }
        // Columns per field, to find the ambiguous ones.
        let mut by_field: Vec<Vec<usize>> = vec![Vec::new(); FIELD_COUNT];
        for (j, t) in targets.iter().enumerate() {
            if let Some(Some(i)) = t {
                if let Some(v) = by_field.get_mut(*i) {
                    v.push(j);
                }
            }
        }
        self.columns = cells
            .iter()
            .zip(&targets)
            .map(|(c, t)| Col {
                label: c.trim().to_string(),
                field: t.flatten(),
                unmapped: t.is_none() && !c.trim().is_empty(),
                lost_rows: Vec::new(),
                lost_count: 0,
            })
            .collect();
        for (i, cols) in by_field.iter().enumerate() {
            match cols.as_slice() {
                [] => {}
                [j] => {
                    if let Some(slot) = self.field_col.get_mut(i) {
                        *slot = Some(*j);
                    }
                }
                many => {
                    let f = field_name(i);
                    let list: Vec<String> =
                        many.iter().map(|&j| format!("{} « {} »", column_letter(j), self.columns.get(j).map_or("", |c| c.label.as_str()))).collect();
                    let list = list.join(", ");
                    let same_label =
                        many.windows(2).all(|w| match (w.first().and_then(|&a| self.columns.get(a)), w.get(1).and_then(|&b| self.columns.get(b))) {
                            (Some(a), Some(b)) => label_key(&a.label) == label_key(&b.label),
                            _ => false,
                        });
                    let rule = if same_label { "campusskills.csv.column.duplicate" } else { "campusskills.csv.field.duplicate" };
                    let hint = format!(
                        "{{\"#{}\": \"{f}\", \"#{}\": null}}",
                        column_letter(many.first().copied().unwrap_or(0)),
                        column_letter(many.get(1).copied().unwrap_or(0))
                    );
                    self.file_issue(Some(row), rule, Severity::Error, |l| {
                        msg(
                            l,
                            format!(
                                "{} colonnes donnent le champ {f} ({list}) : aucune n'est lue ; dites laquelle dans la correspondance, par exemple {hint}",
                                many.len()
                            ),
                            format!("{} columns give the field {f} ({list}): none is read; say which one in the mapping, e.g. {hint}", many.len()),
                        )
                    });
                    if let Some(last) = self.file_issues.last_mut() {
                        last.field = Some(f.to_string());
                    }
                    for &j in many {
                        if let Some(c) = self.columns.get_mut(j) {
                            c.field = None;
                        }
                    }
                }
            }
        }
        // Required fields with no usable column: once for the file.
        for (i, (f, required)) in FIELDS.iter().enumerate() {
            if *required && by_field.get(i).is_some_and(Vec::is_empty) {
                self.file_issue(Some(row), "campusskills.csv.field.missing", Severity::Error, |l| {
                    msg(
                        l,
                        format!("aucune colonne ne donne le champ obligatoire {f} : ajoutez-la au fichier, ou dites dans la correspondance quelle colonne le contient"),
                        format!("no column gives the required field {f}: add it to the file, or say in the mapping which column holds it"),
                    )
                });
                if let Some(last) = self.file_issues.last_mut() {
                    last.field = Some((*f).to_string());
                }
            }
        }
    }

    /// One data row → one contract.
    fn read_row(&mut self, row: u32, cells: &[&str]) {
        let mut values: [Option<String>; FIELD_COUNT] = std::array::from_fn(|_| None);
        for (j, cell) in cells.iter().enumerate() {
            let Some(col) = self.columns.get_mut(j) else {
                if !cell.trim().is_empty() {
                    let issue = self.cell_issue(row, j, None, cell, "campusskills.csv.cell.outside", Severity::Warning, |l| {
                        msg(
                            l,
                            "valeur au-delà de la dernière colonne de l'en-tête : elle n'est pas envoyée",
                            "value beyond the header's last column: it is not sent",
                        )
                    });
                    self.row_issues.push(issue);
                }
                continue;
            };
            let Some(fi) = col.field else {
                if col.unmapped && !cell.trim().is_empty() {
                    col.lost_count += 1;
                    if col.lost_rows.len() < 5 {
                        col.lost_rows.push(row);
                    }
                }
                continue;
            };
            if self.field_col.get(fi).copied().flatten() != Some(j) {
                continue;
            }
            let trimmed = cell.trim();
            if trimmed.len() != cell.len() && !trimmed.is_empty() {
                let issue = self.cell_issue(row, j, Some(fi), cell, "campusskills.csv.trimmed", Severity::Warning, |l| {
                    msg(l, format!("espaces retirés autour de {trimmed:?}"), format!("spaces removed around {trimmed:?}"))
                });
                self.row_issues.push(issue);
            }
            let name = field_name(fi);
            let value = if fi == 1 || fi == 2 {
                self.date_cell(row, j, fi, trimmed)
            } else if fi == FIELDS.len() {
                self.type_cell(row, j, fi, trimmed)
            } else {
                trimmed.to_string()
            };
            if !trimmed.is_empty() && is_code_like(name) && trimmed.ends_with(['.', ',', ';', ':']) {
                let issue = self.cell_issue(row, j, Some(fi), trimmed, "campusskills.csv.trailingPunctuation", Severity::Warning, |l| {
                    msg(
                        l,
                        format!("{trimmed:?} finit par une ponctuation : elle est envoyée telle quelle ; retirez-la si elle n'en fait pas partie"),
                        format!("{trimmed:?} ends with punctuation: it is sent as written; remove it if it is not part of the value"),
                    )
                });
                self.row_issues.push(issue);
            }
            if let Some(slot) = values.get_mut(fi) {
                *slot = Some(value);
            }
        }
        // In FIELDS' order (then `type`): one move per field, no lookup by name.
        let [code_contrat, date_debut, date_fin, nom_entreprise, code_groupe, nom_groupe, code_site, nom_site, code_marque, nom_marque, code_periode, nom_periode, code_formation, nom_formation, code_annee, nom_annee, code_apprenant, nom_apprenant, prenom_apprenant, email_apprenant, code_personnel, nom_personnel, prenom_personnel, email_personnel, code_maitre_apprentissage, nom_maitre_apprentissage, prenom_maitre_apprentissage, email_maitre_apprentissage, mission_title, mission_details, month_start_group, rncp, kind] =
            values;
        let req = Option::unwrap_or_default;
        let contract = CampusContract {
            code_marque: opt(code_marque),
            nom_marque: opt(nom_marque),
            mission_title: opt(mission_title),
            mission_details: opt(mission_details),
            month_start_group: match opt(month_start_group) {
                Nullable::Value(m) => Nullable::Value(month_json(m)),
                _ => Nullable::Absent,
            },
            rncp: opt(rncp),
            contract_type: match opt(kind) {
                Nullable::Value(v) => Nullable::Value(match v.as_str() {
                    "APPRENTICESHIP" => CampusContractType::Apprenticeship,
                    "INTERNSHIP" => CampusContractType::Internship,
                    _ => CampusContractType::Unknown(v),
                }),
                _ => Nullable::Absent,
            },
            code_contrat: req(code_contrat),
            date_debut: req(date_debut),
            date_fin: req(date_fin),
            nom_entreprise: req(nom_entreprise),
            code_groupe: req(code_groupe),
            nom_groupe: req(nom_groupe),
            code_site: req(code_site),
            nom_site: req(nom_site),
            code_periode: req(code_periode),
            nom_periode: req(nom_periode),
            code_formation: req(code_formation),
            nom_formation: req(nom_formation),
            code_annee: req(code_annee),
            nom_annee: req(nom_annee),
            code_apprenant: req(code_apprenant),
            nom_apprenant: req(nom_apprenant),
            prenom_apprenant: req(prenom_apprenant),
            email_apprenant: req(email_apprenant),
            code_personnel: req(code_personnel),
            nom_personnel: req(nom_personnel),
            prenom_personnel: req(prenom_personnel),
            email_personnel: req(email_personnel),
            code_maitre_apprentissage: req(code_maitre_apprentissage),
            nom_maitre_apprentissage: req(nom_maitre_apprentissage),
            prenom_maitre_apprentissage: req(prenom_maitre_apprentissage),
            email_maitre_apprentissage: req(email_maitre_apprentissage),
            extra: Extra::default(),
        };
        self.contracts.push(contract);
        self.rows.push(row);
    }

    #[allow(clippy::too_many_arguments)]
    fn cell_issue(
        &self,
        row: u32,
        j: usize,
        field: Option<usize>,
        value: &str,
        rule: &'static str,
        severity: Severity,
        message: impl FnOnce(Lang) -> String,
    ) -> CsvIssue {
        CsvIssue {
            row: Some(row),
            column: Some(column_letter(j)),
            label: self.columns.get(j).map(|c| c.label.clone()).filter(|l| !l.is_empty()),
            field: field.map(|f| field_name(f).to_string()),
            rule,
            severity,
            message: message(self.options.lang),
            value: Some(shown(value)),
            provider_text: None,
            related_row: None,
            related_column: None,
        }
    }

    /// A date cell: kept when it is already `DD/MM/YYYY` (with the default
    /// order), rewritten with a warning when it is a date in the chosen
    /// order written otherwise, kept as is (the rules report it) otherwise.
    fn date_cell(&mut self, row: u32, j: usize, fi: usize, text: &str) -> String {
        if text.is_empty() {
            return String::new();
        }
        let format = self.options.date_format;
        if format == DateFormat::Dmy && CalendarDate::parse_dmy(text).is_ok() {
            return text.to_string();
        }
        let Some((a, b, c, iso)) = date_parts(text) else { return text.to_string() };
        let (day, month, year) = match (format, iso) {
            (_, true) => (c, b, a),
            (DateFormat::Dmy, false) => (a, b, c),
            (DateFormat::Mdy, false) => (b, a, c),
            (DateFormat::Ymd, false) => {
                self.date_misfits.push((row, j, text.to_string(), if b > 12 { DateFormat::Mdy } else { DateFormat::Dmy }));
                return text.to_string();
            }
        };
        if CalendarDate::new(year as i32, month as u8, day as u8).is_none() || year < 1000 {
            // Not a date in the chosen order: does another order fit?
            let likely = if !iso && b > 12 && a <= 12 && format == DateFormat::Dmy {
                Some(DateFormat::Mdy)
            } else if !iso && a > 12 && b <= 12 && format == DateFormat::Mdy {
                Some(DateFormat::Dmy)
            } else {
                None
            };
            if let Some(f) = likely {
                self.date_misfits.push((row, j, text.to_string(), f));
            }
            return text.to_string();
        }
        let out = format!("{day:02}/{month:02}/{year:04}");
        if out != text {
            let issue = self.cell_issue(row, j, Some(fi), text, "campusskills.csv.date.converted", Severity::Warning, |l| {
                msg(
                    l,
                    format!("date {text:?} ({}) envoyée comme {out:?} (JJ/MM/AAAA)", format.label()),
                    format!("date {text:?} ({}) sent as {out:?} (DD/MM/YYYY)", format.label()),
                )
            });
            self.row_issues.push(issue);
        }
        out
    }

    /// A `type` cell: the API's values as they are; French words and other
    /// casings rewritten with a warning; anything else kept (the rules report it).
    fn type_cell(&mut self, row: u32, j: usize, fi: usize, text: &str) -> String {
        let to = match crate::text::fold(text).to_lowercase().as_str() {
            "apprenticeship" | "apprentissage" | "contrat d'apprentissage" | "alternance" => "APPRENTICESHIP",
            "internship" | "stage" | "convention de stage" => "INTERNSHIP",
            _ => return text.to_string(),
        };
        if to != text {
            let issue = self.cell_issue(row, j, Some(fi), text, "campusskills.csv.type.converted", Severity::Warning, |l| {
                msg(l, format!("type {text:?} envoyé comme {to:?}"), format!("type {text:?} sent as {to:?}"))
            });
            self.row_issues.push(issue);
        }
        to.to_string()
    }

    /// Runs the rules over the contracts and gathers every issue.
    pub fn finish(mut self) -> CsvReport {
        let lang = self.options.lang;
        let header_row = self.header_row;
        if header_row.is_none() && !self.done_with_error() {
            self.file_issue(None, "campusskills.csv.header", Severity::Error, |l| {
                msg(
                    l,
                    "aucune ligne d'en-tête : aucune ligne ne nomme au moins deux champs Campus Skills ; donnez une correspondance (mapping) des colonnes",
                    "no header row: no row names at least two Campus Skills fields; give a column mapping",
                )
            });
        }
        // Dates that cannot be in the chosen order: one issue for the file.
        if let Some((row, j, text, likely)) = self.date_misfits.first().cloned() {
            let n = self.date_misfits.len();
            let chosen = self.options.date_format.label();
            let suggested = likely.label();
            let message = msg(
                    lang,
                    format!(
                        "{n} date(s) ne peuvent pas être au format {chosen}, par exemple {text:?} (ligne {row}, colonne {}) : le fichier semble écrit en {suggested} ; si c'est le cas, passez dateFormat: \"{suggested}\"",
                        column_letter(j)
                    ),
                    format!(
                        "{n} date(s) cannot be {chosen}, e.g. {text:?} (row {row}, column {}): the file looks written as {suggested}; if so, pass dateFormat: \"{suggested}\"",
                        column_letter(j)
                    ),
);
            self.file_issues.push(CsvIssue {
                value: Some(shown(&text)),
                related_row: Some(row),
                related_column: Some(column_letter(j)),
                ..CsvIssue::file("campusskills.csv.date.order", Severity::Error, message)
            });
        }
        // Unmapped columns that held values.
        for (j, c) in self.columns.iter().enumerate() {
            if !c.unmapped {
                continue;
            }
            let label = c.label.clone();
            let (n, rows) = (c.lost_count, c.lost_rows.iter().map(u32::to_string).collect::<Vec<_>>().join(", "));
            let message = if n == 0 {
                msg(
                    lang,
                    format!("colonne {} « {label} » : aucun champ ne correspond à ce libellé ; elle est vide, rien n'est perdu", column_letter(j)),
                    format!("column {} \"{label}\": no field matches this label; it is empty, nothing is lost", column_letter(j)),
                )
            } else {
                msg(
                    lang,
                    format!(
                        "colonne {} « {label} » : aucun champ ne correspond à ce libellé, ses {n} valeur(s) ne sont pas envoyées (lignes {rows}{}) ; nommez son champ dans la correspondance, ou mettez-la à null pour l'ignorer",
                        column_letter(j),
                        if n > 5 { ", …" } else { "" }
                    ),
                    format!(
                        "column {} \"{label}\": no field matches this label, its {n} value(s) are not sent (rows {rows}{}); name its field in the mapping, or set it to null to ignore it",
                        column_letter(j),
                        if n > 5 { ", …" } else { "" }
                    ),
                )
            };
            self.file_issues.push(CsvIssue {
                row: header_row,
                column: Some(column_letter(j)),
                label: Some(label),
                ..CsvIssue::file("campusskills.csv.column.unmapped", Severity::Warning, message)
            });
        }

        let request = CampusSyncRequest { contrats: std::mem::take(&mut self.contracts), extra: Extra::default() };
        let mut v = Validator::new(lang);
        request.validate(&mut v);
        let mut rule_issues = Vec::new();
        for issue in v.into_issues() {
            let Some((i, field)) = contract_path(&issue.path) else { continue };
            let fi = field.and_then(field_index);
            // A field with no usable column was reported once for the file.
            if issue.rule == "campusskills.contract.required" && fi.is_some_and(|f| self.field_col.get(f).copied().flatten().is_none()) {
                continue;
            }
            let j = fi.and_then(|f| self.field_col.get(f).copied().flatten());
            let (message, related) = self.rewrite(&issue.message);
            let value = match (fi, request.contrats.get(i)) {
                (Some(f), Some(c)) => field_value(c, f).filter(|s| !s.is_empty()).map(|s| shown(&s)),
                _ => None,
            };
            rule_issues.push(CsvIssue {
                row: self.rows.get(i).copied(),
                column: j.map(column_letter),
                label: j.and_then(|j| self.columns.get(j)).map(|c| c.label.clone()).filter(|l| !l.is_empty()),
                field: field.map(str::to_string),
                rule: issue.rule,
                severity: issue.severity,
                message,
                value,
                provider_text: provider_text(issue.rule),
                related_row: related.as_ref().map(|r| r.0),
                related_column: related.and_then(|r| r.1),
            });
        }
        let mut issues = std::mem::take(&mut self.file_issues);
        let mut by_row = std::mem::take(&mut self.row_issues);
        by_row.extend(rule_issues);
        // Stable: within a row, reading order first, then the rules'.
        by_row.sort_by_key(|i| i.row);
        issues.extend(by_row);
        let errors = issues.iter().filter(|i| i.severity == Severity::Error).count();
        let summary = CsvSummary {
            encoding: self.encoding,
            delimiter: char::from(self.delimiter).to_string(),
            header_row,
            columns: self
                .columns
                .iter()
                .enumerate()
                .map(|(j, c)| CsvColumn { column: column_letter(j), label: c.label.clone(), field: c.field.map(|f| field_name(f).to_string()) })
                .collect(),
            contracts: request.contrats.len(),
            blank_rows: self.blank_rows,
            errors,
            warnings: issues.len() - errors,
        };
        CsvReport { request, rows: std::mem::take(&mut self.rows), issues, summary }
    }

    fn done_with_error(&self) -> bool {
        self.done && self.file_issues.iter().any(|i| i.rule == "campusskills.csv.header")
    }

    /// Rewrites the rules' `contrats[7].emailApprenant` into `row 9 (column D « Email apprenant »)`,
    /// and returns the first such place as the related one.
    fn rewrite(&self, message: &str) -> (String, Option<(u32, Option<String>)>) {
        let lang = self.options.lang;
        let mut out = String::with_capacity(message.len() + 16);
        let mut related = None;
        let mut rest = message;
        while let Some(at) = rest.find("contrats[") {
            let (before, after) = rest.split_at(at);
            out.push_str(before);
            let tail = after.get("contrats[".len()..).unwrap_or("");
            let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
            let (Ok(i), Some(close)) = (tail.get(..digits).unwrap_or("").parse::<usize>(), tail.get(digits..).filter(|t| t.starts_with(']'))) else {
                out.push_str("contrats[");
                rest = tail;
                continue;
            };
            let mut after_idx = close.get(1..).unwrap_or("");
            let mut field = None;
            if let Some(f) = after_idx.strip_prefix('.') {
                let n = f.bytes().take_while(u8::is_ascii_alphanumeric).count();
                field = f.get(..n);
                after_idx = f.get(n..).unwrap_or("");
            }
            let row = self.rows.get(i).copied().unwrap_or(0);
            let j = field.and_then(field_index).and_then(|f| self.field_col.get(f).copied().flatten());
            let place = match (j, lang) {
                (Some(j), Lang::Fr) => format!("ligne {row} (colonne {} « {} »)", column_letter(j), self.columns.get(j).map_or("", |c| c.label.as_str())),
                (Some(j), Lang::En) => format!("row {row} (column {} \"{}\")", column_letter(j), self.columns.get(j).map_or("", |c| c.label.as_str())),
                (None, Lang::Fr) => format!("ligne {row}{}", field.map(|f| format!(" ({f})")).unwrap_or_default()),
                (None, Lang::En) => format!("row {row}{}", field.map(|f| format!(" ({f})")).unwrap_or_default()),
            };
            out.push_str(&place);
            if related.is_none() {
                related = Some((row, j.map(column_letter)));
            }
            rest = after_idx;
        }
        out.push_str(rest);
        (out, related)
    }
}

/// An optional field's value: absent when it has no column or is empty.
fn opt(value: Option<String>) -> Nullable<String> {
    match value {
        Some(v) if !v.is_empty() => Nullable::Value(v),
        _ => Nullable::Absent,
    }
}

/// `monthStartGroup`'s type is undocumented and the documents' example sends a
/// number (`9`): a cell that is an integer written without leading zeros is
/// sent as that number, anything else (`"09"`, `"septembre"`) as the text.
fn month_json(m: String) -> Json {
    let canonical = !m.is_empty() && m.len() <= 9 && m.bytes().all(|b| b.is_ascii_digit()) && (m == "0" || !m.starts_with('0'));
    match m.parse::<u32>() {
        Ok(n) if canonical => Json::from(n),
        _ => Json::String(m),
    }
}

/// The comma-separated list of the fields, for messages.
fn field_list() -> String {
    let mut names: Vec<&str> = FIELDS.iter().map(|(n, _)| *n).collect();
    names.push(TYPE_FIELD);
    names.join(", ")
}

/// Codes, e-mails and dates, where trailing punctuation is likely a typo (names may end with a dot).
fn is_code_like(field: &str) -> bool {
    field.starts_with("code") || field.starts_with("email") || field.starts_with("date") || field == "rncp"
}

/// `contrats[i].field` → (i, field); `contrats[i]` → (i, None).
fn contract_path(path: &str) -> Option<(usize, Option<&str>)> {
    let rest = path.strip_prefix("contrats[")?;
    let close = rest.find(']')?;
    let i = rest.get(..close)?.parse().ok()?;
    let field = rest.get(close + 1..).and_then(|f| f.strip_prefix('.')).map(|f| f.split(['.', '[']).next().unwrap_or(f));
    Some((i, field))
}

/// The text of field `fi` of a contract.
fn field_value(c: &CampusContract, fi: usize) -> Option<String> {
    let s = |v: &str| Some(v.to_string());
    let n = |v: &Nullable<String>| v.value().cloned();
    match field_name(fi) {
        "codeContrat" => s(&c.code_contrat),
        "dateDebut" => s(&c.date_debut),
        "dateFin" => s(&c.date_fin),
        "nomEntreprise" => s(&c.nom_entreprise),
        "codeGroupe" => s(&c.code_groupe),
        "nomGroupe" => s(&c.nom_groupe),
        "codeSite" => s(&c.code_site),
        "nomSite" => s(&c.nom_site),
        "codeMarque" => n(&c.code_marque),
        "nomMarque" => n(&c.nom_marque),
        "codePeriode" => s(&c.code_periode),
        "nomPeriode" => s(&c.nom_periode),
        "codeFormation" => s(&c.code_formation),
        "nomFormation" => s(&c.nom_formation),
        "codeAnnee" => s(&c.code_annee),
        "nomAnnee" => s(&c.nom_annee),
        "codeApprenant" => s(&c.code_apprenant),
        "nomApprenant" => s(&c.nom_apprenant),
        "prenomApprenant" => s(&c.prenom_apprenant),
        "emailApprenant" => s(&c.email_apprenant),
        "codePersonnel" => s(&c.code_personnel),
        "nomPersonnel" => s(&c.nom_personnel),
        "prenomPersonnel" => s(&c.prenom_personnel),
        "emailPersonnel" => s(&c.email_personnel),
        "codeMaitreApprentissage" => s(&c.code_maitre_apprentissage),
        "nomMaitreApprentissage" => s(&c.nom_maitre_apprentissage),
        "prenomMaitreApprentissage" => s(&c.prenom_maitre_apprentissage),
        "emailMaitreApprentissage" => s(&c.email_maitre_apprentissage),
        "missionTitle" => n(&c.mission_title),
        "missionDetails" => n(&c.mission_details),
        "rncp" => n(&c.rncp),
        _ => None,
    }
}

/// The three numbers of a date written `a/b/c`, `a-b-c` or `a.b.c` (a
/// midnight time after it is allowed: `12/09/2024 00:00`), and whether it
/// is year first (`2024-09-12`).
fn date_parts(text: &str) -> Option<(u32, u32, u32, bool)> {
    let date = match text.split_once([' ', 'T']) {
        Some((d, time)) if matches!(time.trim(), "00:00" | "00:00:00" | "0:00" | "00:00:00.000") => d,
        Some(_) => return None,
        None => text,
    };
    let sep = date.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let num = |s: &str| if !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) { s.parse::<u32>().ok() } else { None };
    let (x, y, z) = (num(a)?, num(b)?, num(c)?);
    if a.len() == 4 && c.len() <= 2 {
        return Some((x, y, z, true));
    }
    if c.len() != 4 || a.len() > 2 || b.len() > 2 {
        return None;
    }
    Some((x, y, z, false))
}

/// Windows-1252 as the WHATWG Encoding Standard reads it (what browsers and Excel
/// mean by it): bytes 0x80–0x9F through this table, every other byte is the code
/// point of the same number (ISO-8859-1); the five bytes the code page leaves
/// unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) are the C1 controls of their number.
/// Tested against encoding_rs (a dev-dependency) over all 256 bytes: encoding_rs
/// in the wasm cost 126.7 KB gzip for what is here one table (README, "What each dependency costs").
const CP1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š',
    '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Decodes Windows-1252 bytes (see [`CP1252_80_9F`]); every byte is a character, so nothing is replaced.
pub fn windows_1252(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &b in bytes {
        match b {
            0x80..=0x9F => out.push(CP1252_80_9F.get(usize::from(b - 0x80)).copied().unwrap_or('\u{FFFD}')),
            _ => out.push(char::from(b)),
        }
    }
    out
}

/// Decodes UTF-16 (a leading byte-order mark dropped); true when something was
/// replaced by U+FFFD (a lone surrogate, an odd last byte).
pub fn utf16(bytes: &[u8], big_endian: bool) -> (String, bool) {
    let units = bytes.chunks_exact(2).map(|p| match p {
        [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
        [a, b] => u16::from_le_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    let odd = bytes.len() % 2 == 1;
    let mut bad = odd;
    // A lead surrogate that ends the units is completed by nothing: with an odd last
    // byte after it, the two are one error (one U+FFFD), as the Encoding Standard reads it.
    let mut open_lead = false;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                out.push(c);
                open_lead = false;
            }
            Err(e) => {
                bad = true;
                out.push('\u{FFFD}');
                open_lead = (0xD800..=0xDBFF).contains(&e.unpaired_surrogate());
            }
        }
    }
    if odd && !open_lead {
        out.push('\u{FFFD}');
    }
    let out = match out.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => out,
    };
    (out, bad)
}

/// Decodes the file (see the module's decisions).
fn decode(input: &[u8], is_text: bool, encoding: Encoding, lang: Lang, issues: &mut Vec<CsvIssue>) -> (String, &'static str) {
    let issue = CsvIssue::file;
    if is_text {
        let s = String::from_utf8_lossy(input);
        let s = s.strip_prefix('\u{FEFF}').unwrap_or(&s).to_string();
        return (s, "text");
    }
    let bom16 = match input {
        [0xFF, 0xFE, ..] => Some(false),
        [0xFE, 0xFF, ..] => Some(true),
        _ => None,
    };
    if let Some(big_endian) = bom16.or(if encoding == Encoding::Utf16 { Some(false) } else { None }) {
        let (text, bad) = utf16(input, big_endian);
        if bad {
            issues.push(issue(
                "campusskills.csv.encoding",
                Severity::Error,
                msg(lang, "le fichier contient des octets UTF-16 invalides (remplacés par U+FFFD)", "the file has invalid UTF-16 bytes (replaced by U+FFFD)"),
            ));
        }
        return (text, if big_endian { "utf-16be" } else { "utf-16le" });
    }
    let body = input.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(input);
    let had_bom = body.len() != input.len();
    match encoding {
        Encoding::Windows1252 if !had_bom => (windows_1252(body), "windows-1252"),
        _ => match std::str::from_utf8(body) {
            Ok(s) => (s.to_string(), "utf-8"),
            Err(_) if encoding == Encoding::Auto && !had_bom => {
                issues.push(issue(
                    "campusskills.csv.encoding",
                    Severity::Warning,
                    msg(
                        lang,
                        "le fichier n'est pas en UTF-8 : lu en Windows-1252 (ce qu'écrit Excel sous Windows) ; vérifiez les accents, ou passez encoding: \"utf-8\"",
                        "the file is not UTF-8: read as Windows-1252 (what Excel writes on Windows); check the accents, or pass encoding: \"utf-8\"",
                    ),
                ));
                (windows_1252(body), "windows-1252")
            }
            Err(_) => {
                // Every row with a bad byte, by its line.
                let text = String::from_utf8_lossy(body).into_owned();
                let mut line = 1u32;
                let mut last = 0u32;
                let mut rest = body;
                let offset_line = |chunk: &[u8]| u32::try_from(line_breaks(chunk)).unwrap_or(u32::MAX);
                while let Err(e) = std::str::from_utf8(rest) {
                    let good = e.valid_up_to();
                    line += offset_line(rest.get(..good).unwrap_or(&[]));
                    if line != last {
                        issues.push(CsvIssue {
                            row: Some(line),
                            ..issue(
                                "campusskills.csv.encoding",
                                Severity::Error,
                                msg(
                                    lang,
                                    "octets qui ne sont pas de l'UTF-8 (montrés comme U+FFFD) ; si le fichier vient d'Excel, passez encoding: \"windows-1252\"",
                                    "bytes that are not UTF-8 (shown as U+FFFD); if the file comes from Excel, pass encoding: \"windows-1252\"",
                                ),
                            )
                        });
                        last = line;
                    }
                    let skip = good + e.error_len().unwrap_or(rest.len() - good).max(1);
                    rest = rest.get(skip..).unwrap_or(&[]);
                }
                (text, "utf-8")
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_keys_ignore_case_accents_order_and_fillers() {
        assert_eq!(label_key("Prénom tuteur école"), label_key("prenomPersonnel"));
        assert_eq!(label_key("Email apprenant"), label_key("emailApprenant"));
        assert_eq!(label_key("code Tuteur entreprise"), label_key("codeMaitreApprentissage"));
        assert_eq!(label_key("Code Contrat"), label_key("codeContrat"));
        assert_eq!(label_key("Nom de l'entreprise"), label_key("nomEntreprise"));
        assert_ne!(label_key("Nom tuteur entreprise"), label_key("nomEntreprise"));
    }

    #[test]
    fn column_letters_and_refs() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_ref("AA"), Some(26));
        assert_eq!(column_ref("4"), Some(3));
        assert_eq!(column_ref("0"), None);
    }

    #[test]
    fn separators_are_detected() {
        assert_eq!(detect_delimiter("a;b;c\n1;2;3\n"), b';');
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(detect_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(detect_delimiter("entreprises;;;;\n\"x;y\",b,c,d,e\n1,2,3,4,5\n"), b',');
    }

    #[test]
    fn windows_1252_and_utf_16_agree_with_encoding_rs() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(windows_1252(&all), encoding_rs::WINDOWS_1252.decode_without_bom_handling(&all).0);
        let text = "\u{FEFF}Lefèvre ; Nguyễn 😀 \u{1F600}\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16(&le, false), (text.trim_start_matches('\u{FEFF}').to_string(), false));
        assert_eq!(utf16(&be, true).0, encoding_rs::UTF_16BE.decode(&be).0);
        let mut lone = le.clone();
        lone.extend_from_slice(&[0x00, 0xD8, 0x41]);
        let (got, bad) = utf16(&lone, false);
        assert!(bad);
        assert_eq!(got, encoding_rs::UTF_16LE.decode(&lone).0);
        let odd: Vec<u8> = le.iter().copied().chain([0x41]).collect();
        assert_eq!(utf16(&odd, false).0, encoding_rs::UTF_16LE.decode(&odd).0);
    }

    #[test]
    fn read_row_relies_on_the_field_order() {
        assert_eq!((field_name(1), field_name(2), field_name(FIELDS.len())), ("dateDebut", "dateFin", TYPE_FIELD));
    }

    #[test]
    fn dates_split() {
        assert_eq!(date_parts("1/9/2024"), Some((1, 9, 2024, false)));
        assert_eq!(date_parts("2024-09-01"), Some((2024, 9, 1, true)));
        assert_eq!(date_parts("01.09.2024 00:00"), Some((1, 9, 2024, false)));
        assert_eq!(date_parts("01/09/24"), None);
        assert_eq!(date_parts("01/09/2024 10:30"), None);
    }
}
