import * as v from 'valibot';
import type { HttpClient } from '../../http/index.js';
import { validateArguments } from '../shared/validate-arguments.js';
import { SoferAILinkSchema, SoferAISiteSchema, type SoferAILink, type SoferAISite } from './soferai-api.js';
import type { SoferAICallOptions } from './soferai-ids.js';
import { SoferAIUrlSchema } from './soferai-options.js';

/** `soferai.link`: resolve lecture pages (YUTorah, TorahAnytime, …) to direct media URLs. Public: no key needed. */
export interface SoferAILinks {
  /**
  Resolves a lecture page on a supported site to its media file. `ApiCallError` 400 for a site
  SoferAI does not support, 404 when the page has no media, 500 when extraction failed.
  */
  extract(url: string, options?: SoferAICallOptions): Promise<SoferAILink>;
  /** The sites `extract` understands; read it rather than hard-coding the list. */
  getSupportedSites(options?: SoferAICallOptions): Promise<SoferAISite[]>;
}

/** Builds the `link` namespace on an HTTP client. */
export function createSoferAILinks(http: HttpClient): SoferAILinks {
  return {
    async extract(url, options = {}) {
      const pageUrl = validateArguments(SoferAIUrlSchema, url, 'url');
      return http.json(
        { method: 'POST', path: 'v1/link/extract', json: { url: pageUrl }, signal: options.signal },
        SoferAILinkSchema,
      );
    },
    async getSupportedSites(options = {}) {
      return http.json(
        { method: 'GET', path: 'v1/link/sites', signal: options.signal },
        v.array(SoferAISiteSchema),
      );
    },
  };
}
