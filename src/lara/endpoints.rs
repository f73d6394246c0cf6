//! The Lära routes (`lara-programs-api.txt`, `lara-cycles-api.txt`).
//!
//! The documents show a JSON request body for every route and name no method:
//! every route is `POST` with a JSON body (as the sandbox serves them), and
//! errors answer `lara.error` (`{code, message}` with the documents' codes).
//! Authentication is a token the provider issues to the customer, sent as
//! `Authorization: Bearer` (the documents are silent; the sandbox also takes
//! `X-Api-Key`). Ids (`vBW5xMw1VQ2A8DFaNy22zA%3d%3d`) travel only in bodies,
//! verbatim: no route puts one in its path.
//!
//! Names: the route's last segment in camelCase, with the resource named
//! where two routes would share it (`program/getlist` → `getProgramList`,
//! `cycle/getlist` → `getCycleList`).

use crate::endpoint::{Auth, Endpoint, Host, Method, Paging, Provider, RequestIn};

/// The documents' example base URL. Each customer has its own portal host
/// (`https://<portal>/lmsapi`), so there is no production base URL: the table says `None`.
pub const EXAMPLE_BASE_URL: &str = "https://www.domaine.com/lmsapi";

const fn post(name: &'static str, path: &'static str, request: &'static str, response: &'static str, retry_safe: bool, doc: &'static str) -> Endpoint {
    Endpoint {
        provider: Provider::Lara,
        name,
        method: Method::Post,
        host: Host::Api,
        base_url: None,
        path,
        fixed_query: &[],
        aliases: &[],
        request: Some(request),
        request_in: RequestIn::JsonBody,
        response,
        error: Some("lara.error"),
        auth: Auth::Bearer,
        retry_safe,
        paging: Paging::None,
        documented: true,
        doc,
    }
}

/// `POST /program/get`.
pub const GET_PROGRAM: Endpoint =
    post("getProgram", "/program/get", "lara.programGetRequest", "lara.program", true, "One training program by id. Retry-safe because it only reads.");

/// `POST /program/getlist`.
pub const GET_PROGRAM_LIST: Endpoint = post(
    "getProgramList",
    "/program/getlist",
    "lara.programListRequest",
    "lara.programList",
    true,
    "Every training program, optionally created (filterDate) or modified (filterEditDate) after a date; not paged. Retry-safe because it only reads.",
);

/// `POST /program/geturl`.
pub const GET_PROGRAM_URL: Endpoint = post(
    "getProgramUrl",
    "/program/geturl",
    "lara.programUrlRequest",
    "lara.programUrlList",
    true,
    "The program's public catalog URL per portal (filterId: one portal). Retry-safe because it only reads.",
);

/// `POST /program/getadminbranches`.
pub const GET_ADMIN_BRANCHES: Endpoint = post(
    "getAdminBranches",
    "/program/getadminbranches",
    "lara.adminBranchesRequest",
    "lara.adminBranches",
    true,
    "The administrative branches of a program. Retry-safe because it only reads.",
);

/// `POST /program/addadminbranches`.
pub const ADD_ADMIN_BRANCHES: Endpoint = post(
    "addAdminBranches",
    "/program/addadminbranches",
    "lara.addAdminBranchesRequest",
    "lara.addAdminBranchesResponse",
    false,
    "Adds administrative branches to a program; answers the program id.",
);

/// `POST /program/removeadminbranches`.
pub const REMOVE_ADMIN_BRANCHES: Endpoint = post(
    "removeAdminBranches",
    "/program/removeadminbranches",
    "lara.removeAdminBranchesRequest",
    "lara.removeAdminBranchesResponse",
    false,
    "Removes administrative branches from a program; answers the program id.",
);

/// `POST /program/update`: outside the documents (the sandbox serves it; error codes 1405/1437/1438 imply it).
///
/// Its answer is `{id}`, the shape of `lara.addAdminBranchesResponse`, which names it until a schema of its own exists.
pub const UPDATE_PROGRAM: Endpoint = Endpoint {
    documented: false,
    ..post(
        "updateProgram",
        "/program/update",
        "lara.programUpdateRequest",
        "lara.addAdminBranchesResponse",
        false,
        "Partial update of a program: only id is required, unsent fields stay unchanged (specs README 7). Not in the documents: the sandbox serves it, \
         and error codes 1405/1437/1438 imply it. Answers {id}, read with the add-admin-branches answer's schema (same shape).",
    )
};

/// `POST /cycle/getlist`.
pub const GET_CYCLE_LIST: Endpoint = post(
    "getCycleList",
    "/cycle/getlist",
    "lara.cycleListRequest",
    "lara.cycleList",
    true,
    "The portal's cycles (règlements). Retry-safe because it only reads.",
);

/// `POST /cycle/getperiodlist`.
pub const GET_PERIOD_LIST: Endpoint = post(
    "getPeriodList",
    "/cycle/getperiodlist",
    "lara.periodListRequest",
    "lara.periodList",
    true,
    "The periods of one cycle, with their requirements. Retry-safe because it only reads.",
);

/// `POST /cycle/getuserprogress`.
pub const GET_USER_PROGRESS: Endpoint = post(
    "getUserProgress",
    "/cycle/getuserprogress",
    "lara.userProgressRequest",
    "lara.userProgress",
    true,
    "One member's progress in the current period of a cycle. Retry-safe because it only reads.",
);

/// `POST /cycle/getmemberstatuses`.
pub const GET_MEMBER_STATUSES: Endpoint = post(
    "getMemberStatuses",
    "/cycle/getmemberstatuses",
    "lara.memberStatusesRequest",
    "lara.memberStatuses",
    true,
    "Every status of one member (by userId or custom field). Retry-safe because it only reads.",
);

/// `POST /cycle/updatememberstatuses`.
pub const UPDATE_MEMBER_STATUSES: Endpoint = post(
    "updateMemberStatuses",
    "/cycle/updatememberstatuses",
    "lara.updateMemberStatusesRequest",
    "lara.updateMemberStatusesResponse",
    false,
    "Replaces every status of one member.",
);

/// `POST /cycle/updatememberstatus`.
pub const UPDATE_MEMBER_STATUS: Endpoint = post(
    "updateMemberStatus",
    "/cycle/updatememberstatus",
    "lara.updateMemberStatusRequest",
    "lara.updateMemberStatusResponse",
    false,
    "Updates one status entry (entryId) of one member.",
);

/// `POST /cycle/changecurrentmemberstatus`.
pub const CHANGE_CURRENT_MEMBER_STATUS: Endpoint = post(
    "changeCurrentMemberStatus",
    "/cycle/changecurrentmemberstatus",
    "lara.changeCurrentMemberStatusRequest",
    "lara.changeCurrentMemberStatusResponse",
    false,
    "Closes the member's active status and adds a new entry: repeating it adds another, so it is never retried unasked.",
);

/// Every Lära route, in the documents' order (programs, then cycles); `program/update` after the documented program routes.
pub const ENDPOINTS: &[Endpoint] = &[
    GET_PROGRAM,
    GET_PROGRAM_LIST,
    GET_PROGRAM_URL,
    GET_ADMIN_BRANCHES,
    ADD_ADMIN_BRANCHES,
    REMOVE_ADMIN_BRANCHES,
    UPDATE_PROGRAM,
    GET_CYCLE_LIST,
    GET_PERIOD_LIST,
    GET_USER_PROGRESS,
    GET_MEMBER_STATUSES,
    UPDATE_MEMBER_STATUSES,
    UPDATE_MEMBER_STATUS,
    CHANGE_CURRENT_MEMBER_STATUS,
];
