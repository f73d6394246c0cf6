//! Campus Skills request and response models.
//!
//! The document lists routes but no fields; the contract's fields come from
//! the specs README's public facts.

use crate::model;
use crate::wire::{Extra, Json, Nullable};

crate::open_enum! {
    /// Kind of contract (`type`).
    pub enum CampusContractType: str {
        /// Apprenticeship contract.
        Apprenticeship = "APPRENTICESHIP",
        /// Internship agreement.
        Internship = "INTERNSHIP",
    }
}

/// One contract (`contrat`): the contract, where and what is taught, the
/// learner, the school tutor and the company tutor.
///
/// User codes (`codeApprenant`, `codePersonnel`, `codeMaitreApprentissage`)
/// must be unique across the three roles, an e-mail belongs to one person,
/// and each code ↔ name pair (site, period, programme, year) maps one to one.
#[model(schema = "campusskills.contract")]
pub struct CampusContract {
    /// Your contract code, unique in a sync.
    pub code_contrat: String,
    /// Start date, `DD/MM/YYYY`.
    pub date_debut: String,
    /// End date, `DD/MM/YYYY`, not before `dateDebut`.
    pub date_fin: String,
    /// The employer's name.
    pub nom_entreprise: String,
    /// Group (training session) code.
    pub code_groupe: String,
    /// Group name.
    pub nom_groupe: String,
    /// Site (city campus) code.
    pub code_site: String,
    /// Site name.
    pub nom_site: String,
    /// Brand code.
    pub code_marque: Nullable<String>,
    /// Brand name.
    pub nom_marque: Nullable<String>,
    /// Period (school year) code.
    pub code_periode: String,
    /// Period name (`"2024/2025"`).
    pub nom_periode: String,
    /// Programme code.
    pub code_formation: String,
    /// Programme name (`"BTS MCO"`).
    pub nom_formation: String,
    /// Year-of-programme code.
    pub code_annee: String,
    /// Year-of-programme name (`"Licence RH 1ère année"`).
    pub nom_annee: String,
    /// Learner's user code.
    pub code_apprenant: String,
    /// Learner's last name.
    pub nom_apprenant: String,
    /// Learner's first name.
    pub prenom_apprenant: String,
    /// Learner's e-mail.
    pub email_apprenant: String,
    /// School tutor's user code.
    pub code_personnel: String,
    /// School tutor's last name.
    pub nom_personnel: String,
    /// School tutor's first name.
    pub prenom_personnel: String,
    /// School tutor's e-mail.
    pub email_personnel: String,
    /// Company tutor's user code.
    pub code_maitre_apprentissage: String,
    /// Company tutor's last name.
    pub nom_maitre_apprentissage: String,
    /// Company tutor's first name.
    pub prenom_maitre_apprentissage: String,
    /// Company tutor's e-mail.
    pub email_maitre_apprentissage: String,
    /// Mission title.
    pub mission_title: Nullable<String>,
    /// Mission details.
    pub mission_details: Nullable<String>,
    /// Month the group starts; its type is undocumented, so it is kept as sent.
    #[cfg_attr(feature = "ts", tsify(optional, type = "unknown"))]
    pub month_start_group: Nullable<Json>,
    /// RNCP certification code (`RNCP` + 3 to 5 digits).
    pub rncp: Nullable<String>,
    /// Kind of contract.
    #[serde(rename = "type")]
    pub contract_type: Nullable<CampusContractType>,
}

/// `POST /api/sync/v1/contrats` and `POST /api/sync/v1/contrats-diff` body.
#[model(schema = "campusskills.syncRequest", items = "contrats")]
pub struct CampusSyncRequest {
    /// The contracts to synchronise (the whole set: validated together).
    pub contrats: Vec<CampusContract>,
}

/// `POST /api/sync/v1/contrats` answer.
#[model(schema = "campusskills.syncResponse")]
pub struct CampusSyncResponse {
    /// True when the sync was accepted.
    pub success: bool,
    /// The contracts accepted, in the request's shape.
    pub valid_contrats: Vec<CampusContract>,
    /// The contracts refused, each with the server's reasons (`errors`).
    pub invalid_contrats: Vec<CampusInvalidContract>,
}

