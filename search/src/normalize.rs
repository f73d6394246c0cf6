//! The French normalization, the same for documents and queries.
//!
//! 1. **Fold** each character with the core's `text::fold_char`: case, diacritics
//!    (`é` → `e`, `ç` → `c`), ligatures (`œ` → `oe`, `æ` → `ae`). So "événement",
//!    "évènement" and "evenement" are one word.
//! 2. **Split** on everything that is not a letter or a digit: spaces, punctuation,
//!    hyphens (`e-learning` → `e`, `learning`), and between letters and digits
//!    (`RNCP36129` → `rncp36129`, `rncp`, `36129`: codes are found whole and in parts).
//! 3. **Elisions**: a word ending in an apostrophe (`'`, `’`, `‘`, `ʼ`, `` ` ``) that is
//!    `l d j m n s t c qu jusqu lorsqu puisqu` is dropped: "l'œuvre" and "L’Oeuvre" → `oeuvre`.
//! 4. **Stopwords** ([`STOPWORDS`]) are dropped.
//! 5. **Stem** with [`SUFFIXES`], first match wins, only when at least 3 letters remain:
//!    plurals (`réseaux` → `reseau`, `formations` → `formation`) and the feminine forms of
//!    this domain's adjectives (`professionnelle` → `professionnel`). No rule touches
//!    `-ation`, so "formation" and "format" stay apart.

use formakit::text::{is_combining, latin_base};

/// Folds one character for search: ASCII lowercased, Latin letters to their base
/// letters (the core's table: `É` → `e`, `Œ` → `oe`), combining marks dropped.
/// Returns false for a character that is not part of a word. Letters of other
/// scripts are kept as they are (no Unicode case tables in this wasm).
fn fold_char(c: char, out: &mut String) -> bool {
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
        return true;
    }
    if c.is_ascii() {
        return false;
    }
    if is_combining(c) {
        return true;
    }
    match latin_base(c) {
        Some(base) if base.bytes().all(|b| b.is_ascii_alphabetic()) => {
            out.push_str(base);
            true
        }
        Some(_) => false,
        // General punctuation, symbols, CJK punctuation: separators; other scripts: letters.
        None => {
            let u = c as u32;
            let separator = (0x80..0xC0).contains(&u)
                || (0x2000..0x2C00).contains(&u)
                || (0x3000..0x3040).contains(&u)
                || (0xFE00..0xFE70).contains(&u)
                || (0xFF00..0xFF10).contains(&u)
                || (0x1F000..0x1FB00).contains(&u);
            if !separator {
                out.push(c);
            }
            !separator
        }
    }
}

/// Elided words: dropped with their apostrophe.
pub const ELISIONS: [&str; 12] = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"];

/// Words too common to search for (folded).
pub const STOPWORDS: [&str; 38] = [
    "a", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il", "je", "la", "le", "les", "leur", "lui", "ma", "mais",
    "me", "mes", "ne", "nos", "notre", "ou", "par", "pas", "pour", "sa", "se", "son", "sur", "un", "une",
];

/// `(suffix, replacement)`, tried in order; the first that matches with 3 letters left wins.
pub const SUFFIXES: [(&str, &str); 13] = [
    ("eaux", "eau"),    // réseaux → reseau, bureaux → bureau
    ("aux", "al"),      // journaux → journal, généraux → general
    ("elles", "el"),    // professionnelles → professionnel
    ("elle", "el"),     // professionnelle → professionnel
    ("ives", "if"),     // collaboratives → collaboratif
    ("ive", "if"),      // collaborative → collaboratif
    ("euses", "eur"),   // vendeuses → vendeur
    ("euse", "eur"),    // vendeuse → vendeur
    ("trices", "teur"), // formatrices → formateur
    ("trice", "teur"),  // formatrice → formateur
    ("ees", "e"),       // certifiées → certifie
    ("ee", "e"),        // certifiée → certifie
    ("s", ""),          // formations → formation (not -ss, -us: see stem)
];

