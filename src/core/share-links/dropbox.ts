import { shareLinkError } from './share-link-error.js';
import type { ResolvedShareLink } from './types.js';

const sharingHosts = new Set(['www.dropbox.com', 'dropbox.com']);

/**
Resolve a Dropbox link, or return `undefined` when `url` is not one this module knows.

File links (`/s/…` and `/scl/fi/…`) get `dl=1`, which makes Dropbox answer with the file
instead of its preview page. Every other query parameter is kept as written: `/scl/fi/` links
stop working without their `rlkey`.
*/
export function resolveDropboxLink(url: URL): ResolvedShareLink | undefined {
  if (url.hostname === 'dl.dropboxusercontent.com') return { url: url.href, source: 'dropbox' };
  if (!sharingHosts.has(url.hostname)) return undefined;

  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const [first, second, third] = segments;
  if (first === 'sh' || (first === 'scl' && second === 'fo')) {
    throw shareLinkError(
      'Dropbox folder links cannot be transcribed: share the file itself (Share → Copy link on the file).',
      url.href,
    );
  }

  const fileId = first === 's' ? second : first === 'scl' && second === 'fi' ? third : undefined;
  if (fileId === undefined) return undefined;
  return { url: withDownloadFlag(url), source: 'dropbox', fileId };
}

function withDownloadFlag(url: URL): string {
  const pairs = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '');
  // `raw=1` already serves the bytes; adding `dl=1` next to it is not documented.
  if (pairs.includes('raw=1')) return url.href;

  // Rewritten by hand rather than with URLSearchParams, which would re-encode the other values.
  const isDownloadFlag = (pair: string) => pair === 'dl' || pair.startsWith('dl=');
  const kept = pairs.filter((pair) => !isDownloadFlag(pair));
  const index = pairs.findIndex(isDownloadFlag);
  // Where the old `dl` was, so the rest of the query reads the same.
  kept.splice(index === -1 ? kept.length : index, 0, 'dl=1');
  const download = new URL(url.href);
  download.search = `?${kept.join('&')}`;
  return download.href;
}
