import { hasAscii, readUint8 } from '../byte-fields.js';

// A file with more stacked tags than this is not worth reading on.
const maximumTags = 8;

/**
The offset just past the ID3v2 tags that start at `offset`, or `offset` itself when there are none.

The result can lie beyond `bytes` when a tag (cover art, say) is longer than the bytes given.
*/
export function skipId3v2(bytes: Uint8Array, offset = 0): number {
  let position = offset;
  for (let tag = 0; tag < maximumTags; tag++) {
    const size = id3v2TagSize(bytes, position);
    if (size === undefined) break;
    position += size;
  }
  return position;
}

function id3v2TagSize(bytes: Uint8Array, offset: number): number | undefined {
  // ID3v2.4.0 §3.1: "ID3", version (never 0xFF), flags, then a 28-bit synchsafe size that counts
  // neither the 10-byte header nor the optional 10-byte footer (flag bit 4).
  if (!hasAscii(bytes, offset, 'ID3')) return undefined;
  const major = readUint8(bytes, offset + 3);
  const revision = readUint8(bytes, offset + 4);
  const flags = readUint8(bytes, offset + 5);
  if (major === undefined || revision === undefined || flags === undefined) return undefined;
  if (major === 0xff || revision === 0xff) return undefined;
  let size = 0;
  for (let index = 6; index < 10; index++) {
    const byte = readUint8(bytes, offset + index);
    if (byte === undefined || byte >= 0x80) return undefined;
    size = size * 128 + byte;
  }
  return 10 + size + (flags & 0x10 ? 10 : 0);
}
