//! Identifier and address formats shared by several providers.
//!
//! Each check is a plain function so rules and the future clients share it.

/// RNCP certification code: `RNCP` followed by 3 to 5 digits (France compétences).
pub fn is_rncp_code(s: &str) -> bool {
    s.strip_prefix("RNCP").is_some_and(|d| (3..=5).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// RS (Répertoire spécifique) code: `RS` followed by one or more digits.
pub fn is_rs_code(s: &str) -> bool {
    s.strip_prefix("RS").is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Intercarif formation or action number: `NN_digits` (`"07_10"`, `"20_1330305"`).
pub fn is_intercarif_prefixed(s: &str) -> bool {
    match s.split_once('_') {
        Some((carif, num)) => carif.len() == 2 && carif.bytes().all(|b| b.is_ascii_digit()) && !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()),
        None => false,
    }
}

/// Intercarif session number: digits only (`"1330305"`).
pub fn is_intercarif_session(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// An absolute `http` or `https` URL with a host and no whitespace.
pub fn is_http_url(s: &str) -> bool {
    let rest = match s.get(..8).map(str::to_ascii_lowercase).as_deref() {
        Some("https://") => &s[8..],
        _ => match s.get(..7).map(str::to_ascii_lowercase).as_deref() {
            Some("http://") => &s[7..],
            _ => return false,
        },
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    !host.is_empty() && !s.chars().any(char::is_whitespace) && host.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == '[' || c == ']')
}

/// A plausible e-mail address: one `@`, a local part of 1 to 64 bytes, a
/// dotted domain, no spaces or control characters; surrounding spaces are
/// ignored. (Deliverability is not checked.) One pass over the bytes: batch
/// validation calls it for every person of every contract.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    let bytes = s.as_bytes();
    let Some(at) = bytes.iter().position(|&b| b == b'@') else { return false };
    let (local, domain) = (bytes.get(..at).unwrap_or_default(), bytes.get(at + 1..).unwrap_or_default());
    let visible = if s.is_ascii() {
        bytes.iter().all(|b| !b.is_ascii_whitespace() && !b.is_ascii_control())
    } else {
        !s.chars().any(|c| c.is_whitespace() || c.is_control())
    };
    visible
        && (1..=64).contains(&local.len())
        && !domain.contains(&b'@')
        && domain.contains(&b'.')
        && domain.first() != Some(&b'.')
        && domain.last() != Some(&b'.')
        && !domain.windows(2).any(|w| w == b"..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certification_codes() {
        assert!(is_rncp_code("RNCP123") && is_rncp_code("RNCP35185"));
        assert!(!is_rncp_code("RNCP12") && !is_rncp_code("RNCP123456") && !is_rncp_code("rncp1234") && !is_rncp_code("RNCP12a4"));
        assert!(is_rs_code("RS5635") && !is_rs_code("RS") && !is_rs_code("RS56a"));
    }

    #[test]
    fn intercarif_numbers_seen_in_real_data() {
        for s in ["07_10", "20_1262663", "07_114782", "20_1330305"] {
            assert!(is_intercarif_prefixed(s), "{s}");
        }
        assert!(is_intercarif_session("114782") && is_intercarif_session("1330305"));
        assert!(!is_intercarif_prefixed("7_10") && !is_intercarif_prefixed("07-10") && !is_intercarif_prefixed("07_") && !is_intercarif_session("20_1"));
    }

    #[test]
    fn urls_and_emails() {
        assert!(is_http_url("https://www.cegos.fr/formation?x=1") && is_http_url("http://localhost:4010/a"));
        assert!(!is_http_url("ftp://x.fr") && !is_http_url("https://") && !is_http_url("https://a b.fr") && !is_http_url("UrlToPublicCatalog"));
        assert!(is_email("jeanne.dupont@exemple.fr") && is_email(" Jeanne@Exemple.FR "));
        assert!(!is_email("jeanne@") && !is_email("@x.fr") && !is_email("a@b") && !is_email("a b@c.fr") && !is_email("a@b@c.fr") && !is_email("a@x..fr"));
        assert!(
            is_email("élodie@école.fr")
                && !is_email("a\u{a0}b@x.fr")
                && !is_email("a@x.fr\u{7}")
                && !is_email(".@.x.")
                && !is_email(&format!("{}@x.fr", "a".repeat(65)))
        );
    }
}
