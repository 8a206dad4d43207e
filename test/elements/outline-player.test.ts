import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranscript, toVttChapters, type Chapter } from '../../src/core/index.js';
import { ChapterChangeEvent } from '../../src/elements/events/chapter-change-event.js';
import type { ScribeErrorEvent } from '../../src/elements/events/scribe-error-event.js';
import { SeekRequestEvent } from '../../src/elements/events/seek-request-event.js';
import '../../src/elements/outline-player/define.js';
import type { ScribeOutlinePlayer } from '../../src/elements/outline-player/outline-player.js';
import '../../src/elements/transcript/define.js';

// A 58:30 shiur: English and Hebrew titles, one chapter whose start SoferAI could barely place.
const lengthInSeconds = 3510;

function lecture(): Chapter[] {
  return [
    { title: 'Introduction', start: 0, end: 95.5, confidence: 0.92 },
    { title: 'הלכות שבת: בישול', start: 95.5, end: 1805, confidence: 0.81 },
    { title: 'Questions about מוקצה', start: 1805, end: 3000, confidence: 0.31 },
    { title: 'Conclusion', start: 3000, confidence: 0.66 },
  ];
}

interface Mounted {
  element: ScribeOutlinePlayer;
  audio: HTMLAudioElement;
}

// happy-dom media never loads or plays: its duration stays NaN and it fires no time events, so
// tests set the duration on the instance and dispatch the events by hand.
function setDuration(media: HTMLMediaElement, seconds: number): void {
  Object.defineProperty(media, 'duration', { configurable: true, get: () => seconds });
  media.dispatchEvent(new Event('durationchange'));
}

function playTo(media: HTMLMediaElement, seconds: number): void {
  media.currentTime = seconds;
  media.dispatchEvent(new Event('timeupdate'));
}

async function mount(
  setup: (element: ScribeOutlinePlayer, audio: HTMLAudioElement) => void = (element) => {
    element.chapters = lecture();
  },
): Promise<Mounted> {
  const element = document.createElement('scribe-outline-player');
  const audio = document.createElement('audio');
  audio.slot = 'media';
  element.append(audio);
  setup(element, audio);
  document.body.append(element);
  await element.updateComplete;
  return { element, audio };
}

function root(element: ScribeOutlinePlayer): ShadowRoot {
  if (element.shadowRoot === null) throw new Error('no shadow root');
  return element.shadowRoot;
}

