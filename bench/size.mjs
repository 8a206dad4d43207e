// Section 1, size: our bundles beside the official SDKs', where the bytes go, and what proposed
// changes would save, all bundled the same way (bench/lib/bundle-size.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleSize, bytesPerGroup, bytesPerInput, repoRoot } from './lib/bundle-size.mjs';
import { formatBytes, formatRatio, table } from './lib/format.mjs';
import { kyLite, leaveOut, pureSchemas, stubModule } from './lib/variant-plugins.mjs';
import { budgetEntries, realtimeModule, targets } from './size-budget.mjs';

const providerEntry = (factory, folder) => ({
  label: `scribekit \`transcribe\` + \`${factory}\``,
  source: `export { transcribe } from './src/core/index.ts';\nexport { ${factory} } from './src/core/providers/${folder}/index.ts';`,
});

function ourEntries() {
  const budgeted = budgetEntries();
  return {
    'core+soniox': { ...budgeted['core+soniox'], peers: ['soniox-node', 'assemblyai', 'deepgram'] },
    'core+mistral': { ...providerEntry('createMistral', 'mistral'), peers: ['mistral', 'ai-mistral'] },
    'core+soferai': providerEntry('createSoferAI', 'soferai'),
    'core+scriptivox': providerEntry('createScriptivox', 'scriptivox'),
    'realtime-session': {
      ...budgeted['realtime-session'],
      peers: ['soniox-client', 'soniox-web', 'soniox-node-realtime', 'assemblyai-streaming'],
    },
    'elements-iife': budgeted['elements-iife'],
  };
}

const nodeOnly = 'Node-only: its browser build fails on `node:fs/promises`, so that import is left external';

const peerEntries = {
  'soniox-node': {
    label: '@soniox/node `SonioxNodeClient`',
    source: `export { SonioxNodeClient } from '@soniox/node';`,
    options: { external: ['node:fs/promises'] },
    note: nodeOnly,
  },
  'soniox-node-realtime': {
    label: '@soniox/node `RealtimeSttSession`',
    source: `export { RealtimeSttSession } from '@soniox/node';`,
    options: { external: ['node:fs/promises'] },
    note: nodeOnly,
  },
  'soniox-client': {
    label: '@soniox/client `SonioxClient`',
    source: `export { SonioxClient } from '@soniox/client';`,
    note: 'includes microphone capture (MediaRecorder), which scribekit keeps in its elements',
  },
  'soniox-web': {
    label: '@soniox/speech-to-text-web `SonioxClient`',
    source: `export { SonioxClient } from '@soniox/speech-to-text-web';`,
    note: 'includes microphone capture; no reconnect, no validation',
  },
  mistral: {
    label: '@mistralai/mistralai `MistralCore` + `audioTranscriptionsComplete` (transcription only)',
    source: `export { MistralCore } from '@mistralai/mistralai/core.js';\nexport { audioTranscriptionsComplete } from '@mistralai/mistralai/funcs/audioTranscriptionsComplete.js';`,
    options: { external: ['@opentelemetry/api'] },
    note: 'the optional peer `@opentelemetry/api` left external (its dynamic import cannot resolve)',
  },
  assemblyai: {
    label: 'assemblyai `AssemblyAI` (browser build)',
    source: `export { AssemblyAI } from 'assemblyai';`,
  },
  'assemblyai-streaming': {
    label: 'assemblyai/streaming `StreamingTranscriber`',
    source: `export { StreamingTranscriber } from 'assemblyai/streaming';`,
  },
  deepgram: {
    label: '@deepgram/sdk `DeepgramClient`',
    source: `export { DeepgramClient } from '@deepgram/sdk';`,
  },
  'ai-mistral': {
    label: 'ai `transcribe` + @ai-sdk/mistral',
    notMeasured:
      'not installable here: ai 7 and @ai-sdk/mistral 4 declare node >= 22 and the project pins Node 20 with engine-strict=true (it guards the Cloudflare toolchain); @ai-sdk/mistral 3.x has no transcription model',
  },
};

