"use strict";
// Node, CommonJS: the nodejs glue instantiates the wasm synchronously on require.
const { createApi } = require("../lib/api.cjs");
const { createClients } = require("../lib/clients.cjs");
// The wasm is instantiated on first use: parse/safeParse of a valid document run in JS alone.
const load = () => require("./formakit.js");
const api = createApi(load, require("../lib/checkers/index.cjs"));
module.exports = Object.assign(api, createClients(api, load));
