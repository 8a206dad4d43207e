// The demo imports the built package from /scribekit/, as a page using scribekit would.
import './scribekit/scribekit.js';
import { ScribeError } from './scribekit/core.js';

const names = {
  soniox: 'Soniox',
  soferai: 'SoferAI',
  mistral: 'Mistral (Voxtral)',
  scriptivox: 'Scriptivox',
};

async function showProviders() {
  const note = document.querySelector('#mode-note');
  const list = document.querySelector('#providers');
  try {
    const response = await fetch('/api/config');
    if (!response.ok) throw new ScribeError(`GET /api/config answered ${response.status}`);
    const config = await response.json();
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
  }
}

const upload = document.querySelector('scribe-upload');
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
