//! The JSON path of the value being read at a position of a JSON text.
//!
//! serde_json reports where a decode failed as a line and column. Rather than
//! decode a second time through a path-tracking deserializer (which doubles
//! every model's deserializer in the wasm binary), the error's position is
//! mapped back to a path by scanning the text up to it: `data[3].parts[1].startDate`.

/// One open container while scanning.
enum Frame {
    /// An object: the key of the current member (`None` once its value is
    /// complete), and whether a key comes next.
    Object { key: Option<String>, expect_key: bool },
    /// An array: the index of the current element, and whether it has begun.
    Array { index: usize, started: bool },
}

/// serde_json's (1-based line, 0-based byte column) to a byte offset.
fn offset_of(input: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    if line > 1 {
        let mut seen = 1;
        for (i, b) in input.iter().enumerate() {
            if *b == b'\n' {
                seen += 1;
                if seen == line {
                    start = i + 1;
                    break;
                }
            }
        }
    }
    (start + column).min(input.len())
}

/// The path of the value being read at serde_json's error position `line`:`column`.
/// Empty for the document root.
///
/// `anchor` says what the error is about; see [`Anchor`].
pub(crate) fn path_at(input: &[u8], line: usize, column: usize, anchor: Anchor) -> String {
    let mut end = offset_of(input, line, column);
    if anchor == Anchor::Late && end > 0 && matches!(input.get(end - 1), Some(b'}' | b']')) {
        end -= 1;
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let Some(&b) = input.get(i) else { break };
        if !matches!(b, b']' | b',' | b' ' | b'\t' | b'\n' | b'\r') {
            if let Some(Frame::Array { started, .. }) = stack.last_mut() {
                *started = true;
            }
        }
        match b {
            b'{' => stack.push(Frame::Object { key: None, expect_key: true }),
            b'[' => stack.push(Frame::Array { index: 0, started: false }),
            b'}' | b']' => {
                stack.pop();
                // serde_json reports a bad container right after its closing
                // bracket: the container is still the value being read then.
                if i + 1 < end {
                    value_done(&mut stack);
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            b'"' => {
                let (text, next) = read_string(input, i + 1, end);
                match stack.last_mut() {
                    Some(Frame::Object { key, expect_key: true }) => *key = Some(text),
                    // Likewise a string value is still being read right after its quote.
                    _ if next < end => value_done(&mut stack),
                    _ => {}
                }
                i = next;
                continue;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => {
                // A number or literal: complete once a byte past it has been read.
                let len = input.get(i..end).map_or(0, |rest| rest.iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-')).count());
                if i + len < end {
                    value_done(&mut stack);
                }
                i += len.max(1);
                continue;
            }
        }
        i += 1;
    }
    if anchor == Anchor::Object {
        if let Some(Frame::Object { key, .. }) = stack.last_mut() {
            *key = None;
        }
    }
    render(&stack)
}

/// What an error's position points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The value being read (serde_json's own errors: invalid type or value, syntax).
    Value,
    /// A value a visitor rejected after reading it whole (an untagged enum
    /// matching no variant): serde_json positions such errors once the
    /// enclosing object is closed, so a closing bracket just before the
    /// position belongs to the object, not to the failing value.
    Late,
    /// The object being read, not its current member ("duplicate field",
    /// positioned right after the repeated key).
    Object,
}

/// The member of the innermost object is complete and a byte past it was
/// read: the path is the object's again (as for a syntax error before the next key).
fn value_done(stack: &mut [Frame]) {
    if let Some(Frame::Object { key, expect_key: false }) = stack.last_mut() {
        *key = None;
    }
}

/// Reads a string body from `start` (after the opening quote), stopping at
/// `end`; returns the unescaped text and the index after the closing quote.
fn read_string(input: &[u8], start: usize, end: usize) -> (String, usize) {
    let mut out: Vec<u8> = Vec::new();
    let mut i = start;
    while i < end {
        match input.get(i) {
            Some(b'"') => return (String::from_utf8_lossy(&out).into_owned(), i + 1),
            Some(b'\\') => {
                match input.get(i + 1) {
                    Some(b'n') => out.push(b'\n'),
                    Some(b't') => out.push(b'\t'),
                    Some(b'r') => out.push(b'\r'),
                    Some(b'b') => out.push(8),
                    Some(b'f') => out.push(12),
                    Some(b'u') => {
                        let hex = input.get(i + 2..i + 6).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u32::from_str_radix(h, 16).ok());
                        let c = hex.and_then(char::from_u32).unwrap_or(char::REPLACEMENT_CHARACTER);
                        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                        i += 4;
                    }
                    Some(other) => out.push(*other),
                    None => {}
                }
                i += 2;
            }
            Some(b) => {
                out.push(*b);
                i += 1;
            }
            None => break,
        }
    }
    (String::from_utf8_lossy(&out).into_owned(), i)
}

fn render(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { started: false, .. } => {}
            Frame::Array { index, started: true } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(input: &str, needle: &str) -> String {
        let i = input.find(needle).unwrap() + 1;
        let line = 1 + input[..i].matches('\n').count();
        let col = i - input[..i].rfind('\n').map_or(0, |n| n + 1);
        path_at(input.as_bytes(), line, col, Anchor::Value)
    }

    #[test]
    fn paths_through_objects_and_arrays() {
        let doc = "{\"data\":[{\"a\":1},{\"parts\":[{\"x\":1},{\"startDate\":42}]}]}";
        assert_eq!(at(doc, "42"), "data[1].parts[1].startDate");
        assert_eq!(at(doc, "1}"), "data[0].a");
        assert_eq!(at("[1,2,\"x\"]", "\"x"), "[2]");
        assert_eq!(at("{\"a\\\"b\":[true]}", "true"), "a\"b[0]");
        assert_eq!(at("{\"k\\u00e9\":{\"v\":null}}", "null"), "ké.v");
    }

    #[test]
    fn commas_and_colons_inside_strings_are_text() {
        let doc = "{\"a,b\":\"x:y,[z\",\"c\":[\"]\",5]}";
        assert_eq!(at(doc, "5"), "c[1]");
    }

    #[test]
    fn multi_line_positions() {
        let doc = "{\n  \"a\": [\n    1,\n    \"two\"\n  ]\n}";
        assert_eq!(at(doc, "\"two"), "a[1]");
    }
}
