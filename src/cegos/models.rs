//! Cegos request and response models.
//!
//! One model serves a route's list and detail forms (the product of
//! `/v1/Products` and of `/v1/Products/{yearlyProductCode}`, the session of
//! `/v1/Sessions` and of `/v1/Sessions/{yearlySessionCode}`): a field either
//! table marks optional, that only comes with `hydrate=true`, or that one of
//! the document's own examples leaves out, is optional here.
//!
//! Numbers (specs README, contradiction 16): every duration the two tables
//! type differently (`durationInDays` Double/Integer, `delayIn*` Int/Decimal
//! with `0.07` in the example) is an `f64`; identifiers, orders and counts are
//! `i64`; prices are `f64`.

use crate::model;
use crate::wire::{Extra, Nullable, WireDate};

// ---------------------------------------------------------------- catalogs

/// One catalog (`GET /v1/Catalogs`).
#[model]
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
}

/// `GET /v1/Catalogs` response.
#[model(schema = "cegos.catalogs", items = "data")]
pub struct CegosCatalogsResponse {
    /// The catalogs.
    pub data: Vec<CegosCatalog>,
}

// ---------------------------------------------------------------- topics

/// One node of the topic tree (`CatalogTopicsResponse`).
#[model]
pub struct CegosTopic {
    /// Topic identifier.
    pub id: i64,
    /// Topic display name.
    pub label: String,
    /// Display order among its siblings.
    pub order: i64,
    /// Child topics; `null` on leaves (specs README, contradiction 16).
    pub sub_topics: Nullable<Vec<CegosTopic>>,
}

impl CegosTopic {
    /// The child topics (empty on a leaf, whether `subTopics` is `null`, absent or `[]`).
    pub fn children(&self) -> &[CegosTopic] {
        self.sub_topics.value().map_or(&[], Vec::as_slice)
    }

    /// True when the topic has no child.
    pub fn is_leaf(&self) -> bool {
        self.children().is_empty()
    }

    /// This topic and all its descendants, depth first (parents before children).
    pub fn descendants(&self) -> Vec<&CegosTopic> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(t) = stack.pop() {
            out.push(t);
            stack.extend(t.children().iter().rev());
        }
        out
    }
}

/// The topic tree of one catalog.
#[model]
pub struct CegosCatalogTopics {
    /// Catalog identifier.
    pub catalog_id: i64,
    /// Catalog year (the year of the catalog's end date).
    pub year: i64,
    /// Top-level topics, each with its sub-topics.
    pub topics: Vec<CegosTopic>,
}

impl CegosCatalogTopics {
    /// The topic with identifier `id`, searched through the whole tree.
    pub fn find(&self, id: i64) -> Option<&CegosTopic> {
        self.topics.iter().flat_map(CegosTopic::descendants).find(|t| t.id == id)
    }
}

/// `GET /v1/CatalogTopics` response.
#[model(schema = "cegos.topics")]
pub struct CegosCatalogTopicsResponse {
    /// The topic tree.
    pub data: CegosCatalogTopics,
}

// ---------------------------------------------------------------- products

crate::open_enum! {
    /// Kind of a product title (`TitleResponse.type`): the detail example
    /// sends `"BALISE TITRE"`, `"TITRE"`, `"SOUS TITRE"`, the list example `"Main"`.
    pub enum CegosTitleType: str {
        /// `"Main"` (list example).
        Main = "Main",
        /// `"TITRE"`: the product title.
        Title = "TITRE",
        /// `"BALISE TITRE"`: the HTML `<title>` tag.
        TitleTag = "BALISE TITRE",
        /// `"SOUS TITRE"`: the subtitle.
        Subtitle = "SOUS TITRE",
    }
}

