// Node, ESM: the same instance as `require("formakit")`, so FormakitError is one class.
import api from "./index.cjs";

export const { FormakitError, campusSkills, safeParse, parse, serialize, validate, assertValid, schemas, version, sessionAvailability, inferMemberActivity, periodEnd, endpoints, CegosClient, LaraClient, FranceTravailClient, CampusSkillsClient } = api;
export default api;
