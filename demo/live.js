// The live demo imports the built package from /scribekit/, as a page using scribekit would.
import './scribekit/scribekit.js';

const live = document.querySelector('scribe-live');
const transcriptView = document.querySelector('scribe-transcript');
const sampleButton = document.querySelector('#play-sample');
const options = document.querySelector('#options');
const sample = new Audio('./samples/fox.wav');

async function showMode() {
  const note = document.querySelector('#mode-note');
  try {
    const response = await fetch('/api/config');
    if (!response.ok) throw new Error(`GET /api/config answered ${response.status}`);
    const config = await response.json();
    note.textContent =
      config.providers?.soniox?.mode === 'live'
        ? 'Soniox has a key: your speech goes to the real service, with a temporary key minted per connection.'
        : 'Soniox runs in the local sandbox (no key configured): it recognises the sample and shows placeholder words for other speech.';
  } catch (error) {
    note.textContent = `The Worker did not answer: ${error instanceof Error ? error.message : String(error)}`;
  }
}

// Options apply from the next session on.
options.addEventListener('change', () => {
  const data = new FormData(options);
  live.diarize = data.get('diarize') === 'on';
  const target = data.get('translate-to');
  if (target) live.setAttribute('translate-to', target);
  else live.removeAttribute('translate-to');
});

sampleButton.addEventListener('click', () => {
  sampleButton.disabled = true;
  void live.startWithAudio('./samples/fox.wav');
});

live.addEventListener('scribe-live-start', (event) => {
  sampleButton.disabled = true;
  // Let the sample be heard as it is transcribed (the element sends it at the same pace).
  if (event.detail.source === 'audio') {
    sample.currentTime = 0;
    sample.play().catch(() => undefined);
  }
});

live.addEventListener('scribe-live-end', (event) => {
  sampleButton.disabled = false;
  sample.pause();
  transcriptView.transcript = event.detail.transcript;
});

live.addEventListener('scribe-error', () => {
  sampleButton.disabled = false;
});

showMode();
