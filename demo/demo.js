// The demo imports the built package from /scribekit/, as a page using scribekit would.
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

showProviders();