/// A word of a text: its normalized term and where it is in the original, in UTF-16
/// code units (what JavaScript's string indexes count), end exclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalized term.
    pub term: String,
    /// Start in UTF-16 code units.
    pub start: u32,
    /// End (exclusive) in UTF-16 code units.
    pub end: u32,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{2032}')
}

/// True for a word of [`STOPWORDS`] (a `match`, not a scan of the list).
pub fn is_stopword(w: &str) -> bool {
    matches!(
        w,
        "a" | "au"
            | "aux"
            | "avec"
            | "ce"
            | "ces"
            | "dans"
            | "de"
            | "des"
            | "du"
            | "elle"
            | "en"
            | "et"
            | "eux"
            | "il"
            | "je"
            | "la"
            | "le"
            | "les"
            | "leur"
            | "lui"
            | "ma"
            | "mais"
            | "me"
            | "mes"
            | "ne"
            | "nos"
            | "notre"
            | "ou"
            | "par"
            | "pas"
            | "pour"
            | "sa"
            | "se"
            | "son"
            | "sur"
            | "un"
            | "une"
    )
}

fn is_elision(w: &str) -> bool {
    matches!(w, "l" | "d" | "j" | "m" | "n" | "s" | "t" | "c" | "qu" | "jusqu" | "lorsqu" | "puisqu")
}

/// The stem of a folded word ([`SUFFIXES`]), written into `out` (cleared first).
pub fn stem_into(word: &str, out: &mut String) {
    out.clear();
    // Every suffix ends in e, s or x: other words are their own stem.
    if matches!(word.as_bytes().last(), Some(b'e' | b's' | b'x')) && !word.bytes().any(|b| b.is_ascii_digit()) {
        for (suffix, replacement) in SUFFIXES {
            if let Some(base) = word.strip_suffix(suffix) {
                if base.chars().count() < 3 {
                    continue;
                }
                if suffix == "s" && (base.ends_with('s') || base.ends_with('u')) {
                    continue; // processus, stress: not plurals
                }
                out.push_str(base);
                out.push_str(replacement);
                return;
            }
        }
    }
    out.push_str(word);
}

/// The stem of a folded word ([`SUFFIXES`]).
pub fn stem(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    stem_into(word, &mut out);
    out
}

/// Calls `f(word, start, end)` for each word of `text`, folded, without elisions
/// (stopwords kept); positions in UTF-16 code units. No allocation per word.
pub fn each_word(text: &str, mut f: impl FnMut(&str, u32, u32)) {
    let mut word = String::new();
    let (mut start, mut pos) = (0u32, 0u32);
    for c in text.chars() {
        let width = c.len_utf16() as u32;
        if is_apostrophe(c) {
            if !is_elision(&word) && !word.is_empty() {
                f(&word, start, pos);
            }
            word.clear();
            pos += width;
            start = pos;
            continue;
        }
        let was_empty = word.is_empty();
        if !fold_char(c, &mut word) {
            if !word.is_empty() {
                f(&word, start, pos);
                word.clear();
            }
            pos += width;
            start = pos;
            continue;
        }
        if was_empty {
            start = pos;
        }
        pos += width;
    }
    if !word.is_empty() {
        f(&word, start, pos);
    }
}

/// The words of `text`, folded, without elisions (stopwords kept; see [`terms`]).
pub fn words(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    each_word(text, |w, start, end| out.push(Token { term: w.to_string(), start, end }));
    out
}

