import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/core/errors/index.js';
import { resolveShareLink } from '../../../src/core/share-links/index.js';
import type { ResolvedShareLink } from '../../../src/core/share-links/index.js';

const driveId = '1A2b3C4d5E6f7G8h9I0jKlMnOpQrStUvW';
const driveDownload = `https://drive.google.com/uc?export=download&id=${driveId}`;

/** The shares API form, computed with Node's own base64url so the test does not repeat the code under test. */
function sharesUrl(link: string): string {
  return `https://api.onedrive.com/v1.0/shares/u!${Buffer.from(link, 'utf8').toString('base64url')}/root/content`;
}

function rejection(link: string | URL): InvalidArgumentError {
  try {
    resolveShareLink(link);
  } catch (error) {
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    return error as InvalidArgumentError;
  }
  throw new Error(`expected ${String(link)} to be rejected`);
}

describe('resolveShareLink', () => {
  describe('Google Drive', () => {
    it.each<[string, ResolvedShareLink]>([
      [
        `https://drive.google.com/file/d/${driveId}/view?usp=sharing`,
        { url: driveDownload, source: 'google-drive', fileId: driveId },
      ],
      [
        `https://drive.google.com/file/d/${driveId}/view?usp=drive_link`,
        { url: driveDownload, source: 'google-drive', fileId: driveId },
      ],
      [
        `https://drive.google.com/file/d/${driveId}`,
        { url: driveDownload, source: 'google-drive', fileId: driveId },
      ],
      [
        `https://drive.google.com/file/d/${driveId}/edit`,
        { url: driveDownload, source: 'google-drive', fileId: driveId },
      ],
      [
        `https://drive.google.com/file/u/1/d/${driveId}/preview`,
        { url: driveDownload, source: 'google-drive', fileId: driveId },
      ],
      [
        `http://drive.google.com/file/d/${driveId}/view`,
        { url: driveDownload, source: 'google-drive', fileId: driveId },
      ],
      [
        `https://drive.google.com/open?id=${driveId}`,
        { url: driveDownload, source: 'google-drive', fileId: driveId },
      ],
      [
        `https://drive.google.com/uc?id=${driveId}&export=download`,
        { url: driveDownload, source: 'google-drive', fileId: driveId },
      ],
      [
        `https://docs.google.com/uc?export=download&id=${driveId}`,
        { url: driveDownload, source: 'google-drive', fileId: driveId },
      ],
      [
        `https://docs.google.com/file/d/${driveId}/edit`,
        { url: driveDownload, source: 'google-drive', fileId: driveId },
      ],
      [
        `https://drive.google.com/file/d/${driveId}/view?usp=sharing&resourcekey=0-AbCdEf_123-xyz`,
        {
          url: `${driveDownload}&resourcekey=0-AbCdEf_123-xyz`,
          source: 'google-drive',
          fileId: driveId,
        },
      ],
      [
        `https://drive.usercontent.google.com/download?id=${driveId}&export=download`,
        {
          url: `https://drive.usercontent.google.com/download?id=${driveId}&export=download`,
          source: 'google-drive',
          fileId: driveId,
        },
      ],
    ])('%s', (link, expected) => {
      expect(resolveShareLink(link)).toEqual(expected);
    });

    it.each([
      `https://drive.google.com/drive/folders/${driveId}?usp=sharing`,
      `https://drive.google.com/drive/u/0/folders/${driveId}`,
      `https://drive.google.com/drive/mobile/folders/${driveId}`,
      `https://drive.google.com/embeddedfolderview?id=${driveId}`,
    ])('rejects the folder link %s', (link) => {
      const error = rejection(link);
      expect(error.argument).toBe('url');
      expect(error.message).toMatch(
        /Google Drive folder links cannot be transcribed: share the audio file itself/,
      );
    });

    it.each([
      `https://docs.google.com/document/d/${driveId}/edit?usp=sharing`,
      `https://docs.google.com/spreadsheets/d/${driveId}/edit#gid=0`,
      `https://docs.google.com/presentation/d/${driveId}/view`,
    ])('rejects the Google Docs document %s', (link) => {
      expect(rejection(link).message).toMatch(/documents, not audio/);
    });
  });

  describe('Dropbox', () => {
    it.each<[string, ResolvedShareLink]>([
      [
        'https://www.dropbox.com/s/a1b2c3d4e5f6g7h/interview.mp3?dl=0',
        {
          url: 'https://www.dropbox.com/s/a1b2c3d4e5f6g7h/interview.mp3?dl=1',
          source: 'dropbox',
          fileId: 'a1b2c3d4e5f6g7h',
        },
      ],
      [
        'https://www.dropbox.com/s/a1b2c3d4e5f6g7h/interview.mp3',
        {
          url: 'https://www.dropbox.com/s/a1b2c3d4e5f6g7h/interview.mp3?dl=1',
          source: 'dropbox',
          fileId: 'a1b2c3d4e5f6g7h',
        },
      ],
      [
        'https://dropbox.com/s/a1b2c3d4e5f6g7h/interview.mp3?dl=0',
        {
          url: 'https://dropbox.com/s/a1b2c3d4e5f6g7h/interview.mp3?dl=1',
          source: 'dropbox',
          fileId: 'a1b2c3d4e5f6g7h',
        },
      ],
      [
        'https://www.dropbox.com/scl/fi/k3j2h1g0f9e8d7c6b5a4z/Team%20Call.m4a?rlkey=p0o9i8u7y6t5r4e3w2q1zx&dl=0',
        {
          url: 'https://www.dropbox.com/scl/fi/k3j2h1g0f9e8d7c6b5a4z/Team%20Call.m4a?rlkey=p0o9i8u7y6t5r4e3w2q1zx&dl=1',
          source: 'dropbox',
          fileId: 'k3j2h1g0f9e8d7c6b5a4z',
        },
      ],
      [
        'https://www.dropbox.com/scl/fi/k3j2h1g0f9e8d7c6b5a4z/talk.wav?rlkey=p0o9i8u7y6t5r4e3w2q1zx&st=ab12cd34&dl=0',
        {
          url: 'https://www.dropbox.com/scl/fi/k3j2h1g0f9e8d7c6b5a4z/talk.wav?rlkey=p0o9i8u7y6t5r4e3w2q1zx&st=ab12cd34&dl=1',
          source: 'dropbox',
          fileId: 'k3j2h1g0f9e8d7c6b5a4z',
        },
      ],
      [
        'https://www.dropbox.com/scl/fi/k3j2h1g0f9e8d7c6b5a4z/talk.wav?dl=0&rlkey=p0o9i8u7y6t5r4e3w2q1zx&e=1',
        {
          url: 'https://www.dropbox.com/scl/fi/k3j2h1g0f9e8d7c6b5a4z/talk.wav?dl=1&rlkey=p0o9i8u7y6t5r4e3w2q1zx&e=1',
          source: 'dropbox',
          fileId: 'k3j2h1g0f9e8d7c6b5a4z',
        },
      ],
      [
        'https://www.dropbox.com/scl/fi/k3j2h1g0f9e8d7c6b5a4z/talk.wav?rlkey=p0o9i8u7y6t5r4e3w2q1zx&dl=1',
        {
          url: 'https://www.dropbox.com/scl/fi/k3j2h1g0f9e8d7c6b5a4z/talk.wav?rlkey=p0o9i8u7y6t5r4e3w2q1zx&dl=1',
          source: 'dropbox',
          fileId: 'k3j2h1g0f9e8d7c6b5a4z',
        },
      ],
      [
        'https://www.dropbox.com/scl/fi/k3j2h1g0f9e8d7c6b5a4z/talk.wav?rlkey=p0o9i8u7y6t5r4e3w2q1zx&raw=1',
        {
          url: 'https://www.dropbox.com/scl/fi/k3j2h1g0f9e8d7c6b5a4z/talk.wav?rlkey=p0o9i8u7y6t5r4e3w2q1zx&raw=1',
          source: 'dropbox',
          fileId: 'k3j2h1g0f9e8d7c6b5a4z',
        },
      ],
      [
        'https://dl.dropboxusercontent.com/s/a1b2c3d4e5f6g7h/interview.mp3',
        { url: 'https://dl.dropboxusercontent.com/s/a1b2c3d4e5f6g7h/interview.mp3', source: 'dropbox' },
      ],
    ])('%s', (link, expected) => {
      expect(resolveShareLink(link)).toEqual(expected);
    });

    it('keeps a duplicate-free query when dl appears twice', () => {
      expect(resolveShareLink('https://www.dropbox.com/s/a1b2c3d4e5f6g7h/a.mp3?dl=0&x=1&dl=0').url).toBe(
        'https://www.dropbox.com/s/a1b2c3d4e5f6g7h/a.mp3?dl=1&x=1',
      );
    });

    it.each([
      'https://www.dropbox.com/scl/fo/q1w2e3r4t5y6u7i8o9p0a/Recordings?rlkey=zx9cv8bn7m6&dl=0',
      'https://dropbox.com/scl/fo/q1w2e3r4t5y6u7i8o9p0a/AAbbCCdd?rlkey=zx9cv8bn7m6&st=1a2b3c&dl=0',
      'https://www.dropbox.com/sh/q1w2e3r4t5y6u7i/AAD-abcdEFGHijklMNOPqrst?dl=0',
    ])('rejects the folder link %s', (link) => {
      expect(rejection(link).message).toBe(
        'Invalid argument `url`: Dropbox folder links cannot be transcribed: share the file itself (Share → Copy link on the file).',
      );
    });
  });

  describe('OneDrive', () => {
    it.each<[string, ResolvedShareLink]>([
      [
        'https://onedrive.live.com/?cid=8A2F1B3C4D5E6F70&resid=8A2F1B3C4D5E6F70%21123&authkey=%21AOuT-aBcDeFgHiJ',
        {
          url: 'https://onedrive.live.com/download?cid=8A2F1B3C4D5E6F70&resid=8A2F1B3C4D5E6F70!123&authkey=!AOuT-aBcDeFgHiJ',
          source: 'onedrive',
          fileId: '8A2F1B3C4D5E6F70!123',
        },
      ],
      [
        'https://onedrive.live.com/redir?resid=8A2F1B3C4D5E6F70!123&authkey=!AOuT-aBcDeFgHiJ&ithint=file%2cmp3',
        {
          url: 'https://onedrive.live.com/download?resid=8A2F1B3C4D5E6F70!123&authkey=!AOuT-aBcDeFgHiJ',
          source: 'onedrive',
          fileId: '8A2F1B3C4D5E6F70!123',
        },
      ],
      [
        'https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1',
        {
          url: 'https://onedrive.live.com/download?resid=1231244193912!12&authkey=1201919!12921!1',
          source: 'onedrive',
          fileId: '1231244193912!12',
        },
      ],
      [
        'https://onedrive.live.com/embed?cid=8A2F1B3C4D5E6F70&resid=8A2F1B3C4D5E6F70%21123&authkey=!AOuT',
        {
          url: 'https://onedrive.live.com/download?cid=8A2F1B3C4D5E6F70&resid=8A2F1B3C4D5E6F70!123&authkey=!AOuT',
          source: 'onedrive',
          fileId: '8A2F1B3C4D5E6F70!123',
        },
      ],
      [
        'https://onedrive.live.com/?authkey=%21AOuT&id=8A2F1B3C4D5E6F70%21123&cid=8A2F1B3C4D5E6F70',
        {
          url: 'https://onedrive.live.com/download?cid=8A2F1B3C4D5E6F70&resid=8A2F1B3C4D5E6F70!123&authkey=!AOuT',
          source: 'onedrive',
          fileId: '8A2F1B3C4D5E6F70!123',
        },
      ],
      [
        'https://onedrive.live.com/download?cid=8A2F1B3C4D5E6F70&resid=8A2F1B3C4D5E6F70!123&authkey=!AOuT',
        {
          url: 'https://onedrive.live.com/download?cid=8A2F1B3C4D5E6F70&resid=8A2F1B3C4D5E6F70!123&authkey=!AOuT',
          source: 'onedrive',
          fileId: '8A2F1B3C4D5E6F70!123',
        },
      ],
    ])('%s', (link, expected) => {
      expect(resolveShareLink(link)).toEqual(expected);
    });

    it.each([
      'https://1drv.ms/u/s!AjF0bC1dEfGhIjKlMnOpQrStUv',
      'https://1drv.ms/u/s!AjF0bC1dEfGhIjKlMnOpQrStUv?e=Xy12Zw',
      'https://1drv.ms/v/s!AjF0bC1dEfGhIjKlMnOpQrStUv?e=Xy12Zw',
    ])('turns the short link %s into the shares API form', (link) => {
      expect(resolveShareLink(link)).toEqual({ url: sharesUrl(link), source: 'onedrive' });
    });

    it('encodes the link as unpadded base64url', () => {
      // Plain base64 of this link is `…a35+fj9lPT8/MQ==`: it has `+`, `/` and padding.
      expect(resolveShareLink('https://1drv.ms/u/s!Ak~~~?e=??1').url).toBe(
        'https://api.onedrive.com/v1.0/shares/u!aHR0cHM6Ly8xZHJ2Lm1zL3UvcyFBa35-fj9lPT8_MQ/root/content',
      );
    });

    it('drops the fragment before encoding', () => {
      expect(resolveShareLink('https://1drv.ms/u/s!AjF0bC1dEf?e=Xy#top').url).toBe(
        sharesUrl('https://1drv.ms/u/s!AjF0bC1dEf?e=Xy'),
      );
    });

    it.each([
      'https://1drv.ms/f/s!AjF0bC1dEfGhIjKlMnOpQrStUv',
      'https://1drv.ms/f/c/8a2f1b3c4d5e6f70/EjF0bC1dEfGhIjKlMnOpQrStUvWxYz?e=Xy12Zw',
      'https://onedrive.live.com/redir?resid=8A2F1B3C4D5E6F70!120&authkey=!AOuT&ithint=folder%2c',
    ])('rejects the folder link %s', (link) => {
      expect(rejection(link).message).toMatch(
        /OneDrive folder links cannot be transcribed: share the file itself/,
      );
    });

    it.each(['v', 'p'])('rejects 1drv.ms/%s/c/ links, which need a SharePoint sign-in', (kind) => {
      const error = rejection(`https://1drv.ms/${kind}/c/8a2f1b3c4d5e6f70/EjF0bC1dEfGhIjKlMnOp?e=Xy12Zw`);
      expect(error.message).toContain(`1drv.ms/${kind}/c/`);
      expect(error.message).toMatch(/SharePoint, which asks for a Microsoft sign-in/);
    });
  });

  describe('other URLs', () => {
    it.each([
      'https://example.com/audio/interview.mp3',
      'http://example.com/a.wav',
      'https://my-bucket.s3.eu-west-1.amazonaws.com/call.m4a?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261122%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Signature=abc123',
      'https://storage.googleapis.com/bucket/file.flac?X-Goog-Signature=0a1b',
      'https://contoso.sharepoint.com/:u:/g/personal/jo_contoso_com/EaBcDeF?e=1a2b3c',
      'https://www.dropbox.com/home/Recordings',
      'https://drive.google.com/drive/my-drive',
      'https://onedrive.live.com/about/en-us/',
    ])('passes %s through', (link) => {
      expect(resolveShareLink(link)).toEqual({ url: link, source: 'direct' });
    });

    it('accepts a URL object and does not change it', () => {
      const input = new URL(`https://drive.google.com/file/d/${driveId}/view`);
      expect(resolveShareLink(input)).toEqual({
        url: driveDownload,
        source: 'google-drive',
        fileId: driveId,
      });
      expect(input.href).toBe(`https://drive.google.com/file/d/${driveId}/view`);
    });

    it('returns the normalised form of a direct URL', () => {
      expect(resolveShareLink('  HTTPS://Example.COM/a b.mp3 ')).toEqual({
        url: 'https://example.com/a%20b.mp3',
        source: 'direct',
      });
    });

    it.each([
      'file:///home/me/audio.mp3',
      'javascript:alert(1)',
      'data:audio/wav;base64,UklGRg==',
      'ftp://example.com/a.mp3',
    ])('rejects the non-http(s) URL %s', (link) => {
      const error = rejection(link);
      expect(error.message).toMatch(
        /URLs cannot be fetched by a transcription service: pass an http\(s\) link/,
      );
      expect(error.value).toBe(link);
    });

    it.each(['', 'not a url', 'drive.google.com/file/d/abc/view', '/relative/path.mp3', 'https://'])(
      'rejects the unparsable string %j',
      (link) => {
        const error = rejection(link);
        expect(error.message).toMatch(/Not an absolute URL/);
        expect(error.cause).toBeInstanceOf(TypeError);
      },
    );

    it('rejects values that are neither strings nor URLs', () => {
      expect(rejection(42 as unknown as string).message).toMatch(/Expected a URL string or a URL object/);
      expect(rejection(null as unknown as string).message).toMatch(/Expected a URL string or a URL object/);
    });

    it('never adds anything to the error beyond the link that was passed', () => {
      const link = 'https://www.dropbox.com/scl/fo/q1w2e3/Recordings?rlkey=secret&dl=0';
      const error = rejection(link);
      expect(error.value).toBe(link);
      expect(error.message).not.toContain('secret');
    });
  });
});
