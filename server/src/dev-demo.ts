/**
 * Development only (mounted when the server runs in development, never with
 * NODE_ENV=production): `POST /api/dev/reset-demo` deletes the demo user and seeds it again,
 * for the demo's "Reset demo data". It answers `{ reset: true }`; the browser that asked is
 * signed out with everyone else (its session went with the user).
 *
 * `POST /api/dev/expire-reauth` (also development only, with or without the demo seed) closes the
 * calling session's re-authentication window: its sign-in time moves back past the window and
 * its last "Confirm it's you" is forgotten, so the next sensitive request asks for one — how the
 * end-to-end test reaches that dialog without waiting ten minutes. It only takes from the caller
 * what a wait would: it opens nothing, and acts on no other session. Answers `{ expired: true }`,
 * 401 without a session.
 */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Auth } from './auth.js';
import { REAUTH_WINDOW_MS } from './account.js';
import { HttpProblem, unauthorized } from './problem.js';
import type { Database } from './schema.js';
import { resetDemoUser } from './seed.js';

export const DEV_RESET_DEMO_PATH = '/api/dev/reset-demo';
export const DEV_EXPIRE_REAUTH_PATH = '/api/dev/expire-reauth';

/** A JSON body only: a page on another site cannot send one without the browser asking first (CORS). */
function notJson(content: string | undefined): Response | undefined {
  if ((content ?? '').startsWith('application/json')) return undefined;
  return new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', 'Send the request as application/json.').toResponse();
}

export function devDemoRoutes(app: Hono, { auth, db, full }: { auth: Auth; db: Kysely<Database>; full: boolean }): void {
  app.post(DEV_RESET_DEMO_PATH, async (c) => {
    const refused = notJson(c.req.header('content-type'));
    if (refused) return refused;
    const signed = await auth.api.getSession({ headers: c.req.raw.headers });
    await resetDemoUser(auth, db, { full, alsoUserId: signed?.user.id });
    return c.json({ reset: true });
  });
}

export function devReauthRoutes(app: Hono, { auth, db, now }: { auth: Auth; db: Kysely<Database>; now: () => Date }): void {
  app.post(DEV_EXPIRE_REAUTH_PATH, async (c) => {
    const refused = notJson(c.req.header('content-type'));
    if (refused) return refused;
    const signed = await auth.api.getSession({ headers: c.req.raw.headers });
    if (!signed) return unauthorized().toResponse();
    // A minute past the window's end, so no clock skew between here and the check reopens it.
    const before = new Date(now().getTime() - REAUTH_WINDOW_MS - 60_000);
    const createdAt = new Date(signed.session.createdAt);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('session').set({ createdAt: createdAt < before ? createdAt : before }).where('id', '=', signed.session.id).execute();
      await trx.deleteFrom('dn_reauth').where('session_id', '=', signed.session.id).execute();
    });
    return c.json({ expired: true });
  });
}
