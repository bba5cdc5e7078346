/**
 * A browser-like client of an in-process server: keeps the cookies it sets, sends an Origin,
 * and sends the `dn-csrf` cookie back as `X-CSRF-Token` on mutations, as a host page configured
 * with the elements' `csrf: { header, getToken }` option does.
 */
import type { AccountServer } from '../src/index.js';

export function cookieClient(target: () => AccountServer, origin: string) {
  let cookie = '';
  const jar = (): Map<string, string> => new Map(cookie ? cookie.split('; ').map((c) => c.split('=') as [string, string]) : []);
  return async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    headers.set('Origin', origin);
    if (init.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    const token = jar().get('dn-csrf');
    if (token && (init.method ?? 'GET') !== 'GET' && !headers.has('X-CSRF-Token')) headers.set('X-CSRF-Token', token);
    const response = await target().fetch(new Request(url, { ...init, headers }));
    const set = response.headers.getSetCookie();
    if (set.length) {
      const kept = jar();
      for (const line of set) {
        const [pair] = line.split(';');
        const [name, ...value] = (pair ?? '').split('=');
        if (name) kept.set(name, value.join('='));
      }
      cookie = [...kept].filter(([, v]) => v !== '').map(([k, v]) => `${k}=${v}`).join('; ');
    }
    return response;
  };
}
