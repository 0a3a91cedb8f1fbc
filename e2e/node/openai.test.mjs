// The official openai npm client against the gateway's OpenAI-compatible facade: model list and retrieval, a plain and a
// streamed chat completion through the whole pipeline (the first chunk at once, progress while the tasks run, the usage
// at the end), the answer as JSON, a picture inside the messages over two turns, and the client's own error types for a
// bad key, an image URL and the parameters the pipeline refuses by name (tools, n).
//   GATEWAY_URL=http://127.0.0.1:8080 API_KEY=... node openai.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import OpenAI, { AuthenticationError, BadRequestError, NotFoundError } from 'openai';

const gateway = process.env.GATEWAY_URL || 'http://127.0.0.1:8080';
const apiKey = process.env.API_KEY || 'not-needed-locally';
const client = new OpenAI({ baseURL: `${gateway}/v1`, apiKey, timeout: 180_000, maxRetries: 0 });
const step = (text) => console.log(`openai: ${text}`);

const models = await client.models.list();
assert.ok(models.data.some(m => m.id === 'hugginggpt'), JSON.stringify(models.data));
step(`models: ${models.data.map(m => m.id).join(', ')}`);
const model = await client.models.retrieve('hugginggpt');
assert.equal(model.id, 'hugginggpt');
await assert.rejects(client.models.retrieve('gpt-4o'), NotFoundError);
step('models.retrieve: hugginggpt, and gpt-4o is the client\'s NotFoundError');

const completion = await client.chat.completions.create({
  model: 'hugginggpt',
  messages: [{ role: 'user', content: "What language is this: 'Bonjour tout le monde, comment allez-vous?'" }],
});
assert.equal(completion.object, 'chat.completion');
assert.equal(completion.choices[0].message.role, 'assistant');
assert.equal(completion.choices[0].finish_reason, 'stop');
assert.match(completion.choices[0].message.content, /French/, completion.choices[0].message.content);
step(`plain completion ${completion.id}: ${JSON.stringify(completion.choices[0].message.content.slice(0, 80))}`);

const stream = await client.chat.completions.create({
  model: 'hugginggpt',
  stream: true,
  messages: [
    { role: 'user', content: "Translate 'good morning' into Spanish" },
    { role: 'assistant', content: 'Buenos días' },
    { role: 'user', content: "Read 'the weather is nice today' aloud" },
  ],
});
let streamed = '';
let chunks = 0;
let finish = null;
for await (const chunk of stream) {
  assert.equal(chunk.object, 'chat.completion.chunk');
  chunks++;
  streamed += chunk.choices[0]?.delta?.content || '';
  finish = chunk.choices[0]?.finish_reason || finish;
}
assert.ok(chunks >= 2, `at least a content chunk and a final chunk, got ${chunks}`);
assert.equal(finish, 'stop');
assert.match(streamed, /text-to-speech/, streamed);
step(`streamed completion: ${chunks} chunks, ${streamed.length} characters`);

// Streaming that streams: the role leaves at once, progress chunks (empty delta, hugginggpt.progress) while the tasks run.
const asked = performance.now();
const live = await client.chat.completions.create({
  model: 'hugginggpt', stream: true, stream_options: { include_usage: true },
  messages: [{ role: 'user', content: "Read 'Bonjour tout le monde' aloud and tell me what language it is" }],
});
let firstChunk = null;
let progress = [];
let answer = '';
let usage = null;
for await (const chunk of live) {
  firstChunk ??= performance.now() - asked;
  if (chunk.hugginggpt?.progress) progress.push(chunk.hugginggpt.progress.event);
  answer += chunk.choices[0]?.delta?.content || '';
  usage = chunk.usage || usage;
}
step(`time to first chunk: ${firstChunk.toFixed(1)} ms; then ${progress.length} progress chunks (${progress.join(', ')})`);
assert.ok(firstChunk < 1000, `the first chunk leaves at once, not when the answer is ready: ${firstChunk} ms`);
assert.ok(progress.includes('PLANNED') && progress.includes('TASK_FINISHED'), progress.join(', '));
assert.match(answer, /text-to-speech/, answer);
assert.ok(usage && Number.isInteger(usage.total_tokens), `stream_options.include_usage sends the usage: ${JSON.stringify(usage)}`);

const asJson = await client.chat.completions.create({
  model: 'hugginggpt', response_format: { type: 'json_object' },
  messages: [{ role: 'user', content: "What language is this: 'Guten Morgen, wie geht es dir heute?'" }],
});
const structured = JSON.parse(asJson.choices[0].message.content);
assert.equal(structured.results[0].text, 'German', JSON.stringify(structured));
assert.equal(structured.tasks[0].task, 'text-classification');
step(`response_format json_object: ${JSON.stringify(structured).slice(0, 120)}…`);

for (const [param, extra] of [['tools', { tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object' } } }] }],
  ['n', { n: 2 }], ['logprobs', { logprobs: true }]]) {
  const refused = await client.chat.completions.create({ model: 'hugginggpt', messages: [{ role: 'user', content: 'hi' }], ...extra })
    .then(() => null, e => e);
  assert.ok(refused instanceof BadRequestError, String(refused));
  assert.equal(refused.param, param);
  assert.equal(refused.code, 'unsupported_parameter');
}
step('tools, n: 2 and logprobs are the client\'s BadRequestError naming the parameter');

if (process.env.SIGN_PNG) {
  // a picture inside the message, as the client sends one: a data: URL; the next turn sends it again with the history
  const sign = `data:image/png;base64,${readFileSync(process.env.SIGN_PNG).toString('base64')}`;
  const first = [{ role: 'user', content: [
    { type: 'text', text: 'What does the text in this image say?' },
    { type: 'image_url', image_url: { url: sign } },
  ] }];
  const read = await client.chat.completions.create({ model: 'hugginggpt', messages: first });
  assert.match(read.choices[0].message.content, /OPENAI WORKS/, read.choices[0].message.content);
  step(`an image in the message: ${JSON.stringify(read.choices[0].message.content.slice(0, 80))}`);
  const again = await client.chat.completions.create({ model: 'hugginggpt', messages: [
    ...first, { role: 'assistant', content: read.choices[0].message.content }, { role: 'user', content: 'Now make that picture black and white' },
  ] });
  assert.match(again.choices[0].message.content, /image-to-image/, again.choices[0].message.content);
  assert.match(again.choices[0].message.content, /grayscale/, again.choices[0].message.content);
  step('the next turn, with the picture in the history, works on that picture');
  await assert.rejects(client.chat.completions.create({ model: 'hugginggpt', messages: [{ role: 'user', content: [
    { type: 'text', text: 'Describe this' }, { type: 'image_url', image_url: { url: 'https://example.org/cat.png' } },
  ] }] }), BadRequestError);
  step('an image URL is the client\'s BadRequestError (URLs are not fetched)');
}

if (process.env.API_KEY) {
  const stranger = new OpenAI({ baseURL: `${gateway}/v1`, apiKey: 'wrong-key', maxRetries: 0 });
  await assert.rejects(stranger.models.list(), AuthenticationError);
  step('a wrong key is the client\'s AuthenticationError');
}
await assert.rejects(client.chat.completions.create({ model: 'hugginggpt', messages: [] }), BadRequestError);
step('an empty conversation is the client\'s BadRequestError');
step('PASS');
