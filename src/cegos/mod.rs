//! Cegos catalog API: catalogs, topic tree, products, centers, sessions.
//!
//! Wire names are the document's (`cegos-catalog-api.txt`); Rust names are
//! idiomatic. Every type is prefixed `Cegos` because TypeScript puts all the
//! package's types in one namespace. `models` holds the requests and
//! responses, `oauth` the token request and answers, `rules` their
//! validation and [`session_availability`], `routes` the paths and query
//! strings.

pub mod endpoints;
mod models;
mod oauth;
pub mod routes;
pub(crate) mod rules;

pub use models::*;
pub use oauth::*;
pub use routes::CATALOG_TOPICS_PATHS;
pub use rules::{
    parse_yearly_product_code, parse_yearly_session_code, session_availability, yearly_product_code, CegosSessionAvailability, CegosYearlyProductCode,
    CegosYearlyProductCodeForm, CegosYearlySessionCode,
};
