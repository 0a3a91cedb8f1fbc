// The web UI end to end in headless Chromium, against a running gateway and the whole pipeline behind it.
// A picture of a sign is drawn in the page, dropped onto it, and the request "read the text aloud" is sent;
// the plan's DAG must light up from the event stream (every node seen RUNNING, then SUCCEEDED), the OCR text
// and a playable audio element must appear, a follow-up turn must carry the conversation, and a later turn must
// find the first turn's picture. Then the same page at a phone's size (390 px): no horizontal scroll, the header
// wrapped and whole, the key field's hints true to a gateway that needs a key, a failed task shown failed in the DAG
// and on the stage pills, DAG labels inside their boxes, languages by their names.
//   GATEWAY_URL=http://127.0.0.1:8080 API_KEY=... SCREENSHOT=target/ui.png SCREENSHOT_PHONE=target/ui-phone.png node ui.test.mjs
import assert from 'node:assert/strict';
import { apiKey, audioDuration, gateway, launchChromium, openConnected, timeout } from './ui-page.mjs';

const screenshot = process.env.SCREENSHOT || 'ui.png';
const phoneScreenshot = process.env.SCREENSHOT_PHONE || 'ui-phone.png';

const browser = await launchChromium();
const step = (text) => console.log(`ui: ${text}`);
try {
  const page = await openConnected(browser);
  step('connected');
  // from here on (the key is set) the page must log no error at all
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(e.message));
  page.on('console', m => { if (m.type() === 'error') pageErrors.push(m.text()); });

  // Record every status each DAG node takes, to prove the graph is driven live by the stream.
  await page.evaluate(() => {
    window.seenStatuses = {};
    const note = (node) => (window.seenStatuses[node.dataset.task] ||= []).push(node.dataset.status);
    new MutationObserver(records => {
      for (const record of records) {
        if (record.type === 'attributes' && record.target.matches?.('g.node')) note(record.target);
        for (const added of record.addedNodes || []) if (added.matches?.('g.node')) note(added);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  });

  // Draw the sign in a canvas and drop it onto the page as a PNG file.
  await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 720;
    canvas.height = 200;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = '#000';
    g.font = 'bold 72px sans-serif';
    g.fillText('OPEN TODAY', 40, 130);
    const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'sign.png', { type: 'image/png' }));
    document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
  });
  await page.waitForSelector('#attachments .chip:has-text("sign.png")');
  assert.equal(await page.isHidden('#drop-hint'), true, 'the drop hint goes away after the drop');
  step('sign.png attached by drag and drop');

  await page.fill('#prompt', 'Read the text in sign.png aloud');
  await page.press('#prompt', 'Enter');
  const turn = page.locator('article.turn').first();
  await page.waitForFunction(() => ['DONE', 'FAILED'].includes(document.querySelector('article.turn')?.dataset.stage),
    null, { timeout });
  const stage = await turn.getAttribute('data-stage');
  assert.equal(stage, 'DONE', `the request failed: ${await turn.locator('.assistant > .error').textContent()}`);
  step('request DONE');

  const nodes = await turn.locator('svg.dag g.node').evaluateAll(all => all.map(n => ({ task: n.dataset.task, status: n.dataset.status })));
  assert.ok(nodes.length >= 2, `a plan of OCR then speech, got ${JSON.stringify(nodes)}`);
  assert.ok(nodes.every(n => n.status === 'SUCCEEDED'), JSON.stringify(nodes));
  const edges = await turn.locator('svg.dag path.edge').count();
  assert.ok(edges >= 1, 'the speech task depends on the OCR task: an edge is drawn');
  const seen = await page.evaluate(() => window.seenStatuses);
  for (const node of nodes) {
    // a task quicker than the executors' started-event delay (250 ms) goes from SELECTED to SUCCEEDED
    assert.ok(seen[node.task]?.some(status => ['SELECTED', 'RUNNING'].includes(status)) && seen[node.task].at(-1) === 'SUCCEEDED',
      `node ${node.task} lit up live: ${JSON.stringify(seen[node.task])}`);
  }
  step(`DAG of ${nodes.length} nodes, ${edges} edge(s), statuses seen ${JSON.stringify(seen)}`);

  const ocr = await turn.locator('.task:has-text("image-to-text") .output-text').textContent();
  assert.match(ocr, /OPEN\s+TODAY/i, 'OCR read the sign');
  await turn.locator('.task:has-text("text-to-speech") .model-line').filter({ hasText: 'local/' }).waitFor();

  const audio = turn.locator('.task:has-text("text-to-speech") audio');
  await audio.waitFor();
  const duration = await audioDuration(audio);
  assert.ok(duration > 0.3, `the audio element plays speech, duration ${duration}`);
  step(`audio element loaded, ${duration.toFixed(2)} s of speech`);

  const answer = await turn.locator('.answer').textContent();
  assert.match(answer, /OPEN TODAY|text-to-speech/i, answer);

  /** Sends a follow-up turn; returns its article once DONE (or FAILED) and the request's view as the gateway holds it. */
  const followUp = async (text, index, expected = 'DONE') => {
    await page.fill('#prompt', text);
    await page.press('#prompt', 'Enter');
    await page.waitForFunction(i => ['DONE', 'FAILED'].includes(document.querySelectorAll('article.turn')[i]?.dataset.stage),
      index, { timeout });
    const article = page.locator('article.turn').nth(index);
    assert.equal(await article.getAttribute('data-stage'), expected, await article.locator('.assistant').textContent());
    const view = await (await fetch(`${gateway}/v1/requests/${await article.getAttribute('data-request')}`,
      { headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {} })).json();
    return { article, view };
  };

  // A follow-up turn carries the conversation so far.
  const second = await followUp("Translate 'good night' into Spanish", 1);
  assert.deepEqual(second.view.messages.map(m => m.role), ['user', 'assistant', 'user'], 'the history went with the request');
  assert.match(await second.article.locator('.output-text').first().textContent(), /noche/i);
  step('follow-up turn DONE with the conversation history');

  // A later turn refers back to the first turn's picture: it is named in that turn's message, so it is found.
  const third = await followUp('Now make that picture black and white', 2);
  const signId = third.view.messages[0].content.match(/\(attached: (r-[0-9a-f]{20}\.png)\)/)?.[1];
  assert.ok(signId, `the first turn names its file: ${third.view.messages[0].content}`);
  assert.deepEqual(third.view.tasks.map(t => [t.task, t.args.image, t.status]), [['image-to-image', signId, 'SUCCEEDED']],
    JSON.stringify(third.view.tasks));
  step('a later turn works on the picture of the first');

  // A turn that fails stays in the conversation, with what went wrong, for the turns after it.
  await followUp('Summarize', 3, 'FAILED');
  const fifth = await followUp("Translate 'thank you' into Spanish", 4);
  const failed = fifth.view.messages.slice(-3, -1);
  assert.deepEqual(failed.map(m => m.role), ['user', 'assistant'], JSON.stringify(fifth.view.messages));
  assert.equal(failed[0].content, 'Summarize');
  assert.match(failed[1].content, /^That failed: .*summarization/, failed[1].content);
  step('a failed turn is in the history of the next');

  // With "show me the plan before it runs": the plan waits; a task's argument is edited and a model chosen among the
  // candidates the live executors offer; "Run this plan" runs it as edited.
  await page.check('#approval');
  await page.fill('#prompt', "Read 'good morning' aloud");
  await page.press('#prompt', 'Enter');
  const waiting = page.locator('article.turn').nth(5);
  await waiting.locator('.review:not([hidden]) .review-task').first().waitFor({ timeout });
  const review = waiting.locator('.review-task').first();
  assert.match(await review.locator('legend').textContent(), /text-to-speech/);
  const select = review.locator('select.model-choice');
  await page.waitForFunction(el => el.dataset.loaded !== undefined, await select.elementHandle(), { timeout: 10_000 });
  const options = await select.locator('option:not([disabled])').evaluateAll(all => all.map(o => o.value));
  assert.equal(await select.inputValue(), '', 'automatic is the default');
  const candidates = options.filter(v => v && !v.startsWith('\u0000'));
  assert.ok(candidates.length >= 1, `the candidates of text-to-speech: ${JSON.stringify(options)}`);
  const chosen = candidates.at(-1);
  await select.selectOption(chosen);
  await review.locator('textarea.arg[data-key="text"]').fill('good night');
  await waiting.locator('.review button', { hasText: 'Run this plan' }).click();
  await page.waitForFunction(() => ['DONE', 'FAILED'].includes(document.querySelectorAll('article.turn')[5]?.dataset.stage),
    null, { timeout });
  assert.equal(await waiting.getAttribute('data-stage'), 'DONE', await waiting.locator('.assistant').textContent());
  const approved = await (await fetch(`${gateway}/v1/requests/${await waiting.getAttribute('data-request')}`,
    { headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {} })).json();
  assert.deepEqual(approved.tasks.map(t => [t.task, t.args.text, t.model, t.status]),
    [['text-to-speech', 'good night', chosen, 'SUCCEEDED']], JSON.stringify(approved.tasks));
  await page.uncheck('#approval');
  step(`a plan shown before it ran, its text edited and ${chosen} chosen among ${JSON.stringify(candidates)}: DONE as edited`);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot });
  step(`screenshot ${screenshot}`);
  assert.deepEqual(pageErrors, [], 'no errors in the page');
  await page.close();

  await phone();
  step('PASS');
} finally {
  await browser.close();
}

