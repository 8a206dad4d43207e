import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { startWranglerDev, type WranglerDev } from '../helpers/wrangler-dev.js';

let worker: WranglerDev;
let browser: Browser;

beforeAll(async () => {
  [worker, browser] = await Promise.all([startWranglerDev(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe('the demo', () => {
  it('loads in Chromium from the local Worker and says every provider runs in the sandbox', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${worker.origin}/`);
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
    await expect(page.locator('#mode-note').textContent()).resolves.toContain('sandbox');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/demo-home.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
