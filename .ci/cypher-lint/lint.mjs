// Lint Cypher statements with Neo4j's own language support library (the linter of Neo4j's VS Code
// extension and Query tool): syntax errors, undefined variables, undeclared parameters, unknown
// labels, relationship types, functions and procedures.
//
// Input (stdin, or the file named as the only argument), JSON:
//   {"queries": {"NAME": "CYPHER", ...} | ["CYPHER", ...],
//    "schema": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...],
//               "parameters": {"name": example, ...}, "defaultLanguage": "CYPHER 5"}}
// Output (stdout), JSON: {"checked": N, "diagnostics": [{"name", "severity", "message", "offsets"}]}
// severity is "error", "warning", "information" or "hint". Exit status 1 when any error or warning.
//
// When the schema names no procedures or functions, Neo4j's built-in ones are declared (from the
// signatures the library ships), without APOC or GDS: a call to anything else is reported.

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
// The package's ESM build has extension-less imports Node cannot resolve; its CommonJS build is whole.
const ls = require("@neo4j-cypher/language-support");

const SEVERITY = { 1: "error", 2: "warning", 3: "information", 4: "hint" };
const EXTENSIONS = /^(apoc|gds)\./;

function builtIns(registry) {
  const out = {};
  for (const [version, entries] of Object.entries(registry ?? {})) {
    out[version] = Object.fromEntries(Object.entries(entries).filter(([name]) => !EXTENSIONS.test(name)));
  }
  return out;
}

function readInput() {
  const path = process.argv[2];
  return JSON.parse(readFileSync(path ?? 0, "utf8"));
}

const input = readInput();
const schema = { defaultLanguage: "CYPHER 5", ...(input.schema ?? {}) };
const shipped = ls.testData?.mockSchema ?? {};
if (!schema.procedures) schema.procedures = builtIns(shipped.procedures);
if (!schema.functions) schema.functions = builtIns(shipped.functions);

const queries = Array.isArray(input.queries)
  ? Object.fromEntries(input.queries.map((q, i) => [String(i), q]))
  : input.queries ?? {};

const diagnostics = [];
for (const [name, query] of Object.entries(queries)) {
  for (const d of ls.lintCypherQuery(query, schema)) {
    diagnostics.push({
      name,
      severity: SEVERITY[d.severity] ?? String(d.severity),
      message: d.message,
      offsets: d.offsets,
    });
  }
}
process.stdout.write(JSON.stringify({ checked: Object.keys(queries).length, diagnostics }, null, 1) + "\n");
process.exitCode = diagnostics.some((d) => d.severity === "error" || d.severity === "warning") ? 1 : 0;
