import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

interface ShownChapter {
  title: string;
  start: number;
}

describe('the shiur page', () => {
  it('transcribes the shiur with SoferAI, shows its chapters, and plays a chapter from its start', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${worker.origin}/shiur.html`);

    // The chapters come from SoferAI's outline (the Worker's sandbox) once the transcription is done.
    const chapterButtons = page.locator('scribe-outline-player [part~="chapter-button"]');
    await chapterButtons.nth(1).waitFor({ timeout: 30_000 });
    expect(await chapterButtons.count()).toBeGreaterThanOrEqual(2);
    const chapters = await page
      .locator('scribe-outline-player')
      .evaluate((player) =>
        (player as HTMLElement & { shownChapters: readonly ShownChapter[] }).shownChapters.map(
          ({ title, start }) => ({ title, start }),
        ),
      );
    expect(chapters.length).toBeGreaterThanOrEqual(3);
    expect(chapters.at(-1)?.title).toMatch(/^Conclusion: /);

    // The Hebrew question keeps its script, in a paragraph whose direction the browser picks (RTL).
    const hebrewParagraph = page.locator('scribe-transcript [part~="segment"][dir="auto"]', {
      hasText: /[\u05D0-\u05EA]/u,
    });
    await hebrewParagraph.first().waitFor();
    expect(await hebrewParagraph.first().textContent()).toContain('מאימתי');
    expect(await hebrewParagraph.first().evaluate((paragraph) => getComputedStyle(paragraph).direction)).toBe(
      'rtl',
    );
    // Read right to left: each word of the question lies left of the one before it.
    const wordLefts = await hebrewParagraph
      .first()
      .locator('[part~="word"]')
      .evaluateAll((words) => words.map((word) => word.getBoundingClientRect().left));
    expect(wordLefts).toHaveLength(5);
    expect(wordLefts).toEqual([...wordLefts].sort((left, right) => right - left));
    await expect
      .poll(() => page.locator('#status').textContent())
      .toMatch(/^Transcribed 93 words \(5 in Hebrew letters\)/);

    const second = chapters[1] as ShownChapter;
    expect(second.start).toBeGreaterThan(0);
    // The list shows the start it seeks to.
    expect(await chapterButtons.nth(1).locator('[part~="chapter-time"]').textContent()).toBe(
      `0:${String(Math.floor(second.start)).padStart(2, '0')}`,
    );
    await chapterButtons.nth(1).click();
    await expect
      .poll(() => page.locator('#player').evaluate((audio) => (audio as HTMLAudioElement).currentTime))
      .toBeCloseTo(second.start, 3);
    await expect.poll(() => chapterButtons.nth(1).getAttribute('aria-current')).toBe('true');

    await page.screenshot({ path: 'test-results/demo-shiur.png', fullPage: true });
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
