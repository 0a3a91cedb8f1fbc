// The OpenAPI document as the gateway serves it: @redocly/cli lint with its recommended rules must report no error,
// then openapi-typescript generates the types the typed client test is compiled against.
//   GATEWAY_URL=http://127.0.0.1:8080 node openapi.test.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const gateway = process.env.GATEWAY_URL || 'http://127.0.0.1:8080';
const step = (text) => console.log(`openapi: ${text}`);
const response = await fetch(`${gateway}/q/openapi?format=json`);
assert.equal(response.status, 200);
const document = await response.json();
mkdirSync('build', { recursive: true });
writeFileSync('build/openapi.json', JSON.stringify(document, null, 2));
assert.ok(document.servers?.length, 'the document says where the API is');

let lint;
try {
  lint = execFileSync('npx', ['--no-install', 'redocly', 'lint', 'build/openapi.json', '--format=summary'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
} catch (e) {
  console.log(e.stdout, e.stderr);
  throw new Error(`redocly lint found errors (exit ${e.status})`);
}
const summary = lint.split('\n').filter(line => /^(error|warning) /.test(line));
assert.ok(!summary.some(line => line.startsWith('error')), lint);
step(`redocly lint: 0 errors; ${summary.length ? summary.join('; ') : 'no warnings'}`);

execFileSync('npx', ['--no-install', 'openapi-typescript', 'build/openapi.json', '-o', 'build/gateway.d.ts'], { stdio: 'inherit' });
step('types generated: build/gateway.d.ts');
step('PASS');
