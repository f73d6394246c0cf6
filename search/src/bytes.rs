//! `to_bytes` / `from_bytes`: a prebuilt index a site can ship. Little-endian;
//! `FKSI`, a version byte, then the facet dictionaries, the products, and the
//! term dictionary with its postings. Reading checks every length: a damaged file
//! is an error, never a panic.

use crate::index::{CatalogIndex, Doc};

const MAGIC: &[u8; 4] = b"FKSI";
const VERSION: u8 = 1;

struct W(Vec<u8>);

impl W {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        for s in v {
            self.str(s);
        }
    }
}

struct R<'a>(&'a [u8]);

impl<'a> R<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (a, b) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = b;
        Some(a)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// A count, refused when the rest could not hold `min_each` bytes per item.
    fn count(&mut self, min_each: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.saturating_mul(min_each) <= self.0.len()).then_some(n)
    }
    fn str(&mut self) -> Option<String> {
        let n = self.count(1)?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
    fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.count(4)?;
        (0..n).map(|_| self.str()).collect()
    }
}

/// Why bytes are not an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BytesError {
    /// Not a formakit index (no `FKSI` header).
    NotAnIndex,
    /// An index of another version.
    Version(u8),
    /// Cut short or inconsistent.
    Damaged,
}

impl BytesError {
    /// The reason, in French then English.
    pub fn message(&self) -> &'static str {
        match self {
            BytesError::NotAnIndex => "pas un index de recherche formakit (pas d'en-tête FKSI) / not a formakit search index (no FKSI header)",
            BytesError::Version(_) => "index d'une autre version de formakit : reconstruisez-le / an index of another formakit version: rebuild it",
            BytesError::Damaged => "l'index est tronqué ou abîmé / the index is cut short or damaged",
        }
    }
}

impl std::fmt::Display for BytesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for BytesError {}

impl CatalogIndex {
    /// The index as bytes ([`CatalogIndex::from_bytes`] reads them back).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = W(Vec::new());
        w.0.extend_from_slice(MAGIC);
        w.0.push(VERSION);
        w.strs(&self.cities);
        w.strs(&self.levels);
        w.strs(&self.ranges);
        w.u32(self.docs.len() as u32);
        for d in &self.docs {
            w.str(&d.code);
            w.str(&d.title);
            w.u32(d.cities.len() as u32);
            for c in &d.cities {
                w.u32(*c);
            }
            w.u32(d.level);
            w.u32(d.range);
            w.0.push(u8::from(d.cpf));
            w.0.extend_from_slice(&d.price.to_le_bytes());
            w.u32(d.starts.len() as u32);
            for s in &d.starts {
                w.0.extend_from_slice(&s.to_le_bytes());
            }
        }
        w.u32(self.terms.len() as u32);
        for (i, t) in self.terms.iter().enumerate() {
            w.str(t);
            let a = self.post_off.get(i).copied().unwrap_or(0) as usize;
            let b = self.post_off.get(i + 1).copied().unwrap_or(0) as usize;
            let docs = self.post_doc.get(a..b).unwrap_or_default();
            let tfs = self.post_tf.get(a..b).unwrap_or_default();
            w.u32(docs.len() as u32);
            for (doc, tf) in docs.iter().zip(tfs) {
                w.u32(*doc);
                w.0.extend_from_slice(&tf.to_le_bytes());
            }
        }
        w.0
    }

    /// Reads [`CatalogIndex::to_bytes`]'s output.
    pub fn from_bytes(bytes: &[u8]) -> Result<CatalogIndex, BytesError> {
        let mut r = R(bytes);
        if r.take(4) != Some(MAGIC.as_slice()) {
            return Err(BytesError::NotAnIndex);
        }
        match r.take(1) {
            Some([VERSION]) => {}
            Some([v]) => return Err(BytesError::Version(*v)),
            _ => return Err(BytesError::Damaged),
        }
        Self::read(&mut r).ok_or(BytesError::Damaged)
    }

    fn read(r: &mut R<'_>) -> Option<CatalogIndex> {
        let mut ix = CatalogIndex { cities: r.strs()?, levels: r.strs()?, ranges: r.strs()?, ..CatalogIndex::default() };
        let n = r.count(29)?;
        for _ in 0..n {
            let code = r.str()?;
            let title = r.str()?;
            let nc = r.count(4)?;
            let cities = (0..nc).map(|_| r.u32().filter(|c| (*c as usize) < ix.cities.len())).collect::<Option<Vec<_>>>()?;
            let level = r.u32().filter(|l| (*l as usize) < ix.levels.len())?;
            let range = r.u32().filter(|l| (*l as usize) < ix.ranges.len())?;
            let cpf = *r.take(1)?.first()? != 0;
            let price = r.f64()?;
            let ns = r.count(4)?;
            let starts = (0..ns).map(|_| r.u32().map(|v| v as i32)).collect::<Option<Vec<_>>>()?;
            ix.docs.push(Doc { code, title, cities, level, range, cpf, price, starts });
        }
        let nt = r.count(8)?;
        ix.post_off.push(0);
        for _ in 0..nt {
            let t = r.str()?;
            if ix.terms.last().is_some_and(|l| *l >= t) {
                return None; // the dictionary must stay sorted for prefix search
            }
            let np = r.count(8)?;
            let before = ix.post_doc.len();
            for _ in 0..np {
                let doc = r.u32().filter(|d| (*d as usize) < ix.docs.len())?;
                let tf = r.f32().filter(|f| f.is_finite())?;
                // By doc, each doc once: the intersection of words relies on it.
                if ix.post_doc.len() > before && ix.post_doc.last().is_some_and(|p| *p >= doc) {
                    return None;
                }
                ix.post_doc.push(doc);
                ix.post_tf.push(tf);
            }
            ix.post_off.push(ix.post_doc.len() as u32);
            ix.terms.push(t);
        }
        if !r.0.is_empty() {
            return None;
        }
        ix.finish();
        Some(ix)
    }
}
