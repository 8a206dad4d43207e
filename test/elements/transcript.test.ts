import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranscript, toJson, toSrt, toText, type Transcript, type Word } from '../../src/core/index.js';
import { SeekRequestEvent } from '../../src/elements/events/seek-request-event.js';
import '../../src/elements/transcript/define.js';
import type { ScribeTranscript } from '../../src/elements/transcript/transcript.js';

// Two speakers: English, then Hebrew (with niqqud) that has an English term in it, then English.
function conversation(): Transcript {
  const words: Word[] = [
    { text: 'Hello', start: 0, end: 0.4, speaker: '1', language: 'en' },
    { text: 'there,', start: 0.5, end: 0.9, speaker: '1', language: 'en' },
    { text: 'welcome', start: 1, end: 1.5, speaker: '1', language: 'en' },
    { text: 'to', start: 1.6, end: 1.7, speaker: '1', language: 'en' },
    { text: 'scribekit.', start: 1.8, end: 2.4, speaker: '1', language: 'en' },
    { text: 'שָׁלוֹם', start: 3, end: 3.5, speaker: '2', language: 'he' },
    { text: 'לכולם,', start: 3.6, end: 4.2, speaker: '2', language: 'he' },
    { text: 'זה', start: 4.3, end: 4.5, speaker: '2', language: 'he' },
    { text: 'open', start: 4.6, end: 4.9, speaker: '2', language: 'en' },
    { text: 'source', start: 5, end: 5.4, speaker: '2', language: 'en' },
    { text: 'Thank', start: 6, end: 6.3, speaker: '1', language: 'en' },
    { text: 'you', start: 6.4, end: 6.6, speaker: '1', language: 'en' },
    { text: '.', start: 6.6, end: 6.6, speaker: '1', language: 'en' },
  ];
  return createTranscript({
    provider: 'test',
    id: 'talk/42',
    words,
    segmentation: { splitOnLanguageChange: false },
  });
}

async function mount(
  transcript: Transcript | undefined,
  setup: (element: ScribeTranscript) => void = () => undefined,
): Promise<ScribeTranscript> {
  const element = document.createElement('scribe-transcript');
  setup(element);
  element.transcript = transcript;
  document.body.append(element);
  await element.renderComplete;
  return element;
}

function root(element: ScribeTranscript): ShadowRoot {
  if (element.shadowRoot === null) throw new Error('no shadow root');
  return element.shadowRoot;
}

function parts(element: ScribeTranscript, part: string): HTMLElement[] {
  return [...root(element).querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
}

function part(element: ScribeTranscript, name: string): HTMLElement {
  const found = root(element).querySelector<HTMLElement>(`[part~="${name}"]`);
  if (found === null) throw new Error(`no part ${name}`);
  return found;
}

function word(element: ScribeTranscript, text: string): HTMLElement {
  const found = parts(element, 'word').find((candidate) => candidate.textContent === text);
  if (found === undefined) throw new Error(`no word ${text}`);
  return found;
}

function currentWords(element: ScribeTranscript): string[] {
  return parts(element, 'current').map((candidate) => candidate.textContent ?? '');
}

function press(target: HTMLElement, key: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }),
  );
}

function focused(element: ScribeTranscript): Element | null {
  return root(element).activeElement;
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  vi.restoreAllMocks();
});