/// One product title with its own length limit (`TitleResponse`).
#[model]
pub struct CegosTitle {
    /// Title type (`"TITRE"`, `"BALISE TITRE"`, `"SOUS TITRE"`, `"Main"`…).
    #[serde(rename = "type")]
    pub kind: CegosTitleType,
    /// Title text.
    pub text: String,
    /// Maximum length of `text`, in UTF-16 code units (50, 128, 256 in the examples).
    pub length_maximum: i64,
}

/// One module of a formula (`ModuleResponse`).
#[model]
pub struct CegosModule {
    /// Module identifier (the product's when `isProduct`).
    pub id: i64,
    /// Module code (the product code when `isProduct`: `"EXP030_FR"`).
    pub code: String,
    /// Order in the formula.
    pub order: i64,
    /// Whether the module is optional.
    pub optional: bool,
    /// Whether the module is itself a product.
    pub is_product: bool,
    /// Module display name.
    pub label: String,
    /// Duration in days; fractional (`0.07`, contradiction 16).
    pub delay_in_day: f64,
    /// Duration in hours; fractional (`0.5`).
    pub delay_in_hour: f64,
    /// Duration in minutes (Int in both tables; read as a number all the same).
    pub delay_in_minute: f64,
    /// Delivery mode (`"Présentiel"`, `"A distance"`).
    pub delivery_mode: String,
}

/// One formula of a product and its modules (`FormulaResponse`).
#[model]
pub struct CegosFormula {
    /// Formula identifier.
    pub id: i64,
    /// Formula label (`"F1"`).
    pub label: String,
    /// The modules, in the order sent.
    pub modules: Vec<CegosModule>,
}

crate::open_enum! {
    /// How a product hangs in the topic tree (`relationType`: "Main, Secondary, etc.").
    pub enum CegosTopicRelationType: str {
        /// The product's main topic.
        Main = "Main",
        /// A secondary topic.
        Secondary = "Secondary",
    }
}

/// A product's place in the topic tree (`CatalogTopicRelationResponse`).
#[model]
pub struct CegosTopicRelation {
    /// Topic identifier (the `id` of a `CegosTopic`).
    pub catalog_topic_id: i64,
    /// Order of the relation.
    pub order: i64,
    /// Relation type.
    pub relation_type: CegosTopicRelationType,
}

/// A product to propose with this one (`RelatedProductResponse`).
#[model]
pub struct CegosRelatedProduct {
    /// Product code of the related product (`"6464"`).
    pub related_product_code: String,
    /// Relation kind (`"After"` in the examples; the document lists no others).
    #[serde(rename = "type")]
    pub kind: String,
    /// Display order.
    pub order: i64,
}

/// An `{id, label}` pair: a product's level (`LevelResponse`) or range (`RangeResponse`).
#[model]
pub struct CegosElement {
    /// Identifier.
    pub id: i64,
    /// Display name.
    pub label: String,
}

/// A titled block of the program (`ContentSectionResponse`).
#[model]
pub struct CegosContentSection {
    /// Section title (HTML).
    pub title: String,
    /// Section text (HTML).
    pub text: String,
}

/// The structured program of a notice (`ProgramContentResponse`).
#[model]
pub struct CegosProgramContent {
    /// Before the training.
    pub before: CegosContentSection,
    /// Title of the "during the training" block.
    pub during_title: String,
    /// Program parts (P1–P10).
    pub parts: Vec<String>,
    /// After the training.
    pub after: CegosContentSection,
    /// Upstream content.
    pub upstream: String,
    /// Downstream content (in the detail table only).
    pub downstream: Nullable<String>,
}

