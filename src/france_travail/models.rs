//! AIS request (query parameters) and response models.

use crate::model;
use crate::wire::{Extra, Nullable, WireDate};

use crate::http::encode_pairs;

/// Query of `GET /v1/inscriptions/statut/session`: the Intercarif triple of a
/// training session, optionally an external reference and a status.
///
/// Contradiction 10: the table names the status `codeStatutInscription`, the
/// example URL sends `codeStatut`. Either may come (`codeStatutInscription`
/// wins when both are set), and the status is sent in the URL under the
/// table's name, `codeStatutInscription`.
#[model(schema = "francetravail.aisQuery")]
pub struct AisQuery {
    /// Intercarif session number (`"1330305"`), String 25.
    pub numero_session: String,
    /// Intercarif action number (`"20_1330305"`), String 25.
    pub numero_action: String,
    /// Intercarif formation number (`"20_1262663"`), String 25.
    pub numero_formation: String,
    /// The partner CARIF's external reference of the session, String 255; when set, used instead of the Intercarif triple.
    pub numero_reference_externe: Nullable<String>,
    /// Enrolment status filter (`"AIS"`), String 3: the table's name.
    pub code_statut_inscription: Nullable<String>,
    /// Enrolment status filter under the example URL's name (contradiction 10); sent as `codeStatutInscription`.
    pub code_statut: Nullable<String>,
    /// Fields this version does not name, kept as sent (not put in the URL).
    #[serde(flatten)]
    pub extra: Extra,
}

impl AisQuery {
    /// The status filter: `codeStatutInscription`, else `codeStatut`.
    pub fn status(&self) -> Option<&str> {
        self.code_statut_inscription.value().or(self.code_statut.value()).map(String::as_str)
    }

    /// The URL query string (without `?`), every value percent-encoded
    /// (RFC 3986: only `A-Z a-z 0-9 - . _ ~` stay as they are). Parameters
    /// come in the table's order; absent or `null` ones are left out, and the
    /// status is sent as `codeStatutInscription` whichever name it came under.
    /// Fields in `extra` are not sent.
    ///
    /// ```
    /// # use formakit::france_travail::AisQuery;
    /// let q: AisQuery = formakit::parse(br#"{"numeroSession":"1330305","numeroAction":"20_1330305","numeroFormation":"20_1262663","codeStatut":"AIS"}"#).unwrap();
    /// assert_eq!(q.to_query_string(), "numeroSession=1330305&numeroAction=20_1330305&numeroFormation=20_1262663&codeStatutInscription=AIS");
    /// ```
    pub fn to_query_string(&self) -> String {
        let mut pairs = vec![
            ("numeroSession", self.numero_session.as_str()),
            ("numeroAction", self.numero_action.as_str()),
            ("numeroFormation", self.numero_formation.as_str()),
        ];
        if let Some(r) = self.numero_reference_externe.value() {
            pairs.push(("numeroReferenceExterne", r));
        }
        if let Some(s) = self.status() {
            pairs.push(("codeStatutInscription", s));
        }
        encode_pairs(pairs, false)
    }
}

/// The response: a JSON array of enrolment attestations (AIS), possibly empty.
#[model(schema = "francetravail.aisList", items = "")]
pub struct AisListResponse(pub Vec<AisAttestation>);

/// One enrolment attestation (AIS).
#[model]
pub struct AisAttestation {
    /// The Intercarif triple of the session.
    pub apercu_session_formation_partenaire: AisSessionPreview,
    /// Enrolment status (`"AIS"`), String 3.
    pub code_statut_inscription: String,
    /// Technical enrolment id, Integer 10.
    pub id_inscription: i64,
    /// Encrypted national id of the person, String 255.
    #[serde(rename = "idNationalDE")]
    pub id_national_de: String,
    /// Training project id (EFO, `"EFO20190813A"`), String 12.
    pub id_projet_action: String,
    /// Start of the person's training plan (ISO-8601 with offset).
    pub date_debut_plan: WireDate,
    /// End of the person's training plan (ISO-8601 with offset).
    pub date_fin_plan: WireDate,
    /// Who funds the training.
    pub financement_ais: AisFunding,
    /// The modules (periods) of the training, one or more.
    pub liste_module_formation: Vec<AisModule>,
}

/// `apercuSessionFormationPartenaire`: the Intercarif triple of the session.
#[model]
pub struct AisSessionPreview {
    /// Intercarif session number, String 25.
    pub numero_session: String,
    /// Intercarif action number, String 25.
    pub numero_action: String,
    /// Intercarif formation number, String 25.
    pub numero_formation: String,
}

/// One module of the training (`listeModuleFormation[]`).
///
/// Contradiction 9: the table names `dateDebut` / `dateFin` / `numeroModule`,
/// the example sends `dateDebutPeriode` / `dateFinPeriode` / `numeroPeriode`.
/// Both spellings may come and are kept as sent; read the table's name first
/// (`dateDebut`, `dateFin`, `numeroModule`), then the example's.
#[model]
pub struct AisModule {
    /// Module start, the table's name.
    pub date_debut: Nullable<WireDate>,
    /// Module end, the table's name.
    pub date_fin: Nullable<WireDate>,
    /// Module number, Integer 10, the table's name.
    pub numero_module: Nullable<i64>,
    /// Module start, the example's name.
    pub date_debut_periode: Nullable<WireDate>,
    /// Module end, the example's name.
    pub date_fin_periode: Nullable<WireDate>,
    /// Module number, the example's name.
    pub numero_periode: Nullable<i64>,
}

