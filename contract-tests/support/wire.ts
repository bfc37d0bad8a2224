/**
 * A fetch that records every exchange and otherwise does nothing: the client under test builds
 * and sends the real request (its own Accept and Authorization headers included); this only
 * keeps a copy of what went over the wire and of the raw response body, which openapi-fetch
 * consumes before we could read it.
 */

/**
 * Each test request goes on a new connection (`Connection: close`, not recorded): Prism closes
 * idle keep-alive sockets after 5 s, and on a loaded machine a reused socket can be closed just
 * as a request goes out ("other side closed"), which fails a POST that is rightly never retried.
 */
export const NO_KEEP_ALIVE = "close";

export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Headers;
  requestBody: string | undefined;
  status: number;
  responseHeaders: Headers;
  responseBody: string;
}

export function recordingFetch(log: Exchange[], inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const req = new Request(input, init);
    const requestBody = req.body ? await req.clone().text() : undefined;
    const requestHeaders = new Headers(req.headers);
    req.headers.set("connection", NO_KEEP_ALIVE);
    const res = await inner(req);
    const responseBody = await res.clone().text();
    log.push({
      method: req.method,
      url: req.url,
      requestHeaders,
      requestBody,
      status: res.status,
      responseHeaders: new Headers(res.headers),
      responseBody,
    });
    return res;
  };
}

/** Prism's `sl-violations` header, parsed (it is a JSON array). */
export function violations(headers: Headers): unknown[] {
  const raw = headers.get("sl-violations");
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    return [raw];
  }
}
