//! Deterministic generated data. Everything derives from one seed and one
//! "today" anchor, so the same options give byte-identical responses.

pub mod cegos;
pub mod fr;
pub mod france_travail;
pub mod lara;
pub mod notice;
pub mod rng;

use crate::dates::Date;

/// The read-only part of the data (Cegos catalog, France Travail AIS).
pub struct Data {
    pub cegos: cegos::CegosData,
    pub ais: Vec<france_travail::AisSession>,
}

/// Generates everything: the read-only data and the initial Lära store.
pub fn generate(seed: u64, today: Date) -> (Data, lara::LaraStore) {
    let root = rng::Rng::new(seed);
    let data = Data { cegos: cegos::generate(&root, today), ais: france_travail::generate(&root, today) };
    (data, lara::generate(&root, today))
}
