/**
 * Better Auth's JSON answers without the session token. The session lives in the HttpOnly cookie,
 * out of reach of the page's scripts; Better Auth also puts its token in the body of a sign-in
 * (`token`), of a sign-up, of the two-factor verification and of `/get-session` and
 * `/list-sessions` (`session.token`, each session's `token`), where any script on the page (an
 * injected one too) could read it and replay it from elsewhere. The browser never needs it: the
 * cookie carries the session, and the account API ends sessions by their id.
 */

/** Every `token` property, at any depth. */
function strip(value: unknown): { value: unknown; changed: boolean } {
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const out = strip(item);
      changed ||= out.changed;
      return out.value;
    });
    return { value: items, changed };
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === 'token') {
        changed = true;
        continue;
      }
      const inner = strip(item);
      changed ||= inner.changed;
      out[key] = inner.value;
    }
    return { value: out, changed };
  }
  return { value, changed: false };
}

/**
 * The answer's body read once, parsed as JSON (`null` when it is not), with the answer rebuilt
 * from the text read (same status and headers), to pass on in its place. Not `response.clone()`:
 * Node's fetch ties a cloned answer's stream to the original object and cancels it when that
 * object is garbage collected, so an answer passed on as `new Response(original.body, original)`
 * after a clone could arrive unreadable ("Body is unusable") whenever a collection ran first.
 */
export async function readJsonAnswer(response: Response): Promise<{ json: unknown; response: Response }> {
  if (response.body === null) return { json: null, response };
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { json, response: new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers }) };
}

/** The answer with no `token` in its JSON body; any other answer (a redirect, an empty body) as it was. */
export async function withoutSessionToken(response: Response): Promise<Response> {
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '')) return response;
  const read = await readJsonAnswer(response);
  if (read.json === null) return read.response;
  const { value, changed } = strip(read.json);
  if (!changed) return read.response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(value), { status: response.status, statusText: response.statusText, headers });
}

/**
 * `response` with one more `Set-Cookie` line: added in place, or, when its headers are
 * immutable, on a copy whose body is the text read (never a copy sharing the original's stream,
 * see `readJsonAnswer`).
 */
export async function withSetCookie(response: Response, line: string): Promise<Response> {
  try {
    response.headers.append('Set-Cookie', line);
    return response;
  } catch {
    const copy = new Response(response.body === null ? null : await response.arrayBuffer(), response);
    copy.headers.append('Set-Cookie', line);
    return copy;
  }
}
