import { shareLinkError } from './share-link-error.js';
import type { ResolvedShareLink } from './types.js';

const fileIdPattern = /^[\w-]+$/;
// `/a/<domain>/` prefixes old Google Workspace links; `/u/<n>/` picks a signed-in account.
const filePathPattern = /^\/(?:a\/[^/]+\/)?file\/(?:u\/\d+\/)?d\/([\w-]+)(?:\/|$)/;
const folderPathPattern =
  /^\/(?:a\/[^/]+\/)?(?:drive\/(?:[^/]+\/)*folders\/|(?:embedded)?folderview(?:\/|$))/;
const idQueryPathPattern = /^\/(?:a\/[^/]+\/)?(?:open|uc)\/?$/;
const documentPathPattern = /^\/(?:a\/[^/]+\/)?(?:document|spreadsheets|presentation|forms|drawings)(?:\/|$)/;

/**
Resolve a Google Drive link, or return `undefined` when `url` is not one this module knows.

File links become `https://drive.google.com/uc?export=download&id=<ID>`, keeping a
`resourcekey`, which Drive requires for some files shared before its 2021 security update.
*/
export function resolveGoogleDriveLink(url: URL): ResolvedShareLink | undefined {
  const host = url.hostname;
  if (host === 'drive.usercontent.google.com') {
    const id = url.searchParams.get('id');
    return withFileId({ url: url.href, source: 'google-drive' }, id);
  }
  if (host !== 'drive.google.com' && host !== 'docs.google.com') return undefined;

  const path = url.pathname;
  if (folderPathPattern.test(path)) {
    throw shareLinkError(
      'Google Drive folder links cannot be transcribed: share the audio file itself (Share → Copy link on the file).',
      url.href,
    );
  }
  if (host === 'docs.google.com' && documentPathPattern.test(path)) {
    throw shareLinkError(
      'Google Docs, Sheets, Slides, Forms and Drawings links are documents, not audio: share an audio or video file stored in Google Drive.',
      url.href,
    );
  }

  const id =
    filePathPattern.exec(path)?.[1] ?? (idQueryPathPattern.test(path) ? url.searchParams.get('id') : null);
  if (id === null || id === undefined || !fileIdPattern.test(id)) return undefined;

  let download = `https://drive.google.com/uc?export=download&id=${id}`;
  const resourceKey = url.searchParams.get('resourcekey');
  if (resourceKey !== null && resourceKey !== '') {
    download += `&resourcekey=${encodeURIComponent(resourceKey)}`;
  }
  return { url: download, source: 'google-drive', fileId: id };
}

function withFileId(link: ResolvedShareLink, id: string | null): ResolvedShareLink {
  return id !== null && fileIdPattern.test(id) ? { ...link, fileId: id } : link;
}
