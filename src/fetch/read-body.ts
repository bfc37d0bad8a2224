// Statuses whose Response may not carry a body (the Response constructor throws otherwise).
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * The response with its body read to the end, as a new Response over the bytes (same status,
 * status text, headers and url).
 *
 * Why: openapi-fetch reads the body after `fetch()` resolves, outside every fetch layer, so a
 * connection that died mid-body surfaced as a raw `TypeError: terminated` that no layer could
 * map, retry or time out. Read here, inside the attempt, a body-read failure is just another
 * failure of the attempt. Altegio's answers are JSON pages and small PDFs, so holding one
 * whole body is what openapi-fetch did anyway.
 *
 * @example
 * const whole = await readBody(await fetch(request));
 */
export async function readBody(response: Response, method: string): Promise<Response> {
  const empty = NULL_BODY.has(response.status) || method === "HEAD" || response.body === null;
  const bytes = empty ? null : await response.arrayBuffer();
  if (empty) await response.body?.cancel();
  const copy = new Response(bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // A constructed Response has url ""; errors and redirects need the real one.
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}
