/**
 * The demo pages on the reference server (`npm start`): what a host does around the elements
 * when a real backend answers — the REST client with the session cookie and the CSRF header,
 * signing out, and the development server's extras (its mailbox of mailed links, the in-app
 * notifications, "Reset demo data"). Host code: none of it is part of the library.
 */
import { RestAccountApi } from '../src/api/rest-client.js';

export const API_BASE = '/api/account';
export const SIGN_IN_PAGE = './sign-in.html';
const CSRF_COOKIE = 'dn-csrf';
const CSRF_HEADER = 'X-CSRF-Token';

/** The value of the readable cookie `name`, if the server set one. */
function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

/** The double-submit CSRF token: the server's readable cookie, sent back in a header. */
export const csrfToken = (): string | undefined => cookie(CSRF_COOKIE);

/** The client the provider uses: same-origin cookies, the CSRF header on every mutation. */
export function createServerApi(): RestAccountApi {
  return new RestAccountApi({ baseUrl: API_BASE, credentials: 'include', csrf: { header: CSRF_HEADER, getToken: csrfToken } });
}

/** A JSON POST with the CSRF header, for the routes outside the account API. */
export function post(path: string, body: unknown = {}): Promise<Response> {
  const token = csrfToken();
  return fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', ...(token && { [CSRF_HEADER]: token }) },
    body: JSON.stringify(body),
  });
}

/** Leaves for the sign-in page (a 401, a sign-out, a deleted account). */
export function goToSignIn(): void {
  location.assign(SIGN_IN_PAGE);
}

/** Better Auth's sign-out: ends this session on the server and clears its cookie. */
export async function signOut(): Promise<void> {
  await post('/api/auth/sign-out').catch(() => undefined);
  goToSignIn();
}

/** `POST /api/dev/reset-demo`: the demo user deleted and seeded again (development servers only). */
export async function resetDemoData(): Promise<void> {
  const response = await post('/api/dev/reset-demo');
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
}

// ——— The development mailbox: what the server would have mailed ———

export interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  createdAt: string;
}

/** The messages to `addresses`, newest first; none when the server has no mailbox (production). */
export async function readMailbox(addresses: readonly string[]): Promise<Mail[]> {
  const lists = await Promise.all(
    [...new Set(addresses.map((a) => a.toLowerCase()))].map(async (to) => {
      const response = await fetch(`/api/dev/mailbox?to=${encodeURIComponent(to)}`, { credentials: 'include' });
      if (!response.ok) return [];
      const { items } = (await response.json()) as { items?: Mail[] };
      return Array.isArray(items) ? items : [];
    }),
  );
  return lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The first link of a message, made relative to this origin when it points here. */
export function linkOf(mail: Mail): string | undefined {
  const found = /https?:\/\/\S+/.exec(mail.text)?.[0];
  if (!found) return undefined;
  try {
    const url = new URL(found);
    return url.origin === location.origin ? `${url.pathname}${url.search}` : url.href;
  } catch {
    return undefined;
  }
}

// ——— In-app notifications: GET /api/inbox, POST /api/inbox/read ———

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  items: InboxItem[];
  unread: number;
}

/** The server answered 404: it has no notifications, and is not asked again. */
let noInbox = false;

/** The user's notifications, or null when the server has none to give (404) or answers otherwise. */
export async function readInbox(): Promise<Inbox | null> {
  if (noInbox) return null;
  try {
    const response = await fetch('/api/inbox', { credentials: 'include', headers: { Accept: 'application/json' } });
    if (response.status === 404) noInbox = true;
    if (!response.ok) return null;
    const inbox = (await response.json()) as Partial<Inbox>;
    if (!Array.isArray(inbox.items)) return null;
    return { items: inbox.items, unread: typeof inbox.unread === 'number' ? inbox.unread : inbox.items.filter((i) => !i.readAt).length };
  } catch {
    return null;
  }
}

/** Marks `ids` read. */
export async function markInboxRead(ids: readonly string[]): Promise<void> {
  if (ids.length) await post('/api/inbox/read', { ids }).catch(() => undefined);
}
