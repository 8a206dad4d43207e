/** What a route handler receives. */
export interface RouteContext {
  /** The request, addressed to the provider's real URL. */
  readonly request: Request;
  /** The parsed request URL. */
  readonly url: URL;
  /** Path parameters by name (`:file_id` → `params.file_id`), percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
}

/** Answers one matched request. */
export type RouteHandler = (context: RouteContext) => Response | Promise<Response>;

/** One endpoint: a method, a path pattern and its handler. */
export interface Route {
  /** The HTTP method, upper case. */
  readonly method: string;
  /**
  The path, with `:name` for a parameter segment: `/v1/files/:file_id`.

  Matched segment by segment, so a trailing slash is significant: `/v1/balance/` does not match
  `/v1/balance`.
  */
  readonly path: string;
  /** True when the endpoint needs no API key (it is then never authenticated). */
  readonly public?: boolean;
  /** The handler. */
  readonly handler: RouteHandler;
}

/** How a provider answers what no route handles, and how it authenticates. */
export interface RouteTableOptions {
  /** The provider's answer to a path no route matches. */
  notFound(request: Request, url: URL): Response;
  /** The provider's answer to a known path with the wrong method. The table adds the `Allow` header. */
  methodNotAllowed(request: Request, url: URL, allowed: readonly string[]): Response;
  /** The provider's 401 when the request's key is missing or rejected, `undefined` when it may pass. */
  authenticate(request: Request): Response | undefined;
  /**
  True when the provider checks the key before routing (an API gateway in front of the service),
  so an unauthenticated request to an unknown path gets 401 rather than 404. Default false: the
  route is found first, as in a FastAPI app where auth is a dependency of each route.
  */
  readonly authenticateFirst?: boolean;
  /** The provider's 500, for a handler that threw. */
  internalError(error: unknown): Response;
}

/** A provider's endpoints, ready to answer requests. */
export interface RouteTable {
  /** Routes one request; never rejects. */
  handle(request: Request, url: URL): Promise<Response>;
}

interface CompiledRoute {
  readonly route: Route;
  readonly segments: readonly string[];
  /** Sort key: literal segments rank above parameters, position by position. */
  readonly rank: string;
}

/**
Builds a provider's route table.

When several patterns match a path, the one with literal segments earliest wins
(`/v1/files/count` over `/v1/files/:file_id`). A path that some route matches but none with the
request's method gets 405 with `Allow` listing the methods that would have matched; no route
answers `HEAD` or `OPTIONS` unless it is declared.
*/
export function createRouteTable(routes: readonly Route[], options: RouteTableOptions): RouteTable {
  const compiled = routes
    .map((route): CompiledRoute => {
      const segments = route.path.split('/');
      return { route, segments, rank: segments.map((segment) => (segment.startsWith(':') ? '1' : '0')).join('') };
    })
    .sort((left, right) => (left.rank < right.rank ? -1 : left.rank > right.rank ? 1 : 0));

  async function dispatch(request: Request, url: URL): Promise<Response> {
    if (options.authenticateFirst === true) {
      const refusal = options.authenticate(request);
      if (refusal !== undefined) {
        return refusal;
      }
    }
    const pathSegments = url.pathname.split('/');
    const allowed = new Set<string>();
    for (const { route, segments } of compiled) {
      const params = matchSegments(segments, pathSegments);
      if (params === undefined) {
        continue;
      }
      if (route.method !== request.method) {
        allowed.add(route.method);
        continue;
      }
      if (route.public !== true && options.authenticateFirst !== true) {
        const refusal = options.authenticate(request);
        if (refusal !== undefined) {
          return refusal;
        }
      }
      return await route.handler({ request, url, params });
    }
    if (allowed.size > 0) {
      const methods = [...allowed];
      const response = options.methodNotAllowed(request, url, methods);
      response.headers.set('allow', methods.join(', '));
      return response;
    }
    return options.notFound(request, url);
  }

  return {
    async handle(request, url) {
      try {
        return await dispatch(request, url);
      } catch (error) {
        // The provider's 500 hides the cause, as the real service would; the log keeps it.
        console.error('[scribekit sandbox] a route handler threw:', error);
        return options.internalError(error);
      }
    },
  };
}

function matchSegments(pattern: readonly string[], path: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== path.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const actual = path[index] ?? '';
    if (expected.startsWith(':')) {
      if (actual === '') {
        return undefined;
      }
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}
