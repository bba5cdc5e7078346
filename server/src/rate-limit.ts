/**
 * Rate limits kept in the database (`dn_rate_limit`), so every instance sharing a PostgreSQL
 * counts the same attempts. A fixed window per key: the first attempt opens it, each attempt
 * adds one in a single `INSERT … ON CONFLICT DO UPDATE` (atomic per row), and once the count
 * passes the rule's maximum the request is refused with `429 rate-limited` and `Retry-After`
 * (the seconds until the window ends) until the window ends.
 *
 * Rules that limit guessing (a password, a code) count failures only: the attempt is taken
 * before it is checked and given back when it succeeds, so concurrent guesses cannot slip past
 * the limit and a user who keeps getting it right is never slowed down.
 */
import { sql, type Kysely } from 'kysely';
import { HttpProblem } from './problem.js';
import type { Database } from './schema.js';

export interface RateLimitTable {
  key: string;
  count: number;
  reset_at: Date | string;
}

declare module './schema.js' {
  interface Database {
    dn_rate_limit: RateLimitTable;
  }
}

/** A limit: at most `max` attempts in `windowSeconds`. */
export interface RateRule {
  max: number;
  windowSeconds: number;
}

/** The limited actions, each with its key (per user, per address or per IP). */
export const RATE_RULES = {
  /**
   * Wrong passwords at sign-in, per account (the address typed) from one client address: a
   * guesser from one place is stopped without locking the user out from their own.
   */
  'sign-in': { max: 10, windowSeconds: 15 * 60 },
  /** Wrong passwords at sign-in, per account from all client addresses (guesses spread over many). */
  'sign-in-account': { max: 50, windowSeconds: 15 * 60 },
  /** Wrong passwords at sign-in, per client address (many accounts tried from one place). */
  'sign-in-ip': { max: 30, windowSeconds: 15 * 60 },
  /** Sign-ups, per client address: each one that succeeds creates an account. */
  'sign-up-ip': { max: 10, windowSeconds: 60 * 60 },
  /** Reset links requested, per address asked for (known or not: the answer stays the same). */
  'password-reset': { max: 5, windowSeconds: 60 * 60 },
  /** Reset links requested, per client address. */
  'password-reset-ip': { max: 20, windowSeconds: 60 * 60 },
  /** Wrong codes at the sign-in 2FA step, per user. */
  'two-factor-challenge': { max: 5, windowSeconds: 15 * 60 },
  /** Wrong passwords or codes confirming identity (/reauth, turning 2FA off, new backup codes, password change, deletion), per user. */
  reauth: { max: 10, windowSeconds: 15 * 60 },
  /** Wrong codes finishing 2FA setup, per user. */
  'two-factor-setup': { max: 5, windowSeconds: 15 * 60 },
  /** 2FA setups started, per user. */
  'two-factor-setup-start': { max: 10, windowSeconds: 60 * 60 },
  /** Email-change links sent (request and resend), per user. */
  'email-change': { max: 10, windowSeconds: 60 * 60 },
  /** Avatar uploads, per user: each is decoded in full, which costs the process up to about 2 s. */
  'avatar-upload': { max: 30, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateRule>;

export type RateRuleName = keyof typeof RATE_RULES;

/** `off`, or rules overriding the defaults. */
export type RateLimitConfig = 'off' | Partial<Record<RateRuleName, RateRule>>;

/**
 * `RATE_LIMIT`: `off`, or comma-separated `rule=max/seconds` overrides
 * (`sign-in=5/900,email-change=3/3600`). Throws on anything else, naming the rule.
 */
export function parseRateLimits(value: string | undefined): RateLimitConfig {
  if (!value?.trim()) return {};
  if (value.trim().toLowerCase() === 'off') return 'off';
  const out: Partial<Record<RateRuleName, RateRule>> = {};
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z-]+)=(\d+)\/(\d+)$/.exec(part);
    if (!match || !(match[1]! in RATE_RULES) || Number(match[2]) < 1 || Number(match[3]) < 1) {
      throw new Error(`RATE_LIMIT: "${part}" is not rule=max/seconds with a rule of ${Object.keys(RATE_RULES).join(', ')}`);
    }
    out[match[1] as RateRuleName] = { max: Number(match[2]), windowSeconds: Number(match[3]) };
  }
  return out;
}

