//! Lära's error codes (program 14xx, cycle 10xx) and the error response envelope.

use crate::model;
use crate::validate::{msg, Lang, Validate};
use crate::wire::Nullable;

open_enum! {
    /// Error codes of the `program/*` routes (`lara-programs-api.txt`).
    pub enum LaraProgramErrorCode: int {
        /// 1400 Required id.
        RequiredId = 1400,
        /// 1401 Invalid id.
        InvalidId = 1401,
        /// 1402 Invalid filterId.
        InvalidFilterId = 1402,
        /// 1405 Invalid name length (3–250 characters).
        InvalidNameLength = 1405,
        /// 1432 Missing required branches.
        MissingRequiredBranches = 1432,
        /// 1433 Invalid branchId.
        InvalidBranchId = 1433,
        /// 1434 Cannot remove all branches.
        CannotRemoveAllBranches = 1434,
        /// 1435 Cannot add branches (some are already added).
        CannotAddBranches = 1435,
        /// 1436 Cannot remove branches (some are not associated).
        CannotRemoveBranches = 1436,
        /// 1437 Invalid language.
        InvalidLanguage = 1437,
        /// 1438 Invalid authorizationType.
        InvalidAuthorizationType = 1438,
    }
}

impl LaraProgramErrorCode {
    /// The message Lära sends with the code (`"Required id"`…), as documented.
    pub fn message(&self) -> &'static str {
        use LaraProgramErrorCode::*;
        match self {
            RequiredId => "Required id",
            InvalidId => "Invalid id",
            InvalidFilterId => "Invalid filterId",
            InvalidNameLength => "Invalid name length",
            MissingRequiredBranches => "Missing required branches",
            InvalidBranchId => "Invalid branchId",
            CannotRemoveAllBranches => "Cannot remove all branches",
            CannotAddBranches => "Cannot add branches",
            CannotRemoveBranches => "Cannot remove branches",
            InvalidLanguage => "Invalid language",
            InvalidAuthorizationType => "Invalid authorizationType",
            Unknown(_) => "Unknown program error",
        }
    }

    /// What the code means, in French (the document's text) or English.
    pub fn description(&self, lang: Lang) -> String {
        use LaraProgramErrorCode::*;
        let (fr, en) = match self {
            RequiredId => ("Vous devez fournir un identifiant pour le programme de formation.", "An id must be given for the training program."),
            InvalidId => ("L'identifiant fourni pour le programme de formation est invalide.", "The training program id is invalid."),
            InvalidFilterId => ("L'identifiant donné pour effectuer le filtre est invalide.", "The filter id (portal id) is invalid."),
            InvalidNameLength => (
                "Le nom du programme de formation doit contenir entre 3 et 250 caractères inclusivement.",
                "The training program name must be 3 to 250 characters long, inclusive.",
            ),
            MissingRequiredBranches => ("Le paramètre « branches » est obligatoire.", "The \"branches\" parameter is required."),
            InvalidBranchId => ("Un identifiant de branche est invalide.", "A branch id is invalid."),
            CannotRemoveAllBranches => {
                ("Impossible de supprimer toutes les branches administratives d'un programme.", "A program's administrative branches cannot all be removed.")
            }
            CannotAddBranches => (
                "Impossible d'ajouter les branches administratives à un programme, car il y a des branches déjà ajoutées.",
                "The administrative branches cannot be added: some are already on the program.",
            ),
            CannotRemoveBranches => (
                "Impossible de supprimer les branches administratives d'un programme, car il y a des branches qui ne sont pas associées.",
                "The administrative branches cannot be removed: some are not on the program.",
            ),
            InvalidLanguage => ("La valeur fournie pour la langue est invalide.", "The language value is invalid (1 to 4)."),
            InvalidAuthorizationType => (
                "La valeur fournie pour le type d'autorisation ne concorde pas avec les renseignements fournis.",
                "The authorization type does not agree with the other values sent (needAdminApproval).",
            ),
            Unknown(c) => return msg(lang, format!("Code d'erreur de programme non documenté : {c}."), format!("Undocumented program error code {c}.")),
        };
        msg(lang, fr, en)
    }
}

open_enum! {
    /// Error codes of the `cycle/*` routes (`lara-cycles-api.txt`).
    pub enum LaraCycleErrorCode: int {
        /// 1000 Required id.
        RequiredId = 1000,
        /// 1001 Invalid id.
        InvalidId = 1001,
        /// 1002 Required memberId.
        RequiredMemberId = 1002,
        /// 1003 Invalid memberId.
        InvalidMemberId = 1003,
        /// 1004 Required customFieldAPIName.
        RequiredCustomFieldApiName = 1004,
        /// 1005 Invalid customFieldAPIName.
        InvalidCustomFieldApiName = 1005,
        /// 1006 A list of statuses must be provided.
        StatusesRequired = 1006,
        /// 1007 A status must be provided.
        StatusRequired = 1007,
        /// 1008 Invalid status id.
        InvalidStatusId = 1008,
        /// 1009 Invalid user.
        InvalidUser = 1009,
        /// 1010 Invalid date (end before start).
        InvalidDate = 1010,
    }
}

