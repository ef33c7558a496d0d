// Validates every example in schema/openapi.yaml (media-type `example`/`examples`, including
// `$ref`s to components/examples) against its schema, with Ajv (draft 2020-12) and the standard's
// JSON Schemas loaded from schema/1.0 and schema/1.1 under their own `$id`s. This stands in for Redocly's
// no-invalid-media-type-examples rule, which cannot follow the `$id`-relative `$ref`s inside
// those files (see redocly.yaml). No network access: every schema comes from the local files.
// Usage: node check-examples.mjs [path/to/openapi.yaml]   (exit 1 on any invalid example)
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const apiPath = resolve(process.argv[2] ?? join(here, '../../schema/openapi.yaml'));
const schemaDirs = ['1.0', '1.1'].map((v) => join(dirname(apiPath), v));
const api = YAML.parse(readFileSync(apiPath, 'utf8'));

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
let base;
for (const schemaDir of schemaDirs) {
  for (const f of readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json'))) {
    const s = JSON.parse(readFileSync(join(schemaDir, f), 'utf8'));
    ajv.addSchema(s);
    base ??= new URL('..', s.$id).href; // https://sstc-exchange.org/schema/
  }
}
// The OpenAPI document itself, as the schema resource whose `./1.0/...` refs land on those $ids.
const docId = new URL('openapi.yaml', base).href;
ajv.addSchema({ ...api, $id: docId });

const esc = (k) => k.replace(/~/g, '~0').replace(/\//g, '~1');
// Follows local `$ref`s; returns [node, JSON Pointer of the node in the document].
const deref = (node, ptr) => {
  while (node && typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    ptr = node.$ref.slice(1);
    node = ptr.slice(1).split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((o, k) => o?.[k], api);
  }
  return [node, ptr];
};

let checked = 0;
const failures = [];
const checkContent = (where, [content, ptr]) => {
  for (const [type, media] of Object.entries(content ?? {})) {
    // NDJSON bodies are text; only JSON media types are validated.
    if (!media.schema || !/json$/.test(type) || type.includes('ndjson')) continue;
    const examples = [];
    if ('example' in media) examples.push(['example', media.example]);
    for (const [name, ex] of Object.entries(media.examples ?? {})) {
      const [e] = deref(ex, '');
      if (e && 'value' in e) examples.push([name, e.value]);
    }
    if (!examples.length) continue;
    const validate = ajv.compile({ $ref: `${docId}#${ptr}/${esc(type)}/schema` });
    for (const [name, value] of examples) {
      checked++;
      if (!validate(value)) {
        failures.push(`${where} ${type} example '${name}': ${ajv.errorsText(validate.errors)}`);
      }
    }
  }
};

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
for (const [path, item] of Object.entries(api.paths ?? {})) {
  for (const m of methods.filter((k) => item[k])) {
    const op = item[m];
    const at = `/paths/${esc(path)}/${m}`;
    if (op.requestBody) {
      const [rb, p] = deref(op.requestBody, `${at}/requestBody`);
      checkContent(`${m.toUpperCase()} ${path} request`, [rb?.content, `${p}/content`]);
    }
    for (const [status, r] of Object.entries(op.responses ?? {})) {
      const [resp, p] = deref(r, `${at}/responses/${esc(status)}`);
      checkContent(`${m.toUpperCase()} ${path} ${status}`, [resp?.content, `${p}/content`]);
    }
  }
}

if (failures.length) {
  console.error(failures.join('\n'));
  console.error(`check-examples: ${failures.length} invalid example(s) of ${checked}`);
  process.exit(1);
}
console.log(`check-examples: ${checked} example(s) valid in ${apiPath}`);
