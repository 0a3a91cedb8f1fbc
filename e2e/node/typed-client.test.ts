// A TypeScript client generated from the gateway's OpenAPI document (openapi-typescript for the types, openapi-fetch
// for the calls), type-checked by tsc against the document as served and run against the live stack: upload, submit,
// poll, events, download, and the error bodies the document promises.
//   npx openapi-typescript $GATEWAY_URL/q/openapi?format=json -o build/gateway.d.ts && npx tsc && node build/typed-client.test.js
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import type { components, paths } from './build/gateway.js';

type RequestEvent = components['schemas']['RequestEvent'];
type RequestView = components['schemas']['RequestView'];
type Problem = components['schemas']['Problem'];

const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080';
const apiKey = process.env.API_KEY ?? '';
const sign = process.env.SIGN_PNG;
assert.ok(sign, 'SIGN_PNG names a picture of a sign');
const step = (text: string) => console.log(`typed-client: ${text}`);
const client = createClient<paths>({ baseUrl: gateway, headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {} });

const bytes = readFileSync(sign);
const form = new FormData();
form.append('file', new Blob([bytes], { type: 'image/png' }), 'sign.png');
const uploaded = await client.POST('/v1/resources', { body: {}, bodySerializer: () => form });
assert.equal(uploaded.response.status, 201);
assert.ok(uploaded.data, JSON.stringify(uploaded.error));
const resource: components['schemas']['ResourceRef'] = uploaded.data;
assert.ok(uploaded.response.headers.get('Location')?.endsWith(`/v1/resources/${resource.id}`));
step(`uploaded ${resource.id} (${resource.contentType}, ${resource.size} bytes)`);

const submitted = await client.POST('/v1/requests', {
  body: { messages: [{ role: 'user', content: 'Read the text in sign.png' }], resources: [resource.id!] },
});
assert.equal(submitted.response.status, 202);
assert.ok(submitted.data, JSON.stringify(submitted.error));
const id: string = submitted.data.id;
assert.ok(submitted.response.headers.get('Location')?.endsWith(`/v1/requests/${id}`));
step(`submitted ${id}: ${submitted.data.status}`);

let view: RequestView | undefined;
for (const started = Date.now(); Date.now() - started < 180_000;) {
  const polled = await client.GET('/v1/requests/{id}', { params: { path: { id } } });
  assert.ok(polled.data, JSON.stringify(polled.error));
  view = polled.data;
  if (view.status === 'DONE' || view.status === 'FAILED') break;
  await new Promise(resolve => setTimeout(resolve, 250));
}
assert.equal(view?.status, 'DONE', JSON.stringify(view));
const ocr = view!.tasks[0];
assert.equal(ocr?.task, 'image-to-text');
assert.equal(ocr?.status, 'SUCCEEDED');
assert.match(ocr?.output?.text ?? '', /TYPED CLIENT/);
step(`polled to DONE: ${JSON.stringify(ocr?.output?.text)}`);

const stream = await client.GET('/v1/requests/{id}/events', { params: { path: { id } }, parseAs: 'text' });
assert.equal(stream.response.status, 200);
assert.match(stream.response.headers.get('Content-Type') ?? '', /^text\/event-stream/);
const events: { id: number; name: string; data: RequestEvent }[] = [];
for (const block of (stream.data ?? '').split(/\r?\n\r?\n/)) {
  const fields = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).replace(/^ /, ''));
  }
  if (fields.has('data')) {
    events.push({ id: Number(fields.get('id')), name: fields.get('event') ?? '', data: JSON.parse(fields.get('data')!) as RequestEvent });
  }
}
assert.deepEqual(events.map(e => e.id), events.map((_, i) => i + 1));
assert.ok(events.every(e => e.name === e.data.type && e.data.requestId === id));
assert.equal(events.at(-1)?.data.type, 'DONE');
assert.equal(events.at(-1)?.data.answer?.text, view!.answer?.text);
const finished = events.find(e => e.data.type === 'TASK_FINISHED')?.data.result;
assert.equal(finished?.status, 'SUCCEEDED');
step(`events: ${events.map(e => `${e.id} ${e.name}`).join(', ')}`);

const over = await client.GET('/v1/requests/{id}/events', {
  params: { path: { id }, header: { 'Last-Event-ID': String(events.length) } }, parseAs: 'text',
});
assert.equal(over.response.status, 204, 'the request is over and its last event was had');

const downloaded = await client.GET('/v1/resources/{id}', { params: { path: { id: resource.id! } }, parseAs: 'arrayBuffer' });
assert.equal(downloaded.response.status, 200);
assert.deepEqual(Buffer.from(downloaded.data as ArrayBuffer), bytes, 'the bytes come back unchanged');
assert.equal(downloaded.response.headers.get('X-Content-Type-Options'), 'nosniff');
step(`downloaded ${resource.id}: the same ${bytes.length} bytes`);

const missing = await client.GET('/v1/requests/{id}', { params: { path: { id: 'no-such-request' } } });
assert.equal(missing.response.status, 404);
const problem: Problem | undefined = missing.error;
assert.equal(problem?.status, 404);
const refused = await client.POST('/v1/requests', { body: { messages: [] } });
assert.equal(refused.response.status, 400);
assert.match(refused.error?.detail ?? '', /at least one message/);
const stranger = createClient<paths>({ baseUrl: gateway, headers: { Authorization: 'Bearer not-a-key' } });
const unauthorized = await stranger.GET('/v1/requests/{id}', { params: { path: { id } } });
assert.equal(unauthorized.response.status, 401);
assert.equal(unauthorized.error?.status, 401, 'the 401 has the documented problem body');
step('404, 400 and 401 come with the documented problem bodies');
step('PASS');
