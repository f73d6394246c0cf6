//! The rule registry (`formakit::rules_registry::all_rules`, from each provider's `RULES`
//! and the structural `shape.*` ids) against the sources and README:
//! - every rule id the sources report is registered;
//! - every registered id is reported somewhere in the sources;
//! - README's rule tables list every registered id, and name none that is not.
//!
//! "Reported in the sources": a string literal of the form `"<prefix>.<segments>"` (prefix
//! `cegos`, `lara`, `francetravail`, `campusskills` or `shape`) in a `src/**/*.rs` file that
//! deals in issues (it names `Validator`, `Validate` or `Issue`), outside comments, outside
//! `#[cfg(test)]` modules and outside the registry lists themselves; schema names
//! (`"cegos.product"`) are not rule ids. Rule ids are `&'static str`, so they are always
//! literals (possibly through a `const` or a table row, which this finds too).
//!
//! README's tables abbreviate; the first cell of a row may hold, in backticks:
//! a full id (`lara.program.name.length`); `{a,b}` alternatives
//! (`campusskills.contract.{site,periode}.pair`); a `<field>` placeholder for one segment
//! (`francetravail.ais.<field>.length`); and ids relative to the cell's previous full id,
//! written `.suffix` or `….suffix`, which replace that id's tail
//! (`lara.program.id.required` / `.invalid`; `campusskills.contract.required`, `.date.format`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const PREFIXES: &[&str] = &["cegos.", "lara.", "francetravail.", "campusskills.", "shape."];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `"prefix.a.b"` literals on one line of code.
fn rule_literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(q) = rest.find('"') {
        let after = &rest[q + 1..];
        let len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_')).unwrap_or(after.len());
        let word = &after[..len];
        let closed = after[len..].starts_with('"');
        if closed && PREFIXES.iter().any(|p| word.starts_with(p)) && !word.ends_with('.') && word.split('.').all(|s| !s.is_empty()) {
            out.push(word.to_string());
            rest = &after[len + 1..];
        } else {
            rest = after;
        }
    }
    out
}

/// Rule ids reported by the sources, each with its first `file:line`.
fn reported_in_sources() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schemas: BTreeSet<&str> = formakit::schema::all().map(|s| s.name).collect();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut found = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(root).unwrap().display().to_string();
        if rel.ends_with("rules_registry.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        if !["Validator", "Validate", "Issue"].iter().any(|w| text.contains(w)) {
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        let mut in_registry_list = false;
        for (n, line) in lines.iter().enumerate() {
            let code = line.trim_start();
            if code.starts_with("#[cfg(test)]") && lines[n + 1..].iter().map(|l| l.trim()).find(|l| !l.is_empty()).is_some_and(|l| l.starts_with("mod ")) {
                break;
            }
            if code.starts_with("pub const RULES") {
                in_registry_list = true;
            }
            if in_registry_list {
                in_registry_list = !code.trim_end().ends_with("];");
                continue;
            }
            if code.starts_with("//") {
                continue;
            }
            for id in rule_literals(line) {
                if !schemas.contains(id.as_str()) {
                    found.entry(id).or_insert_with(|| format!("{rel}:{}", n + 1));
                }
            }
        }
    }
    found
}

/// One README pattern: segments, each a set of alternatives (`None` = any one segment).
#[derive(Debug)]
struct Pattern {
    text: String,
    segments: Vec<Option<Vec<String>>>,
}

impl Pattern {
    fn new(text: &str) -> Pattern {
        // Split on dots outside braces.
        let mut segments = Vec::new();
        let mut depth = 0;
        let mut cur = String::new();
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                '.' if depth == 0 => {
                    segments.push(std::mem::take(&mut cur));
                    continue;
                }
                _ => {}
            }
            cur.push(c);
        }
        segments.push(cur);
        let segments = segments
            .into_iter()
            .map(|s| {
                if s.starts_with('<') && s.ends_with('>') {
                    None
                } else if let Some(inner) = s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(inner.split(',').map(|a| a.trim().to_string()).collect())
                } else {
                    Some(vec![s])
                }
            })
            .collect();
        Pattern { text: text.to_string(), segments }
    }

    fn matches(&self, id: &str) -> bool {
        let parts: Vec<&str> = id.split('.').collect();
        parts.len() == self.segments.len() && parts.iter().zip(&self.segments).all(|(p, s)| s.as_ref().map_or(true, |alts| alts.iter().any(|a| a == p)))
    }
}