impl LaraCycleErrorCode {
    /// The message Lära sends with the code (`"Required id"`…), as documented.
    pub fn message(&self) -> &'static str {
        use LaraCycleErrorCode::*;
        match self {
            RequiredId => "Required id",
            InvalidId => "Invalid id",
            RequiredMemberId => "Required memberId",
            InvalidMemberId => "Invalid memberId",
            RequiredCustomFieldApiName => "Required customFieldAPIName",
            InvalidCustomFieldApiName => "Invalid customFieldAPIName",
            StatusesRequired => "A list of statuses must be provided",
            StatusRequired => "A status must be provided",
            InvalidStatusId => "Invalid status id",
            InvalidUser => "Invalid user",
            InvalidDate => "Invalid date",
            Unknown(_) => "Unknown cycle error",
        }
    }

    /// What the code means, in French (the document's text) or English.
    pub fn description(&self, lang: Lang) -> String {
        use LaraCycleErrorCode::*;
        let (fr, en) = match self {
            RequiredId => ("Vous devez fournir un identifiant pour le cycle.", "An id must be given for the cycle."),
            InvalidId => ("L'identifiant fourni pour le cycle est invalide.", "The cycle id is invalid."),
            RequiredMemberId => ("Vous devez fournir un identifiant pour le membre.", "An id must be given for the member."),
            InvalidMemberId => ("L'identifiant fourni pour le membre est invalide.", "The member id is invalid."),
            RequiredCustomFieldApiName => ("Vous devez fournir le nom du champ personnalisé dans l'api.", "The custom field's API name must be given."),
            InvalidCustomFieldApiName => ("Le nom du champ personnalisé dans l'api fourni est invalide.", "The custom field's API name is invalid."),
            StatusesRequired => ("La liste des statuts doit être fournie.", "The list of statuses must be given."),
            StatusRequired => ("Un statut non-vide doit être défini.", "A non-empty status must be given."),
            InvalidStatusId => ("L'identifiant de l'entrée d'un statut est invalide.", "The status entry id is invalid."),
            InvalidUser => ("L'identifiant de l'utilisateur fourni est invalide.", "The user id is invalid."),
            InvalidDate => (
                "La date de fin de la plage du statut doit être supérieure ou égale à la date de début.",
                "The status range's end date must be on or after its start date.",
            ),
            Unknown(c) => return msg(lang, format!("Code d'erreur de cycle non documenté : {c}."), format!("Undocumented cycle error code {c}.")),
        };
        msg(lang, fr, en)
    }
}

/// A Lära error code of either document, read from its number range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaraErrorCode {
    /// 14xx: a `program/*` error.
    Program(LaraProgramErrorCode),
    /// 10xx: a `cycle/*` error.
    Cycle(LaraCycleErrorCode),
}

impl LaraErrorCode {
    /// The code's family by range (1000–1099 cycle, 1400–1499 program); `None` outside both.
    pub fn from_number(code: i64) -> Option<Self> {
        match code {
            1000..=1099 => Some(LaraErrorCode::Cycle(LaraCycleErrorCode::from_value(code))),
            1400..=1499 => Some(LaraErrorCode::Program(LaraProgramErrorCode::from_value(code))),
            _ => None,
        }
    }

    /// What the code means, in the requested language.
    pub fn description(&self, lang: Lang) -> String {
        match self {
            LaraErrorCode::Program(c) => c.description(lang),
            LaraErrorCode::Cycle(c) => c.description(lang),
        }
    }
}

/// An error answered by Lära (`lara.error`).
///
/// The two documents publish the codes as table rows (« Numéro », « Message »,
/// description) but no JSON body. The envelope is therefore modelled from those
/// columns: `code` (the number) and `message`, plus what the sandbox adds:
/// `detail` (why, in a sentence) and `where` (the offending part of the request,
/// `"body.id"`). All are optional, and every other field the server sends is
/// kept in `extra`.
#[model(schema = "lara.error")]
#[derive(Default)]
pub struct LaraError {
    /// The error number (10xx cycle, 14xx program).
    #[cfg_attr(feature = "ts", tsify(optional, type = "LaraProgramErrorCode | LaraCycleErrorCode | null"))]
    pub code: Nullable<i64>,
    /// The short English message (`"Required id"`).
    pub message: Nullable<String>,
    /// Why the request was refused, in a sentence (`"name must be 3 to 250 characters, got 2"`).
    pub detail: Nullable<String>,
    /// The part of the request at fault: `"body.<field>"` or `"query.<parameter>"` (`"body.id"`).
    #[serde(rename = "where")]
    pub location: Nullable<String>,
}

impl LaraError {
    /// The typed code, when the number is in a documented range.
    pub fn error_code(&self) -> Option<LaraErrorCode> {
        self.code.value().and_then(|c| LaraErrorCode::from_number(*c))
    }

    /// An explanation a person can act on: the code's documented meaning, else the server's message.
    pub fn description(&self, lang: Lang) -> Option<String> {
        self.error_code().map(|c| c.description(lang)).or_else(|| self.message.value().cloned())
    }
}

impl Validate for LaraError {}