describe('<scribe-transcript>', () => {
  describe('rendering', () => {
    it('renders one paragraph per segment with dir="auto" and its language', async () => {
      const element = await mount(conversation());
      const segments = parts(element, 'segment');
      expect(segments.map((segment) => segment.tagName)).toEqual(['P', 'P', 'P']);
      expect(segments.map((segment) => segment.getAttribute('dir'))).toEqual(['auto', 'auto', 'auto']);
      expect(segments.map((segment) => segment.getAttribute('lang'))).toEqual(['en', 'he', 'en']);
    });

    it('renders every word as a span with its start time', async () => {
      const element = await mount(conversation());
      const words = parts(element, 'word');
      expect(words.map((candidate) => candidate.textContent)).toEqual([
        'Hello',
        'there,',
        'welcome',
        'to',
        'scribekit.',
        'שָׁלוֹם',
        'לכולם,',
        'זה',
        'open',
        'source',
        'Thank',
        'you.',
      ]);
      expect(words.every((candidate) => candidate.tagName === 'SPAN')).toBe(true);
      expect(word(element, 'welcome').dataset.start).toBe('1');
    });

    it('separates words with spaces and attaches punctuation-only words to the word before', async () => {
      const element = await mount(conversation());
      const last = parts(element, 'segment')[2];
      expect(last?.textContent).toBe('Speaker 1Thank you.');
    });

    it('labels the speakers where the speaker changes', async () => {
      const element = await mount(conversation());
      expect(parts(element, 'speaker').map((label) => label.textContent)).toEqual([
        'Speaker 1',
        'Speaker 2',
        'Speaker 1',
      ]);
    });

    it('labels a speaker once for consecutive paragraphs of the same speaker', async () => {
      const transcript = createTranscript({
        provider: 'test',
        words: [
          { text: 'One.', start: 0, end: 0.5, speaker: 'A' },
          { text: 'Two.', start: 5, end: 5.5, speaker: 'A' },
        ],
      });
      const element = await mount(transcript);
      expect(parts(element, 'segment')).toHaveLength(2);
      expect(parts(element, 'speaker').map((label) => label.textContent)).toEqual(['Speaker A']);
    });

    it('shows names from speakerNames and provider names as they are', async () => {
      const transcript = createTranscript({
        provider: 'test',
        words: [
          { text: 'Hi.', start: 0, end: 0.5, speaker: '1' },
          { text: 'Hello.', start: 1, end: 1.5, speaker: 'Moderator' },
          { text: 'Bye.', start: 2, end: 2.5, speaker: 'constructor' },
        ],
      });
      const element = await mount(transcript, (element) => {
        element.speakerNames = { '1': 'Dana' };
      });
      expect(parts(element, 'speaker').map((label) => label.textContent)).toEqual([
        'Dana',
        'Moderator',
        'constructor',
      ]);
    });

    it('hides speaker labels with no-speaker-labels', async () => {
      const element = await mount(conversation(), (element) => element.setAttribute('no-speaker-labels', ''));
      expect(parts(element, 'speaker')).toEqual([]);
      expect(parts(element, 'word')).toHaveLength(12);
    });

    it('speaks Hebrew under lang="he"', async () => {
      document.documentElement.lang = 'he';
      const element = await mount(conversation());
      expect(parts(element, 'speaker')[0]?.textContent).toBe('דובר 1');
      expect(part(element, 'transcript').getAttribute('aria-label')).toBe('תמליל');
      expect((part(element, 'search') as HTMLInputElement).getAttribute('aria-label')).toBe('חיפוש בתמליל');
    });

    it('isolates speaker labels and keeps mixed-direction words unisolated', async () => {
      const element = await mount(conversation());
      const hebrew = parts(element, 'segment')[1];
      // The label's text is a <bdi>, which dir="auto" on the paragraph skips to find the Hebrew.
      expect(hebrew?.querySelector('[part="speaker"] > bdi')?.textContent).toBe('Speaker 2');
      // English words inside the Hebrew sentence stay one left-to-right run: no per-word isolation.
      expect(hebrew?.querySelectorAll('[part~="word"] bdi, [part~="word"][dir]')).toHaveLength(0);
      expect(word(element, 'open').getAttribute('lang')).toBe('en');
      expect(word(element, 'זה').hasAttribute('lang')).toBe(false);
    });

    it('renders a segment without word timings as one word', async () => {
      const transcript = createTranscript({
        provider: 'test',
        segments: [{ text: 'Timed only as a whole.', start: 2, end: 4, words: [] }],
      });
      const element = await mount(transcript);
      expect(parts(element, 'word').map((candidate) => candidate.textContent)).toEqual([
        'Timed only as a whole.',
      ]);
      element.currentTime = 3;
      expect(currentWords(element)).toEqual(['Timed only as a whole.']);
    });

    it('renders the text of a transcript that has no timings at all', async () => {
      const element = await mount(createTranscript({ provider: 'test', text: 'Just text.' }));
      expect(parts(element, 'segment').map((segment) => segment.textContent)).toEqual(['Just text.']);
      expect(parts(element, 'word')).toEqual([]);
    });

    it('shows the empty state until a transcript is set', async () => {
      const element = await mount(undefined);
      expect(part(element, 'empty').hidden).toBe(false);
      expect(part(element, 'empty').textContent?.trim()).toBe('No transcript yet.');
      expect(part(element, 'transcript').hidden).toBe(true);
      expect(root(element).querySelector('[part~="toolbar"]')).toBeNull();

      element.transcript = conversation();
      await element.renderComplete;
      expect(part(element, 'empty').hidden).toBe(true);
      expect(part(element, 'transcript').hidden).toBe(false);
      expect(parts(element, 'word')).toHaveLength(12);
    });

    it('replaces the words when another transcript is set', async () => {
      const element = await mount(conversation());
      element.transcript = createTranscript({
        provider: 'test',
        words: [{ text: 'Only', start: 0, end: 1 }],
      });
      await element.renderComplete;
      expect(parts(element, 'word').map((candidate) => candidate.textContent)).toEqual(['Only']);
    });
  });

  describe('playback highlight', () => {
    it('highlights the word at currentTime with aria-current', async () => {
      const element = await mount(conversation());
      expect(currentWords(element)).toEqual([]);
      element.currentTime = 0.6;
      expect(currentWords(element)).toEqual(['there,']);
      expect(word(element, 'there,').getAttribute('aria-current')).toBe('true');
      expect(word(element, 'there,').getAttribute('part')).toBe('word current');

      element.currentTime = 3.2;
      expect(currentWords(element)).toEqual(['שָׁלוֹם']);
      expect(word(element, 'there,').hasAttribute('aria-current')).toBe(false);
      expect(element.currentTime).toBe(3.2);
    });

    it('keeps the last word current through the pause after it, and none after the end', async () => {
      const element = await mount(conversation());
      element.currentTime = 2.8;
      expect(currentWords(element)).toEqual(['scribekit.']);
      element.currentTime = 7;
      expect(currentWords(element)).toEqual([]);
    });

    it('follows an <audio> named by for', async () => {
      const audio = document.createElement('audio');
      audio.id = 'talk';
      document.body.append(audio);
      const element = await mount(conversation(), (element) => element.setAttribute('for', 'talk'));

      audio.currentTime = 4.7;
      audio.dispatchEvent(new Event('timeupdate'));
      expect(currentWords(element)).toEqual(['open']);
      audio.currentTime = 1.1;
      audio.dispatchEvent(new Event('seeked'));
      expect(currentWords(element)).toEqual(['welcome']);
    });

    it('follows an <audio> in the media slot', async () => {
      const audio = document.createElement('audio');
      audio.slot = 'media';
      const element = await mount(conversation(), (element) => element.append(audio));

      audio.currentTime = 6.1;
      audio.dispatchEvent(new Event('timeupdate'));
      expect(currentWords(element)).toEqual(['Thank']);
    });

    it('follows a media element passed as the media property', async () => {
      const player = Object.assign(new EventTarget(), { currentTime: 0, paused: true });
      const element = await mount(conversation(), (element) => {
        element.media = player;
      });
      player.currentTime = 5.1;
      player.dispatchEvent(new Event('timeupdate'));
      expect(currentWords(element)).toEqual(['source']);
    });

    it('stops listening to the media when removed from the page', async () => {
      const audio = document.createElement('audio');
      audio.id = 'talk';
      document.body.append(audio);
      const element = await mount(conversation(), (element) => element.setAttribute('for', 'talk'));
      element.remove();
      audio.currentTime = 4.7;
      audio.dispatchEvent(new Event('timeupdate'));
      expect(element.currentTime).toBe(0);
    });

    it('moves the one tab stop to the playing word while focus is elsewhere', async () => {
      const element = await mount(conversation());
      const tabStops = (): string[] =>
        parts(element, 'word')
          .filter((candidate) => candidate.tabIndex === 0)
          .map((candidate) => candidate.textContent ?? '');
      expect(tabStops()).toEqual(['Hello']);
      element.currentTime = 4.6;
      expect(tabStops()).toEqual(['open']);
    });
  });

  describe('seeking', () => {
    it('dispatches scribe-seek-request and seeks the linked <audio> when a word is clicked', async () => {
      const audio = document.createElement('audio');
      audio.id = 'talk';
      document.body.append(audio);
      const element = await mount(conversation(), (element) => element.setAttribute('for', 'talk'));
      const requests: SeekRequestEvent[] = [];
      document.addEventListener('scribe-seek-request', (event) => requests.push(event), { once: true });

      word(element, 'לכולם,').click();

      expect(requests).toHaveLength(1);
      expect(requests[0]).toBeInstanceOf(SeekRequestEvent);
      expect(requests[0]?.detail).toEqual({ timeInSeconds: 3.6 });
      expect(requests[0]?.bubbles && requests[0]?.composed && requests[0]?.cancelable).toBe(true);
      expect(audio.currentTime).toBe(3.6);
      expect(currentWords(element)).toEqual(['לכולם,']);
    });

    it('leaves the media alone when the seek request is cancelled', async () => {
      const audio = document.createElement('audio');
      audio.id = 'talk';
      document.body.append(audio);
      const element = await mount(conversation(), (element) => element.setAttribute('for', 'talk'));
      element.addEventListener('scribe-seek-request', (event) => event.preventDefault());

      word(element, 'source').click();

      expect(audio.currentTime).toBe(0);
      expect(currentWords(element)).toEqual(['Hello']);
    });

    it('finds a for target that appears after the transcript when a word is clicked', async () => {
      const element = await mount(conversation(), (element) => element.setAttribute('for', 'late'));
      const audio = document.createElement('audio');
      audio.id = 'late';
      document.body.append(audio);

      word(element, 'to').click();
      expect(audio.currentTime).toBe(1.6);
    });

    it('highlights the clicked word without any media', async () => {
      const element = await mount(conversation());
      word(element, 'welcome').click();
      expect(currentWords(element)).toEqual(['welcome']);
      expect(element.currentTime).toBe(1);
    });
  });

  describe('keyboard', () => {
    it('moves between words with the arrow keys and seeks with Enter and Space', async () => {
      const element = await mount(conversation());
      const seeks: number[] = [];
      element.addEventListener('scribe-seek-request', (event) => seeks.push(event.detail.timeInSeconds));
      const first = word(element, 'Hello');
      first.focus();

      press(first, 'ArrowRight');
      expect(focused(element)).toBe(word(element, 'there,'));
      expect(word(element, 'there,').tabIndex).toBe(0);
      expect(first.tabIndex).toBe(-1);

      press(word(element, 'there,'), 'ArrowLeft');
      expect(focused(element)).toBe(first);

      press(first, 'Enter');
      press(first, ' ');
      expect(seeks).toEqual([0, 0]);
    });

    it('moves forward with ArrowLeft in a right-to-left paragraph', async () => {
      const element = await mount(conversation());
      const shalom = word(element, 'שָׁלוֹם');
      shalom.focus();
      press(shalom, 'ArrowLeft');
      expect(focused(element)).toBe(word(element, 'לכולם,'));
      press(word(element, 'לכולם,'), 'ArrowRight');
      expect(focused(element)).toBe(shalom);
    });

    it('moves between paragraphs with ArrowUp and ArrowDown and to the ends with Home and End', async () => {
      const element = await mount(conversation());
      const to = word(element, 'to');
      to.focus();
      press(to, 'ArrowDown');
      expect(focused(element)).toBe(word(element, 'שָׁלוֹם'));
      press(word(element, 'שָׁלוֹם'), 'End');
      expect(focused(element)).toBe(word(element, 'source'));
      press(word(element, 'source'), 'Home');
      expect(focused(element)).toBe(word(element, 'שָׁלוֹם'));
      press(word(element, 'שָׁלוֹם'), 'ArrowUp');
      expect(focused(element)).toBe(word(element, 'Hello'));
      press(word(element, 'Hello'), 'End', { ctrlKey: true });
      expect(focused(element)).toBe(word(element, 'you.'));
    });

    it('keeps the tab stop on the focused word during playback', async () => {
      const element = await mount(conversation());
      const hello = word(element, 'Hello');
      hello.focus();
      press(hello, 'ArrowRight');
      element.currentTime = 4.6;
      expect(word(element, 'there,').tabIndex).toBe(0);
      expect(word(element, 'open').tabIndex).toBe(-1);
    });
  });

  describe('search', () => {
    async function search(element: ScribeTranscript, query: string): Promise<void> {
      const input = part(element, 'search') as HTMLInputElement;
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await element.updateComplete;
    }

    function matchTexts(element: ScribeTranscript, name = 'match'): string[] {
      return parts(element, name).map((candidate) => candidate.textContent ?? '');
    }

    it('highlights matches ignoring case and shows n of m', async () => {
      const element = await mount(conversation());
      await search(element, 'HELLO');
      expect(matchTexts(element)).toEqual(['Hello']);
      expect(word(element, 'Hello').getAttribute('part')).toBe('word match active-match');
      expect(part(element, 'search-count').textContent).toBe('1 of 1');
      expect(element.query).toBe('HELLO');
    });

    it('ignores niqqud and punctuation', async () => {
      const element = await mount(conversation());
      await search(element, 'שלום לכולם');
      expect(matchTexts(element)).toEqual(['שָׁלוֹם', 'לכולם,']);
    });

    it('matches a phrase across words and filters nothing out', async () => {
      const element = await mount(conversation());
      await search(element, 'open sour');
      expect(matchTexts(element)).toEqual(['open', 'source']);
      expect(parts(element, 'word')).toHaveLength(12);
    });

    it('steps through matches with Enter, Shift+Enter and the buttons', async () => {
      const element = await mount(conversation());
      await search(element, 'o');
      const count = parts(element, 'match').length;
      expect(count).toBeGreaterThan(3);
      expect(matchTexts(element, 'active-match')).toEqual(['Hello']);

      const input = part(element, 'search');
      press(input, 'Enter');
      await element.updateComplete;
      expect(matchTexts(element, 'active-match')).toEqual(['welcome']);
      expect(part(element, 'search-count').textContent).toMatch(/^2 of \d+$/);
      // Focus stays in the box, and the selected match becomes the word list's tab stop.
      expect(word(element, 'welcome').tabIndex).toBe(0);

      press(input, 'Enter', { shiftKey: true });
      await element.updateComplete;
      expect(matchTexts(element, 'active-match')).toEqual(['Hello']);

      part(element, 'search-previous').click();
      await element.updateComplete;
      expect(matchTexts(element, 'active-match')).toEqual(['you.']);
      part(element, 'search-next').click();
      await element.updateComplete;
      expect(matchTexts(element, 'active-match')).toEqual(['Hello']);
    });

    it('starts from the first match at or after the playing word', async () => {
      const element = await mount(conversation());
      element.currentTime = 3;
      await search(element, 'o');
      expect(matchTexts(element, 'active-match')).toEqual(['open']);
    });

    it('says when nothing matches and clears the highlight when the query is emptied', async () => {
      const element = await mount(conversation());
      await search(element, 'scribekit');
      expect(matchTexts(element)).toEqual(['scribekit.']);
      await search(element, 'zebra');
      expect(matchTexts(element)).toEqual([]);
      expect(part(element, 'search-count').textContent).toBe('No matches');
      expect((part(element, 'search-next') as HTMLButtonElement).disabled).toBe(true);
      await search(element, '');
      expect(part(element, 'search-count').hidden).toBe(true);
    });

    it('announces the number of matches once typing settles', async () => {
      const element = await mount(conversation());
      const status = root(element).querySelector('[role="status"]');
      await search(element, 't');
      await search(element, 'th');
      expect(status?.textContent).toBe('');
      await vi.waitFor(() => expect(status?.textContent).toBe('2 matches'));
    });

    it('searches for the query property', async () => {
      const element = await mount(conversation(), (element) => element.setAttribute('query', 'source'));
      expect(matchTexts(element)).toEqual(['source']);
    });

    it('hides the search box with no-search', async () => {
      const element = await mount(conversation(), (element) => element.setAttribute('no-search', ''));
      expect(root(element).querySelector('[part~="search"]')).toBeNull();
    });
  });

  describe('downloads', () => {
    function captureDownloads(): { name: string; blob: Blob }[] {
      const files: { name: string; blob: Blob }[] = [];
      const blobs = new Map<string, Blob>();
      vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob as Blob);
        return url;
      });
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        const blob = blobs.get(this.href);
        if (blob !== undefined) files.push({ name: this.download, blob });
      });
      return files;
    }

    function labelled(transcript: Transcript): Transcript {
      const label = (speaker: string | undefined): string | undefined =>
        speaker === undefined ? undefined : `Speaker ${speaker}`;
      return createTranscript({
        provider: transcript.provider,
        words: transcript.words.map((word) => ({ ...word, speaker: label(word.speaker) })),
        segments: transcript.segments.map((segment) => ({ ...segment, speaker: label(segment.speaker) })),
      });
    }

    it('downloads SRT, VTT, TXT and JSON named after the transcript id', async () => {
      const files = captureDownloads();
      const transcript = conversation();
      const element = await mount(transcript);
      const buttons = parts(element, 'download');
      expect(buttons.map((button) => button.textContent?.trim())).toEqual(['SRT', 'VTT', 'TXT', 'JSON']);
      expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
        'Download subtitles (SRT)',
        'Download captions (WebVTT)',
        'Download text (TXT)',
        'Download data (JSON)',
      ]);
      for (const button of buttons) button.click();

      expect(files.map((file) => file.name)).toEqual([
        'talk-42.srt',
        'talk-42.vtt',
        'talk-42.txt',
        'talk-42.json',
      ]);
      const [srt, vtt, txt, json] = await Promise.all(files.map((file) => file.blob.text()));
      expect(srt).toBe(toSrt(labelled(transcript), { speakerLabels: true }));
      expect(srt).toContain('Speaker 1: Hello there, welcome to scribekit.');
      expect(vtt).toContain('<v Speaker 2>שָׁלוֹם לכולם, זה open source</v>');
      expect(txt).toBe(`${toText(labelled(transcript), { speakerLabels: true })}\n`);
      expect(json).toBe(toJson(transcript, { space: 2 }));
      expect(files.map((file) => file.blob.type)).toEqual([
        'application/x-subrip;charset=utf-8',
        'text/vtt;charset=utf-8',
        'text/plain;charset=utf-8',
        'application/json;charset=utf-8',
      ]);
    });

    it('leaves speakers out of the files with no-speaker-labels and names the file transcript without an id', async () => {
      const files = captureDownloads();
      const transcript = { ...conversation(), id: undefined } as unknown as Transcript;
      delete (transcript as { id?: string }).id;
      const element = await mount(transcript, (element) => element.setAttribute('no-speaker-labels', ''));
      element.download('txt');
      expect(files[0]?.name).toBe('transcript.txt');
      expect(await files[0]?.blob.text()).toBe(`${toText(transcript)}\n`);
    });

    it('shows the formats listed in download-formats, in their order', async () => {
      const element = await mount(conversation(), (element) =>
        element.setAttribute('download-formats', 'json txt pdf'),
      );
      expect(parts(element, 'download').map((button) => button.getAttribute('part'))).toEqual([
        'download download-json',
        'download download-txt',
      ]);
      element.downloadFormats = '';
      await element.updateComplete;
      expect(parts(element, 'download')).toEqual([]);
    });

    it('dispatches scribe-error when the transcript cannot be written', async () => {
      captureDownloads();
      const broken = { ...conversation(), segments: [{ text: 'Bad', start: 2, end: 1, words: [] }] };
      const element = await mount(broken);
      const errors: string[] = [];
      element.addEventListener('scribe-error', (event) => errors.push(event.detail.message));
      element.download('srt');
      expect(errors).toEqual(['The transcript could not be downloaded.']);
    });
  });

  describe('following', () => {
    it('pauses following when the user scrolls and resumes when a word is clicked', async () => {
      const element = await mount(conversation());
      element.currentTime = 1;
      expect(root(element).querySelector('[part~="follow"]')).toBeNull();

      part(element, 'transcript').dispatchEvent(new Event('wheel'));
      await element.updateComplete;
      expect(part(element, 'follow').textContent?.trim()).toBe('Follow playback');

      word(element, 'source').click();
      await element.updateComplete;
      expect(root(element).querySelector('[part~="follow"]')).toBeNull();
    });

    it('never pauses with no-follow', async () => {
      const element = await mount(conversation(), (element) => element.setAttribute('no-follow', ''));
      element.currentTime = 1;
      part(element, 'transcript').dispatchEvent(new Event('wheel'));
      await element.updateComplete;
      expect(root(element).querySelector('[part~="follow"]')).toBeNull();
    });
  });

  describe('accessibility', () => {
    it('labels the word list, describes its keys and gives it one tab stop', async () => {
      const element = await mount(conversation());
      const list = part(element, 'transcript');
      expect(list.getAttribute('role')).toBe('region');
      expect(list.getAttribute('aria-label')).toBe('Transcript');
      const hint = root(element).getElementById(list.getAttribute('aria-describedby') ?? '');
      expect(hint?.textContent).toBe('Arrow keys move between words. Enter plays from the selected word.');
      expect(parts(element, 'word').filter((candidate) => candidate.tabIndex === 0)).toHaveLength(1);
      expect(parts(element, 'word').every((candidate) => candidate.getAttribute('tabindex') !== null)).toBe(
        true,
      );
    });

    it('names every control', async () => {
      const element = await mount(conversation());
      const controls = [...root(element).querySelectorAll('input, button')];
      expect(controls.length).toBeGreaterThan(0);
      for (const control of controls) expect(control.getAttribute('aria-label')).toMatch(/\S/);
      expect(part(element, 'search-box').getAttribute('role')).toBe('search');
      expect(part(element, 'downloads').getAttribute('aria-label')).toBe('Download');
      expect(root(element).querySelectorAll('[role="status"]')).toHaveLength(1);
    });
  });

  describe('a three-hour transcript', () => {
    // 3 hours, 30,000 words of 0.3 s every 0.36 s, in 3,000 segments of 10 words, two speakers.
    let cached: Transcript | undefined;
    function threeHours(): Transcript {
      cached ??= build();
      return cached;
    }
    function build(): Transcript {
      const segments = Array.from({ length: 3000 }, (_, segment) => {
        const speaker = String((segment % 2) + 1);
        const words = Array.from({ length: 10 }, (_, index) => {
          const start = (segment * 10 + index) * 0.36;
          return { text: `w${segment * 10 + index}`, start, end: start + 0.3, speaker };
        });
        return {
          text: words.map((word) => word.text).join(' '),
          start: words[0]?.start ?? 0,
          end: words[9]?.end ?? 0,
          speaker,
          words,
        };
      });
      return createTranscript({
        provider: 'test',
        segments,
        words: segments.flatMap((segment) => segment.words),
      });
    }

    it('renders a first chunk at once and the rest in the background', { timeout: 60_000 }, async () => {
      const element = document.createElement('scribe-transcript');
      element.transcript = threeHours();
      document.body.append(element);
      await element.updateComplete;

      const first = parts(element, 'word').length;
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThanOrEqual(1000);
      expect(part(element, 'transcript').getAttribute('aria-busy')).toBe('true');

      await element.renderComplete;
      expect(parts(element, 'word')).toHaveLength(30_000);
      expect(parts(element, 'segment')).toHaveLength(3000);
      expect(part(element, 'transcript').hasAttribute('aria-busy')).toBe(false);
    });

    it('moves the highlight by touching only the two words involved', { timeout: 60_000 }, async () => {
      const element = await mount(threeHours());
      const observer = new MutationObserver(() => undefined);
      observer.observe(root(element), {
        subtree: true,
        attributes: true,
        childList: true,
        characterData: true,
      });

      element.currentTime = 3600;
      observer.takeRecords();
      element.currentTime = 7200.1;
      const records = observer.takeRecords();
      observer.disconnect();

      expect(currentWords(element)).toEqual(['w20000']);
      expect(records.every((record) => record.type === 'attributes')).toBe(true);
      expect(new Set(records.map((record) => (record.target as Element).textContent))).toEqual(
        new Set(['w10000', 'w20000']),
      );
    });

    it('renders the rest at once when the keyboard jumps to the end', { timeout: 60_000 }, async () => {
      const element = document.createElement('scribe-transcript');
      element.transcript = threeHours();
      document.body.append(element);
      await element.updateComplete;
      const first = parts(element, 'word')[0];
      first?.focus();
      if (first !== undefined) press(first, 'End', { ctrlKey: true });
      expect(focused(element)?.textContent).toBe('w29999');
      await element.renderComplete;
    });
  });
});
