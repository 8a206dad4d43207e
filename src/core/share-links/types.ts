/**
The service a link was recognised as.

`direct` means the URL was not a known sharing link and is used as it is.
*/
export type ShareLinkSource = 'google-drive' | 'dropbox' | 'onedrive' | 'direct';

/** What `resolveShareLink` turns a link into. */
export interface ResolvedShareLink {
  /** An http(s) URL that an anonymous GET can download the file from. */
  url: string;
  /** The service the link belongs to. */
  source: ShareLinkSource;
  /** The service's id for the file, when the link carries one. */
  fileId?: string;
}
