// The event stream as a standard EventSource client reads it (the eventsource npm package, WHATWG semantics): one
// request, every event once, each with an increasing id and its type as the event name; after DONE the server ends the
// stream, the client reconnects with Last-Event-ID, gets 204 No Content and stops: no replay.
//   GATEWAY_URL=http://127.0.0.1:8080 API_KEY=... node events.test.mjs
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventSource } from 'eventsource';

const gateway = process.env.GATEWAY_URL || 'http://127.0.0.1:8080';
const apiKey = process.env.API_KEY || '';
const auth = apiKey ? { Authorization: `Bearer ${apiKey}` } : {};
const step = (text) => console.log(`events: ${text}`);
const TYPES = ['ACCEPTED', 'PLANNED', 'PLANNING_FAILED', 'MODELS_CHOSEN', 'TASK_SELECTED', 'TASK_STARTED', 'TASK_FINISHED',
  'RESPONDING', 'DONE', 'FAILED'];

const submitted = await fetch(`${gateway}/v1/requests`, {
  method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' },
  body: JSON.stringify({ messages: [{ role: 'user', content: "Read 'Bonjour tout le monde' aloud and tell me what language it is" }] }),
});
assert.equal(submitted.status, 202, await submitted.clone().text());
const { id } = await submitted.json();
step(`request ${id}`);

const received = [];
const unnamed = [];
const connections = [];
let opened = 0;
const started = Date.now();
const source = new EventSource(`${gateway}/v1/requests/${id}/events`, {
  fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, ...auth } }),
});
source.onopen = () => {
  opened++;
  connections.push(`opened at ${Date.now() - started} ms after ${received.length} events`);
};
source.onmessage = (e) => unnamed.push(e.data);
for (const type of TYPES) {
  source.addEventListener(type, (e) => received.push({ id: e.lastEventId, name: e.type, data: JSON.parse(e.data) }));
}
await new Promise((resolve, reject) => {
  const limit = setTimeout(() => reject(new Error(`the client never stopped; got ${JSON.stringify(received.map(e => e.name))}`)), 120_000);
  source.onerror = (e) => {
    connections.push(`error at ${Date.now() - started} ms after ${received.length} events: ${e.message ?? ''} (${e.code ?? ''})`);
    if (source.readyState === EventSource.CLOSED) {
      clearTimeout(limit);
      resolve();
    }
  };
});
const stoppedAfter = Date.now() - started;
const count = received.length;
await sleep(4000);
assert.equal(received.length, count, 'nothing arrives once the client has stopped');
source.close();

assert.equal(unnamed.length, 0, 'every event is named after its type');
step(`connections: ${connections.join('; ')}`);
assert.equal(opened, 1, 'one connection with events; the reconnect got 204 and opened nothing');
assert.deepEqual(received.map(e => Number(e.id)), received.map((_, i) => i + 1), 'ids 1, 2, 3, ... each once');
assert.ok(received.every(e => e.data.type === e.name && e.data.requestId === id), 'the name is the data\'s type');
assert.equal(received.at(-1).name, 'DONE');
assert.equal(new Set(received.map(e => e.id)).size, received.length, 'no event twice');
const view = await (await fetch(`${gateway}/v1/requests/${id}`, { headers: auth })).json();
assert.equal(view.status, 'DONE');
step(`${received.length} events once each (${received.map(e => e.name).join(', ')}); the client stopped ${stoppedAfter} ms after`
  + ' it started, after the 204 that answered its reconnect; nothing more in the 4 s after');
step('PASS');
