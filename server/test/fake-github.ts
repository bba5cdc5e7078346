/**
 * GitHub's side of a sign-in or an account link, answered in the test: the code exchange
 * (`github.com/login/oauth/access_token`), the user (`api.github.com/user`) and their addresses
 * (`/user/emails`), with `fetch` stubbed for those two hosts only. Undo with `vi.unstubAllGlobals()`.
 */
import { vi } from 'vitest';

/** The GitHub account the fake signs in, read at each request (a test may switch it). */
export interface GitHubAccount {
  id: number;
  login: string;
  name: string;
  /** The verified primary address `/user/emails` lists. */
  email: string;
  avatarUrl?: string | null;
}

/** Stubs `fetch` for GitHub; returns the `host/path` of every GitHub request, and what each token exchange sent. */
export function fakeGitHub(account: () => GitHubAccount): { seen: string[]; exchanges: URLSearchParams[] } {
  const seen: string[] = [];
  const exchanges: URLSearchParams[] = [];
  const real = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== 'github.com' && url.hostname !== 'api.github.com') return real(input, init);
    seen.push(`${url.hostname}${url.pathname}`);
    const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    const { id, login, name, email, avatarUrl = null } = account();
    if (url.pathname === '/login/oauth/access_token') {
      exchanges.push(new URLSearchParams(String(init?.body)));
      return json({ access_token: 'gho_fake', token_type: 'bearer', scope: 'read:user,user:email' });
    }
    if (url.pathname === '/user') return json({ id, login, name, email: null, avatar_url: avatarUrl });
    if (url.pathname === '/user/emails') return json([{ email, primary: true, verified: true }]);
    return new Response('not found', { status: 404 });
  });
  return { seen, exchanges };
}
