/** A browser-like client of an in-process server: keeps the cookies it sets and sends an Origin. */
import type { AccountServer } from '../src/index.js';

export function cookieClient(target: () => AccountServer, origin: string) {
  let cookie = '';
  return async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    headers.set('Origin', origin);
    if (init.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    const response = await target().fetch(new Request(url, { ...init, headers }));
    const set = response.headers.getSetCookie();
    if (set.length) {
      const jar = new Map(cookie ? cookie.split('; ').map((c) => c.split('=') as [string, string]) : []);
      for (const line of set) {
        const [pair] = line.split(';');
        const [name, ...value] = (pair ?? '').split('=');
        if (name) jar.set(name, value.join('='));
      }
      cookie = [...jar].filter(([, v]) => v !== '').map(([k, v]) => `${k}=${v}`).join('; ');
    }
    return response;
  };
}
