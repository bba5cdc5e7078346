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

/** The answer with no `token` in its JSON body; any other answer (a redirect, an empty body) as it was. */
export async function withoutSessionToken(response: Response): Promise<Response> {
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '')) return response;
  let body: unknown;
  try {
    body = await response.clone().json();
  } catch {
    return response;
  }
  const { value, changed } = strip(body);
  if (!changed) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(value), { status: response.status, statusText: response.statusText, headers });
}
