//! Errors, typed once and converted once at the boundary.

use std::fmt;

use crate::validate::Issue;

/// Input that could not be read as the schema it was given for.
///
/// `path` is the JSON path of the failing value (`data[3].parts[1].startDate`,
/// empty for the document itself), `expected` what the schema wanted there and
/// `found` what the input held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// JSON path of the failing value; empty for the document root.
    pub path: String,
    /// What the schema expected at `path`.
    pub expected: String,
    /// What the input held at `path`.
    pub found: String,
    /// 1-based line of the failure in the input text (0 when unknown).
    pub line: usize,
    /// 1-based column of the failure in the input text (0 when unknown).
    pub column: usize,
}

impl DecodeError {
    /// Builds the error from serde_json's, with the JSON path of the failing value.
    pub(crate) fn from_serde(path: String, err: &serde_json::Error) -> Self {
        let (expected, found) = split_serde_message(&err.to_string(), err.classify());
        DecodeError { path, expected, found, line: err.line(), column: err.column() }
    }
}

/// serde's messages have a few fixed shapes ("invalid type: X, expected Y",
/// "missing field `f`", "expected `,` or `}`"...). Split them into what was
/// expected and what was found so callers need not parse English.
fn split_serde_message(msg: &str, category: serde_json::error::Category) -> (String, String) {
    // serde_json appends " at line L column C"; the position is kept separately.
    let msg = match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    };
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.rsplit_once(", expected ") {
                return (expected.to_string(), found.to_string());
            }
        }
    }
    if let Some(field) = msg.strip_prefix("missing field ") {
        return (format!("field {field}"), "nothing (the field is missing)".to_string());
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return (expected.to_string(), format!("variant {found}"));
        }
    }
    if let Some(field) = msg.strip_prefix("duplicate field ") {
        return ("each field once".to_string(), format!("field {field} twice"));
    }
    match category {
        serde_json::error::Category::Eof => ("more JSON".to_string(), "end of input".to_string()),
        serde_json::error::Category::Syntax => ("valid JSON".to_string(), msg.to_string()),
        _ => (msg.to_string(), String::new()),
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() { "document root" } else { self.path.as_str() };
        write!(f, "at {at}: expected {}", self.expected)?;
        if !self.found.is_empty() {
            write!(f, ", found {}", self.found)?;
        }
        if self.line > 0 {
            write!(f, " (line {} column {})", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}

/// Every failure the core reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The input is not valid JSON of the schema's shape.
    Decode(DecodeError),
    /// The value has the right shape but breaks a provider rule.
    Validation(Vec<Issue>),
    /// The schema name is not one this build knows.
    UnknownSchema {
        /// The name asked for.
        name: String,
        /// The names this build knows, comma-separated.
        known: String,
    },
}

impl Error {
    /// The `kind` discriminant JavaScript sees on `FormakitError`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Decode(_) => "decode",
            Error::Validation(_) => "validation",
            Error::UnknownSchema { .. } => "schema",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Decode(e) => write!(f, "cannot decode: {e}"),
            Error::Validation(issues) => {
                let errors = issues.iter().filter(|i| i.severity == crate::Severity::Error).count();
                write!(f, "{errors} validation error(s)")?;
                if let Some(first) = issues.first() {
                    write!(f, "; first at {}: {}", first.path, first.message)?;
                }
                Ok(())
            }
            Error::UnknownSchema { name, known } => write!(f, "unknown schema {name:?}; known schemas: {known}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(e)
    }
}
