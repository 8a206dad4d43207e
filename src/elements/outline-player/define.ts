import { defineElement } from '../shared/define-element.js';
import { ScribeOutlinePlayer } from './outline-player.js';

export { ScribeOutlinePlayer } from './outline-player.js';
export type { ChapterLoadStatus, ChapterSource, OutlinePlayerMedia } from './outline-player.js';
export { ChapterChangeEvent, type ChapterChangeDetail } from '../events/chapter-change-event.js';
export { SeekRequestEvent, type SeekRequestDetail } from '../events/seek-request-event.js';

// Registers <scribe-outline-player>, unless this or another copy of scribekit already did.
defineElement('scribe-outline-player', ScribeOutlinePlayer);
