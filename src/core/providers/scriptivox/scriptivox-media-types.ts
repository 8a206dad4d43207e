/**
The 25 formats Scriptivox accepts, by file extension, with the MIME type its own MCP client puts
on the upload when the server names none (reference/scriptivox.md §10).
*/
export const scriptivoxMediaTypes: Readonly<Record<string, string>> = {
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

/** The MIME type of a file name's extension, or `undefined` when Scriptivox does not take it. */
export function scriptivoxMediaType(filename: string): string | undefined {
  const extension = /\.([^./\\]+)$/.exec(filename)?.[1]?.toLowerCase();
  return extension !== undefined && Object.hasOwn(scriptivoxMediaTypes, extension)
    ? scriptivoxMediaTypes[extension]
    : undefined;
}
