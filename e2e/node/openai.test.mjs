// The official openai npm client against the gateway's OpenAI-compatible facade: model list, a plain and a
// streamed chat completion through the whole pipeline, and the client's own error type for a bad key.
//   GATEWAY_URL=http://127.0.0.1:8080 API_KEY=... node openai.test.mjs
import assert from 'node:assert/strict';
import OpenAI, { AuthenticationError, BadRequestError } from 'openai';

const gateway = process.env.GATEWAY_URL || 'http://127.0.0.1:8080';
const apiKey = process.env.API_KEY || 'not-needed-locally';
const client = new OpenAI({ baseURL: `${gateway}/v1`, apiKey, timeout: 180_000, maxRetries: 0 });
const step = (text) => console.log(`openai: ${text}`);

const models = await client.models.list();
assert.ok(models.data.some(m => m.id === 'hugginggpt'), JSON.stringify(models.data));
step(`models: ${models.data.map(m => m.id).join(', ')}`);

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

if (process.env.API_KEY) {
  const stranger = new OpenAI({ baseURL: `${gateway}/v1`, apiKey: 'wrong-key', maxRetries: 0 });
  await assert.rejects(stranger.models.list(), AuthenticationError);
  step('a wrong key is the client\'s AuthenticationError');
}
await assert.rejects(client.chat.completions.create({ model: 'hugginggpt', messages: [] }), BadRequestError);
step('an empty conversation is the client\'s BadRequestError');
step('PASS');