/// A product's full notice, HTML fragments from the CMS (`NoticeDetailsResponse`).
#[model]
pub struct CegosNotice {
    /// Introduction title (optional, only if not empty).
    pub introduction_title: Nullable<String>,
    /// Introduction.
    pub introduction: Nullable<String>,
    /// Target audience.
    pub for_who: Nullable<String>,
    /// Application procedure (optional, only if not empty).
    pub application_procedure: Nullable<String>,
    /// Prerequisites.
    pub prerequisite: Nullable<String>,
    /// Remote-training procedure.
    pub visio_training_procedure: Nullable<String>,
    /// Objectives.
    pub objective: Nullable<String>,
    /// Evaluation method.
    pub evaluation: Nullable<String>,
    /// Structured program.
    pub program_content: Nullable<CegosProgramContent>,
    /// Participant benefits.
    pub participant_benefits: Nullable<String>,
    /// Program details.
    pub program: Nullable<String>,
    /// Highlights.
    pub highlights: Nullable<String>,
    /// More precisely.
    pub more_precisely: Nullable<String>,
    /// First minute.
    pub first_minute: Nullable<String>,
    /// CPF text.
    pub cpf_text: Nullable<String>,
    /// RNCP text.
    pub rncp_text: Nullable<String>,
    /// Expected results.
    pub expected_results: Nullable<String>,
    /// Partner text.
    pub the_most_partner_text: Nullable<String>,
    /// Financing assistance.
    pub financing_assistance: Nullable<String>,
    /// Whether the certification is optional or included.
    pub certification_title_optional_or_included: Nullable<String>,
    /// Bonus.
    pub bonus: Nullable<String>,
    /// Video.
    pub video: Nullable<String>,
    /// Financing.
    pub financing: Nullable<String>,
    /// CPF pop-up.
    pub cpf_popup: Nullable<String>,
    /// Desktop program image (a file name in the examples, not a URL).
    pub image_program_desktop: Nullable<String>,
    /// Mobile program image.
    pub image_program_mobile: Nullable<String>,
    /// Social-network image.
    pub image_social_networks: Nullable<String>,
    /// Pedagogy.
    pub pedagogy: Nullable<String>,
}

/// Commercial duration as strings (`CommercialDurationResponse`).
#[model]
pub struct CegosCommercialDuration {
    /// Days (`"2"`).
    pub days: String,
    /// Hours (`"14"`).
    pub hours: String,
    /// Minutes (`"0"`).
    pub minutes: String,
    /// Whether the values were forced.
    pub forced_values: bool,
    /// Whether remote activity is included.
    pub remote_activity_included: bool,
}

/// One product (`ProductDetailsResponse`), as listed or fetched alone,
/// hydrated (`hydrate=true`: titles, formula, topic relations, notice,
/// related products) or not.
#[model]
pub struct CegosProduct {
    /// Product code (`"61072"`, `"38"`).
    pub product_code: String,
    /// Offer year + product code padded to 5 (`"202500038"`, contradiction 12).
    pub yearly_product_code: String,
    /// Offer year.
    pub offer_year: i64,
    /// Title.
    pub title: String,
    /// Evolution type (`"Reconduit"`, `"Evolution"`).
    pub evolution_type: String,
    /// CPF eligibility.
    pub cpf: bool,
    /// RS code (optional, only if not empty).
    pub rs_code: Nullable<String>,
    /// RNCP code (optional, only if not empty).
    pub rncp_code: Nullable<String>,
    /// CPF code (optional, only if not empty).
    pub cpf_code: Nullable<String>,
    /// Training method (`"Stage"`, `"Présentiel"`).
    pub training_method: String,
    /// Offer family identifier.
    pub family_offer_id: i64,
    /// Module duration, formatted (`"2 jours"`; absent from the detail example).
    pub module_duration: Nullable<String>,
    /// Delivery languages.
    pub languages: Vec<String>,
    /// Session cities.
    pub cities: Vec<String>,
    /// Session cities open to CPF.
    pub available_cpf_cities: Vec<String>,
    /// Level.
    pub level: CegosElement,
    /// Professional challenges identifier.
    pub professional_challenges_id: i64,
    /// Best seller.
    pub best_seller: bool,
    /// 4Real pictogram.
    pub picto4_real: bool,
    /// Titles, each with its length limit (only with `hydrate=true`).
    pub titles: Nullable<Vec<CegosTitle>>,
    /// Formulas and their modules (only with `hydrate=true`).
    pub formula: Nullable<Vec<CegosFormula>>,
    /// Places in the topic tree (only with `hydrate=true`).
    pub catalog_topic_relations: Nullable<Vec<CegosTopicRelation>>,
    /// Partners.
    pub partners: Vec<String>,
    /// Related products (only with `hydrate=true`, per the detail table).
    pub related_products: Nullable<Vec<CegosRelatedProduct>>,
    /// Range.
    pub range: CegosElement,
    /// Standard (inter-company) price.
    pub price: f64,
    /// iPack (dedicated inter-company) price.
    pub i_pack_price: f64,
    /// Full notice (only with `hydrate=true`).
    pub notice: Nullable<CegosNotice>,
    /// Notice page, `https://www.cegos.fr/{productCode}` (absent from the list example).
    pub notice_url: Nullable<String>,
    /// Notice PDF, `https://static.cegos.fr/pdf/{offerYear}_{code padded to 4}.pdf`.
    pub notice_url_pdf: Nullable<String>,
    /// Whether the certification is included.
    pub certification_include: bool,
    /// International product.
    pub international_product: bool,
    /// Certification (list table only).
    pub certification: Nullable<String>,
    /// Certifier (list table only).
    pub certifier: Nullable<String>,
    /// Job sheet title (list table only).
    pub job_sheet_title: Nullable<String>,
    /// Job sheet URL (list table only).
    pub job_sheet_url: Nullable<String>,
    /// Modality title (list table only).
    pub modality_title: Nullable<String>,
    /// Marketing title (list table only).
    pub marketing_title: Nullable<String>,
    /// Delivery mode (`"Mixte"`, `"Présentiel"`).
    pub delivery_mode: String,
    /// Commercial duration.
    pub commercial_duration: CegosCommercialDuration,
}

