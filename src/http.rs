//! HTTP pieces shared by the providers: percent-encoding for paths, query
//! strings and form bodies. The fetch clients build their URLs with these.

use std::fmt::Write;

/// Appends `s` percent-encoded: RFC 3986 unreserved characters
/// (`A-Z a-z 0-9 - . _ ~`) are kept, every other UTF-8 byte becomes `%XX`
/// (upper-case hex). With `space_as_plus`, a space is written `+`
/// (`application/x-www-form-urlencoded`); otherwise `%20`.
pub fn push_encoded(out: &mut String, s: &str, space_as_plus: bool) {
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

/// `s` percent-encoded as one path segment or query component (`%20` for a space),
/// as JavaScript's `encodeURIComponent` does for these bytes.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_encoded(&mut out, s, false);
    out
}

/// Joins `name=value` pairs with `&`, both sides percent-encoded.
pub fn encode_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>, space_as_plus: bool) -> String {
    let mut out = String::new();
    for (name, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        push_encoded(&mut out, name.as_ref(), space_as_plus);
        out.push('=');
        push_encoded(&mut out, value.as_ref(), space_as_plus);
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
        assert_eq!(encode_pairs::<&str, &str>([], true), "");
    }
}
