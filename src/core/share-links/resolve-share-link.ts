import { resolveDropboxLink } from './dropbox.js';
import { resolveGoogleDriveLink } from './google-drive.js';
import { resolveOneDriveLink } from './onedrive.js';
import { shareLinkError } from './share-link-error.js';
import type { ResolvedShareLink } from './types.js';

/**
Turn a Google Drive, Dropbox or OneDrive sharing link into a URL that downloads the file.

Sharing links open a preview page, so a transcription service that fetches them gets HTML instead
of audio. This rewrites them to each service's download form, without any network request:

- Google Drive `file/d/<ID>/view`, `open?id=` and `uc?id=` links become
  `https://drive.google.com/uc?export=download&id=<ID>`.
- Dropbox `/s/…` and `/scl/fi/…` links get `dl=1`; `rlkey` and the other parameters are kept.
- OneDrive `onedrive.live.com` links become the `/download` form, and `1drv.ms` short links the
  `api.onedrive.com` shares download URL.

Any other http(s) URL comes back as the URL parser normalises it, with `source: 'direct'`. The
file must still be shared with "anyone with the link".

@param url - The link the user pasted.
@returns The download URL, the service it belongs to and, when the link carries one, the file id.
@throws `InvalidArgumentError` for folder links, Google Docs documents, `1drv.ms/v/c/…` and
`1drv.ms/p/c/…` links (SharePoint asks for sign-in), non-http(s) URLs and strings that are not URLs.
The message says what to share instead.

@example
```ts
import { resolveShareLink } from 'scribekit';

const { url, source } = resolveShareLink('https://www.dropbox.com/scl/fi/a1b2c3/talk.mp3?rlkey=xyz&dl=0');
// url: 'https://www.dropbox.com/scl/fi/a1b2c3/talk.mp3?rlkey=xyz&dl=1', source: 'dropbox'
```
*/
export function resolveShareLink(url: string | URL): ResolvedShareLink {
  const parsed = parseHttpUrl(url);
  return (
    resolveGoogleDriveLink(parsed) ??
    resolveDropboxLink(parsed) ??
    resolveOneDriveLink(parsed) ?? { url: parsed.href, source: 'direct' }
  );
}

function parseHttpUrl(url: unknown): URL {
  let href: string;
  if (typeof url === 'string') href = url;
  else if (typeof url === 'object' && url !== null && typeof (url as { href?: unknown }).href === 'string') {
    // Read through `href` rather than `instanceof URL`, which fails for a URL from another realm.
    href = (url as { href: string }).href;
  } else {
    throw shareLinkError('Expected a URL string or a URL object.', url);
  }

  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch (error) {
    throw shareLinkError(
      'Not an absolute URL: pass a full http(s) link such as https://example.com/audio.mp3.',
      url,
      error,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw shareLinkError(
      `\`${parsed.protocol}\` URLs cannot be fetched by a transcription service: pass an http(s) link to the audio file.`,
      url,
    );
  }
  return parsed;
}
