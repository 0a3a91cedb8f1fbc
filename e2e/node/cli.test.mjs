// The command line refuses a bad command line before it sends anything: usage errors are exit 64 with what to fix.
// A local server stands in for the gateway and counts what reaches it (nothing must).
//   node cli.test.mjs
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const hg = fileURLToPath(new URL('../../cli/hg.mjs', import.meta.url));
const step = (text) => console.log(`cli: ${text}`);
let reached = 0;
const server = createServer((req, res) => { reached++; res.writeHead(500).end(); });
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}`;

/** Runs hg asynchronously enough for the server to answer: spawnSync would block the server's event loop. */
const run = (...args) => new Promise(resolve => {
  const child = spawn(process.execPath, [hg, ...args], { env: { ...process.env, HG_URL: url } });
  let out = '';
  child.stdout.on('data', d => { out += d; });
  child.stderr.on('data', d => { out += d; });
  child.on('close', code => resolve({ code, out }));
});

const cases = [
  [['ask'], /usage: hg ask/, 'ask without text'],
  [['ask', '   '], /the request text is empty/, 'blank text'],
  [['ask', 'Read hello aloud', '--timeout', 'abc'], /--timeout must be a number of seconds/, 'a timeout that is not a number'],
  [['ask', 'Read hello aloud', '--timeout', '0'], /--timeout must be/, 'a zero timeout'],
  [['ask', 'Read hello aloud', '--planner', 'gpt'], /--planner must be auto, llm, embedded/, 'an unknown planner'],
  [['ask', 'Read hello aloud', '--file', '/no/such/file.wav'], /no such file: \/no\/such\/file\.wav/, 'a missing file'],
  [['ask', 'Read hello aloud', '--out'], /--out needs a value/, 'an option without its value'],
  [['ask', 'Read', 'hello'], /put the request text in quotes/, 'unquoted text'],
  [['speak', 'hello'], /unknown command 'speak'/, 'an unknown command'],
];
for (const [args, message, what] of cases) {
  const { code, out } = await run(...args);
  assert.equal(code, 64, `${what}: exit ${code}\n${out}`);
  assert.match(out, message, what);
  assert.doesNotMatch(out, /at .*\.mjs:\d+|ENOENT|NaN/, `${what}: no stack trace, raw error or NaN\n${out}`);
  step(`${what}: exit 64, "${out.split('\n')[0]}"`);
}
assert.equal(reached, 0, 'nothing was sent for a bad command line');
const help = await run('--help');
assert.equal(help.code, 0);
const unreachable = spawnSync(process.execPath, [hg, 'ask', 'Read hello aloud'], { env: { ...process.env, HG_URL: 'http://127.0.0.1:9' } });
assert.equal(unreachable.status, 69, 'a gateway that cannot be reached is exit 69');
server.close();
step('PASS');
