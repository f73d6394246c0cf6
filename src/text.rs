//! Text measured and compared the way the providers' back ends do.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Length in UTF-16 code units, as .NET's `string.Length` and JavaScript's
/// `.length` count it: "é" (precomposed) is 1, "é" (e + U+0301) is 2, "😀" is 2.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// A comparison key that ignores surrounding spaces, case, accents and the
/// Unicode normalization form: "  1ÈRE Inscription" and "1ère inscription"
/// (in NFC or NFD) have the same key. Ligatures are expanded by NFKD ("œ" stays
/// "œ" — it has no decomposition — so it is mapped to "oe" explicitly).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().nfkd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '\u{2019}' | '\u{2018}' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Trimmed, case-insensitive key for e-mail addresses.
pub fn email_key(s: &str) -> String {
    s.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_utf16_code_units() {
        assert_eq!(utf16_len("abc"), 3);
        assert_eq!(utf16_len("é"), 1);
        assert_eq!(utf16_len("e\u{301}"), 2);
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len("👩‍🎓"), 5);
    }

    #[test]
    fn folds_case_accents_spaces_and_forms() {
        assert_eq!(fold("  1ÈRE Inscription "), "1ere inscription");
        assert_eq!(fold("1e\u{300}re inscription"), "1ere inscription");
        assert_eq!(fold("Autorisation Spéciale"), fold("autorisation speciale"));
        assert_eq!(fold("Limitation du droit d’exercice"), "limitation du droit d'exercice");
        assert_eq!(fold("Cœur"), "coeur");
    }
}
