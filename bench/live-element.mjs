// `<scribe-live>` in headless Chromium: the element on a page of its own (no server, no network),
// its session given an in-memory WebSocket, Soniox messages delivered one per frame at 100, 1k, 10k
// and 50k final words. The cost of an update is the main thread's work per message (Chrome's
// Performance.getMetrics: script, style, layout, and all other tasks), so work the element defers
// to an animation frame counts too.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { repoRoot } from './lib/bundle-size.mjs';
import { MemorySocket } from './lib/realtime-messages.mjs';
import { median } from './lib/stats.mjs';

const checkpoints = [100, 1_000, 10_000, 50_000];
// About 2.5 final words a message: 3 rounds of 50 add about 375 words, so the 100-word figure is
// measured between about 100 and 475 words.
const measuredMessages = 50;
const roundsPerCheckpoint = 3;
const bulkPerFrame = 200;
// The flags test/helpers/chromium.ts uses: headless, no network services.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
}

async function pageBundle(folder) {
  const result = await build({
    stdin: {
      contents: `import './src/elements/${folder}/define.ts';\nexport { createSonioxRealtime } from './src/core/providers/soniox/index.ts';`,
      resolveDir: repoRoot,
      loader: 'js',
    },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    globalName: 'BenchLive',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const metricNames = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'];

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(
    list.filter((metric) => metricNames.includes(metric.name)).map((metric) => [metric.name, metric.value]),
  );
}

/**
Main-thread work per update: frames with one message each, less as many frames without a message
(what the page costs when nothing changes), in microseconds per message.
*/
async function measureRound(page, cdp, measured) {
  const idleBefore = await metrics(cdp);
  await page.evaluate(async (count) => {
    for (let index = 0; index <= count; index++) await window.benchFrame();
  }, measured.length);
  const idleAfter = await metrics(cdp);
  const before = await metrics(cdp);
  await page.evaluate(async (chunk) => {
    for (const text of chunk) {
      window.benchSocket.receive(text);
      await window.benchFrame();
    }
    await window.benchFrame();
  }, measured);
  const after = await metrics(cdp);
  return Object.fromEntries(
    metricNames.map((name) => [
      name,
      ((after[name] - before[name] - (idleAfter[name] - idleBefore[name])) * 1e6) / measured.length,
    ]),
  );
}

/** Measures; `messages` are Soniox server messages (JSON text) in order. */
export async function measureLiveElement(folder, messages) {
  const executablePath = findChromium();
  if (executablePath === undefined)
    return { status: 'not-measured', reason: 'no Chromium found (set CHROMIUM_PATH)' };
  const bundle = await pageBundle(folder);
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.setContent(
      '<!doctype html><html lang="en"><body><scribe-live style="display:block;height:600px"></scribe-live></body></html>',
    );
    await page.addScriptTag({ content: `window.MemorySocket = ${MemorySocket.toString()};` });
    await page.addScriptTag({ content: bundle });
    const state = await page.evaluate(async () => {
      const element = document.querySelector('scribe-live');
      element.realtime = window.BenchLive.createSonioxRealtime({
        apiKey: 'bench-key',
        WebSocket: window.MemorySocket,
      });
      // Audio that never comes: the session stays open and only the messages below drive it.
      element.source = { [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => {}) }) };
      await element.start();
      window.benchSocket = window.MemorySocket.last;
      window.benchFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      return element.state;
    });
    if (state !== 'live') throw new Error(`<scribe-live> did not go live (state ${state})`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const words = () =>
      page.evaluate(() => document.querySelector('scribe-live').session?.finalWords.length ?? 0);

    const results = [];
    let next = 0;
    for (const target of checkpoints) {
      // Up to the checkpoint quickly, many messages a frame.
      // Near a small checkpoint, fewer a frame (about 2.5 words a message) so as not to overshoot it.
      for (let shown = await words(); shown < target && next < messages.length; shown = await words()) {
        const count = Math.max(1, Math.min(bulkPerFrame, Math.floor((target - shown) / 4)));
        const chunk = messages.slice(next, next + count);
        next += chunk.length;
        await page.evaluate(async (texts) => {
          for (const text of texts) window.benchSocket.receive(text);
          await window.benchFrame();
        }, chunk);
      }
      const wordsBefore = await words();
      const rounds = [];
      for (let round = 0; round < roundsPerCheckpoint; round++) {
        const measured = messages.slice(next, next + measuredMessages);
        next += measured.length;
        rounds.push(await measureRound(page, cdp, measured));
      }
      const perUpdate = Object.fromEntries(
        metricNames.map((name) => [name, median(rounds.map((round) => round[name]))]),
      );
      results.push({
        words: await words(),
        wordsBefore,
        targetWords: target,
        microsecondsPerUpdate: perUpdate,
      });
    }
    const domNodes = await page.evaluate(
      () => document.querySelector('scribe-live').shadowRoot?.querySelectorAll('*').length ?? 0,
    );
    return {
      status: 'measured',
      method: `Headless Chromium (${browser.version()}) via playwright-core; the page holds only the element's script (esbuild IIFE of src/elements/${folder}/define.ts) and \`<scribe-live>\` 900×600 px, its \`realtime\` a createSonioxRealtime() over an in-memory WebSocket and its \`source\` audio that never arrives. Up to each checkpoint messages go up to ${bulkPerFrame} a frame (fewer near it, so as not to overshoot); then, ${roundsPerCheckpoint} times, ${measuredMessages} messages one per animation frame: the main thread's work (Performance.getMetrics TaskDuration; its script, style and layout parts beside) less that of ${measuredMessages} frames without a message, divided by ${measuredMessages}; median of the ${roundsPerCheckpoint}. TaskDuration includes main-thread paint recording; rasterization runs elsewhere and is not counted.`,
      checkpoints: results,
      // The last checkpoint (50k words) over the first (100 words).
      flatness:
        results.at(-1).microsecondsPerUpdate.TaskDuration / results[0].microsecondsPerUpdate.TaskDuration,
      flatnessFrom: results[0].wordsBefore,
      flatnessTo: results.at(-1).wordsBefore,
      shadowNodesAtEnd: domNodes,
    };
  } finally {
    await browser.close();
  }
}
