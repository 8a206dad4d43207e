export { resolveShareLink } from './resolve-share-link.js';
export type { ResolvedShareLink, ShareLinkSource } from './types.js';
