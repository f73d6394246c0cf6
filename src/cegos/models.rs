//! Cegos request and response models.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::schema::Model;
use crate::validate::Validate;
use crate::wire::{Extra, WireDate};

/// One catalog (`GET /v1/Catalogs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CegosCatalog {
    /// Catalog identifier.
    pub id: i64,
    /// Catalog display name.
    pub label: String,
    /// Associated country identifier (a string on the wire: `"1"`).
    pub country_id: String,
    /// Country display name.
    pub country_label: String,
    /// Publication start.
    pub start_date: WireDate,
    /// Publication end.
    pub end_date: WireDate,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /v1/Catalogs` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
pub struct CegosCatalogsResponse {
    /// The catalogs.
    pub data: Vec<CegosCatalog>,
    /// Fields this version does not name, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Validate for CegosCatalogsResponse {}

impl Model for CegosCatalogsResponse {
    const SCHEMA: &'static str = "cegos.catalogs";
}