/// One refused contract in `invalidContrats`.
///
/// Decision: nothing documents this shape, and a refused contract may lack
/// the very fields that made it invalid, so nothing is required. An entry is
/// read as the contract as sent (its `codeContrat` named, every other contract
/// field kept in `extra`), plus the server's explanations: `errors`, a list of
/// sentences that name the fields (`"contrats[3].dateFin (01/09/2024) is before
/// contrats[3].dateDebut (02/09/2024)"`), as the sandbox sends them; `error` or
/// `message` (any JSON, kept as sent) when a server explains otherwise. An item
/// that was not an object comes back as `{"value": item, "errors": [...]}`.
#[model]
pub struct CampusInvalidContract {
    /// The refused contract's code, when sent.
    pub code_contrat: Nullable<String>,
    /// The server's explanation, when given as `error`.
    #[cfg_attr(feature = "ts", tsify(optional, type = "unknown"))]
    pub error: Nullable<Json>,
    /// Why the contract was refused: one sentence per problem, naming the field (`contrats[3].emailApprenant is required`).
    pub errors: Nullable<Vec<String>>,
    /// The refused item as sent, when it was not an object (`{"value": 42, "errors": ["contrats[0] must be an object"]}`).
    #[cfg_attr(feature = "ts", tsify(optional, type = "unknown"))]
    pub value: Nullable<Json>,
    /// The server's explanation, when given as `message`.
    #[cfg_attr(feature = "ts", tsify(optional, type = "unknown"))]
    pub message: Nullable<Json>,
    /// The other fields (the rest of the contract), kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CampusInvalidContract {
    /// The refused contract as a [`CampusContract`], when every required field is there.
    pub fn contract(&self) -> Option<CampusContract> {
        let mut map = self.extra.0.clone();
        if let Some(code) = self.code_contrat.value() {
            map.insert("codeContrat".into(), Json::String(code.clone()));
        }
        serde_json::from_value(Json::Object(map)).ok()
    }
}

/// Query of the list routes (`GET /api/sync/v1/contrats`, `GET /api/sync/v1/contrats-get-all`).
#[model(schema = "campusskills.listQuery")]
pub struct CampusListQuery {
    /// Page number.
    pub page: Nullable<i64>,
    /// Contracts per page.
    pub limit: Nullable<i64>,
    /// Fields this version does not name, kept as sent (not put in the URL).
    #[serde(flatten)]
    pub extra: Extra,
}

impl CampusListQuery {
    /// The URL query string without `?` (`page=2&limit=50`); absent or `null` parameters are left out.
    pub fn to_query_string(&self) -> String {
        let mut out = Vec::new();
        if let Some(p) = self.page.value() {
            out.push(format!("page={p}"));
        }
        if let Some(l) = self.limit.value() {
            out.push(format!("limit={l}"));
        }
        out.join("&")
    }
}

/// Answer of both list routes: integrated (`contrats`) or received (`contrats-get-all`) contracts.
#[model(schema = "campusskills.contracts", items = "contrats")]
pub struct CampusContractsResponse {
    /// How many contracts there are in all pages.
    pub total: i64,
    /// This page's contracts.
    pub contrats: Vec<CampusContract>,
}

/// `POST /api/sync/v1/contrats-diff` answer (a dry run): what a sync of the
/// same body would leave unchanged, add, update and remove.
#[model(schema = "campusskills.diff")]
pub struct CampusDiffResponse {
    /// Contracts that would not change.
    pub same: Vec<CampusContract>,
    /// Contracts that would be added.
    pub added: Vec<CampusContract>,
    /// Contracts that would be updated.
    pub updated: Vec<CampusContract>,
    /// Contracts that would be removed.
    pub removed: Vec<CampusContract>,
}

/// `DELETE /api/sync/v1/contrats` answer (sandbox environments only). The
/// document gives no shape; the project's sandbox server answers
/// `{"success": true, "deleted": n}`, so both fields are optional.
#[model(schema = "campusskills.deleteAll")]
pub struct CampusDeleteResponse {
    /// True when every contract was deleted.
    pub success: Nullable<bool>,
    /// How many contracts were deleted.
    pub deleted: Nullable<i64>,
}

/// `GET /api/sync/v1/test` answer: `{"value":"token valid", …}`.
#[model(schema = "campusskills.tokenTest")]
pub struct CampusTokenTest {
    /// `"token valid"` when the Bearer token is accepted.
    pub value: String,
}

impl CampusTokenTest {
    /// True when the server says `"token valid"`.
    pub fn is_valid(&self) -> bool {
        self.value == "token valid"
    }
}
