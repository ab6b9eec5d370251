#!/usr/bin/env node
// validate-json.js — validate JSON documents against a JSON Schema with ajv 8.
//
//   node tests/tools/validate-json.js SCHEMA FILE...
//
// SCHEMA may be draft-07 or draft 2020-12 (chosen from its "$schema"); formats
// (date, uri, ...) are checked with ajv-formats. FILE "-" reads standard input.
// For each FILE prints "FILE: ok", or one line per error:
//   FILE: /instance/path: message [keyword at #/schema/path]
// Exit status: 0 all valid; 1 at least one file invalid (including a file that
// is not JSON at all); 2 usage error, unreadable file, or unusable schema.
//
// Setup: (cd tests/tools && npm ci)   — node_modules is not committed.
'use strict';

const fs = require('fs');
const path = require('path');

function die(msg) {
  process.stderr.write(`validate-json: ${msg}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length < 2 || args[0] === '-h' || args[0] === '--help') {
  process.stderr.write('usage: node validate-json.js SCHEMA FILE...\n');
  process.exit(2);
}

function readText(file) {
  try {
    return file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  } catch (e) {
    die(`${file}: cannot read: ${e.message}`);
  }
  return null;
}

const schemaFile = args[0];
let schema;
try {
  schema = JSON.parse(readText(schemaFile));
} catch (e) {
  die(`${schemaFile}: schema is not valid JSON: ${e.message}`);
}

let Ajv, addFormats;
try {
  const draft = String(schema.$schema || '');
  Ajv = /2020-12/.test(draft) ? require('ajv/dist/2020').default
      : /2019-09/.test(draft) ? require('ajv/dist/2019').default
      : require('ajv').default;
  addFormats = require('ajv-formats').default;
} catch (e) {
  die(`cannot load ajv (run "npm ci" in ${path.relative(process.cwd(), __dirname) || '.'}): ${e.message}`);
}

// Our own schema is compiled in strict mode (catches typos such as unknown
// keywords); strictRequired is off because "not": {"required": [...]} is how the
// schema forbids a key. Third-party schemas (e.g. SARIF) are compiled leniently.
const ours = /edgelint/.test(String(schema.$id || ''));
const ajv = new Ajv(ours
  ? { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true }
  : { allErrors: true, verbose: true, strict: false, logger: false });
addFormats(ajv);

let validate;
try {
  validate = ajv.compile(schema);
} catch (e) {
  die(`${schemaFile}: cannot compile schema: ${e.message}`);
}

function describe(err) {
  const where = err.instancePath || '/';
  let msg = err.message || err.keyword;
  const p = err.params || {};
  if (err.keyword === 'additionalProperties') msg += `: "${p.additionalProperty}"`;
  else if (err.keyword === 'enum') msg += `: ${JSON.stringify(p.allowedValues)}`;
  else if (err.keyword === 'const') msg += `: ${JSON.stringify(p.allowedValue)}`;
  else if (err.keyword === 'propertyNames') msg += `: "${p.propertyName}"`;
  else if (err.keyword === 'not' && err.schema && typeof err.schema === 'object') {
    // "must NOT be valid" says nothing: use the subschema's description, or its required list.
    if (err.schema.description) msg = String(err.schema.description);
    else if (Array.isArray(err.schema.required)) msg = `must not have ${err.schema.required.join(' and ')}`;
  }
  return `${where}: ${msg} [${err.keyword} at ${err.schemaPath}]`;
}

let failed = false;
for (const file of args.slice(1)) {
  const text = readText(file);
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    process.stdout.write(`${file}: not valid JSON: ${e.message}\n`);
    failed = true;
    continue;
  }
  if (validate(doc)) {
    process.stdout.write(`${file}: ok\n`);
    continue;
  }
  failed = true;
  // allErrors reports every failing branch of anyOf/oneOf/if; drop exact duplicates.
  const seen = new Set();
  for (const err of validate.errors) {
    // 'must match "then" schema' only repeats the error found inside the branch.
    if (err.keyword === 'if') continue;
    const line = describe(err);
    if (seen.has(line)) continue;
    seen.add(line);
    process.stdout.write(`${file}: ${line}\n`);
  }
}
process.exit(failed ? 1 : 0);
