const secretParameter = /key|token|secret|signature|sig|auth|password|credential/i;

/**
Returns `url` with the values of secret-looking query parameters replaced by `REDACTED`, for
error messages and logs. Presigned upload URLs carry their signature in the query string.
*/
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\?.*$/, '');
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (secretParameter.test(name)) parsed.searchParams.set(name, 'REDACTED');
  }
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
