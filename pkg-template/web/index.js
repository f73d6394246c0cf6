// Browsers and bundlers: instantiates the wasm once with top-level await, so
// importers need no init call. The .wasm is found next to this file through
// `new URL(..., import.meta.url)`, which Vite, webpack 5 and plain pages handle.
import init, * as wasm from "./formakit.js";
import { createApi } from "../lib/api.mjs";

await init();
const api = createApi(wasm);

export const { FormakitError, parse, serialize, validate, assertValid, schemas, version, sessionAvailability, inferMemberActivity, periodEnd } = api;
export default api;