/** What-if bundles for the proposals in bench/README.md. */
function variants() {
  const realtime = realtimeModule();
  const sonioxTranscriber = `
import { createHttpClient } from './src/core/http/index.ts';
import { createSonioxFiles } from './src/core/providers/soniox/soniox-files.ts';
import { createSonioxStt } from './src/core/providers/soniox/soniox-stt.ts';
import { createSonioxTranscriptionProvider } from './src/core/providers/soniox/soniox-provider.ts';
import { sonioxApiOrigin } from './src/core/providers/soniox/soniox-regions.ts';
export { transcribe } from './src/core/index.ts';
export function createSonioxTranscriber(options = {}) {
  const http = createHttpClient({ ...options, provider: 'soniox', providerName: 'Soniox', defaultBaseUrl: sonioxApiOrigin(options.region), auth: { type: 'bearer' } });
  const files = createSonioxFiles(http);
  return { transcriptionProvider: createSonioxTranscriptionProvider(createSonioxStt(http, files), files) };
}`;
  const entries = ourEntries();
  // What createSoniox's eager `realtime` namespace costs a user who only transcribes files.
  const realtimeOnDemand = stubModule(
    'src/core/providers/soniox/soniox-realtime.ts',
    'export const createSonioxRealtime = () => ({});\nexport const connectSonioxRealtime = async () => ({});',
  );
  const list = [
    {
      ...entries['core+soniox'],
      id: 'core+soniox/realtime-on-demand',
      base: 'core+soniox',
      label:
        '`soniox.realtime` loaded on demand (its module stubbed out, as a dynamic import would split it off)',
      plugins: [realtimeOnDemand],
    },
    {
      ...entries['core+soniox'],
      id: 'core+soniox/pure-schemas',
      base: 'core+soniox',
      label: 'schemas marked pure',
      plugins: [pureSchemas],
    },
    {
      ...entries['core+soniox'],
      id: 'core+soniox/no-ky',
      base: 'core+soniox',
      label: 'ky replaced by a fetch sketch (ky-lite)',
      plugins: [kyLite],
    },
    {
      id: 'core+soniox/transcribe-only',
      base: 'core+soniox',
      label: 'a transcription-only Soniox entry (no models/auth/webhooks/list/request)',
      source: sonioxTranscriber,
    },
    {
      id: 'core+soniox/all-three',
      base: 'core+soniox',
      label: 'transcription-only entry, schemas pure, ky replaced',
      source: sonioxTranscriber,
      plugins: [pureSchemas, kyLite],
    },
    {
      id: 'core+soniox/bound-no-valibot',
      base: 'core+soniox',
      label: 'bound: the line above, and valibot removed entirely',
      source: sonioxTranscriber,
      plugins: [pureSchemas, kyLite],
      external: ['valibot'],
    },
    {
      ...entries['elements-iife'],
      id: 'elements-iife/realtime-on-demand',
      base: 'elements-iife',
      label: '`soniox.realtime` loaded on demand (as above)',
      plugins: [realtimeOnDemand],
    },
    {
      ...entries['elements-iife'],
      id: 'elements-iife/pure+no-ky',
      base: 'elements-iife',
      label: 'schemas marked pure, ky replaced',
      plugins: [pureSchemas, kyLite],
    },
  ];
  // One script per element: a page loads only the elements it uses.
  for (const folder of readdirSync(join(repoRoot, 'src/elements'))) {
    if (!existsSync(join(repoRoot, 'src/elements', folder, 'define.ts'))) continue;
    list.push({
      id: `elements-iife/only-${folder}`,
      base: 'elements-iife',
      label: `one element only: \`src/elements/${folder}/define.ts\` as its own script`,
      source: `import './src/elements/${folder}/define.ts';`,
      options: { format: 'iife' },
    });
  }
  if (realtime !== undefined) {
    list.push(
      {
        ...entries['realtime-session'],
        id: 'realtime-session/pure-schemas',
        base: 'realtime-session',
        label: 'schemas marked pure',
        plugins: [pureSchemas],
      },
      {
        ...entries['realtime-session'],
        id: 'realtime-session/bound-no-valibot',
        base: 'realtime-session',
        label: 'bound: schemas pure, and valibot removed entirely',
        plugins: [pureSchemas],
        external: ['valibot'],
      },
    );
  }
  return list;
}

