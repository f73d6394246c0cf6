//! The four named clients: one method per endpoint of the table, taking and
//! returning the model types. Written once here by `clients!`; the
//! `METHODS` list of each lets a test tie the methods to the table.

#[allow(unused_imports)]
use serde::Serialize;
#[allow(unused_imports)]
use serde_json::{Map, Value};

#[allow(unused_imports)]
use super::paging::{decode_reply, Pages};
#[allow(unused_imports)]
use super::{CallOptions, Client, ClientError, ClientOptions, Transport};
#[allow(unused_imports)]
use crate::endpoint::Provider;
#[allow(unused_imports)]
use crate::schema::Model;

/// A method of a named client: (endpoint name, request schema, response schema).
pub type MethodSchemas = (&'static str, Option<&'static str>, &'static str);

impl<T: Transport> Client<T> {
    /// Calls endpoint `name` with a typed request and decodes the typed answer.
    pub async fn typed<Q: Model, R: Model>(&self, name: &str, request: &Q) -> Result<R, ClientError> {
        let text = crate::model::serialize(request).map_err(|e| ClientError::new(super::ErrorKind::Usage, e.to_string()))?;
        self.typed_text(name, Some(&text)).await
    }

    /// Calls endpoint `name` with `request` as JSON text (`None`: a route that takes nothing) and decodes the typed answer.
    pub async fn typed_text<R: Model>(&self, name: &str, request: Option<&str>) -> Result<R, ClientError> {
        let endpoint = self.endpoint(name)?;
        let reply = self.call(endpoint, request, &CallOptions::default()).await?;
        decode_reply::<R>(self, endpoint, &reply)
    }

    /// The pages of endpoint `name` from `request` on.
    pub fn typed_pages<Q: Model, P: Model>(&self, name: &str, request: &Q) -> Result<Pages<'_, T, P>, ClientError> {
        let endpoint = self.endpoint(name)?;
        let map =
            crate::model::serialize(request).map_err(|e| ClientError::new(super::ErrorKind::Usage, e.to_string())).and_then(|t| {
                match serde_json::from_str::<Value>(&t) {
                    Ok(Value::Object(m)) => Ok(m),
                    _ => Err(ClientError::new(super::ErrorKind::Usage, "the request is not a JSON object")),
                }
            });
        Pages::new(self, endpoint, map)
    }
}

