export { alignOutline, type AlignOutlineOptions } from './align-outline.js';
export { outlineToChapters, type OutlineToChaptersOptions } from './outline-to-chapters.js';
export type { OutlineConfidence, OutlineTopic, OutlineTopicInput } from './outline-topic.js';
