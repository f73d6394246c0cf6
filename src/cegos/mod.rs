//! Cegos catalog API: catalogs, topic tree, products, centers, sessions.
//!
//! Wire names are the document's (`cegos-catalog-api.txt`); Rust names are
//! idiomatic. Every type is prefixed `Cegos` because TypeScript puts all the
//! package's types in one namespace. `models` holds the requests and
//! responses, `rules` their validation and [`session_availability`],
//! `routes` the paths and query strings.

mod models;
pub mod routes;
pub(crate) mod rules;

pub use models::*;
pub use routes::CATALOG_TOPICS_PATHS;
pub use rules::{
    parse_yearly_product_code, parse_yearly_session_code, session_availability, yearly_product_code, CegosSessionAvailability, CegosYearlyProductCode,
    CegosYearlyProductCodeForm, CegosYearlySessionCode,
};

use crate::schema::Schema;

/// The Cegos schemas, by name.
pub const SCHEMAS: &[Schema] = &[
    Schema::of::<CegosCatalogsResponse>("CegosCatalogsResponse"),
    Schema::of::<CegosCatalogTopicsResponse>("CegosCatalogTopicsResponse"),
    Schema::of::<CegosProductsPage>("CegosProductsPage"),
    Schema::of::<CegosProductResponse>("CegosProductResponse"),
    Schema::of::<CegosCentersResponse>("CegosCentersResponse"),
    Schema::of::<CegosSessionsPage>("CegosSessionsPage"),
    Schema::of::<CegosSessionResponse>("CegosSessionResponse"),
    Schema::of::<CegosCatalogsQuery>("CegosCatalogsQuery"),
    Schema::of::<CegosCatalogTopicsQuery>("CegosCatalogTopicsQuery"),
    Schema::of::<CegosProductsQuery>("CegosProductsQuery"),
    Schema::of::<CegosProductQuery>("CegosProductQuery"),
    Schema::of::<CegosCentersQuery>("CegosCentersQuery"),
    Schema::of::<CegosSessionsQuery>("CegosSessionsQuery"),
    Schema::of::<CegosSessionQuery>("CegosSessionQuery"),
];

/// TypeScript declarations of this module's open enums.
pub const TS_DECLS: &[&str] =
    &[<CegosSessionStatus as tsify::Tsify>::DECL, <CegosTopicRelationType as tsify::Tsify>::DECL, <CegosTitleType as tsify::Tsify>::DECL];
