import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { startWranglerDev, type WranglerDev } from '../helpers/wrangler-dev.js';

let worker: WranglerDev;
let browser: Browser;

beforeAll(async () => {
  [worker, browser] = await Promise.all([startWranglerDev(), launchChromium()]);
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

async function openPage(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${worker.origin}${path}`);
  return { page, errors };
}

describe('the demo', () => {
  it('loads from the local Worker and says every provider runs in the sandbox', async () => {
    const { page, errors } = await openPage('/');
    await page.locator('#providers li').nth(3).waitFor();
    const items = await page
      .locator('#providers li')
      .evaluateAll((nodes) =>
        nodes.map((node) => [(node as HTMLElement).dataset.provider, (node as HTMLElement).dataset.mode]),
      );
    expect(items).toEqual([
      ['soniox', 'sandbox'],
      ['soferai', 'sandbox'],
      ['mistral', 'sandbox'],
      ['scriptivox', 'sandbox'],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('uploads the sample, shows its transcript, and seeks the audio when a word is clicked', async () => {
    const { page, errors } = await openPage('/');
    await page.locator('#use-sample').click();
    const word = page.locator('scribe-transcript [part~="word"]', { hasText: 'fox' });
    await word.waitFor({ timeout: 30_000 });
    const text = await page.locator('scribe-transcript [part~="segment"]').first().textContent();
    expect(text).toContain('The quick brown fox jumps over the lazy dog.');
    await word.click();
    await expect
      .poll(() => page.locator('#player').evaluate((audio) => (audio as HTMLAudioElement).currentTime))
      .toBeCloseTo(1.023, 2);
    await page.screenshot({ path: 'test-results/demo-upload-transcript.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('transcribes the sample with the provider picked in the select (Scriptivox, through the Worker)', async () => {
    const { page, errors } = await openPage('/');
    const select = page.locator('#provider-select');
    await page.locator('#provider-select option').nth(3).waitFor({ state: 'attached' });
    expect(
      await select
        .locator('option')
        .evaluateAll((nodes) => nodes.map((node) => [(node as HTMLOptionElement).value, node.textContent])),
    ).toEqual([
      ['soniox', 'Soniox (sandbox)'],
      ['soferai', 'SoferAI (sandbox)'],
      ['mistral', 'Mistral (Voxtral) (sandbox)'],
      ['scriptivox', 'Scriptivox (sandbox)'],
    ]);
    await select.selectOption('scriptivox');
    expect(
      await page
        .locator('scribe-upload')
        .evaluate((upload) => (upload as HTMLElement & { provider: string }).provider),
    ).toBe('scriptivox');
    // Scriptivox takes a speaker count, which the element now offers (diarize is on in the demo).
    await page.locator('scribe-upload [part~="speaker-count-input"]').waitFor();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
    await page.locator('#use-sample').click();
    const word = page.locator('scribe-transcript [part~="word"]', { hasText: 'fox' });
    await word.waitFor({ timeout: 30_000 });
    const text = await page.locator('scribe-transcript [part~="segment"]').first().textContent();
    expect(text).toContain('The quick brown fox jumps over the lazy dog.');
    // Scriptivox times words too: a click seeks to the word.
    await word.click();
    await expect
      .poll(() => page.locator('#player').evaluate((audio) => (audio as HTMLAudioElement).currentTime))
      .toBeGreaterThan(0.5);
    expect(requests).toContain('POST /api/scriptivox/v1/upload');
    expect(requests.some((request) => request.startsWith('PUT /api/scriptivox-storage/'))).toBe(true);
    expect(requests).toContain('POST /api/scriptivox/v1/transcribe');
    await page.screenshot({ path: 'test-results/demo-upload-scriptivox.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works from nothing but the one classic script tag', async () => {
    const { page, errors } = await openPage('/script-tag.html');
    const scripts = await page
      .locator('script[src]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src')));
    expect(scripts).toEqual(['./scribekit/scribekit.iife.js']);
    expect(
      await page.evaluate(
        () =>
          customElements.get('scribe-upload') !== undefined &&
          customElements.get('scribe-transcript') !== undefined,
      ),
    ).toBe(true);
    await page.locator('scribe-upload input[type="file"]').setInputFiles('demo/samples/fox.wav');
    await page.locator('scribe-upload [part~="start-button"]').click();
    await page.locator('scribe-transcript [part~="word"]', { hasText: 'lazy' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: 'test-results/demo-script-tag.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
