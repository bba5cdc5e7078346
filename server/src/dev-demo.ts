/**
 * Development only (mounted when the server runs in development, never with
 * NODE_ENV=production): `POST /api/dev/reset-demo` deletes the demo user and seeds it again,
 * for the demo's "Reset demo data". It answers `{ reset: true }`; the browser that asked is
 * signed out with everyone else (its session went with the user).
 */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Auth } from './auth.js';
import { HttpProblem } from './problem.js';
import type { Database } from './schema.js';
import { resetDemoUser } from './seed.js';

export const DEV_RESET_DEMO_PATH = '/api/dev/reset-demo';

export function devDemoRoutes(app: Hono, { auth, db, full }: { auth: Auth; db: Kysely<Database>; full: boolean }): void {
  app.post(DEV_RESET_DEMO_PATH, async (c) => {
    // A JSON body only: a page on another site cannot send one without the browser asking first (CORS).
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) {
      return new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', 'Send the request as application/json.').toResponse();
    }
    const signed = await auth.api.getSession({ headers: c.req.raw.headers });
    await resetDemoUser(auth, db, { full, alsoUserId: signed?.user.id });
    return c.json({ reset: true });
  });
}