impl CegosProduct {
    /// True when the hydrated parts (titles, formula, topic relations, notice) came with it.
    pub fn is_hydrated(&self) -> bool {
        self.titles.value().is_some() || self.formula.value().is_some() || self.catalog_topic_relations.value().is_some() || self.notice.value().is_some()
    }
}

/// `GET /v1/Products` response: one page of products.
#[model(schema = "cegos.productsPage", items = "data")]
pub struct CegosProductsPage {
    /// The products of this page.
    pub data: Vec<CegosProduct>,
    /// This page's number (1-based; the server corrects out-of-range requests).
    pub page_number: i64,
    /// Items per page (fixed: 100).
    pub page_size: i64,
    /// Products in all pages.
    pub total_items: i64,
    /// Number of pages (`ceil(totalItems / pageSize)`).
    pub total_pages: i64,
}

/// `GET /v1/Products/{yearlyProductCode}` response.
#[model(schema = "cegos.product")]
pub struct CegosProductResponse {
    /// The product.
    pub data: CegosProduct,
}

// ---------------------------------------------------------------- centers

/// One training center (`GET /v1/Referentials/centers`).
#[model]
pub struct CegosCenter {
    /// Center code (`"679"`, `"AJ4"`; optional, only if not null).
    pub code: Nullable<String>,
    /// Center name (optional, only if not null).
    pub name: Nullable<String>,
    /// Address lines (the non-empty ones of two).
    pub address: Vec<String>,
    /// City (optional, only if not null).
    pub city: Nullable<String>,
    /// Postal code (optional, only if not null).
    pub postal_code: Nullable<String>,
    /// Country (optional, only if not null).
    pub country: Nullable<String>,
}

/// `GET /v1/Referentials/centers` response.
#[model(schema = "cegos.centers", items = "data")]
pub struct CegosCentersResponse {
    /// The centers.
    pub data: Vec<CegosCenter>,
}

// ---------------------------------------------------------------- sessions