/// The patterns of README's rule tables: first cells holding a backticked rule id.
fn readme_patterns() -> Vec<Pattern> {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut out = Vec::new();
    for line in readme.lines() {
        let Some(row) = line.trim().strip_prefix('|') else { continue };
        let cell = row.split('|').next().unwrap_or("");
        let tokens: Vec<&str> = cell.split('`').skip(1).step_by(2).collect();
        let mut base: Option<String> = None;
        for token in tokens {
            let token = token.trim();
            if PREFIXES.iter().any(|p| token.starts_with(p)) {
                out.push(Pattern::new(token));
                base = Some(token.to_string());
            } else if let (Some(suffix), Some(b)) = (token.strip_prefix('…').or_else(|| token.strip_prefix('.')), &base) {
                let suffix = suffix.trim_start_matches('.');
                // `.x.y` after `a.b.c.d`: any of `a.x.y`, `a.b.x.y`, `a.b.c.x.y` (a proper prefix of the base, then the suffix).
                let base_parts: Vec<&str> = b.split('.').collect();
                for keep in (1..base_parts.len()).rev() {
                    out.push(Pattern::new(&format!("{}.{suffix}", base_parts[..keep].join("."))));
                }
                // All readings of one relative token are one README entry: mark them as a group.
                let group = out.len() - (base_parts.len() - 1);
                for p in &mut out[group..] {
                    p.text = format!("{token} (after `{b}`) as {}", p.text);
                }
            }
        }
    }
    out
}

#[test]
fn every_reported_rule_is_registered_and_every_registered_rule_is_reported() {
    let registered: Vec<&str> = formakit::rules_registry::all_rules().collect();
    let unique: BTreeSet<&str> = registered.iter().copied().collect();
    assert_eq!(unique.len(), registered.len(), "a rule id is registered twice");
    for id in &registered {
        assert!(PREFIXES.iter().any(|p| id.starts_with(p)), "{id}: a rule id starts with its provider (or `shape.`)");
    }

    let reported = reported_in_sources();
    let unregistered: Vec<String> = reported.iter().filter(|(id, _)| !unique.contains(id.as_str())).map(|(id, at)| format!("{id} ({at})")).collect();
    assert!(
        unregistered.is_empty(),
        "rule ids reported in src but missing from the registry (add them to that provider's RULES):\n  {}",
        unregistered.join("\n  ")
    );

    // The structural ids are registered ahead of the shape check that reports them; once
    // any `shape.*` id is reported, all of them must be.
    let shape_reported = reported.keys().any(|id| id.starts_with("shape."));
    if !shape_reported {
        eprintln!("note: no shape.* id is reported in src yet; the structural ids are not checked for use");
    }
    let unused: Vec<&&str> = registered.iter().filter(|id| !reported.contains_key(**id) && (shape_reported || !id.starts_with("shape."))).collect();
    assert!(unused.is_empty(), "registered rule ids that src never reports (remove them from RULES): {unused:?}");
}

#[test]
fn readme_rule_tables_list_every_registered_rule_and_nothing_else() {
    let registered: Vec<&str> = formakit::rules_registry::all_rules().collect();
    let patterns = readme_patterns();
    let shape_reported = reported_in_sources().keys().any(|id| id.starts_with("shape."));
    let missing: Vec<&&str> = registered.iter().filter(|id| (shape_reported || !id.starts_with("shape.")) && !patterns.iter().any(|p| p.matches(id))).collect();
    assert!(missing.is_empty(), "README's rule tables do not list: {missing:?}");

    // A README entry that names no registered id is stale (a relative token counts once, over its readings).
    let mut groups: BTreeMap<String, bool> = BTreeMap::new();
    for p in &patterns {
        let key = p.text.split(" as ").next().unwrap_or(&p.text).to_string();
        *groups.entry(key).or_insert(false) |= registered.iter().any(|id| p.matches(id));
    }
    let stale: Vec<&String> = groups.iter().filter(|(_, hit)| !**hit).map(|(k, _)| k).collect();
    assert!(stale.is_empty(), "README's rule tables name ids that are not registered: {stale:?}");
}

#[test]
fn the_scanner_reads_abbreviations_and_literals() {
    assert_eq!(rule_literals(r#"v.error("x", "lara.a.b", None, |l| msg(l, "fr.x", "cegos."))"#), vec!["lara.a.b"]);
    let p = Pattern::new("campusskills.contract.{site,periode}.pair");
    assert!(p.matches("campusskills.contract.periode.pair") && !p.matches("campusskills.contract.annee.pair"));
    assert!(Pattern::new("francetravail.ais.<field>.length").matches("francetravail.ais.libelleOpca.length"));
}
