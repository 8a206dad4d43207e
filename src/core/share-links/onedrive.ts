import { shareLinkError } from './share-link-error.js';
import type { ResolvedShareLink } from './types.js';

const livePaths = new Set(['/', '/redir', '/embed', '/download', '/redir.aspx', '/download.aspx']);
// 1drv.ms links name the item type first: `f` is a folder, `v` a video, `p` a presentation.
const shortLinkPattern = /^\/([a-z])\/(c\/|s!)/i;

/**
Resolve a OneDrive link, or return `undefined` when `url` is not one this module knows.

`onedrive.live.com` links become the `/download` form with the same `cid`, `resid` and
`authkey`. `1drv.ms` short links become the shares API download URL
(`https://api.onedrive.com/v1.0/shares/u!<base64url of the link>/root/content`), which needs no
request to expand the short link first.
*/
export function resolveOneDriveLink(url: URL): ResolvedShareLink | undefined {
  if (url.hostname === '1drv.ms') return resolveShortLink(url);
  if (url.hostname === 'onedrive.live.com') return resolveLiveLink(url);
  return undefined;
}

function resolveShortLink(url: URL): ResolvedShareLink | undefined {
  const match = shortLinkPattern.exec(url.pathname);
  if (match === null) return undefined;
  const kind = match[1]?.toLowerCase();
  if (kind === 'f') throw folderError(url);
  if (match[2] === 'c/' && (kind === 'v' || kind === 'p')) {
    throw shareLinkError(
      `OneDrive links of the form 1drv.ms/${kind}/c/… cannot be downloaded: they open through SharePoint, which asks for a Microsoft sign-in. Upload the file instead, or share it with a onedrive.live.com link.`,
      url.href,
    );
  }
  // The fragment is never part of a sharing link, and the shares API would reject it.
  const sharingUrl = url.href.slice(0, url.href.length - url.hash.length);
  return {
    url: `https://api.onedrive.com/v1.0/shares/u!${toBase64Url(sharingUrl)}/root/content`,
    source: 'onedrive',
  };
}

function resolveLiveLink(url: URL): ResolvedShareLink | undefined {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  if (!livePaths.has(path.toLowerCase())) return undefined;

  const params = url.searchParams;
  if (params.get('ithint')?.toLowerCase().startsWith('folder') === true) throw folderError(url);
  const resid = params.get('resid') ?? params.get('id');
  if (resid === null || resid === '') return undefined;

  const query: string[] = [];
  const cid = params.get('cid');
  if (cid !== null && cid !== '') query.push(`cid=${encodeURIComponent(cid)}`);
  query.push(`resid=${encodeURIComponent(resid)}`);
  // OneDrive writes both `authkey` and `authKey`; Microsoft's own examples use the latter.
  const authkey = params.get('authkey') ?? params.get('authKey');
  if (authkey !== null && authkey !== '') query.push(`authkey=${encodeURIComponent(authkey)}`);
  return { url: `https://onedrive.live.com/download?${query.join('&')}`, source: 'onedrive', fileId: resid };
}

function folderError(url: URL) {
  return shareLinkError(
    'OneDrive folder links cannot be transcribed: share the file itself (Share → Copy link on the file).',
    url.href,
  );
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}
