// Validates a Teams app manifest offline against the schema bundled in @microsoft/app-manifest
// (the one its "$schema" names). Prints {"errors":[...]} and exits 1 when there are any.
const fs = require('fs');
const path = require('path');
const { ManifestUtil } = require('@microsoft/app-manifest');

async function main() {
  const file = process.argv[2];
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const match = /\/(v[0-9.]+|devPreview)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema || '');
  if (!match) throw new Error('manifest has no recognised $schema');
  const pkg = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schemaFile = path.join(pkg, 'build', 'json-schemas', 'teams', match[1], 'MicrosoftTeams.schema.json');
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest, schema);
  console.log(JSON.stringify({ schema: match[1], errors }));
  process.exit(errors.length ? 1 : 0);
}

main().catch((e) => { console.error(e.message); process.exit(2); });
