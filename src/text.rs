//! Text measured and compared the way the providers' back ends do.

/// Length in UTF-16 code units, as .NET's `string.Length` and JavaScript's
/// `.length` count it: "é" (precomposed) is 1, "é" (e + U+0301) is 2, "😀" is 2.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Base letters of U+00C0–U+017F (Latin-1 Supplement and Latin Extended-A),
/// lowercased: what NFKD leaves once combining marks are removed, plus the
/// letters that have no decomposition but a usual spelling (`æ` → `ae`,
/// `œ` → `oe`, `ß` → `ss`, `ø` → `o`, `ł` → `l`, `þ` → `th`).
const LATIN: [&str; 192] = [
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "×", "o", "u", "u", "u", "u", "y",
    "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "÷", "o", "u", "u", "u",
    "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e",
    "e", "g", "g", "g", "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "i", "ij", "ij", "j", "j", "k", "k", "k",
    "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r",
    "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w",
    "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
];

/// The base letters of a Latin letter of U+00C0–U+017F, lowercased (`É` → `e`,
/// `Œ` → `oe`); `None` outside that block. (`×` and `÷` map to themselves.)
pub fn latin_base(c: char) -> Option<&'static str> {
    LATIN.get((c as u32).wrapping_sub(0xC0) as usize).copied()
}

/// True for a combining mark (a diacritic written after its letter).
pub fn is_combining(c: char) -> bool {
    is_combining_mark(c)
}

/// Combining marks (diacritics) in the blocks Latin text uses: removed by [`fold`].
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// A comparison key that ignores surrounding spaces, case, accents and the
/// Unicode normalization form: "  1ÈRE Inscription" and "1ère inscription"
/// (in NFC or NFD) have the same key.
///
/// Accents are removed for Latin letters (U+00C0–U+017F precomposed, or any
/// letter followed by combining marks), which covers French and the other
/// languages the providers' data is written in. This table stands in for a
/// full Unicode decomposition (the `unicode-normalization` crate), which costs
/// 126 KB of the wasm binary (48 KB brotli) for nothing French text needs.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        fold_char(c, &mut out);
    }
    out
}

/// [`fold`] of one character, appended to `out`: nothing for a combining
/// mark, the base letters for a Latin one (`Œ` → `oe`), `'` for a typographic
/// apostrophe, else the lowercase. The search index folds text with it while
/// keeping each token's position in the original.
pub fn fold_char(c: char, out: &mut String) {
    if is_combining_mark(c) {
        return;
    }
    match latin_base(c) {
        Some(base) => out.push_str(base),
        None => match c {
            '\u{2019}' | '\u{2018}' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        },
    }
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
        assert_eq!(fold("ÆSOP Straße Øresund Łódź"), "aesop strasse oresund lodz");
        assert_eq!(fold("ÉLODIE"), fold("e\u{301}lodie"));
    }
}

#[cfg(test)]
mod against_unicode_normalization {
    use unicode_normalization::UnicodeNormalization;

    /// What a full decomposition gives: NFKD, combining marks removed, lowercased.
    fn reference(s: &str) -> String {
        s.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
    }

    #[test]
    fn the_latin_table_agrees_with_a_full_decomposition() {
        // Letters with no decomposition get their usual spelling instead.
        let spelled = "ÆæŒœßØøĐđŁłıĸŉſÞþÐðĦħŦŧĿŀĲĳŊŋ";
        for code in 0xC0..=0x17F_u32 {
            let c = char::from_u32(code).unwrap();
            if spelled.contains(c) || c == '×' || c == '÷' {
                continue;
            }
            let s = c.to_string();
            assert_eq!(super::fold(&s), reference(&s), "U+{code:04X} {c}");
            // NFD input folds the same as NFC input.
            let nfd: String = s.nfd().collect();
            assert_eq!(super::fold(&nfd), super::fold(&s), "U+{code:04X} in NFD");
        }
    }
}
