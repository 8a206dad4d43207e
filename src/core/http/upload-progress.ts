/** How much of a request body has been sent. */
export interface UploadProgress {
  /** Bytes sent so far. */
  loadedBytes: number;
  /** The body's size, when known. */
  totalBytes: number | undefined;
}

/**
The name of the `RequestInit` field through which scribekit hands an upload-progress callback to
the `fetch` it was given. `fetch` itself cannot report upload progress on HTTP/1.1, so a `fetch`
that can (the XMLHttpRequest-based one the elements use) reads this field; any other `fetch`
ignores it, and the client reports progress only when the upload completes.
*/
export const uploadProgressField = 'scribeUploadProgress';

/** A `RequestInit` as scribekit passes it to an injected `fetch`. */
export interface ScribeRequestInit extends RequestInit {
  [uploadProgressField]?: (progress: UploadProgress) => void;
}