async function measure(entry, extra = {}) {
  try {
    const options = { ...entry.options, ...extra };
    const { minifiedBytes, gzipBytes, metafile } = await bundleSize(entry.source, options);
    return { minifiedBytes, gzipBytes, metafile };
  } catch (error) {
    return {
      error: String(error.message ?? error)
        .split('\n')
        .slice(0, 3)
        .join(' '),
    };
  }
}

/** Minified bytes per group, and the gzip bytes the bundle loses without the group. */
async function breakdown(entry, measured) {
  const groups = bytesPerGroup(measured.metafile).filter(
    (group) => group.bytes >= 400 && group.group !== 'bench-entry.js',
  );
  const rows = [];
  for (const group of groups) {
    const without = await measure(entry, {
      plugins: [...(entry.options?.plugins ?? []), leaveOut(group.group)],
    });
    rows.push({
      group: group.group,
      minifiedBytes: group.bytes,
      gzipSavedIfRemoved: without.error === undefined ? measured.gzipBytes - without.gzipBytes : undefined,
    });
  }
  const files = bytesPerInput(measured.metafile)
    .slice(0, 12)
    .map(({ path, bytes }) => ({ path: path.replace(/^.*node_modules\//, ''), minifiedBytes: bytes }));
  return { groups: rows, topFiles: files };
}

function shippedFiles() {
  const files = {};
  for (const name of ['dist/scribekit.iife.js', 'dist/scribekit.js', 'dist/core.js', 'dist/soniox.js']) {
    const path = join(repoRoot, name);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    files[name] = { bytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength };
  }
  return files;
}

export async function run() {
  const ours = {};
  const breakdowns = {};
  for (const [id, entry] of Object.entries(ourEntries())) {
    if (entry.source === undefined) {
      ours[id] = { label: entry.label, status: 'not-measured', reason: 'the module does not exist yet' };
      continue;
    }
    const measured = await measure(entry);
    const { metafile, ...sizes } = measured;
    ours[id] = { label: entry.label, ...sizes, target: targets[id], peers: entry.peers ?? [] };
    if (metafile !== undefined && id in targets) breakdowns[id] = await breakdown(entry, measured);
  }
  const peers = {};
  for (const [id, entry] of Object.entries(peerEntries)) {
    if (entry.notMeasured !== undefined) {
      peers[id] = { label: entry.label, status: 'not-measured', reason: entry.notMeasured };
      continue;
    }
    const { metafile: _metafile, ...sizes } = await measure(entry);
    peers[id] = { label: entry.label, ...sizes, ...(entry.note === undefined ? {} : { note: entry.note }) };
  }
  const comparisons = [];
  for (const [id, row] of Object.entries(ours)) {
    for (const peer of row.peers ?? []) {
      const other = peers[peer];
      comparisons.push({
        ours: id,
        peer,
        ratio:
          row.gzipBytes !== undefined && other.gzipBytes !== undefined
            ? row.gzipBytes / other.gzipBytes
            : undefined,
      });
    }
  }
  const variantResults = [];
  for (const variant of variants()) {
    const measured = await measure(variant, {
      plugins: variant.plugins ?? [],
      external: variant.external ?? [],
    });
    const base = ours[variant.base];
    variantResults.push({
      id: variant.id,
      base: variant.base,
      label: variant.label,
      minifiedBytes: measured.minifiedBytes,
      gzipBytes: measured.gzipBytes,
      gzipSaved: measured.gzipBytes === undefined ? undefined : base.gzipBytes - measured.gzipBytes,
      ...(measured.error === undefined ? {} : { error: measured.error }),
    });
  }
  return {
    status: 'measured',
    method:
      'esbuild 0.27 (bundle, minify, platform browser, target es2022, tree-shaken from an entry exporting what a user imports), then gzip -9; bytes (1 kB = 1000 B). Sizes are deterministic, so one build each.',
    ours,
    peers,
    comparisons,
    breakdowns,
    variants: variantResults,
    shipped: shippedFiles(),
  };
}

export function markdown(result) {
  const lines = [];
  lines.push(`Method: ${result.method}`, '');
  lines.push(
    table(
      ['bundle', 'min', 'min+gzip', 'target', 'within target'],
      Object.values(result.ours).map((row) => [
        row.label,
        row.minifiedBytes === undefined ? (row.reason ?? row.error) : formatBytes(row.minifiedBytes),
        row.gzipBytes === undefined ? '—' : formatBytes(row.gzipBytes),
        row.target === undefined ? '—' : formatBytes(row.target),
        row.target === undefined || row.gzipBytes === undefined
          ? '—'
          : row.gzipBytes <= row.target
            ? 'yes'
            : `no (${formatRatio(row.gzipBytes / row.target)} of it)`,
      ]),
    ),
    '',
    'Side by side (ratio = ours / peer, min+gzip):',
    '',
    table(
      ['ours', 'peer', 'peer min', 'peer min+gzip', 'ratio', 'note'],
      result.comparisons.map(({ ours, peer, ratio }) => {
        const other = result.peers[peer];
        return [
          result.ours[ours].label,
          other.label,
          other.minifiedBytes === undefined ? 'not measured' : formatBytes(other.minifiedBytes),
          other.gzipBytes === undefined ? '—' : formatBytes(other.gzipBytes),
          ratio === undefined ? '—' : formatRatio(ratio),
          other.reason ?? other.note ?? other.error ?? '',
        ];
      }),
    ),
  );
  for (const [id, detail] of Object.entries(result.breakdowns)) {
    lines.push(
      '',
      `Where the bytes of **${result.ours[id].label}** go (minified bytes per package or folder; gzip saved = the bundle's min+gzip without that part and what only it imports):`,
      '',
      table(
        ['part', 'min', 'gzip saved if removed'],
        detail.groups.map((group) => [
          `\`${group.group}\``,
          formatBytes(group.minifiedBytes),
          group.gzipSavedIfRemoved === undefined
            ? '—'
            : group.gzipSavedIfRemoved < 50
              ? 'under 50 B (gzip noise)'
              : formatBytes(group.gzipSavedIfRemoved),
        ]),
      ),
      '',
      `Largest files: ${detail.topFiles.map((file) => `\`${file.path}\` ${formatBytes(file.minifiedBytes)}`).join(', ')}.`,
    );
  }
  lines.push(
    '',
    'Measured effect of the proposals (what-if bundles built in bench/size.mjs):',
    '',
    table(
      ['variant of', 'change', 'min', 'min+gzip', 'saved (gzip)'],
      result.variants.map((variant) => [
        result.ours[variant.base].label,
        variant.label,
        variant.minifiedBytes === undefined ? variant.error : formatBytes(variant.minifiedBytes),
        variant.gzipBytes === undefined ? '—' : formatBytes(variant.gzipBytes),
        variant.gzipSaved === undefined ? '—' : formatBytes(variant.gzipSaved),
      ]),
    ),
  );
  const shipped = Object.entries(result.shipped);
  if (shipped.length > 0) {
    lines.push(
      '',
      `As shipped by \`npm run build\` (Vite), for reference: ${shipped.map(([name, size]) => `\`${name}\` ${formatBytes(size.bytes)} (${formatBytes(size.gzipBytes)} gzip)`).join(', ')}.`,
    );
  }
  return lines.join('\n');
}
