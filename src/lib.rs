//! formakit: typed models, validators and clients for the French
//! vocational-training APIs — the Cegos catalog, the Lära LMS, France
//! Travail's enrolment attestations (AIS) and the Campus Skills contract sync.
//!
//! The core never sees a JavaScript type. Each provider has its own module
//! (`cegos`, `lara`, `france_travail`, `campus_skills`) holding its models and
//! rules; shared modules hold the wire conventions (`wire`), dates (`dates`),
//! text measurements (`text`), the schema registry (`schema`), validation
//! plumbing (`validate`) and errors (`error`). The `js` module, compiled only
//! for wasm32, is the thin boundary that converts and forwards.
//!
//! ```
//! use formakit::cegos::CegosCatalogsResponse;
//! let page: CegosCatalogsResponse = formakit::parse(br#"{"data":[]}"#).unwrap();
//! assert!(page.data.is_empty());
//! ```
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic))]

pub mod dates;
pub mod endpoints;
pub mod error;
pub mod formats;
pub mod http;
mod json_path;
pub mod model;
pub mod rules_registry;
pub mod schema;
pub mod text;
pub mod validate;
#[macro_use]
pub mod wire;

pub mod check;
pub mod endpoint;
pub mod shape;

#[cfg(feature = "campus-skills")]
pub mod campus_skills;
#[cfg(feature = "cegos")]
pub mod cegos;
#[cfg(feature = "france-travail")]
pub mod france_travail;
#[cfg(feature = "lara")]
pub mod lara;

/// The provider clients (feature `client`): sans IO, over a host transport.
#[cfg(feature = "client")]
pub mod client;

/// The JavaScript boundary (wasm32 with the `wasm` feature). Public for the wasm tests; not an API.
#[cfg(all(target_arch = "wasm32", feature = "wasm"))]
#[doc(hidden)]
pub mod js;

pub use check::Report;
pub use error::{DecodeError, Error};
pub use formakit_derive::model;
pub use schema::{parse, safe_parse, serialize, Model, Schema};
pub use validate::{Issue, Lang, Severity, Validate, Validator};