function parts(element: ScribeOutlinePlayer, part: string): HTMLElement[] {
  return [...root(element).querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
}

function part(element: ScribeOutlinePlayer, name: string): HTMLElement {
  const found = root(element).querySelector<HTMLElement>(`[part~="${name}"]`);
  if (found === null) throw new Error(`no part ${name}`);
  return found;
}

function titles(element: ScribeOutlinePlayer): string[] {
  return parts(element, 'chapter-title').map((title) => title.textContent ?? '');
}

function button(element: ScribeOutlinePlayer, index: number): HTMLElement {
  const found = parts(element, 'chapter-button')[index];
  if (found === undefined) throw new Error(`no chapter ${index}`);
  return found;
}

function currentTitles(element: ScribeOutlinePlayer): string[] {
  return parts(element, 'chapter')
    .filter((chapter) => chapter.getAttribute('part')?.split(' ').includes('current'))
    .map((chapter) => chapter.querySelector('[part~="chapter-title"]')?.textContent ?? '');
}

function press(target: HTMLElement, key: string, type = 'keydown'): KeyboardEvent {
  const event = new KeyboardEvent(type, { key, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

function vttResponse(text: string): Response {
  return new Response(text, { headers: { 'Content-Type': 'text/vtt' } });
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('<scribe-outline-player>', () => {
  describe('chapter list', () => {
    it('renders the chapters in start order with their titles and start times', async () => {
      const { element } = await mount((element) => {
        element.chapters = [...lecture()].reverse();
      });
      await element.updateComplete;
      expect(part(element, 'chapters').tagName).toBe('OL');
      expect(parts(element, 'chapter').every((chapter) => chapter.tagName === 'LI')).toBe(true);
      expect(titles(element)).toEqual([
        'Introduction',
        'הלכות שבת: בישול',
        'Questions about מוקצה',
        'Conclusion',
      ]);
      // The last chapter starts under an hour in, so minutes and seconds are enough.
      expect(parts(element, 'chapter-time').map((time) => time.textContent)).toEqual([
        '0:00',
        '1:35',
        '30:05',
        '50:00',
      ]);
      expect(parts(element, 'chapter-time').map((time) => time.getAttribute('datetime'))).toEqual([
        'PT0S',
        'PT1M35.5S',
        'PT30M5S',
        'PT50M0S',
      ]);
      expect(parts(element, 'chapter-button').every((candidate) => candidate.tagName === 'BUTTON')).toBe(
        true,
      );
      expect(element.shownChapters.map((chapter) => chapter.start)).toEqual([0, 95.5, 1805, 3000]);
    });

    it('writes every start time with hours when the recording is an hour or longer', async () => {
      const { element, audio } = await mount();
      setDuration(audio, 4000);
      await element.updateComplete;
      expect(parts(element, 'chapter-time').map((time) => time.textContent)).toEqual([
        '0:00:00',
        '0:01:35',
        '0:30:05',
        '0:50:00',
      ]);
      expect(part(element, 'time').textContent).toBe('0:00:00 / 1:06:40');
    });

    it('renders no list without chapters', async () => {
      const { element } = await mount(() => undefined);
      expect(parts(element, 'chapters')).toEqual([]);
      expect(parts(element, 'controls')).toHaveLength(1);
    });
  });

  describe('right-to-left titles and left-to-right controls', () => {
    it('isolates every title with dir="auto" while the controls and times stay left to right', async () => {
      document.documentElement.setAttribute('dir', 'rtl');
      document.documentElement.lang = 'he';
      const { element } = await mount();
      const title = parts(element, 'chapter-title')[1];
      expect(title?.tagName).toBe('BDI');
      expect(title?.getAttribute('dir')).toBe('auto');
      expect(
        parts(element, 'chapter-title').every((candidate) => candidate.getAttribute('dir') === 'auto'),
      ).toBe(true);
      expect(part(element, 'controls').getAttribute('dir')).toBe('ltr');
      expect(parts(element, 'chapter-start').every((start) => start.getAttribute('dir') === 'ltr')).toBe(
        true,
      );
    });
  });

  describe('playback', () => {
    it('marks the chapter at the media time with aria-current and the current part', async () => {
      const { element, audio } = await mount();
      playTo(audio, 120);
      await element.updateComplete;
      expect(currentTitles(element)).toEqual(['הלכות שבת: בישול']);
      expect(button(element, 1).getAttribute('aria-current')).toBe('true');
      expect(parts(element, 'chapter')[1]?.getAttribute('part')).toBe('chapter current');
      expect(element.currentChapter?.title).toBe('הלכות שבת: בישול');

      playTo(audio, 3001);
      await element.updateComplete;
      expect(currentTitles(element)).toEqual(['Conclusion']);
      expect(button(element, 1).hasAttribute('aria-current')).toBe(false);
    });

    it('dispatches scribe-chapter-change once for each chapter playback moves into', async () => {
      const { element, audio } = await mount();
      const changes: ChapterChangeEvent[] = [];
      document.addEventListener('scribe-chapter-change', (event) => changes.push(event));
      for (const time of [1, 2, 95.4, 95.5, 96, 500, 1805, 1900, 1810]) playTo(audio, time);
      await element.updateComplete;

      expect(changes.map((event) => event.detail.index)).toEqual([1, 2]);
      expect(changes[0]).toBeInstanceOf(ChapterChangeEvent);
      expect(changes[0]?.detail.chapter).toEqual(lecture()[1]);
      expect(changes[0]?.bubbles && changes[0]?.composed).toBe(true);
    });

    it('does not dispatch scribe-chapter-change when the chapters are set or the media is linked', async () => {
      const changes: Event[] = [];
      document.addEventListener('scribe-chapter-change', (event) => changes.push(event));
      const { element, audio } = await mount((element, audio) => {
        element.chapters = lecture();
        audio.currentTime = 200;
      });
      expect(currentTitles(element)).toEqual(['הלכות שבת: בישול']);
      element.chapters = [{ title: 'Everything', start: 0 }];
      await element.updateComplete;
      expect(currentTitles(element)).toEqual(['Everything']);
      element.currentTime = 2000;
      const other = document.createElement('audio');
      other.currentTime = 50;
      element.media = other;
      await element.updateComplete;
      playTo(audio, 2500);
      expect(changes).toEqual([]);
    });

    it('leaves no chapter current in a gap after a chapter ends', async () => {
      const { element, audio } = await mount((element) => {
        element.chapters = [
          { title: 'One', start: 10, end: 20 },
          { title: 'Two', start: 30, end: 40 },
        ];
      });
      playTo(audio, 5);
      await element.updateComplete;
      expect(currentTitles(element)).toEqual([]);
      playTo(audio, 25);
      await element.updateComplete;
      expect(currentTitles(element)).toEqual([]);
      playTo(audio, 45);
      await element.updateComplete;
      expect(currentTitles(element)).toEqual([]);
    });

    it('announces the chapter playback settles in through one polite status region', async () => {
      vi.useFakeTimers();
      const { element, audio } = await mount();
      const status = root(element).querySelectorAll('[role="status"]');
      expect(status).toHaveLength(1);
      playTo(audio, 100);
      playTo(audio, 2000);
      await vi.advanceTimersByTimeAsync(300);
      playTo(audio, 3100);
      await vi.advanceTimersByTimeAsync(300);
      expect(status[0]?.textContent).toBe('');
      await vi.advanceTimersByTimeAsync(1000);
      await element.updateComplete;
      expect(status[0]?.textContent).toBe('Chapter 4: Conclusion');
    });

    it('shows the elapsed time and the length', async () => {
      const { element, audio } = await mount();
      setDuration(audio, lengthInSeconds);
      playTo(audio, 725.9);
      await element.updateComplete;
      expect(part(element, 'time').textContent).toBe('12:05 / 58:30');
      expect(part(element, 'time').getAttribute('aria-hidden')).toBe('true');
    });

    it('plays and pauses the media from its button, named for what it does', async () => {
      const { element, audio } = await mount();
      const play = part(element, 'play-button');
      expect(play.getAttribute('aria-label')).toBe('Play');
      play.click();
      expect(audio.paused).toBe(false);
      await element.updateComplete;
      expect(play.getAttribute('aria-label')).toBe('Pause');
      play.click();
      expect(audio.paused).toBe(true);
      await element.updateComplete;
      expect(play.getAttribute('aria-label')).toBe('Play');
    });

    it('dispatches scribe-error when the media refuses to play', async () => {
      const { element, audio } = await mount();
      const refusal = new DOMException('No supported source', 'NotSupportedError');
      vi.spyOn(audio, 'play').mockRejectedValue(refusal);
      const errors: ScribeErrorEvent[] = [];
      element.addEventListener('scribe-error', (event) => errors.push(event));
      part(element, 'play-button').click();
      await vi.waitFor(() => expect(errors).toHaveLength(1));
      expect(errors[0]?.detail).toEqual({ error: refusal, message: 'The audio could not be played.' });
    });
  });

  describe('seeking from the chapter list', () => {
    it('dispatches scribe-seek-request and seeks the media when a chapter is clicked', async () => {
      const { element, audio } = await mount();
      const requests: SeekRequestEvent[] = [];
      const changes: ChapterChangeEvent[] = [];
      document.addEventListener('scribe-seek-request', (event) => requests.push(event));
      document.addEventListener('scribe-chapter-change', (event) => changes.push(event));

      parts(element, 'chapter-title')[2]?.click();

      expect(requests).toHaveLength(1);
      expect(requests[0]).toBeInstanceOf(SeekRequestEvent);
      expect(requests[0]?.detail).toEqual({ timeInSeconds: 1805 });
      expect(audio.currentTime).toBe(1805);
      expect(changes.map((event) => event.detail.index)).toEqual([2]);
      await element.updateComplete;
      expect(currentTitles(element)).toEqual(['Questions about מוקצה']);
    });

    it('seeks when Enter or Space is pressed on a chapter, without a second seek from the click', async () => {
      const { element, audio } = await mount();
      const requests: SeekRequestEvent[] = [];
      element.addEventListener('scribe-seek-request', (event) => requests.push(event));

      expect(press(button(element, 3), 'Enter').defaultPrevented).toBe(true);
      expect(audio.currentTime).toBe(3000);
      expect(press(button(element, 1), ' ').defaultPrevented).toBe(true);
      expect(press(button(element, 1), ' ', 'keyup').defaultPrevented).toBe(true);
      expect(audio.currentTime).toBe(95.5);
      expect(requests.map((event) => event.detail.timeInSeconds)).toEqual([3000, 95.5]);
    });

    it('leaves the media and the highlight alone when the seek request is cancelled', async () => {
      const { element, audio } = await mount();
      element.addEventListener('scribe-seek-request', (event) => event.preventDefault());
      const changes: Event[] = [];
      element.addEventListener('scribe-chapter-change', (event) => changes.push(event));
      button(element, 2).click();
      press(button(element, 3), 'Enter');
      await element.updateComplete;
      expect(audio.currentTime).toBe(0);
      expect(currentTitles(element)).toEqual(['Introduction']);
      expect(changes).toEqual([]);
    });

    it('highlights the chosen chapter without any media', async () => {
      const element = document.createElement('scribe-outline-player');
      element.chapters = lecture();
      document.body.append(element);
      await element.updateComplete;
      expect(parts(element, 'controls')).toEqual([]);
      expect(currentTitles(element)).toEqual([]);
      button(element, 1).click();
      await element.updateComplete;
      expect(currentTitles(element)).toEqual(['הלכות שבת: בישול']);
      expect(element.currentTime).toBe(95.5);
    });
  });

  describe('keyboard in the chapter list', () => {
    it('moves focus between chapters with Up, Down, Home and End, keeping one tab stop', async () => {
      const { element } = await mount();
      const tabStops = (): number[] =>
        parts(element, 'chapter-button').flatMap((candidate, index) =>
          candidate.tabIndex === 0 ? [index] : [],
        );
      const focusedIndex = (): string | undefined =>
        (root(element).activeElement as HTMLElement | null)?.dataset.index;
      expect(tabStops()).toEqual([0]);
      expect(parts(element, 'chapter-button').filter((candidate) => candidate.tabIndex === -1)).toHaveLength(
        3,
      );

      button(element, 0).focus();
      press(button(element, 0), 'ArrowDown');
      await element.updateComplete;
      expect(focusedIndex()).toBe('1');
      expect(tabStops()).toEqual([1]);

      press(button(element, 1), 'End');
      await element.updateComplete;
      expect(focusedIndex()).toBe('3');
      press(button(element, 3), 'ArrowDown');
      await element.updateComplete;
      expect(focusedIndex()).toBe('3');
      press(button(element, 3), 'ArrowUp');
      await element.updateComplete;
      expect(focusedIndex()).toBe('2');
      press(button(element, 2), 'Home');
      await element.updateComplete;
      expect(focusedIndex()).toBe('0');
      expect(tabStops()).toEqual([0]);
    });

    it('moves the tab stop to the playing chapter while focus is elsewhere', async () => {
      const { element, audio } = await mount();
      playTo(audio, 2000);
      await element.updateComplete;
      expect(button(element, 2).tabIndex).toBe(0);
      expect(button(element, 0).tabIndex).toBe(-1);
    });

    it('keeps the tab stop where the user is while playback moves on', async () => {
      const { element, audio } = await mount();
      button(element, 0).focus();
      press(button(element, 0), 'ArrowDown');
      await element.updateComplete;
      playTo(audio, 3200);
      await element.updateComplete;
      expect(button(element, 1).tabIndex).toBe(0);
      expect(button(element, 3).tabIndex).toBe(-1);
    });
  });

  describe('progress bar', () => {
    it('marks each chapter start at its share of the duration', async () => {
      const { element, audio } = await mount();
      setDuration(audio, lengthInSeconds);
      await element.updateComplete;
      const marks = parts(element, 'chapter-mark');
      // No mark at 0:00: the bar starts there.
      expect(marks.map((mark) => Number.parseFloat(mark.style.left).toFixed(3))).toEqual([
        ((95.5 / lengthInSeconds) * 100).toFixed(3),
        ((1805 / lengthInSeconds) * 100).toFixed(3),
        ((3000 / lengthInSeconds) * 100).toFixed(3),
      ]);
      expect(marks.map((mark) => mark.title)).toEqual([
        'הלכות שבת: בישול',
        'Questions about מוקצה',
        'Conclusion',
      ]);
      expect(marks[1]?.getAttribute('part')).toBe('chapter-mark low-confidence');
    });

    it("uses the last chapter's end as the length until the media reports one", async () => {
      const { element } = await mount((element) => {
        element.chapters = [
          { title: 'A', start: 0, end: 60 },
          { title: 'B', start: 15, end: 80 },
        ];
      });
      expect(parts(element, 'chapter-mark').map((mark) => mark.style.left)).toEqual(['18.75%']);
      expect(part(element, 'progress').getAttribute('aria-valuemax')).toBe('80');
    });

    it('is a slider whose value text gives the time, the length and the chapter', async () => {
      const { element, audio } = await mount();
      setDuration(audio, lengthInSeconds);
      playTo(audio, 2000);
      await element.updateComplete;
      const slider = part(element, 'progress');
      expect(slider.getAttribute('role')).toBe('slider');
      expect(slider.tabIndex).toBe(0);
      expect(slider.getAttribute('aria-label')).toBe('Playback position');
      expect(slider.getAttribute('aria-valuemin')).toBe('0');
      expect(slider.getAttribute('aria-valuemax')).toBe('3510');
      expect(slider.getAttribute('aria-valuenow')).toBe('2000');
      expect(slider.getAttribute('aria-valuetext')).toBe('33:20 of 58:30, Chapter 3: Questions about מוקצה');
      expect(part(element, 'progress-fill').style.width).toBe(`${(2000 / lengthInSeconds) * 100}%`);
    });

    it('moves 5 seconds with the arrow keys, between chapters with PageUp and PageDown, to the ends with Home and End', async () => {
      const { element, audio } = await mount();
      setDuration(audio, lengthInSeconds);
      playTo(audio, 100);
      const slider = part(element, 'progress');
      const requests: number[] = [];
      element.addEventListener('scribe-seek-request', (event) => requests.push(event.detail.timeInSeconds));

      press(slider, 'ArrowRight');
      expect(audio.currentTime).toBe(105);
      press(slider, 'ArrowLeft');
      press(slider, 'ArrowLeft');
      expect(audio.currentTime).toBe(95);
      press(slider, 'PageUp');
      expect(audio.currentTime).toBe(95.5);
      press(slider, 'PageUp');
      expect(audio.currentTime).toBe(1805);
      // Within 3 s of a chapter's start, PageDown goes to the chapter before; later, to this one's start.
      press(slider, 'PageDown');
      expect(audio.currentTime).toBe(95.5);
      playTo(audio, 1900);
      press(slider, 'PageDown');
      expect(audio.currentTime).toBe(1805);
      press(slider, 'End');
      expect(audio.currentTime).toBe(lengthInSeconds);
      press(slider, 'ArrowRight');
      expect(audio.currentTime).toBe(lengthInSeconds);
      press(slider, 'Home');
      expect(audio.currentTime).toBe(0);
      expect(requests).toEqual([105, 100, 95, 95.5, 1805, 95.5, 1805, 3510, 3510, 0]);
    });

    it('seeks to where the bar is pressed, and to a chapter start when its mark is', async () => {
      const { element, audio } = await mount();
      setDuration(audio, 1000);
      await element.updateComplete;
      const track = part(element, 'progress-track');
      vi.spyOn(track, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 0, 400, 6));
      const pointer = (target: HTMLElement, type: string, clientX: number): void => {
        target.dispatchEvent(
          new PointerEvent(type, { clientX, button: 0, pointerId: 1, bubbles: true, composed: true }),
        );
      };
      pointer(track, 'pointerdown', 200);
      expect(audio.currentTime).toBe(250);
      pointer(track, 'pointermove', 400);
      expect(audio.currentTime).toBe(750);
      pointer(track, 'pointerup', 400);
      pointer(track, 'pointermove', 450);
      expect(audio.currentTime).toBe(750);

      const mark = parts(element, 'chapter-mark')[0];
      if (mark === undefined) throw new Error('no mark');
      pointer(mark, 'pointerdown', 0);
      expect(audio.currentTime).toBe(95.5);
    });
  });

  describe('low-confidence chapters', () => {
    it('marks chapters under 0.5 with a part, a visible marker and a description', async () => {
      const { element } = await mount();
      const chapter = parts(element, 'chapter')[2];
      expect(chapter?.getAttribute('part')).toBe('chapter low-confidence');
      expect(parts(element, 'low-confidence').filter((candidate) => candidate.tagName === 'LI')).toEqual([
        chapter,
      ]);
      const marker = chapter?.querySelector('[part~="low-confidence-marker"]');
      expect(marker?.textContent).toBe('≈');
      expect(marker?.getAttribute('aria-hidden')).toBe('true');
      const description = root(element).getElementById(
        button(element, 2).getAttribute('aria-describedby') ?? '',
      );
      expect(description?.textContent).toBe('Approximate start time');
      expect(button(element, 0).hasAttribute('aria-describedby')).toBe(false);
    });

    it('takes its threshold from low-confidence-threshold and never marks a chapter without confidence', async () => {
      const { element } = await mount((element) => {
        element.setAttribute('low-confidence-threshold', '0.85');
        element.chapters = [...lecture(), { title: 'Unscored', start: 3400 }];
      });
      expect(element.lowConfidenceThreshold).toBe(0.85);
      expect(
        parts(element, 'low-confidence')
          .filter((candidate) => candidate.tagName === 'LI')
          .map((candidate) => candidate.querySelector('bdi')?.textContent),
      ).toEqual(['הלכות שבת: בישול', 'Questions about מוקצה', 'Conclusion']);
    });
  });

  describe('media', () => {
    it('plays src with an <audio> of its own', async () => {
      const element = document.createElement('scribe-outline-player');
      element.src = 'https://media.example/shiur.mp3';
      element.chapters = lecture();
      document.body.append(element);
      await element.updateComplete;
      const audio = root(element).querySelector('audio');
      expect(audio?.getAttribute('src')).toBe('https://media.example/shiur.mp3');
      expect(audio?.hasAttribute('controls')).toBe(false);
      if (audio === null) throw new Error('no audio');
      playTo(audio, 2000);
      await element.updateComplete;
      expect(currentTitles(element)).toEqual(['Questions about מוקצה']);
      button(element, 1).click();
      expect(audio.currentTime).toBe(95.5);
    });

    it('drops its own <audio> once media is slotted', async () => {
      const element = document.createElement('scribe-outline-player');
      element.src = 'https://media.example/shiur.mp3';
      document.body.append(element);
      await element.updateComplete;
      const slotted = document.createElement('audio');
      slotted.slot = 'media';
      element.append(slotted);
      await vi.waitFor(() => expect(root(element).querySelector('audio')).toBeNull());
      element.chapters = lecture();
      await element.updateComplete;
      button(element, 3).click();
      expect(slotted.currentTime).toBe(3000);
    });

    it('plays and follows an <audio> named by for', async () => {
      const audio = document.createElement('audio');
      audio.id = 'shiur';
      document.body.append(audio);
      const element = document.createElement('scribe-outline-player');
      element.setAttribute('for', 'shiur');
      element.chapters = lecture();
      document.body.append(element);
      await element.updateComplete;
      playTo(audio, 100);
      await element.updateComplete;
      expect(currentTitles(element)).toEqual(['הלכות שבת: בישול']);
      part(element, 'play-button').click();
      expect(audio.paused).toBe(false);
    });

    it('stops following the media when removed from the page', async () => {
      const { element, audio } = await mount();
      element.remove();
      playTo(audio, 2000);
      expect(element.currentTime).toBe(0);
    });
  });

  describe('WebVTT chapters', () => {
    const vtt = toVttChapters(lecture(), { durationInSeconds: lengthInSeconds });

    it('loads chapters-src, showing "Loading chapters…" meanwhile', async () => {
      let respond: (response: Response) => void = () => undefined;
      const fetch = vi.fn<typeof globalThis.fetch>(
        () =>
          new Promise<Response>((resolve) => {
            respond = resolve;
          }),
      );
      const { element } = await mount((element) => {
        element.fetch = fetch;
        element.setAttribute('chapters-src', '/shiur/chapters.vtt');
      });
      expect(fetch).toHaveBeenCalledOnce();
      expect(fetch.mock.calls[0]?.[0]).toBe(new URL('/shiur/chapters.vtt', document.baseURI).href);
      expect(part(element, 'loading').textContent).toBe('Loading chapters…');

      respond(vttResponse(vtt));
      await vi.waitFor(() => expect(titles(element)).toHaveLength(4));
      expect(titles(element)).toEqual(lecture().map((chapter) => chapter.title));
      expect(parts(element, 'loading')).toEqual([]);
      expect(element.shownChapters[3]).toEqual({ title: 'Conclusion', start: 3000, end: lengthInSeconds });
    });

    it('loads a data: URL with the page fetch', async () => {
      const { element } = await mount((element) => {
        element.chaptersSrc = `data:text/vtt;charset=utf-8,${encodeURIComponent(vtt)}`;
      });
      await vi.waitFor(() => expect(titles(element)).toHaveLength(4));
      expect(titles(element)[1]).toBe('הלכות שבת: בישול');
    });

    it('reads a <track kind="chapters"> inside the slotted media', async () => {
      const fetch = vi.fn<typeof globalThis.fetch>(async () => vttResponse(vtt));
      const { element } = await mount((element, audio) => {
        element.fetch = fetch;
        const track = document.createElement('track');
        track.kind = 'chapters';
        track.src = 'shiur.chapters.vtt';
        audio.append(track);
      });
      await vi.waitFor(() => expect(titles(element)).toHaveLength(4));
      expect(fetch.mock.calls[0]?.[0]).toBe(new URL('shiur.chapters.vtt', document.baseURI).href);
    });

    it('prefers the chapters property to chapters-src', async () => {
      const fetch = vi.fn<typeof globalThis.fetch>(async () => vttResponse(vtt));
      const { element } = await mount((element) => {
        element.fetch = fetch;
        element.chaptersSrc = 'chapters.vtt';
        element.chapters = [{ title: 'Mine', start: 0 }];
      });
      expect(fetch).not.toHaveBeenCalled();
      expect(titles(element)).toEqual(['Mine']);
    });

    it('aborts the load when the source changes or the element leaves the page, and loads again on return', async () => {
      const signals: AbortSignal[] = [];
      const fetch = vi.fn<typeof globalThis.fetch>((_input, init) => {
        if (init?.signal) signals.push(init.signal);
        return new Promise<Response>(() => undefined);
      });
      const { element } = await mount((element) => {
        element.fetch = fetch;
        element.chaptersSrc = 'one.vtt';
      });
      element.chaptersSrc = 'two.vtt';
      await element.updateComplete;
      expect(signals.map((signal) => signal.aborted)).toEqual([true, false]);
      element.remove();
      expect(signals[1]?.aborted).toBe(true);
      document.body.append(element);
      await element.updateComplete;
      expect(fetch.mock.calls.map(([url]) => String(url).split('/').at(-1))).toEqual([
        'one.vtt',
        'two.vtt',
        'two.vtt',
      ]);
      expect(signals[2]?.aborted).toBe(false);
    });

    it('dispatches scribe-error and shows an alert when the file cannot be loaded', async () => {
      const errors: ScribeErrorEvent[] = [];
      document.addEventListener('scribe-error', (event) => errors.push(event), { once: true });
      const { element } = await mount((element) => {
        element.fetch = async () => new Response('Not found', { status: 404 });
        element.chaptersSrc = 'https://media.example/missing.vtt';
      });
      await vi.waitFor(() => expect(errors).toHaveLength(1));
      expect(errors[0]?.detail.message).toBe('The chapters could not be loaded.');
      expect(errors[0]?.detail.error).toMatchObject({
        name: 'ApiCallError',
        status: 404,
        url: 'https://media.example/missing.vtt',
      });
      await element.updateComplete;
      const alert = part(element, 'error');
      expect(alert.getAttribute('role')).toBe('alert');
      expect(alert.textContent).toBe('The chapters could not be loaded.');
    });
  });

  describe('with <scribe-transcript>', () => {
    it('follows the same <audio> as a transcript, and a chapter seek moves both', async () => {
      const { element, audio } = await mount();
      audio.id = 'shiur';
      const transcript = document.createElement('scribe-transcript');
      transcript.setAttribute('for', 'shiur');
      transcript.transcript = createTranscript({
        provider: 'test',
        words: [
          { text: 'Welcome', start: 0, end: 0.5 },
          { text: 'Shabbos', start: 96, end: 96.6 },
          { text: 'questions', start: 1806, end: 1806.5 },
        ],
      });
      document.body.append(transcript);
      await transcript.renderComplete;
      const currentWord = (): string | undefined =>
        transcript.shadowRoot?.querySelector('[part~="current"]')?.textContent ?? undefined;

      playTo(audio, 96.2);
      await element.updateComplete;
      expect(currentTitles(element)).toEqual(['הלכות שבת: בישול']);
      expect(currentWord()).toBe('Shabbos');

      button(element, 2).click();
      audio.dispatchEvent(new Event('seeked'));
      await element.updateComplete;
      expect(audio.currentTime).toBe(1805);
      expect(currentTitles(element)).toEqual(['Questions about מוקצה']);
      expect(transcript.currentTime).toBe(1805);
    });
  });

  describe('localization', () => {
    it('speaks Hebrew under lang="he"', async () => {
      const { element, audio } = await mount((element) => {
        element.setAttribute('lang', 'he');
        element.chapters = lecture();
      });
      setDuration(audio, lengthInSeconds);
      playTo(audio, 100);
      await element.updateComplete;
      expect(part(element, 'play-button').getAttribute('aria-label')).toBe('הפעלה');
      expect(part(element, 'chapters').getAttribute('aria-label')).toBe('פרקים');
      expect(part(element, 'progress').getAttribute('aria-label')).toBe('מיקום הניגון');
      expect(part(element, 'progress').getAttribute('aria-valuetext')).toBe(
        '1:40 מתוך 58:30, פרק 2: הלכות שבת: בישול',
      );
      expect(root(element).getElementById('low-confidence-hint')?.textContent).toBe('זמן התחלה משוער');
      expect(root(element).getElementById('keyboard-hint')?.textContent).toMatch(/^מקשי החצים/);
    });
  });

  describe('accessibility', () => {
    it('names every control, describes the list keys and keeps one tab stop in the list', async () => {
      const { element } = await mount();
      for (const control of root(element).querySelectorAll(
        'button:not([part~="chapter-button"]), [role="slider"]',
      )) {
        expect(control.getAttribute('aria-label')).toMatch(/\S/);
      }
      for (const control of parts(element, 'chapter-button')) expect(control.textContent).toMatch(/\S/);
      expect(part(element, 'controls').getAttribute('role')).toBe('group');
      expect(part(element, 'controls').getAttribute('aria-label')).toBe('Player');
      const list = part(element, 'chapters');
      expect(list.getAttribute('aria-label')).toBe('Chapters');
      expect(root(element).getElementById(list.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
        'Up and down arrows move between chapters. Enter plays from the selected chapter.',
      );
      expect(parts(element, 'chapter-button').filter((candidate) => candidate.tabIndex === 0)).toHaveLength(
        1,
      );
      expect(root(element).querySelectorAll('svg[aria-hidden="true"]')).toHaveLength(1);
      expect(root(element).querySelectorAll('[role="status"]')).toHaveLength(1);
    });
  });
});
