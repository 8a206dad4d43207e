import { audioContainers, type AudioContainer } from './audio-container.js';
import { hasAscii, readAscii } from './byte-fields.js';
import { parseAdtsHeader } from './formats/adts.js';
import { skipId3v2 } from './formats/id3v2.js';
import { readEbmlDocType } from './formats/matroska.js';
import { findMpegAudioFrame } from './formats/mp3.js';
import { oggCodec } from './formats/ogg.js';

/**
Recognizes an audio container from its first bytes (magic numbers), with the MIME type and file
extension to upload it under.

Pass at least the first few kilobytes: WAV, FLAC, Ogg, WebM/Matroska and MP4 need only their
first 64 bytes, but an MP3 or ADTS stream is checked against its second frame, and a leading
ID3v2 tag is skipped. Ogg is `opus` when its first packet is an Opus header, `ogg` otherwise
(Vorbis, or another codec). WebM and Matroska are told apart by the EBML DocType. When an ID3v2
tag runs past the bytes given, the stream is assumed to be MP3, the usual case. Returns
`undefined` for anything else, including empty input.

@example
```ts
import { sniffContainer } from 'scribekit';

const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
sniffContainer(head); // { format: 'mp3', mimeType: 'audio/mpeg', extension: 'mp3' }
```
*/
export function sniffContainer(bytes: Uint8Array): AudioContainer | undefined {
  const start = skipId3v2(bytes);
  if (start > 0) return sniffAfterId3v2(bytes, start);
  const riff = readAscii(bytes, 0, 4);
  if ((riff === 'RIFF' || riff === 'RF64' || riff === 'BW64') && hasAscii(bytes, 8, 'WAVE')) {
    return audioContainers.wav;
  }
  if (hasAscii(bytes, 0, 'fLaC')) return audioContainers.flac;
  if (hasAscii(bytes, 0, 'OggS'))
    return oggCodec(bytes) === 'opus' ? audioContainers.opus : audioContainers.ogg;
  if (hasAscii(bytes, 0, '\x1a\x45\xdf\xa3')) {
    return readEbmlDocType(bytes) === 'webm' ? audioContainers.webm : audioContainers.matroska;
  }
  // ISO/IEC 14496-12 §4.3: a file starts with its "ftyp" box; old QuickTime files may start with "moov".
  const box = readAscii(bytes, 4, 4);
  if (box === 'ftyp' || box === 'moov') return audioContainers.mp4;
  if (isAdtsStream(bytes, 0)) return audioContainers.aac;
  if (findMpegAudioFrame(bytes, 0, 1) !== undefined) return audioContainers.mp3;
  return undefined;
}

function sniffAfterId3v2(bytes: Uint8Array, start: number): AudioContainer {
  if (hasAscii(bytes, start, 'fLaC')) return audioContainers.flac;
  if (isAdtsStream(bytes, start)) return audioContainers.aac;
  // An ID3v2 tag nearly always heads an MP3, even when no frame follows within the bytes given.
  return audioContainers.mp3;
}

function isAdtsStream(bytes: Uint8Array, offset: number): boolean {
  const first = parseAdtsHeader(bytes, offset);
  if (first === undefined) return false;
  const next = offset + first.frameLength;
  // A lone frame header could be chance; a second one where the first says it ends is not.
  return next + 7 > bytes.length || parseAdtsHeader(bytes, next) !== undefined;
}