crate::open_enum! {
    /// Session status, sent as its name (`"Open"`). The list table documents
    /// the enum `Open=0, Valid=100, Invited=200, Cancel=900`; the detail table
    /// says "Open, Closed, Cancelled, etc." Decision (specs README,
    /// contradiction 14): the four enum names are typed, and any other name
    /// (`"Closed"`, `"Cancelled"`) parses as `Unknown` and is kept as sent.
    pub enum CegosSessionStatus: str {
        /// Open for registration (0).
        Open = "Open",
        /// Validated (100).
        Valid = "Valid",
        /// By invitation (200).
        Invited = "Invited",
        /// Cancelled (900).
        Cancel = "Cancel",
    }
}

impl CegosSessionStatus {
    /// The numeric value of the server's enum (`Open` = 0 … `Cancel` = 900);
    /// `None` for a value the enum does not list.
    pub fn code(&self) -> Option<i64> {
        match self {
            CegosSessionStatus::Open => Some(0),
            CegosSessionStatus::Valid => Some(100),
            CegosSessionStatus::Invited => Some(200),
            CegosSessionStatus::Cancel => Some(900),
            CegosSessionStatus::Unknown(_) => None,
        }
    }

    /// The status whose numeric value is `code`.
    pub fn from_code(code: i64) -> Option<Self> {
        match code {
            0 => Some(CegosSessionStatus::Open),
            100 => Some(CegosSessionStatus::Valid),
            200 => Some(CegosSessionStatus::Invited),
            900 => Some(CegosSessionStatus::Cancel),
            _ => None,
        }
    }
}

/// One part (component) of a session (`SessionPartResponse`).
#[model]
pub struct CegosSessionPart {
    /// Part number (sequence).
    pub number: i64,
    /// Whether this part is remote.
    pub is_remote: bool,
    /// Start (optional, only if not null).
    pub start_date: Nullable<WireDate>,
    /// End (optional, only if not null).
    pub end_date: Nullable<WireDate>,
    /// Start hour, 0–23 (optional, only if not null).
    pub start_time_hour: Nullable<i64>,
    /// Start minute, 0–59 (optional, only if not null).
    pub start_time_minute: Nullable<i64>,
    /// End hour, 0–23 (optional, only if not null).
    pub end_time_hour: Nullable<i64>,
    /// End minute, 0–59 (optional, only if not null).
    pub end_time_minute: Nullable<i64>,
    /// Duration in days, fractional.
    pub duration_in_day: f64,
    /// Center code (the `code` of a `CegosCenter`; optional, only if not null).
    pub center_id: Nullable<String>,
}

/// One session (`SessionResponse`), as listed or fetched alone.
#[model]
pub struct CegosSession {
    /// `"2025-61072-PAR-001"`: year, product code, session suffix (contradiction 12).
    pub yearly_session_code: String,
    /// Session number within the product.
    pub session_number: i64,
    /// `"2025-61072"` in the sessions examples (contradiction 12).
    pub yearly_product_code: String,
    /// Product code.
    pub product_code: String,
    /// Price.
    pub price: f64,
    /// Components, 'Visio formation' excluded (optional, only if not null).
    pub component_count: Nullable<i64>,
    /// Inter-company discount price (optional, only if not null).
    pub inter_discount_price: Nullable<f64>,
    /// Start: the earliest part's start; with or without a zone (contradiction 15).
    pub start_date: WireDate,
    /// End: the latest part's end.
    pub end_date: WireDate,
    /// Duration in days: `2`, `2.0` or `2.5` (Double vs Integer, contradiction 16).
    pub duration_in_days: f64,
    /// Whether the session is guaranteed to run.
    pub guaranteed_session: bool,
    /// Whether the session is remote.
    pub is_remote: bool,
    /// City (`"A DISTANCE"` when remote; optional, only if not empty).
    pub city: Nullable<String>,
    /// Server's verdict: full.
    pub is_full: bool,
    /// Server's verdict: last place available (two rules, contradiction 13).
    pub is_last_place_available: bool,
    /// Server's verdict: likely to run.
    pub is_high_probability: bool,
    /// Registrations (optional, only if not null).
    pub registration_count: Nullable<i64>,
    /// Minimum participants (optional, only if not null).
    pub limit_min: Nullable<i64>,
    /// Maximum participants (optional, only if not null).
    pub limit_max: Nullable<i64>,
    /// Status (contradiction 14).
    pub status: CegosSessionStatus,
    /// CPF eligibility (optional, only if not null).
    pub top_cpf: Nullable<bool>,
    /// Parts with their schedule (only with `hydrate=true` in the list).
    pub parts: Nullable<Vec<CegosSessionPart>>,
}