export const rateLimited = (retryAfter: number): HttpProblem =>
  new HttpProblem(429, 'rate-limited', 'Too many attempts', `Too many attempts. Try again in ${retryAfter < 120 ? `${retryAfter} seconds` : `${Math.ceil(retryAfter / 60)} minutes`}.`, {
    retryAfter,
  });

/** The row's key; what a client typed (an address at sign-in) is cut to a bounded length. */
const keyOf = (rule: RateRuleName, key: string): string => `${rule}:${key.slice(0, 320)}`;

/** Stale rows are swept at most this often per process. */
const SWEEP_MS = 60_000;

export class RateLimiter {
  readonly #db: Kysely<Database>;
  readonly #rules: Record<RateRuleName, RateRule> | null;
  readonly #now: () => Date;
  #sweptAt = 0;

  constructor(db: Kysely<Database>, config: RateLimitConfig = {}, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#rules = config === 'off' ? null : { ...RATE_RULES, ...config };
    this.#now = now;
  }

  get enabled(): boolean {
    return this.#rules !== null;
  }

  /**
   * Counts one attempt of `rule` for `key`; throws `429 rate-limited` (with `Retry-After`) when
   * the window already holds the rule's maximum. The refused attempt counts too, so hammering
   * a limited key does not let anything through.
   */
  async take(rule: RateRuleName, key: string): Promise<void> {
    const limit = this.#rules?.[rule];
    if (!limit) return;
    const now = this.#now();
    const resetAt = new Date(now.getTime() + limit.windowSeconds * 1000);
    const id = keyOf(rule, key);
    const row = await sql<{ count: number; reset_at: Date | string }>`
      insert into dn_rate_limit (key, count, reset_at) values (${id}, 1, ${resetAt})
      on conflict (key) do update set
        count = case when dn_rate_limit.reset_at <= ${now} then 1 else dn_rate_limit.count + 1 end,
        reset_at = case when dn_rate_limit.reset_at <= ${now} then excluded.reset_at else dn_rate_limit.reset_at end
      returning count, reset_at`.execute(this.#db);
    const counted = row.rows[0];
    await this.#sweep(now);
    if (counted && Number(counted.count) > limit.max) {
      throw rateLimited(Math.max(1, Math.ceil((new Date(counted.reset_at).getTime() - now.getTime()) / 1000)));
    }
  }

  /** Gives back an attempt taken by `take` that succeeded (rules that count failures only). */
  async giveBack(rule: RateRuleName, key: string): Promise<void> {
    if (!this.#rules?.[rule]) return;
    await this.#db
      .updateTable('dn_rate_limit')
      .set((eb) => ({ count: eb('count', '-', 1) }))
      .where('key', '=', keyOf(rule, key))
      .where('count', '>', 0)
      .where('reset_at', '>', this.#now())
      .execute();
  }

  /** Runs `attempt` as a guess of `rule` for `key`: taken first, given back when it returns true. */
  async guess(rule: RateRuleName, key: string, attempt: () => Promise<boolean>): Promise<boolean> {
    await this.take(rule, key);
    const right = await attempt();
    if (right) await this.giveBack(rule, key);
    return right;
  }

  async #sweep(now: Date): Promise<void> {
    if (now.getTime() - this.#sweptAt < SWEEP_MS) return;
    this.#sweptAt = now.getTime();
    await this.#db.deleteFrom('dn_rate_limit').where('reset_at', '<=', now).execute();
  }
}

/**
 * Better Auth's own limiter (on outside development) answers 429 with `X-Retry-After` and a
 * JSON body of its own: the same answer as problem details with `Retry-After`, as the
 * elements read it.
 */
export async function engineRateLimit(response: Response): Promise<Response> {
  if (response.status !== 429 || response.headers.has('retry-after')) return response;
  const seconds = Number(response.headers.get('x-retry-after'));
  const problem = rateLimited(Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60).toResponse();
  for (const [name, value] of response.headers) if (name !== 'content-type' && name !== 'content-length') problem.headers.set(name, value);
  return problem;
}
