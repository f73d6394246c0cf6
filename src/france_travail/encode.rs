//! Percent-encoding for query strings and form bodies.
//!
//! Kept here until it is hoisted into a shared module (Campus Skills uses it too).

use std::fmt::Write;

/// Appends `s` percent-encoded: RFC 3986 unreserved characters
/// (`A-Z a-z 0-9 - . _ ~`) are kept, every other UTF-8 byte becomes `%XX`
/// (upper-case hex). With `space_as_plus`, a space is written `+`
/// (`application/x-www-form-urlencoded`); otherwise `%20`.
pub(crate) fn push_encoded(out: &mut String, s: &str, space_as_plus: bool) {
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(b)),
            b' ' if space_as_plus => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
}

/// Joins `name=value` pairs with `&`, both sides percent-encoded.
pub(crate) fn encode_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>, space_as_plus: bool) -> String {
    let mut out = String::new();
    for (name, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        push_encoded(&mut out, name, space_as_plus);
        out.push('=');
        push_encoded(&mut out, value, space_as_plus);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_non_ascii_and_spaces() {
        assert_eq!(encode_pairs([("a", "20_1330305"), ("b", "x&y=z/é ~")], false), "a=20_1330305&b=x%26y%3Dz%2F%C3%A9%20~");
        assert_eq!(encode_pairs([("scope", "application_X api_Y+")], true), "scope=application_X+api_Y%2B");
        assert_eq!(encode_pairs([], true), "");
    }
}
