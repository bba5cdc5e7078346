/**
 * The stateful mock backend: MSW handlers over an in-memory store implementing the whole
 * REST contract, with realistic seed data. For the demo, Storybook and tests — never
 * part of the library bundle.
 */
export { MockStore, MockProblem, PROBLEM_TYPE_PREFIX, sniffImageType, passwordLength, describeUserAgent } from './store/index.js';
export type { MockOptions, MockProblemCode, ClientInfo } from './store/index.js';
export { MOCK_PASSWORD, MOCK_TOTP_SECRET, MOCK_USER, TAKEN_EMAILS, BREACHED_PASSWORDS, NOTIFICATION_CATALOG } from './seed.js';
export { createHandlers, dispatch, routes, validationProblem, mockOAuthResponse, oauthReturnUrl } from './handlers.js';
export type { HandlerOptions, DispatchOptions, MockRequest, MockResponse, MockRequestLogEntry, RouteContext } from './handlers.js';
export { startMockBackend, handleMockOAuthNavigation } from './browser.js';
export { createMockFetch, type MockFetch, type MockFetchOptions } from './fetch.js';
export type { MockBackend, MockBackendOptions, MockOAuthMessage } from './browser.js';
export {
  totp,
  hotp,
  verifyTotp,
  generateSecret,
  base32Encode,
  base32Decode,
  otpauthUri,
  timeStep,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
} from './totp.js';
export type { TotpOptions, VerifyOptions } from './totp.js';
