/**
 * The test page's virtual authenticator (web-test-runner.config.mjs, `webauthn` command): a CTAP2
 * platform authenticator with resident keys and user verification, driven through the DevTools
 * protocol, so `navigator.credentials.create()` and `.get()` run real ceremonies.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  signCount: number;
  rpId: string;
}

/** Adds a fresh authenticator (replacing the page's previous one); `options` override the defaults. */
export function addVirtualAuthenticator(options: Record<string, unknown> = {}): Promise<string> {
  return executeServerCommand<string, unknown>('webauthn', { action: 'add', options });
}

/** Takes the page's authenticator away: ceremonies then find none. */
export function removeVirtualAuthenticator(): Promise<boolean> {
  return executeServerCommand<boolean, unknown>('webauthn', { action: 'remove' });
}

/** The credentials the authenticator holds. */
export function virtualCredentials(): Promise<VirtualCredential[]> {
  return executeServerCommand<VirtualCredential[], unknown>('webauthn', { action: 'credentials' });
}

/** Makes the authenticator pass (true) or fail (false) user verification, as a wrong fingerprint would. */
export function setUserVerified(value: boolean): Promise<boolean> {
  return executeServerCommand<boolean, unknown>('webauthn', { action: 'user-verified', value });
}
