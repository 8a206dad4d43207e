// The demo imports the built package from /scribekit/, as a page using scribekit would.
import './scribekit/scribekit.js';
import { providerCapabilities, providerIds, ScribeError } from './scribekit/core.js';

const names = {
  soniox: 'Soniox',
  soferai: 'SoferAI',
  mistral: 'Mistral (Voxtral)',
  scriptivox: 'Scriptivox',
};

/** Fills the provider picker: every provider the Worker serves, with whether it is live or in the sandbox. */
function fillPicker(providers) {
  const select = document.querySelector('#provider-select');
  const current = select.value;
  select.replaceChildren(
    ...providers.map(([id, status]) => {
      const option = document.createElement('option');
      option.value = id;
      option.dataset.mode = status?.mode ?? '';
      option.textContent = status === undefined ? (names[id] ?? id) : `${names[id] ?? id} (${status.mode})`;
      return option;
    }),
  );
  select.value = providers.some(([id]) => id === current) ? current : (providers[0]?.[0] ?? '');
  document.querySelector('scribe-upload').provider = select.value;
  showProvider(select.value);
}

/** Says what the chosen provider offers, from the capability table scribekit exports. */
function showProvider(id) {
  const note = document.querySelector('#provider-note');
  const row = providerCapabilities[id];
  if (row === undefined) {
    note.replaceChildren();
    return;
  }
  const offers = [
    row.languageDetection
      ? 'detects the language'
      : `language required (default ${row.defaultLanguage ?? 'en'})`,
    row.speakerCount ? 'takes a speaker count' : undefined,
    row.wordTimestamps ? 'times every word' : 'times segments',
    row.cancellation ? 'cancels on abort' : undefined,
  ].filter((text) => text !== undefined);
  const docs = document.createElement('a');
  docs.href = row.docs;
  docs.textContent = 'docs';
  note.replaceChildren(`${offers.join(' · ')} · `, docs);
}

async function showProviders() {
  const note = document.querySelector('#mode-note');
  const list = document.querySelector('#providers');
  try {
    const response = await fetch('/api/config');
    if (!response.ok) throw new ScribeError(`GET /api/config answered ${response.status}`);
    const config = await response.json();
    fillPicker(Object.entries(config.providers));
    list.replaceChildren(
      ...Object.entries(config.providers).map(([id, status]) => {
        const item = document.createElement('li');
        item.dataset.provider = id;
        item.dataset.mode = status.mode;
        item.textContent = `${names[id] ?? id}: ${status.mode === 'live' ? 'live (key configured)' : 'sandbox (no key configured)'}`;
        return item;
      }),
    );
    note.textContent = config.sandbox
      ? 'Providers without a key run in the local sandbox: real wire formats, sample transcripts, no network.'
      : 'Every provider has a key: calls go to the real services.';
  } catch (error) {
    note.textContent = `The Worker did not answer: ${error instanceof Error ? error.message : String(error)}`;
    fillPicker(providerIds.map((id) => [id, undefined]));
  }
}

const upload = document.querySelector('scribe-upload');

// The picker sets the element's provider: its options follow, and the next run (the sample's too) uses it.
document.querySelector('#provider-select').addEventListener('change', (event) => {
  upload.provider = event.target.value;
  showProvider(upload.provider);
});
const player = document.querySelector('#player');
const transcriptView = document.querySelector('scribe-transcript');
let objectUrl;

// Play what was chosen, so the transcript can follow it.
upload.addEventListener('change', () => {
  const source = upload.source;
  if (objectUrl !== undefined) URL.revokeObjectURL(objectUrl);
  objectUrl = source?.kind === 'file' ? URL.createObjectURL(source.file) : undefined;
  player.src = objectUrl ?? source?.url ?? '';
});

upload.addEventListener('scribe-transcript-complete', (event) => {
  transcriptView.transcript = event.detail.transcript;
});

document.querySelector('#use-sample').addEventListener('click', async () => {
  const response = await fetch('./samples/fox.wav');
  const file = new File([await response.blob()], 'fox.wav', { type: 'audio/wav' });
  await upload.selectFile(file);
  await upload.start();
});

showProviders();
