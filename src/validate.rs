//! Validation plumbing: where an issue is, which rule, the provider's own
//! code, how serious, and a message in French or English.
//!
//! Each model implements [`Validate`]; rules live next to the models in their
//! provider module. A rule reports through [`Validator::error`] or
//! [`Validator::warning`] while the validator tracks the JSON path.

use serde::Serialize;

/// Language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// French (the default: the providers and most users are French).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Reads `"fr"` / `"en"` (case-insensitive, region ignored: `"en-GB"`).
    pub fn parse(s: &str) -> Option<Lang> {
        let base = s.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match base.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// How serious an issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The provider would reject the value.
    Error,
    /// Accepted, but likely a mistake (or the documents disagree).
    Warning,
}

/// One problem found in a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// JSON path of the value, e.g. `contrats[3].emailApprenant`.
    pub path: String,
    /// Stable rule identifier, e.g. `lara.program.name.length`.
    pub rule: &'static str,
    /// The provider's own error code, when it documents one (Lära 1405…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_code: Option<u32>,
    /// How serious.
    pub severity: Severity,
    /// What is wrong and how to fix it, in the requested language.
    pub message: String,
    /// Structural issues: what the schema expects there (`"number"`, `"date"`, `"\"A\" | \"B\""`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// Structural issues: the value found, as JSON text cut to 40 characters; absent for a missing field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// Malformed JSON: 1-based line of the error in the input text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Malformed JSON: 1-based column of the error in the input text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Issue {
    /// An error-severity issue with no provider code and no structural detail.
    pub fn error(path: impl Into<String>, rule: &'static str, message: String) -> Self {
        Issue { path: path.into(), rule, provider_code: None, severity: Severity::Error, message, expected: None, found: None, line: None, column: None }
    }
}

/// Implemented by every model; the default finds nothing.
pub trait Validate {
    /// Reports this value's issues into `v`.
    fn validate(&self, v: &mut Validator) {
        let _ = v;
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate(&self, v: &mut Validator) {
        for (i, item) in self.iter().enumerate() {
            v.index(i, |v| item.validate(v));
        }
    }
}

/// How `#[model]` runs a model's rules without each model declaring "no rules":
/// the `Validate` impl when there is one, nothing otherwise (autoref dispatch,
/// resolved at compile time for each concrete model).
#[doc(hidden)]
pub mod dispatch {
    use super::{Validate, Validator};

    /// Wraps the model whose rules are run.
    pub struct Rules<'a, T>(pub &'a T);

    /// Chosen when the model implements [`Validate`].
    pub trait ViaValidate {
        /// Runs the rules.
        fn run_rules(&self, v: &mut Validator);
    }
    impl<T: Validate> ViaValidate for Rules<'_, T> {
        fn run_rules(&self, v: &mut Validator) {
            self.0.validate(v);
        }
    }

    /// Chosen otherwise: the model has no rules.
    pub trait ViaNothing {
        /// Does nothing.
        fn run_rules(&self, v: &mut Validator);
    }
    impl<T> ViaNothing for &Rules<'_, T> {
        fn run_rules(&self, _v: &mut Validator) {}
    }
}

/// Collects issues while tracking the JSON path.
#[derive(Debug)]
pub struct Validator {
    lang: Lang,
    path: String,
    issues: Vec<Issue>,
}

impl Validator {
    /// A validator writing messages in `lang`.
    pub fn new(lang: Lang) -> Self {
        Validator { lang, path: String::new(), issues: Vec::new() }
    }