/// Calls `f(term, start, end)` for each index term of `text` ([`terms`]), without
/// allocating per term.
pub fn each_term(text: &str, mut f: impl FnMut(&str, u32, u32)) {
    let mut stemmed = String::new();
    each_word(text, |w, start, end| {
        if is_stopword(w) {
            return;
        }
        let has_digit = w.bytes().any(|b| b.is_ascii_digit());
        if has_digit && !w.bytes().all(|b| b.is_ascii_digit()) {
            // Letter and digit runs (byte boundaries: digits are ASCII).
            let b = w.as_bytes();
            let mut from = 0;
            for i in 1..=b.len() {
                let boundary = i == b.len() || b.get(i).map(u8::is_ascii_digit) != b.get(i - 1).map(u8::is_ascii_digit);
                if boundary {
                    if let Some(run) = w.get(from..i) {
                        f(run, start, end);
                    }
                    from = i;
                }
            }
        }
        stem_into(w, &mut stemmed);
        f(&stemmed, start, end);
    });
}

/// Index terms of `text`: [`words`] without stopwords, stemmed; a word mixing letters
/// and digits also gives its letter and digit runs.
pub fn terms(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    each_term(text, |t, start, end| out.push(Token { term: t.to_string(), start, end }));
    out
}

/// Plain text of provider HTML: tags removed (a tag separates words), the usual
/// entities decoded (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&nbsp;`, `&rsquo;`,
/// `&eacute;`-style accents are rare in the CMS and left as words).
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(rest.get(..i).unwrap_or_default());
        let tail = rest.get(i..).unwrap_or_default();
        if tail.starts_with('<') {
            let tag = tail.chars().nth(1).is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
            match tail.find('>') {
                Some(j) if tag => {
                    out.push(' ');
                    rest = tail.get(j + 1..).unwrap_or_default();
                }
                _ => {
                    out.push('<');
                    rest = tail.get(1..).unwrap_or_default();
                }
            }
            continue;
        }
        let entity = tail.find(';').filter(|j| *j <= 8).and_then(|j| tail.get(..=j));
        let decoded = match entity {
            Some("&amp;") => Some("&"),
            Some("&lt;") => Some("<"),
            Some("&gt;") => Some(">"),
            Some("&quot;") => Some("\""),
            Some("&#39;" | "&apos;" | "&rsquo;") => Some("'"),
            Some("&nbsp;") => Some(" "),
            _ => None,
        };
        match (entity, decoded) {
            (Some(e), Some(d)) => {
                out.push_str(d);
                rest = tail.get(e.len()..).unwrap_or_default();
            }
            _ => {
                out.push('&');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        terms(s).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn folds_elides_and_stems_as_documented() {
        assert_eq!(t("Cœur de métier"), ["coeur", "metier"]);
        assert_eq!(t("L’œuvre et l'Oeuvre"), ["oeuvre", "oeuvre"]);
        assert_eq!(t("qu'elle jusqu'ici d’informatique"), ["ici", "informatique"]);
        assert_eq!(t("réseaux formations format formation"), ["reseau", "formation", "format", "formation"]);
        assert_eq!(t("Événement évènement evenement"), ["evenement", "evenement", "evenement"]);
        assert_eq!(t("e-learning"), ["e", "learning"]);
        assert_eq!(t("compétences professionnelles"), ["competence", "professionnel"]);
        assert_eq!(t("processus stress"), ["processus", "stress"]);
        assert_eq!(t("RNCP36129"), ["rncp", "36129", "rncp36129"]);
        assert_eq!(t("Æsthétique"), ["aesthetique"]);
    }

    #[test]
    fn positions_are_utf16_in_the_original() {
        let w = words("L’œuvre 😀 Zoé");
        assert_eq!(w.iter().map(|t| (t.term.as_str(), t.start, t.end)).collect::<Vec<_>>(), [("oeuvre", 2, 7), ("zoe", 11, 14)]);
    }

    #[test]
    fn html_is_stripped() {
        assert_eq!(strip_html("<p>Savoir&nbsp;<strong>négocier</strong> &amp; vendre</p><ul><li>a</li></ul>"), " Savoir  négocier  & vendre   a  ");
        assert_eq!(strip_html("a < b &unknown; <"), "a < b &unknown; <");
    }
}