/// `GET /v1/Sessions` response: one page of sessions.
#[model(schema = "cegos.sessionsPage", items = "data")]
pub struct CegosSessionsPage {
    /// The sessions of this page.
    pub data: Vec<CegosSession>,
    /// This page's number (1-based).
    pub page_number: i64,
    /// Items per page (fixed: 100).
    pub page_size: i64,
    /// Sessions in all pages.
    pub total_items: i64,
    /// Number of pages (`ceil(totalItems / pageSize)`).
    pub total_pages: i64,
}

/// `GET /v1/Sessions/{yearlySessionCode}` response.
#[model(schema = "cegos.session")]
pub struct CegosSessionResponse {
    /// The session.
    pub data: CegosSession,
}

// ---------------------------------------------------------------- requests

/// Query of `GET /v1/Catalogs`: the document names no parameter. A
/// parameter it does not name goes in `extra` and is sent as given.
#[model(schema = "cegos.catalogsQuery")]
#[derive(Default)]
pub struct CegosCatalogsQuery {
    /// Parameters this version does not name, sent as given.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Query of `GET /v1/CatalogTopics`: the document names no parameter (the
/// response names its `catalogId` and `year`); an undocumented one such as
/// `{"catalogId": 92446}` goes in `extra`.
#[model(schema = "cegos.topicsQuery")]
#[derive(Default)]
pub struct CegosCatalogTopicsQuery {
    /// Parameters this version does not name, sent as given.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Query of `GET /v1/Products`.
#[model(schema = "cegos.productsQuery")]
#[derive(Default)]
pub struct CegosProductsQuery {
    /// Page to read, 1-based (default 1; the server corrects values out of range).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    pub page_number: Option<i64>,
    /// `true` adds titles, formula, topic relations and notice to each product (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    pub hydrate: Option<bool>,
    /// Parameters this version does not name, sent as given.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Request of `GET /v1/Products/{yearlyProductCode}`: the path segment and the query.
#[model(schema = "cegos.productQuery")]
pub struct CegosProductQuery {
    /// The product, in the products' form `"202500038"` (path segment, escaped when sent).
    pub yearly_product_code: String,
    /// `true` adds titles, formula, topic relations, related products and notice (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    pub hydrate: Option<bool>,
    /// Parameters this version does not name, sent as given.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Query of `GET /v1/Referentials/centers`: the document names no parameter.
#[model(schema = "cegos.centersQuery")]
#[derive(Default)]
pub struct CegosCentersQuery {
    /// Parameters this version does not name, sent as given.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Query of `GET /v1/Sessions`.
#[model(schema = "cegos.sessionsQuery")]
#[derive(Default)]
pub struct CegosSessionsQuery {
    /// Page to read, 1-based (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    pub page_number: Option<i64>,
    /// `true` adds each session's parts (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    pub hydrate: Option<bool>,
    /// Parameters this version does not name (a product filter, say), sent as given.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Request of `GET /v1/Sessions/{yearlySessionCode}`: the path segment and the query.
#[model(schema = "cegos.sessionQuery")]
pub struct CegosSessionQuery {
    /// The session, `"2025-61072-PAR-001"` (path segment, escaped when sent).
    pub yearly_session_code: String,
    /// Parameters this version does not name, sent as given.
    #[serde(flatten)]
    pub extra: Extra,
}