    /// The message language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The current JSON path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The path of `field` under the current one, without entering it.
    pub fn path_of(&self, field: &str) -> String {
        if self.path.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", self.path)
        }
    }

    /// Runs `f` inside object field `name` (its wire name).
    pub fn field<R>(&mut self, name: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        let len = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(name);
        let r = f(self);
        self.path.truncate(len);
        r
    }

    /// Runs `f` inside array element `i`.
    pub fn index<R>(&mut self, i: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        let len = self.path.len();
        self.path.push('[');
        self.path.push_str(&i.to_string());
        self.path.push(']');
        let r = f(self);
        self.path.truncate(len);
        r
    }

    /// Reports an error at `field` under the current path (`""` for the current value).
    /// `message` is called with the validator's language.
    pub fn error(&mut self, field: &str, rule: &'static str, code: Option<u32>, message: impl FnOnce(Lang) -> String) {
        self.push(field, rule, code, Severity::Error, message);
    }

    /// Reports a warning at `field` under the current path.
    pub fn warning(&mut self, field: &str, rule: &'static str, code: Option<u32>, message: impl FnOnce(Lang) -> String) {
        self.push(field, rule, code, Severity::Warning, message);
    }

    fn push(&mut self, field: &str, rule: &'static str, provider_code: Option<u32>, severity: Severity, message: impl FnOnce(Lang) -> String) {
        let path = if field.is_empty() { self.path.clone() } else { self.path_of(field) };
        let message = message(self.lang);
        self.issues.push(Issue { path, rule, provider_code, severity, message, expected: None, found: None, line: None, column: None });
    }

    /// Checks that `value` at `field` is `min..=max` UTF-16 code units long
    /// (how the providers' .NET and JavaScript back ends count). Returns
    /// whether it was within bounds.
    pub fn length(&mut self, field: &str, value: &str, min: usize, max: usize, rule: &'static str, code: Option<u32>) -> bool {
        let n = crate::text::utf16_len(value);
        if (min..=max).contains(&n) {
            return true;
        }
        self.error(field, rule, code, |l| {
            let bounds_fr = if min == 0 { format!("au plus {max}") } else { format!("entre {min} et {max}") };
            let bounds_en = if min == 0 { format!("at most {max}") } else { format!("between {min} and {max}") };
            msg(
                l,
                format!("doit contenir {bounds_fr} caractères (UTF-16) ; en contient {n}"),
                format!("must be {bounds_en} characters (UTF-16 code units) long; it has {n}"),
            )
        });
        false
    }

    /// Checks that the date at `end_field` is not before the one at
    /// `start_field` (both relative to the current path). "No date" sentinels
    /// and unreadable dates are skipped here (unreadable ones are reported by
    /// [`Validator::date`]). Returns false only when both are dates and out of order.
    pub fn date_order(
        &mut self,
        start_field: &str,
        start: &crate::wire::WireDate,
        end_field: &str,
        end: &crate::wire::WireDate,
        rule: &'static str,
        code: Option<u32>,
    ) -> bool {
        let (Ok(Some(a)), Ok(Some(b))) = (start.timestamp(), end.timestamp()) else { return true };
        if b >= a {
            return true;
        }
        let start_path = self.path_of(start_field);
        self.error(end_field, rule, code, |l| {
            msg(
                l,
                format!("la date de fin {} est antérieure à la date de début {} ({start_path})", end.as_str(), start.as_str()),
                format!("end date {} is before start date {} ({start_path})", end.as_str(), start.as_str()),
            )
        });
        false
    }

    /// Reports a date at `field` that is not a readable ISO-8601 date.
    /// Returns the parsed date (`None` for "no date" or unreadable).
    pub fn date(&mut self, field: &str, value: &crate::wire::WireDate, rule: &'static str) -> Option<crate::dates::Timestamp> {
        match value.timestamp() {
            Ok(t) => t,
            Err(e) => {
                self.error(field, rule, None, |l| msg(l, format!("date illisible : {} ({})", e.input, e.reason), format!("unreadable date: {e}")));
                None
            }
        }
    }

    /// The issues found, in the order found.
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }
}

/// Picks the message for the language: `msg(lang, "français", "English")`.
pub fn msg(lang: Lang, fr: impl Into<String>, en: impl Into<String>) -> String {
    match lang {
        Lang::Fr => fr.into(),
        Lang::En => en.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracks_paths_through_fields_and_indexes() {
        let mut v = Validator::new(Lang::En);
        v.field("data", |v| v.index(3, |v| v.field("parts", |v| v.index(1, |v| v.error("startDate", "r", Some(1), |_| "m".into())))));
        v.error("", "root", None, |l| msg(l, "fr", "en"));
        let issues = v.into_issues();
        assert_eq!(issues[0].path, "data[3].parts[1].startDate");
        assert_eq!(issues[1].path, "");
        assert_eq!(issues[1].message, "en");
    }

    #[test]
    fn reads_language_tags() {
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("FR"), Some(Lang::Fr));
        assert_eq!(Lang::parse("de"), None);
    }
}