macro_rules! clients {
    ($(
        $(#[$meta:meta])*
        $feature:literal $Client:ident ($provider:expr) {
            $( $(#[$m:meta])* fn $method:ident = $name:literal ($($Req:ty)?) -> $Resp:ty $(, pages $pages:ident($PReq:ty))?; )*
        }
    )*) => {$(
        $(#[$meta])*
        #[cfg(feature = $feature)]
        pub struct $Client<T: Transport> {
            core: Client<T>,
        }

        #[cfg(feature = $feature)]
        impl<T: Transport> $Client<T> {
            /// Every method: (endpoint name, request schema, response schema).
            pub const METHODS: &'static [MethodSchemas] = &[$(($name, clients!(@schema $($Req)?), <$Resp as Model>::SCHEMA)),*];

            /// A client over `transport`; a usage error when an option is missing or wrong.
            pub fn new(transport: T, options: ClientOptions) -> Result<Self, ClientError> {
                Ok($Client { core: Client::new($provider, transport, options)? })
            }

            /// The generic client underneath (per-call options, raw answers).
            pub fn core(&self) -> &Client<T> {
                &self.core
            }

            $(
                $(#[$m])*
                pub async fn $method(&self $(, request: &$Req)?) -> Result<$Resp, ClientError> {
                    clients!(@call self, $name, $($Req, request)?)
                }
                $(
                    /// Every page from the request's page on, fetched ahead (4 at a time) and yielded in order.
                    pub fn $pages(&self, request: &$PReq) -> Result<Pages<'_, T, $Resp>, ClientError> {
                        self.core.typed_pages($name, request)
                    }
                )?
            )*
        }
    )*};
    (@schema) => { None };
    (@schema $Req:ty) => { Some(<$Req as Model>::SCHEMA) };
    (@call $self:ident, $name:literal,) => { $self.core.typed_text($name, None).await };
    (@call $self:ident, $name:literal, $Req:ty, $r:ident) => { $self.core.typed::<$Req, _>($name, $r).await };
}

clients! {
    /// The Cegos catalog: catalogs, topics, products, centers, sessions.
    /// OAuth client credentials (scope `api-cegos`) or a token.
    "cegos" CegosClient(Provider::Cegos) {
        /// `GET /v1/Catalogs`.
        fn catalogs = "catalogs"(crate::cegos::CegosCatalogsQuery) -> crate::cegos::CegosCatalogsResponse;
        /// `GET /v1/CatalogTopics`: the topic tree.
        fn topics = "topics"(crate::cegos::CegosCatalogTopicsQuery) -> crate::cegos::CegosCatalogTopicsResponse;
        /// `GET /v1/Products`: one page (`pageNumber`, 100 per page); `products_pages` walks them all.
        fn products = "products"(crate::cegos::CegosProductsQuery) -> crate::cegos::CegosProductsPage, pages products_pages(crate::cegos::CegosProductsQuery);
        /// `GET /v1/Products/{yearlyProductCode}`.
        fn product = "product"(crate::cegos::CegosProductQuery) -> crate::cegos::CegosProductResponse;
        /// `GET /v1/Referentials/centers`.
        fn centers = "centers"(crate::cegos::CegosCentersQuery) -> crate::cegos::CegosCentersResponse;
        /// `GET /v1/Sessions`: one page; `sessions_pages` walks them all.
        fn sessions = "sessions"(crate::cegos::CegosSessionsQuery) -> crate::cegos::CegosSessionsPage, pages sessions_pages(crate::cegos::CegosSessionsQuery);
        /// `GET /v1/Sessions/{yearlySessionCode}`.
        fn session = "session"(crate::cegos::CegosSessionQuery) -> crate::cegos::CegosSessionResponse;
    }

    /// The Lära LMS: programs, cycles, member statuses (every route a JSON POST). A token.
    "lara" LaraClient(Provider::Lara) {
        /// `program/get`.
        fn get_program = "getProgram"(crate::lara::LaraProgramGetRequest) -> crate::lara::LaraProgram;
        /// `program/getlist`.
        fn get_program_list = "getProgramList"(crate::lara::LaraProgramListRequest) -> crate::lara::LaraProgramList;
        /// `program/geturl`.
        fn get_program_url = "getProgramUrl"(crate::lara::LaraProgramUrlRequest) -> crate::lara::LaraProgramUrlList;
        /// `program/getadminbranches`.
        fn get_admin_branches = "getAdminBranches"(crate::lara::LaraAdminBranchesRequest) -> crate::lara::LaraAdminBranches;
        /// `program/addadminbranches` (not retried unless asked).
        fn add_admin_branches = "addAdminBranches"(crate::lara::LaraAddAdminBranchesRequest) -> crate::lara::LaraAddAdminBranchesResponse;
        /// `program/removeadminbranches` (not retried unless asked).
        fn remove_admin_branches = "removeAdminBranches"(crate::lara::LaraRemoveAdminBranchesRequest) -> crate::lara::LaraRemoveAdminBranchesResponse;
        /// `program/update`, the sandbox's partial update (not retried unless asked).
        fn update_program = "updateProgram"(crate::lara::LaraProgramUpdateRequest) -> crate::lara::LaraAddAdminBranchesResponse;
        /// `cycle/getlist`.
        fn get_cycle_list = "getCycleList"(crate::lara::LaraCycleListRequest) -> crate::lara::LaraCycleList;
        /// `cycle/getperiodlist`.
        fn get_period_list = "getPeriodList"(crate::lara::LaraPeriodListRequest) -> crate::lara::LaraPeriodList;
        /// `cycle/getuserprogress`.
        fn get_user_progress = "getUserProgress"(crate::lara::LaraUserProgressRequest) -> crate::lara::LaraUserProgress;
        /// `cycle/getmemberstatuses`.
        fn get_member_statuses = "getMemberStatuses"(crate::lara::LaraMemberStatusesRequest) -> crate::lara::LaraMemberStatuses;
        /// `cycle/updatememberstatuses` (not retried unless asked).
        fn update_member_statuses = "updateMemberStatuses"(crate::lara::LaraUpdateMemberStatusesRequest) -> crate::lara::LaraUpdateMemberStatusesResponse;
        /// `cycle/updatememberstatus` (not retried unless asked).
        fn update_member_status = "updateMemberStatus"(crate::lara::LaraUpdateMemberStatusRequest) -> crate::lara::LaraUpdateMemberStatusResponse;
        /// `cycle/changecurrentmemberstatus` (never retried unless asked: it appends a status).
        fn change_current_member_status = "changeCurrentMemberStatus"(crate::lara::LaraChangeCurrentMemberStatusRequest) -> crate::lara::LaraChangeCurrentMemberStatusResponse;
    }

    /// France Travail's enrolment attestations (AIS). OAuth client credentials (realm `/partenaire`) or a token.
    "france-travail" FranceTravailClient(Provider::FranceTravail) {
        /// `GET /v1/inscriptions/statut/session`: the AIS of one session.
        fn ais = "ais"(crate::france_travail::AisQuery) -> crate::france_travail::AisListResponse;
    }

    /// The Campus Skills contract sync. A token.
    "campus-skills" CampusSkillsClient(Provider::CampusSkills) {
        /// `GET /api/sync/v1/test`: checks the token.
        fn test_token = "testToken"() -> crate::campus_skills::CampusTokenTest;
        /// `POST /api/sync/v1/contrats`: the full synchronisation (never retried unless asked).
        fn sync_contracts = "syncContracts"(crate::campus_skills::CampusSyncRequest) -> crate::campus_skills::CampusSyncResponse;
        /// `GET /api/sync/v1/contrats`: one page of the integrated contracts; `contracts_pages` walks them all.
        fn contracts = "contracts"(crate::campus_skills::CampusListQuery) -> crate::campus_skills::CampusContractsResponse, pages contracts_pages(crate::campus_skills::CampusListQuery);
        /// `GET /api/sync/v1/contrats-get-all`: one page of the transmitted contracts; `all_contracts_pages` walks them all.
        fn all_contracts = "allContracts"(crate::campus_skills::CampusListQuery) -> crate::campus_skills::CampusContractsResponse, pages all_contracts_pages(crate::campus_skills::CampusListQuery);
        /// `POST /api/sync/v1/contrats-diff`: what a sync would change, changing nothing.
        fn diff_contracts = "diffContracts"(crate::campus_skills::CampusSyncRequest) -> crate::campus_skills::CampusDiffResponse;
        /// `DELETE /api/sync/v1/contrats`: empties the store; refused unless the client's environment is the sandbox.
        fn delete_all_contracts = "deleteAllContracts"() -> crate::campus_skills::CampusDeleteResponse;
    }
}
