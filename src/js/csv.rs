//! `campusSkills.fromCsv` / `checkCsv`: the file's bytes in, JSON text out,
//! a step at a time so the command line can print progress.

use wasm_bindgen::prelude::*;

use crate::campus_skills::csv::{CsvImport, CsvOptions, DateFormat, Encoding, Target};
use crate::validate::Lang;

/// A spreadsheet being read. JS: `new CampusCsv(bytes, isText, optionsJson)`, `step(n)` until true, `finish(withRequest)`, `free()`.
#[wasm_bindgen]
pub struct CampusCsv(Option<CsvImport>);

#[wasm_bindgen]
impl CampusCsv {
    /// Decodes the file; the options are JSON text (`lib/api.mjs` checked them). A bad option is an error string.
    #[wasm_bindgen(constructor)]
    pub fn new(input: Vec<u8>, is_text: bool, options: &str) -> Result<CampusCsv, String> {
        let options = read_options(options)?;
        Ok(CampusCsv(Some(CsvImport::new(input, is_text, options))))
    }

    /// Reads up to `rows` more rows; true when the file is read.
    pub fn step(&mut self, rows: u32) -> bool {
        self.0.as_mut().map_or(true, |i| i.step(rows as usize))
    }

    /// Spreadsheet rows read so far.
    #[wasm_bindgen(js_name = rowsRead)]
    pub fn rows_read(&self) -> u32 {
        self.0.as_ref().map_or(0, CsvImport::rows_read)
    }

    /// Runs the rules: `{"summary":…,"issues":[…]}`, with `"request"` when asked. Once.
    pub fn finish(&mut self, with_request: bool) -> String {
        match self.0.take() {
            Some(i) => i.finish().to_json(with_request),
            None => "{\"summary\":null,\"issues\":[]}".into(),
        }
    }
}

/// `{"mapping":{label: field|null}, "delimiter", "dateFormat", "encoding", "lang"}` → options.
fn read_options(text: &str) -> Result<CsvOptions, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("options: {e}"))?;
    let mut o = CsvOptions::default();
    if let Some(m) = v.get("mapping").and_then(|m| m.as_object()) {
        for (label, field) in m {
            let target = match field.as_str() {
                Some(f) => Target::Field(f.to_string()),
                None => Target::Ignore,
            };
            o.mapping.push((label.clone(), target));
        }
    }
    if let Some(d) = v.get("delimiter").and_then(|d| d.as_str()) {
        match d.as_bytes() {
            [b] if b.is_ascii() => o.delimiter = Some(*b),
            _ => return Err(format!("delimiter must be one ASCII character, got {d:?}")),
        }
    }
    if let Some(f) = v.get("dateFormat").and_then(|d| d.as_str()) {
        o.date_format = DateFormat::parse(f).ok_or_else(|| format!("unknown dateFormat {f:?}"))?;
    }
    if let Some(e) = v.get("encoding").and_then(|d| d.as_str()) {
        o.encoding = Encoding::parse(e).ok_or_else(|| format!("unknown encoding {e:?}"))?;
    }
    if let Some(l) = v.get("lang").and_then(|d| d.as_str()) {
        o.lang = Lang::parse(l).ok_or_else(|| format!("unknown lang {l:?}"))?;
    }
    Ok(o)
}
