/**
Whether `file` matches an `accept` list as `<input type="file">` reads it: comma-separated MIME
types (`audio/mpeg`), wildcards (`audio/*`) and extensions (`.m4a`). An empty list accepts
anything. A file the browser gives no type (some do for `.opus` or `.mkv`) cannot be judged by a
MIME pattern, so it passes them; the provider has the last word.
*/
export function acceptsFile(file: { name: string; type: string }, accept: string): boolean {
  const patterns = accept
    .split(',')
    .map((pattern) => pattern.trim().toLowerCase())
    .filter((pattern) => pattern !== '');
  if (patterns.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase().split(';')[0]?.trim() ?? '';
  return patterns.some((pattern) => {
    if (pattern.startsWith('.')) return name.endsWith(pattern);
    if (type === '') return true;
    if (pattern.endsWith('/*')) return type.startsWith(pattern.slice(0, -1));
    return type === pattern;
  });
}
