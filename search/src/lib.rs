//! formakit-search: the French-aware catalog search of formakit, in its own crate and
//! its own wasm entry (`formakit/search`), so that pages which do not search do not
//! download it.
//!
//! ```
//! use formakit_search::{CatalogIndex, Document, Filters};
//! let docs = [Document { code: "202600001".into(), title: "Les fondamentaux du management".into(), ..Document::default() }];
//! let index = CatalogIndex::build(&docs);
//! let r = index.search("managment", &Filters::default(), 10, 0);
//! assert_eq!(r.hits[0].code, "202600001");
//! ```

pub mod bytes;
pub mod index;
pub mod normalize;
pub mod products;
pub mod records;

#[cfg(all(target_arch = "wasm32", feature = "wasm"))]
mod js;

pub use index::{CatalogIndex, Document, Facets, Filters, Hit, Results};
