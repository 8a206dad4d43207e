import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { startWranglerDev, type WranglerDev } from '../helpers/wrangler-dev.js';

// Chromium's fake microphone plays this WAV (16 kHz mono s16le, espeak-ng speech) in a loop.
const speechWav = fileURLToPath(new URL('../fixtures/audio/speech.wav', import.meta.url));
const foxText = 'The quick brown fox jumps over the lazy dog.';

let worker: WranglerDev;
let browser: Browser;

beforeAll(async () => {
  [worker, browser] = await Promise.all([
    startWranglerDev(),
    launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${speechWav}`,
      '--autoplay-policy=no-user-gesture-required',
    ]),
  ]);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

interface LiveLog {
  finals: string[];
  partials: number;
  ends: { reason: string; text: string }[];
  errors: string[];
}

/** Opens the live demo and records what its `<scribe-live>` dispatches. */
async function openLivePage(): Promise<{ page: Page; errors: string[]; keyRequests: string[] }> {
  // Tall enough that full-page screenshots show both transcripts: paragraphs off screen skip painting.
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors: string[] = [];
  const keyRequests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    if (request.url().endsWith('/api/soniox/temporary-api-key')) keyRequests.push(request.postData() ?? '');
  });
  await page.goto(`${worker.origin}/live.html`);
  await page.waitForFunction(() => customElements.get('scribe-live') !== undefined);
  await page.evaluate(() => {
    const log: LiveLog = { finals: [], partials: 0, ends: [], errors: [] };
    (window as unknown as { liveLog: LiveLog }).liveLog = log;
    const live = document.querySelector('scribe-live');
    if (live === null) throw new Error('no <scribe-live>');
    live.addEventListener('scribe-transcript-final', (event) => {
      log.finals.push(event.detail.text);
    });
    live.addEventListener('scribe-transcript-partial', () => {
      log.partials++;
    });
    live.addEventListener('scribe-live-end', (event) => {
      const detail = event.detail;
      log.ends.push({ reason: detail.reason, text: detail.transcript.text });
    });
    live.addEventListener('scribe-error', (event) => {
      log.errors.push(event.detail.message);
    });
  });
  return { page, errors, keyRequests };
}

function liveLog(page: Page): Promise<LiveLog> {
  return page.evaluate(() => (window as unknown as { liveLog: LiveLog }).liveLog);
}

/** The final text `<scribe-live>` shows, all paragraphs joined. */
function shownFinalText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('scribe-live')?.shadowRoot;
    return [...(root?.querySelectorAll('[part~="text"]') ?? [])]
      .map((text) => [...text.querySelectorAll('[part~="run"]')].map((run) => run.textContent).join(''))
      .join(' ');
  });
}

describe('the live demo', () => {
  it('captions the (fake) microphone through the Worker’s temporary key and the realtime sandbox', async () => {
    const { page, errors, keyRequests } = await openLivePage();
    // A live microphone's bytes never line up with the start of the sample, so the sandbox cannot
    // recognise it by content: the session names it instead (client_reference_id = its file name).
    await page
      .locator('scribe-live')
      .evaluate((live) => live.setAttribute('client-reference-id', 'speech.wav'));
    await page.locator('scribe-live [part~="start-button"]').click();
    await page.locator('scribe-live[state="live"]').waitFor({ timeout: 20_000 });
    expect(
      await page.locator('scribe-live').evaluate((live) => {
        try {
          return live.matches(':state(live)');
        } catch {
          return 'unsupported';
        }
      }),
    ).toBe(true);

    await expect.poll(() => shownFinalText(page), { timeout: 30_000 }).toBe(foxText);
    const log = await liveLog(page);
    // The words became final in order, each once.
    expect(log.finals.join(' ')).toBe(foxText);
    expect(log.partials).toBeGreaterThan(0);
    expect(keyRequests.map((body) => JSON.parse(body) as unknown)).toEqual([
      { clientReferenceId: 'speech.wav' },
    ]);
    // The level meter moves with the fake microphone's speech.
    await expect
      .poll(() => page.locator('scribe-live [part~="level"]').getAttribute('aria-valuenow'), {
        timeout: 10_000,
      })
      .not.toBe('0');
    await page.screenshot({ path: 'test-results/live-fake-microphone.png', fullPage: true });

    await page.locator('scribe-live [part~="stop-button"]').click();
    await page.locator('scribe-live[state="idle"]').waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await liveLog(page)).ends)
      .toEqual([{ reason: 'finished', text: foxText }]);
    // The finished transcript goes to <scribe-transcript>, and can be downloaded from <scribe-live>.
    await page.locator('scribe-transcript [part~="word"]', { hasText: 'lazy' }).waitFor();
    expect(await page.locator('scribe-live [part~="download"]').count()).toBe(4);
    await page.screenshot({ path: 'test-results/live-fake-microphone-stopped.png', fullPage: true });
    expect((await liveLog(page)).errors).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays the sample as the microphone, recognised by the sandbox from its audio', async () => {
    const { page, errors, keyRequests } = await openLivePage();
    await page.locator('#play-sample').click();
    await page.locator('scribe-live[state="live"]').waitFor({ timeout: 20_000 });
    // The session ends by itself when the sample does.
    await expect
      .poll(async () => (await liveLog(page)).ends, { timeout: 30_000 })
      .toEqual([{ reason: 'finished', text: foxText }]);
    expect(await shownFinalText(page)).toBe(foxText);
    expect((await liveLog(page)).finals.join(' ')).toBe(foxText);
    // No client reference id: the sandbox knew the sample by the fingerprint of its first PCM bytes.
    expect(keyRequests.map((body) => JSON.parse(body) as unknown)).toEqual([{}]);
    await page.locator('scribe-transcript [part~="word"]', { hasText: 'fox' }).waitFor();
    expect(await page.locator('#play-sample').isDisabled()).toBe(false);
    await page.screenshot({ path: 'test-results/live-sample-as-microphone.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
