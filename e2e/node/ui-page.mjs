// What every web UI script starts with: headless Chromium, and the page connected to the gateway with the key entered.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const gateway = process.env.GATEWAY_URL || 'http://127.0.0.1:8080';
export const apiKey = process.env.API_KEY || '';
export const timeout = Number(process.env.TIMEOUT_MS || 180_000);

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
}

/** A new page on the gateway's UI, with the API key entered when the gateway needs one, once it says "connected". */
export async function openConnected(browser, viewport = { width: 1280, height: 1000 }) {
  const page = await browser.newPage({ viewport });
  await page.goto(gateway, { waitUntil: 'networkidle' });
  if (apiKey) {
    await page.waitForFunction(() => document.querySelector('#connection')?.textContent === 'key needed', null, { timeout: 10_000 });
    assert.equal(await page.getAttribute('#api-key', 'placeholder'), 'required by this gateway');
    await page.fill('#api-key', apiKey);
    await page.press('#api-key', 'Tab');
  }
  await page.waitForFunction(() => document.querySelector('#connection')?.textContent === 'connected', null, { timeout: 10_000 });
  return page;
}

/** The duration in seconds of an audio element's media, once its metadata has loaded; rejects on a media error. */
export function audioDuration(audio) {
  return audio.evaluate(element => new Promise((resolve, reject) => {
    if (element.readyState >= 1) return resolve(element.duration);
    element.addEventListener('loadedmetadata', () => resolve(element.duration), { once: true });
    element.addEventListener('error', () => reject(new Error(`audio error ${element.error?.code}`)), { once: true });
  }));
}
