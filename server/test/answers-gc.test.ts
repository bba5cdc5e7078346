/**
 * Answers stay readable whatever the garbage collector does meanwhile. Node's fetch cancels the
 * stream of a cloned answer once the original object is collected, so an answer read through a
 * clone and passed on as `new Response(original.body, original)` arrived unreadable ("Body is
 * unusable") whenever a collection ran in between — a wrong password's answer, in a test that
 * failed one run in four. Here collections are forced between the answer and its reading.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonAnswer, withoutSessionToken, withSetCookie } from '../src/auth-answers.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { testStorage } from './storage.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Several collections, with turns of the event loop between them (finalizers run after one). */
async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ORIGIN = 'http://localhost:8787';
const email = 'collected@northwind-calls.example';
const password = 'Collected#Pass-2026';
let server: AccountServer;

beforeAll(async () => {
  server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, rateLimits: 'off' });
  await server.auth.api.signUpEmail({ body: { email, password, name: 'Collected' } });
});

afterAll(async () => {
  await server?.close();
});

const signIn = (secret: string) =>
  server.fetch(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/127.0' },
      body: JSON.stringify({ email, password: secret }),
    }),
  );

describe('answers after a garbage collection', () => {
  it('a wrong password, and a sign-in with its new-device and CSRF cookies, read whole', async () => {
    const wrong = await signIn('not-the-password');
    const right = await signIn(password);
    await collect();
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: expect.any(String) });
    expect(right.status).toBe(200);
    expect(right.headers.getSetCookie().some((line) => line.startsWith('dn-csrf='))).toBe(true);
    expect(await right.json()).toMatchObject({ user: { email } });
  });

  it('the helpers pass an answer on readable, with its status and every cookie', async () => {
    const make = () =>
      new Response(JSON.stringify({ token: 'secret', user: { id: 'u1' } }), { status: 200, headers: { 'Content-Type': 'application/json', 'Set-Cookie': 'a=1' } });
    const stripped = await withSetCookie(await withoutSessionToken(make()), 'b=2');
    const { json, response } = await readJsonAnswer(make());
    const passed = await withSetCookie(response, 'c=3');
    await collect();
    expect(await stripped.json()).toEqual({ user: { id: 'u1' } });
    expect(stripped.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(json).toEqual({ token: 'secret', user: { id: 'u1' } });
    expect(passed.status).toBe(200);
    expect(passed.headers.getSetCookie()).toEqual(['a=1', 'c=3']);
    expect(await passed.json()).toEqual(json);
  });

  it('an answer that is not JSON is passed on as it was, its text whole', async () => {
    const { json, response } = await readJsonAnswer(new Response('plain words', { status: 502 }));
    await collect();
    expect(json).toBeNull();
    expect(response.status).toBe(502);
    expect(await response.text()).toBe('plain words');
  });
});
