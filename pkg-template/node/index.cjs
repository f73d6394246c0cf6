"use strict";
// Node, CommonJS: the nodejs glue instantiates the wasm synchronously on require.
const { createApi } = require("../lib/api.cjs");
module.exports = createApi(require("./formakit.js"), require("../lib/checkers/index.cjs").schemas);
