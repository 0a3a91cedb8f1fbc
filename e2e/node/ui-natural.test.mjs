// A request as a person writes it, through the web UI in headless Chromium: "Read 'Bonjour tout le monde' aloud and
// tell me what language it is." must end DONE with an answer naming French and a playable audio element.
//   GATEWAY_URL=http://127.0.0.1:8080 API_KEY=... node ui-natural.test.mjs
import assert from 'node:assert/strict';
import { audioDuration, launchChromium, openConnected, timeout } from './ui-page.mjs';

const step = (text) => console.log(`ui-natural: ${text}`);
const browser = await launchChromium();
try {
  const page = await openConnected(browser);
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(e.message));

  const asked = performance.now();
  await page.fill('#prompt', "Read 'Bonjour tout le monde' aloud and tell me what language it is.");
  await page.press('#prompt', 'Enter');
  await page.waitForFunction(() => ['DONE', 'FAILED'].includes(document.querySelector('article.turn')?.dataset.stage),
    null, { timeout });
  const turn = page.locator('article.turn').first();
  assert.equal(await turn.getAttribute('data-stage'), 'DONE', await turn.locator('.assistant').textContent());
  step(`request DONE in ${(performance.now() - asked).toFixed(0)} ms`);

  const answer = await turn.locator('.answer').textContent();
  assert.match(answer, /French/, answer);
  const languages = await turn.locator('.labels li').allTextContents();
  assert.ok(languages.length >= 1 && languages[0].startsWith('French'), `the quoted text is French: ${JSON.stringify(languages)}`);

  const audio = turn.locator('.task:has-text("text-to-speech") audio');
  await audio.waitFor();
  const duration = await audioDuration(audio);
  assert.ok(duration > 0.3, `the audio element plays speech, duration ${duration}`);
  step(`answer names French; audio element loaded, ${duration.toFixed(2)} s of speech`);
  assert.deepEqual(pageErrors, [], 'no errors in the page');
  step('PASS');
} finally {
  await browser.close();
}