/** The page at a phone's width, from a fresh browser profile (no key stored). */
async function phone() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  await page.goto(gateway, { waitUntil: 'networkidle' });
  const fits = () => page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  let width = await fits();
  assert.ok(width.page <= width.viewport, `no horizontal scroll at 390 px: ${JSON.stringify(width)}`);
  const header = await page.evaluate(() => [...document.querySelectorAll('.bar h1, #api-key, #connection, #new-chat, .bar a')]
    .map(e => ({ what: e.id || e.textContent.trim(), right: Math.round(e.getBoundingClientRect().right), width: e.getBoundingClientRect().width })));
  assert.ok(header.every(e => e.right <= 390 && e.width > 0), `every part of the header is on the screen: ${JSON.stringify(header)}`);
  step(`phone: the page is ${width.page} px wide at a ${width.viewport} px viewport; the header wraps: ${JSON.stringify(header)}`);

  if (apiKey) {
    await page.waitForFunction(() => document.querySelector('#connection')?.textContent === 'key needed', null, { timeout: 10_000 });
    await page.fill('#prompt', 'Read hello aloud');
    await page.press('#prompt', 'Enter');
    await page.waitForSelector('#composer-error:not([hidden])');
    assert.match(await page.textContent('#composer-error'), /API key/);
    await page.fill('#api-key', apiKey);
    await page.press('#api-key', 'Tab');
    await page.waitForFunction(() => document.querySelector('#connection')?.textContent === 'connected', null, { timeout: 10_000 });
    assert.equal(await page.isHidden('#composer-error'), true, 'the request for a key goes once the key is accepted');
    step('phone: "key needed" and the request for a key, gone once the key is accepted');
  }

  const before = await page.locator('article.turn').count();
  await page.fill('#prompt', "Draw a picture of a red fox and tell me what language 'Me gustaría leer un libro en la biblioteca esta tarde' is");
  await page.press('#prompt', 'Enter');
  await page.waitForFunction(i => ['DONE', 'FAILED'].includes(document.querySelectorAll('article.turn')[i]?.dataset.stage), before, { timeout });
  const turn = page.locator('article.turn').nth(before);
  assert.equal(await turn.getAttribute('data-stage'), 'DONE', await turn.textContent());
  const drawn = turn.locator('svg.dag g.node', { hasText: 'text-to-image' });
  assert.equal(await drawn.getAttribute('data-status'), 'FAILED');
  assert.match(await drawn.locator('.model').textContent(), /^failed/, 'the node says failed, not "choosing a model"');
  const running = turn.locator('.stages li[data-stage="RUNNING"]');
  assert.match(await running.getAttribute('class'), /failed/);
  assert.match(await running.textContent(), /1 task failed/);
  assert.match(await turn.locator('.answer').textContent(), /cannot create pictures/, 'the answer says it in the user\'s terms');
  step(`phone: the failed task is failed in the DAG ("${await drawn.locator('.model').textContent()}") and on the stages ("${await running.textContent()}")`);

  const overflowing = await turn.locator('svg.dag g.node').evaluateAll(nodes => nodes.flatMap(node => {
    const box = node.querySelector('rect').getBBox();
    return [...node.querySelectorAll('text')].filter(t => t.getBBox().x + t.getBBox().width > box.width - 4).map(t => t.textContent);
  }));
  assert.deepEqual(overflowing, [], 'every DAG label fits its box');
  const languages = await turn.locator('.labels li').allTextContents();
  assert.ok(languages.length >= 1 && languages[0].startsWith('Spanish'), JSON.stringify(languages));
  assert.ok(languages.every(l => !/^[a-z]{2,3}\b/.test(l)), `languages by their names, not codes: ${JSON.stringify(languages)}`);
  step(`phone: labels fit their boxes; languages ${JSON.stringify(languages)}`);

  width = await fits();
  assert.ok(width.page <= width.viewport, `still no horizontal scroll with a DAG and results: ${JSON.stringify(width)}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: phoneScreenshot, fullPage: false });
  step(`phone screenshot ${phoneScreenshot}`);
  assert.deepEqual(errors, [], 'no errors in the page');
  await context.close();
}