impl AisModule {
    /// The start date: `dateDebut`, else `dateDebutPeriode`.
    pub fn start(&self) -> Option<&WireDate> {
        self.date_debut.value().or(self.date_debut_periode.value())
    }
    /// The end date: `dateFin`, else `dateFinPeriode`.
    pub fn end(&self) -> Option<&WireDate> {
        self.date_fin.value().or(self.date_fin_periode.value())
    }
    /// The module number: `numeroModule`, else `numeroPeriode`.
    pub fn number(&self) -> Option<i64> {
        self.numero_module.value().or(self.numero_periode.value()).copied()
    }
    /// Wire name of the start field present (for issue paths), the table's by default.
    pub(crate) fn start_field(&self) -> &'static str {
        if self.date_debut.value().is_none() && self.date_debut_periode.value().is_some() {
            "dateDebutPeriode"
        } else {
            "dateDebut"
        }
    }
    /// Wire name of the end field present, the table's by default.
    pub(crate) fn end_field(&self) -> &'static str {
        if self.date_fin.value().is_none() && self.date_fin_periode.value().is_some() {
            "dateFinPeriode"
        } else {
            "dateFin"
        }
    }
    /// Wire name of the number field present, the table's by default.
    pub(crate) fn number_field(&self) -> &'static str {
        if self.numero_module.value().is_none() && self.numero_periode.value().is_some() {
            "numeroPeriode"
        } else {
            "numeroModule"
        }
    }
}

/// `financementAis`: France Travail funds the training (`convention`) or
/// another body does (`organismeFinanceur`).
///
/// Contradiction 11: the document says "either … or", yet its example sends
/// both, with `organismeFinanceur: {}`. An empty object (no field set) means
/// absent; both may be present, and the validator only warns when both carry
/// data. `opca` may sit here or inside `organismeFinanceur`, since the
/// flattened table does not say where (read this one first, then the nested
/// one; `{}` is absent).
#[model]
pub struct AisFunding {
    /// Funding by France Travail (ex Pôle emploi).
    pub convention: Nullable<AisConvention>,
    /// Funding by another body; `{}` means absent.
    pub organisme_financeur: Nullable<AisFunder>,
    /// The OPCA / OPCO, when it sits directly under `financementAis`.
    pub opca: Nullable<AisOpca>,
}

impl AisFunding {
    /// The France Travail convention, unless absent, `null` or `{}`.
    pub fn convention(&self) -> Option<&AisConvention> {
        self.convention.value().filter(|c| !c.is_empty())
    }
    /// The other funding body, unless absent, `null` or `{}`.
    pub fn funder(&self) -> Option<&AisFunder> {
        self.organisme_financeur.value().filter(|f| !f.is_empty())
    }
    /// The OPCA / OPCO: under `financementAis`, else under `organismeFinanceur`; `{}` is absent.
    pub fn opca(&self) -> Option<&AisOpca> {
        let nested = self.organisme_financeur.value().and_then(|f| f.opca.value());
        self.opca.value().or(nested).filter(|o| !o.is_empty())
    }
}

/// `convention`: funding by France Travail. Every field is optional on the
/// wire so that `{}` parses (it means absent); the validator requires
/// `numeroConvention` and `dispositifFinancement` when the object has data.
#[model]
pub struct AisConvention {
    /// Convention number (`"41C491094387"`), String 12.
    pub numero_convention: Nullable<String>,
    /// The funding scheme.
    pub dispositif_financement: Nullable<AisFundingScheme>,
    /// The type of public contract.
    pub type_marche: Nullable<AisMarketType>,
}

impl AisConvention {
    /// True for `{}` (no field with a value): the convention is absent.
    pub fn is_empty(&self) -> bool {
        self.numero_convention.value().is_none() && self.dispositif_financement.value().is_none() && self.type_marche.value().is_none() && self.extra.is_empty()
    }
}

/// `dispositifFinancement`: the funding scheme.
#[model]
pub struct AisFundingScheme {
    /// Scheme code (`"02"`), String 2.
    pub code_dispositif: String,
    /// Scheme label (`"AFC POLE EMPLOI"`), String 255.
    pub libelle_dispositif: String,
}

/// `typeMarche`: the type of public contract.
#[model]
pub struct AisMarketType {
    /// Market type code (`3`), Integer 2.
    pub code_marche: i64,
    /// Market type label, String 255.
    pub libelle_marche: String,
}

/// `organismeFinanceur`: funding by a body other than France Travail. `{}`
/// parses and means absent (contradiction 11); the validator requires
/// `identifiantFinanceur` and `libelleFinanceur` when the object has data.
#[model]
pub struct AisFunder {
    /// Funder code, Integer 2.
    pub identifiant_financeur: Nullable<i64>,
    /// Funder label, String 255.
    pub libelle_financeur: Nullable<String>,
    /// The OPCA / OPCO, when it sits inside `organismeFinanceur`.
    pub opca: Nullable<AisOpca>,
}

impl AisFunder {
    /// True for `{}` (no field with a value): the funder is absent.
    pub fn is_empty(&self) -> bool {
        self.identifiant_financeur.value().is_none() && self.libelle_financeur.value().is_none() && self.opca.value().is_none() && self.extra.is_empty()
    }
}

/// `opca`: the OPCA / OPCO. `indentifiantOpca` keeps the document's typo: it
/// is the wire name.
#[model]
pub struct AisOpca {
    /// OPCA / OPCO code, String 2 (wire name `indentifiantOpca`, sic).
    #[serde(rename = "indentifiantOpca")]
    pub indentifiant_opca: Nullable<String>,
    /// OPCA / OPCO short label, String 255.
    pub libelle_opca: Nullable<String>,
}

impl AisOpca {
    /// True for `{}`: the OPCA is absent.
    pub fn is_empty(&self) -> bool {
        self.indentifiant_opca.value().is_none() && self.libelle_opca.value().is_none() && self.extra.is_empty()
    }
}
