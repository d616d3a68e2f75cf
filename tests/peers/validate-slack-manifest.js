// Validates a Slack app manifest offline against Slack's published JSON Schema (draft-07) with Ajv.
// Usage: node validate-slack-manifest.js MANIFEST.json SCHEMA.json — prints {"errors":[...]}, exits 1 when there are any.
const fs = require('fs');
const Ajv = require('ajv');

const [manifestFile, schemaFile] = process.argv.slice(2);
try {
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  delete schema.$schema; // Ajv 8 validates draft-07 by default and does not fetch meta-schemas
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const ok = validate(manifest);
  const errors = ok ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
  console.log(JSON.stringify({ errors }));
  process.exit(errors.length ? 1 : 0);
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
