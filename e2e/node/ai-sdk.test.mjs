// The Vercel ai SDK (its OpenAI provider, chat completions) against the gateway: text, a stream, structured output
// (generateObject with a zod schema: response_format json_schema), and tools refused with a clear 400.
//   GATEWAY_URL=http://127.0.0.1:8080 API_KEY=... node ai-sdk.test.mjs
import assert from 'node:assert/strict';
import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, generateObject, generateText, streamText, tool } from 'ai';
import { z } from 'zod';

const gateway = process.env.GATEWAY_URL || 'http://127.0.0.1:8080';
const apiKey = process.env.API_KEY || 'not-needed';
const model = createOpenAI({ baseURL: `${gateway}/v1`, apiKey }).chat('hugginggpt');
const step = (text) => console.log(`ai-sdk: ${text}`);

const text = await generateText({ model, maxRetries: 0, prompt: "What language is this: 'Buongiorno, come stai oggi?'" });
assert.match(text.text, /Italian/, text.text);
step(`generateText: ${JSON.stringify(text.text.slice(0, 80))}`);

const stream = streamText({ model, maxRetries: 0, prompt: "Read 'streaming works' aloud" });
let streamed = '';
for await (const piece of stream.textStream) streamed += piece;
assert.match(streamed, /text-to-speech/, streamed);
const usage = await stream.usage;
assert.ok(Number.isFinite(usage.totalTokens ?? 0), JSON.stringify(usage));
step(`streamText: ${streamed.length} characters, usage ${JSON.stringify(usage)}`);

const { object } = await generateObject({
  model, maxRetries: 0, prompt: "Read 'structured output works' aloud",
  schema: z.object({
    answer: z.string(),
    files: z.array(z.object({ id: z.string(), contentType: z.string() })),
  }),
});
assert.match(object.files[0]?.id ?? '', /^r-[0-9a-f]{20}\.wav$/, JSON.stringify(object));
assert.equal(object.files[0].contentType, 'audio/wav');
step(`generateObject: ${JSON.stringify(object).slice(0, 120)}…`);

const withTools = await generateText({
  model, maxRetries: 0, prompt: 'What is the weather in Paris?',
  tools: { weather: tool({ description: 'The weather in a city', inputSchema: z.object({ city: z.string() }), execute: async () => 'sunny' }) },
}).then(() => null, e => e);
assert.ok(APICallError.isInstance(withTools), String(withTools));
assert.equal(withTools.statusCode, 400);
assert.match(withTools.message, /tools/);
step(`tools: 400 "${withTools.message}"`);
step('PASS');
