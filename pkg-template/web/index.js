// Browsers and bundlers: instantiates the wasm once with top-level await, so
// importers need no init call. The .wasm is found next to this file through
// `new URL(..., import.meta.url)`, which Vite, webpack 5 and plain pages handle.
import init, * as wasm from "./formakit.js";
import { createApi } from "../lib/api.mjs";
import { createClients } from "../lib/clients.mjs";
import { schemas as checkers } from "../lib/checkers/index.mjs";

await init();
const base = createApi(wasm, checkers);
const api = Object.assign(base, createClients(base, wasm));

export const { FormakitError, campusSkills, safeParse, parse, serialize, validate, assertValid, schemas, version, sessionAvailability, inferMemberActivity, periodEnd, endpoints, CegosClient, LaraClient, FranceTravailClient, CampusSkillsClient } = api;
export default api;
