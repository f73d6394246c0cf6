"use strict";
// Node, CommonJS: the nodejs glue instantiates the wasm synchronously on require.
const { createApi } = require("../lib/api.cjs");
// The wasm is instantiated on first use: parse/safeParse of a valid document run in JS alone.
module.exports = createApi(() => require("./formakit.js"), require("../lib/checkers/index.cjs"));
