// Utterances per second of the JavaScript port of Microsoft Recognizers-Text (date-time model) on one core,
// over the inputs of the date corpus, for comparison with `OversightBot bench-language`.
//
//   cd ../shared/corpora/dates && npm install      # once
//   node tests/peers/js-recognizers-rate.mjs [../shared/corpora/dates]
//
// Uses the packages installed next to the corpus; nothing is vendored here.
import fs from 'fs';
import path from 'path';
import { createRequire } from 'module';

const dir = path.resolve(process.argv[2] ?? '../shared/corpora/dates');
const require = createRequire(path.join(dir, 'package.json'));
const DT = require('@microsoft/recognizers-text-date-time');
const lines = fs.readFileSync(path.join(dir, 'corpus.jsonl'), 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
const uk = fs.readFileSync(path.join(dir, 'uk_oversight_public.jsonl'), 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
const cases = [...lines, ...uk].map(c => ({ input: c.input, ref: new Date((c.reference ?? '2023-01-18T00:00:00') + 'Z') }));

const model = new DT.DateTimeRecognizer('en-us').getDateTimeModel();
const run = () => { for (const c of cases) model.parse(c.input, c.ref); };
run(); // warm-up
let n = 0;
const start = process.hrtime.bigint();
while (Number(process.hrtime.bigint() - start) < 5e9) { run(); n += cases.length; }
const secs = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`JS Recognizers-Text date-time (model reused): ${Math.round(n / secs).toLocaleString('en-GB')} utterances/s over ${cases.length} corpus inputs (${n} in ${secs.toFixed(1)} s)`);
