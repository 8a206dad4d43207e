import { jsonResponse } from '../shared/json-response.js';
import type { Route } from '../shared/route-table.js';
import { soferaiErrors } from './soferai-errors.js';
import { checkString, INVALID, Issues, readJsonObject, requirePresent } from './soferai-validation.js';

/** Where the sandbox says extracted media lives: a host that resolves nowhere (RFC 2606 `.invalid`). */
export const SOFERAI_SANDBOX_MEDIA_HOST = 'media.scribekit-sandbox.invalid';

/** A site the sandbox's link extraction understands. */
interface SandboxSite {
  /** As `GET /v1/link/sites` lists it. */
  readonly name: string;
  readonly url: string;
  /** Lower-case hosts, without `www.`. */
  readonly hosts: readonly string[];
  /** The lecture id of a page URL, or `undefined` when the page is not a lecture. */
  lectureId(url: URL): string | undefined;
}

// Names, home pages and page shapes of three of torah-dl's extractors, which the Link API fronts
// (reference/soferai.md §2.4, §3.8; SoferAi/torah-dl `src/torah_dl/core/extractors/`).
const sites: readonly SandboxSite[] = [
  {
    name: 'YUTorah',
    url: 'https://yutorah.org',
    hosts: ['yutorah.org'],
    // /lectures/1116616/Slug, /lectures/lecture.cfm/948110, /lectures/details?shiurID=1187082
    lectureId: (url) =>
      /^\/lectures\/(?:lecture\.cfm\/)?(\d+)(?:\/|$)/.exec(url.pathname)?.[1] ??
      (url.pathname === '/lectures/details' ? (url.searchParams.get('shiurID') ?? undefined) : undefined),
  },
  {
    name: 'TorahAnytime',
    url: 'https://torahanytime.com',
    hosts: ['torahanytime.com', 'mytat.me'],
    // /lectures/335042, /lectures?v=335042, /#/lectures?v=335042
    lectureId: (url) =>
      /^\/lectures\/(\d+)\/?$/.exec(url.pathname)?.[1] ??
      (url.pathname === '/lectures' ? (url.searchParams.get('v') ?? undefined) : undefined) ??
      /^#\/lectures\?v=(\d+)/.exec(url.hash)?.[1],
  },
  {
    name: 'OU Torah',
    url: 'https://outorah.org',
    hosts: ['outorah.org'],
    // /p/212365
    lectureId: (url) => /^\/p\/(\d+)\/?$/.exec(url.pathname)?.[1],
  },
];

/**
`GET /v1/link/sites` and `POST /v1/link/extract`, both public. Extraction resolves a lecture page
of a listed site, without fetching it, to an MP3 on {@link SOFERAI_SANDBOX_MEDIA_HOST} named
after the lecture id: 400 `LinkNotSupported` for another site, 404 `LinkNotFound` for a page that
is not a lecture or a lecture id of zeros (torah-dl's own "invalid link" example).
*/
export function soferaiLinkRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/link/sites',
      public: true,
      handler: () => jsonResponse(sites.map((site) => ({ name: site.name, url: site.url }))),
    },
    {
      method: 'POST',
      path: '/v1/link/extract',
      public: true,
      handler: async ({ request }) => {
        const read = await readJsonObject(request);
        if (!read.ok) return read.response;
        const issues = new Issues();
        const raw = requirePresent(read.body, 'url', ['body'], issues)
          ? checkString(read.body['url'], ['body', 'url'], issues)
          : INVALID;
        if (typeof raw !== 'string') return issues.response();
        let url: URL;
        try {
          url = new URL(raw);
        } catch {
          return soferaiErrors.linkNotSupported();
        }
        const host = url.hostname.toLowerCase().replace(/^www\./, '');
        const site = sites.find((candidate) => candidate.hosts.includes(host));
        if (site === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
          return soferaiErrors.linkNotSupported();
        }
        const id = site.lectureId(url);
        if (id === undefined || !/^\d+$/.test(id) || /^0+$/.test(id)) return soferaiErrors.linkNotFound();
        const slug = site.name.toLowerCase().replace(/[^a-z]/g, '');
        const fileName = `${id}.mp3`;
        return jsonResponse({
          title: `Sandbox lecture ${id} (${site.name})`,
          download_url: `https://${SOFERAI_SANDBOX_MEDIA_HOST}/${slug}/${fileName}`,
          file_format: 'audio/mp3',
          file_name: fileName,
        });
      },
    },
  ];
}
