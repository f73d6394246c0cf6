//! The JavaScript boundary of `formakit/search`: text and bytes cross, nothing else
//! (no serde_json in this wasm, so it stays small). The package's `lib/search.mjs`
//! turns parsed products into the documents text and the results text into objects.

use wasm_bindgen::prelude::*;

use crate::index::{CatalogIndex, Results};
use crate::records::{documents, filters};

/// The search wasm's allocator, as the core's: talc.
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Decimal digits of `n` (no `format!`: the formatting machinery is most of a small wasm).
fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(b) = buf.get_mut(i) {
            *b = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    for b in buf.get(i..).unwrap_or_default() {
        out.push(char::from(*b));
    }
}

fn push_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                for shift in [4, 0] {
                    out.push(char::from(HEX.get(((c as usize) >> shift) & 15).copied().unwrap_or(b'0')));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json(r: &Results) -> String {
    let mut o = String::with_capacity(256 + r.hits.len() * 64);
    o.push_str("{\"hits\":[");
    for (i, h) in r.hits.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        o.push_str("{\"yearlyProductCode\":");
        push_str(&mut o, &h.code);
        // Thousandths, as an integer: no float formatting in this wasm.
        let milli = if h.score.is_finite() { (h.score * 1000.0).round().max(0.0) as u64 } else { 0 };
        o.push_str(",\"score\":");
        push_u64(&mut o, milli);
        o.push_str(",\"highlights\":[");
        for (j, (a, b)) in h.highlights.iter().enumerate() {
            if j > 0 {
                o.push(',');
            }
            o.push('[');
            push_u64(&mut o, u64::from(*a));
            o.push(',');
            push_u64(&mut o, u64::from(*b));
            o.push(']');
        }
        o.push_str("]}");
    }
    o.push_str("],\"total\":");
    push_u64(&mut o, u64::from(r.total));
    o.push_str(",\"facets\":{");
    let facet = |o: &mut String, name: &str, values: &[(String, u32)], last: bool| {
        push_str(o, name);
        o.push_str(":[");
        for (i, (v, c)) in values.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push_str("{\"value\":");
            push_str(o, v);
            o.push_str(",\"count\":");
            push_u64(o, u64::from(*c));
            o.push('}');
        }
        o.push(']');
        if !last {
            o.push(',');
        }
    };
    facet(&mut o, "city", &r.facets.city, false);
    facet(&mut o, "level", &r.facets.level, false);
    facet(&mut o, "range", &r.facets.range, false);
    o.push_str("\"cpf\":[");
    for (i, (v, c)) in r.facets.cpf.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        o.push_str(if *v { "{\"value\":true,\"count\":" } else { "{\"value\":false,\"count\":" });
        push_u64(&mut o, u64::from(*c));
        o.push('}');
    }
    o.push_str("]}}");
    o
}

/// The index, for JavaScript (the package's `CatalogIndex` wraps it).
#[wasm_bindgen(js_name = WasmCatalogIndex)]
pub struct WasmCatalogIndex {
    inner: CatalogIndex,
}

#[wasm_bindgen(js_class = WasmCatalogIndex)]
impl WasmCatalogIndex {
    /// Indexes the documents text (records separated by U+001E; see `document`).
    #[wasm_bindgen(js_name = fromDocuments)]
    pub fn from_documents(text: &str) -> WasmCatalogIndex {
        let docs = documents(text);
        WasmCatalogIndex { inner: CatalogIndex::build(&docs) }
    }

    /// Reads `toBytes`' output; throws the reason (French / English) for other bytes.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<WasmCatalogIndex, JsValue> {
        CatalogIndex::from_bytes(bytes).map(|inner| WasmCatalogIndex { inner }).map_err(|e| JsValue::from_str(e.message()))
    }

    /// The index as bytes.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.inner.to_bytes()
    }

    /// Searches; `filters` is `key U+001F value` pairs separated by U+001E. Returns JSON text.
    pub fn search(&self, query: &str, filters_text: &str, limit: u32, offset: u32) -> String {
        json(&self.inner.search(query, &filters(filters_text), limit as usize, offset as usize))
    }

    /// Products indexed.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> u32 {
        self.inner.len() as u32
    }
}
