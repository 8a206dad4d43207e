// Bounds-checked field readers for the format parsers. Each returns `undefined` instead of
// throwing when the field does not fit in `bytes`, so a truncated or corrupt header becomes
// "unknown" rather than a RangeError.

function view(bytes: Uint8Array, offset: number, length: number): DataView | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset + length > bytes.length) return undefined;
  return new DataView(bytes.buffer, bytes.byteOffset + offset, length);
}

/** The unsigned byte at `offset`, or `undefined` past the end. */
export function readUint8(bytes: Uint8Array, offset: number): number | undefined {
  return view(bytes, offset, 1)?.getUint8(0);
}

/** The big-endian unsigned 16-bit integer at `offset`, or `undefined` past the end. */
export function readUint16BE(bytes: Uint8Array, offset: number): number | undefined {
  return view(bytes, offset, 2)?.getUint16(0);
}

/** The little-endian unsigned 16-bit integer at `offset`, or `undefined` past the end. */
export function readUint16LE(bytes: Uint8Array, offset: number): number | undefined {
  return view(bytes, offset, 2)?.getUint16(0, true);
}

/** The big-endian unsigned 32-bit integer at `offset`, or `undefined` past the end. */
export function readUint32BE(bytes: Uint8Array, offset: number): number | undefined {
  return view(bytes, offset, 4)?.getUint32(0);
}

/** The little-endian unsigned 32-bit integer at `offset`, or `undefined` past the end. */
export function readUint32LE(bytes: Uint8Array, offset: number): number | undefined {
  return view(bytes, offset, 4)?.getUint32(0, true);
}

/**
The big-endian unsigned 64-bit integer at `offset` as a number, or `undefined` past the end.

Values above 2^53 lose precision, which no duration or size in a real file reaches.
*/
export function readUint64BE(bytes: Uint8Array, offset: number): number | undefined {
  const fields = view(bytes, offset, 8);
  return fields === undefined ? undefined : fields.getUint32(0) * 2 ** 32 + fields.getUint32(4);
}

/** The little-endian unsigned 64-bit integer at `offset` as a number, or `undefined` past the end. */
export function readUint64LE(bytes: Uint8Array, offset: number): number | undefined {
  const fields = view(bytes, offset, 8);
  return fields === undefined ? undefined : fields.getUint32(4, true) * 2 ** 32 + fields.getUint32(0, true);
}

/** The `length` bytes at `offset` as Latin-1 text (a four-character code, a magic string), or `undefined` past the end. */
export function readAscii(bytes: Uint8Array, offset: number, length: number): string | undefined {
  if (view(bytes, offset, length) === undefined) return undefined;
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

/** Whether the bytes at `offset` spell `magic` (Latin-1). */
export function hasAscii(bytes: Uint8Array, offset: number, magic: string): boolean {
  return readAscii(bytes, offset, magic.length) === magic;
}
