//! The documents text and the filters text of the JavaScript boundary (`src/js.rs`), kept
//! apart from it so that host tools (`examples/timing.rs`) read the same records.

use crate::index::{Document, Filters};
use crate::normalize::strip_html;

pub const RECORD: char = '\u{1e}';
pub const FIELD: char = '\u{1f}';
pub const ITEM: char = '\u{1d}';

fn list(s: &str) -> Vec<String> {
    s.split(ITEM).filter(|x| !x.is_empty()).map(str::to_string).collect()
}

/// One document: `code, title, altTitles, codes, topics, cities, noticeHtml, cpf, level,
/// range, price, sessionStartDays`, separated by U+001F; lists by U+001D.
pub fn document(record: &str) -> Document {
    let mut f = record.split(FIELD);
    let mut next = || f.next().unwrap_or_default();
    Document {
        code: next().to_string(),
        title: next().to_string(),
        alt_titles: list(next()),
        codes: list(next()),
        topics: list(next()),
        cities: list(next()),
        text: strip_html(next()),
        cpf: next() == "1",
        level: next().to_string(),
        range: next().to_string(),
        // Cents, as an integer: no float parsing in this wasm.
        price: next().parse::<u64>().map_or(0.0, |c| c as f64 / 100.0),
        session_starts: next().split(ITEM).filter_map(|d| d.parse().ok()).collect(),
    }
}

pub fn filters(text: &str) -> Filters {
    let mut f = Filters::default();
    for pair in text.split(RECORD).filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once(FIELD).unwrap_or((pair, ""));
        match k {
            "city" => f.cities.push(v.to_string()),
            "level" => f.levels.push(v.to_string()),
            "range" => f.ranges.push(v.to_string()),
            "cpf" => f.cpf = Some(v == "true"),
            // Cents, as an integer (no float parsing here).
            "maxPriceCents" => f.max_price = v.parse::<u64>().ok().map(|c| c as f64 / 100.0),
            "startFrom" => f.start_from = v.parse().ok(),
            "startTo" => f.start_to = v.parse().ok(),
            _ => {}
        }
    }
    f
}

/// Every record of a documents text (records separated by U+001E).
pub fn documents(text: &str) -> Vec<Document> {
    text.split(RECORD).filter(|r| !r.is_empty()).map(document).collect()
}
