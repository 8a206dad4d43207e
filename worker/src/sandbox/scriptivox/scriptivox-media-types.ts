/**
The 25 formats `POST /v1/upload` accepts, by extension, with the `Content-Type` the presigned URL
is signed for (reference/scriptivox.md §10).
*/
export const SCRIPTIVOX_MEDIA_TYPES: Readonly<Record<string, string>> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  wma: 'audio/x-ms-wma',
  aiff: 'audio/aiff',
  opus: 'audio/opus',
  caf: 'audio/x-caf',
  mp4: 'video/mp4',
  f4v: 'video/mp4',
  mov: 'video/quicktime',
  avi: 'video/x-msvideo',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  wmv: 'video/x-ms-wmv',
  flv: 'video/x-flv',
  m4v: 'video/x-m4v',
  '3gp': 'video/3gpp',
  mpeg: 'video/mpeg',
  vob: 'video/mpeg',
  mts: 'video/mp2t',
  ts: 'video/mp2t',
  ogv: 'video/ogg',
};

/** The `Content-Type` of a file name's extension, or `undefined` for a format Scriptivox refuses. */
export function mediaTypeOf(filename: string): string | undefined {
  const extension = /\.([^./\\]+)$/.exec(filename)?.[1]?.toLowerCase();
  return extension !== undefined && Object.hasOwn(SCRIPTIVOX_MEDIA_TYPES, extension)
    ? SCRIPTIVOX_MEDIA_TYPES[extension]
    : undefined;
}
