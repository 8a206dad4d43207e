// The shiur page: the sample goes to SoferAI through the Worker (no key in the page), its
// transcript is shown, and <scribe-outline-player> asks the Worker for SoferAI's outline of it.
// It imports the built package from /scribekit/, as a page using scribekit would.
import './scribekit/scribekit.js';
import { ScribeError } from './scribekit/core.js';
import { createSoferAI, soferaiToTranscript } from './scribekit/soferai.js';

const status = document.querySelector('#status');
const errorBox = document.querySelector('#error');
const outlinePlayer = document.querySelector('scribe-outline-player');
const transcriptView = document.querySelector('scribe-transcript');
const player = document.querySelector('#player');

// The Worker's proxy adds the key, or answers from its sandbox when none is configured.
const soferai = createSoferAI({ baseUrl: '/api/soferai' });

const statusText = {
  RECEIVED: 'SoferAI has received the recording and queued it…',
  PENDING: 'SoferAI has queued the recording…',
  PROCESSING: 'SoferAI is transcribing…',
};

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

async function soferaiMode() {
  try {
    const response = await fetch('/api/config');
    if (!response.ok) return undefined;
    const config = await response.json();
    return config.providers?.soferai?.mode;
  } catch {
    return undefined;
  }
}

async function transcribeShiur() {
  const response = await fetch('./samples/shiur.wav');
  if (!response.ok) throw new ScribeError(`GET samples/shiur.wav answered ${response.status}`);
  const audio = new File([await response.blob()], 'shiur.wav', { type: 'audio/wav' });
  // Play the bytes already here: a blob URL can seek anywhere, even where the server that sent the
  // file does not answer range requests (as `wrangler dev` does not).
  player.src = URL.createObjectURL(audio);

  status.textContent = 'Sending the recording to SoferAI…';
  const id = await soferai.transcribe.createTranscription({
    info: { title: 'Berakhot 1:1: when to recite the Shema', primaryLanguage: 'en' },
    audio,
  });
  const info = await soferai.transcribe.wait(id, {
    intervalMs: 500,
    maxIntervalMs: 2000,
    onStatusChange: (change) => {
      status.textContent = statusText[change.status] ?? `SoferAI: ${change.status}…`;
    },
  });
  if (info.status !== 'COMPLETED') {
    throw new ScribeError(`SoferAI ended the transcription as ${info.status}`);
  }

  const transcript = soferaiToTranscript(await soferai.transcribe.getTranscription(id));
  transcriptView.transcript = transcript;
  // The player asks the Worker for SoferAI's outline of this transcription, and shows it as chapters.
  outlinePlayer.transcriptionId = id;

  const mode = await soferaiMode();
  const hebrew = transcript.words.filter((word) => word.language === 'he').length;
  status.textContent =
    `Transcribed ${transcript.words.length} words (${hebrew} in Hebrew letters)` +
    (mode === 'sandbox' ? ' by the local SoferAI sandbox (no key configured).' : ' by SoferAI.') +
    ' Choose a chapter to listen from its start, or a word to listen from there.';
}

outlinePlayer.addEventListener('scribe-error', (event) => {
  showError(`${event.detail.message} ${describe(event.detail.error)}`);
});

transcribeShiur().catch((error) => {
  status.textContent = 'The shiur could not be transcribed.';
  showError(describe(error));
});
