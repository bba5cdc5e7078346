/** @dialnexa/account-server: the reference server for DialNexa Account Elements. */
export { createAccountServer, ACCOUNT_BASE, AUTH_BASE, type AccountServer, type AccountServerOptions } from './server.js';
export { DEMO_EMAIL, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './seed.js';
export { CSRF_COOKIE, CSRF_HEADER } from './csrf.js';
export { parseRateLimits, RATE_RULES, type RateLimitConfig, type RateRule } from './rate-limit.js';
