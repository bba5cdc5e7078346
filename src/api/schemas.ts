/**
 * The REST contract, all of it: every resource and request body as a zod schema.
 * Types are inferred from these, the HTTP client validates requests and responses with
 * them, the mock backend validates requests with them, and `npm run openapi` turns them
 * into the OpenAPI 3.1 document partners implement.
 *
 * The schemas live by resource in `contract/` (an element loads only the parts it calls);
 * this module joins them and names them as OpenAPI components, in zod's global registry,
 * when it is imported. Elements never import it: it is the whole contract.
 *
 * `zod/mini` keeps the runtime small (see README, "Size").
 */
import * as z from 'zod/mini';
import { Completed, DeviceType, Money, Revoked } from './contract/common.js';
import { FieldError, Problem, Workspace } from './contract/problem.js';
import { Profile, ProfileUpdate, Role } from './contract/profile.js';
import { EmailChangeRequest, EmailChangeState, TokenRequest } from './contract/email.js';
import { ReauthRequest, ReauthResult } from './contract/reauth.js';
import {
  PasswordChangeRequest,
  PasswordChangeResult,
  PasswordPolicy,
  PasswordResetComplete,
  PasswordResetRequest,
  PasswordResetRequested,
  PasswordRule,
} from './contract/password.js';
import { BackupCodes, TwoFactorEnabled, TwoFactorSetup, TwoFactorStatus, TwoFactorVerifyRequest } from './contract/two-factor.js';
import { TwoFactorChallengeRequest, TwoFactorChallengeResult } from './contract/two-factor-challenge.js';
import { Session, SessionList } from './contract/sessions.js';
import { LoginActivityPage, LoginActivityQuery, LoginAttempt } from './contract/login-activity.js';
import { TrustedDevice, TrustedDeviceList } from './contract/trusted-devices.js';
import { NotificationChange, NotificationPreferences, NotificationUpdate } from './contract/notifications.js';
import { DataExportState, ExportJob, PrivacySettings, PrivacyUpdate } from './contract/privacy.js';
import { AccountDeletionInfo, AccountDeletionRequest } from './contract/deletion.js';
import { ConnectRequest, ConnectStart, ConnectedAccount, ConnectedAccountList } from './contract/connected-accounts.js';
import { Preferences, PreferencesUpdate } from './contract/preferences.js';
import { BillingSummary } from './contract/billing.js';
import {
  PasskeyStorage,
  Passkey,
  PasskeyList,
  PasskeyRename,
  PasskeyRegistrationOptions,
  RegistrationResponse,
  PasskeyRegistration,
  PasskeyAuthenticationOptions,
  AuthenticationResponse,
  PasskeyReauthRequest,
} from './contract/passkeys.js';

export * from './contract/constants.js';
export {
  FieldError,
  Workspace,
  Problem,
  Role,
  Profile,
  ProfileUpdate,
  EmailChangeState,
  EmailChangeRequest,
  TokenRequest,
  ReauthRequest,
  ReauthResult,
  PasswordRule,
  PasswordPolicy,
  PasswordChangeRequest,
  PasswordChangeResult,
  PasswordResetRequest,
  PasswordResetRequested,
  PasswordResetComplete,
  Completed,
  TwoFactorStatus,
  TwoFactorSetup,
  TwoFactorVerifyRequest,
  BackupCodes,
  TwoFactorEnabled,
  TwoFactorChallengeRequest,
  TwoFactorChallengeResult,
  DeviceType,
  Session,
  SessionList,
  Revoked,
  LoginAttempt,
  LoginActivityPage,
  LoginActivityQuery,
  TrustedDevice,
  TrustedDeviceList,
  NotificationPreferences,
  NotificationChange,
  NotificationUpdate,
  PrivacySettings,
  PrivacyUpdate,
  ExportJob,
  DataExportState,
  Money,
  AccountDeletionInfo,
  AccountDeletionRequest,
  ConnectedAccount,
  ConnectedAccountList,
  ConnectRequest,
  ConnectStart,
  Preferences,
  PreferencesUpdate,
  BillingSummary,
  PasskeyStorage,
  Passkey,
  PasskeyList,
  PasskeyRename,
  PasskeyRegistrationOptions,
  RegistrationResponse,
  PasskeyRegistration,
  PasskeyAuthenticationOptions,
  AuthenticationResponse,
  PasskeyReauthRequest,
};

/** The schemas that are OpenAPI components, by component name. */
const components = {
  FieldError,
  Workspace,
  Problem,
  Profile,
  ProfileUpdate,
  EmailChangeState,
  EmailChangeRequest,
  TokenRequest,
  ReauthRequest,
  ReauthResult,
  PasswordPolicy,
  PasswordChangeRequest,
  PasswordChangeResult,
  PasswordResetRequest,
  PasswordResetRequested,
  PasswordResetComplete,
  Completed,
  TwoFactorStatus,
  TwoFactorSetup,
  TwoFactorVerifyRequest,
  BackupCodes,
  TwoFactorEnabled,
  TwoFactorChallengeRequest,
  Session,
  SessionList,
  Revoked,
  LoginAttempt,
  LoginActivityPage,
  TrustedDevice,
  TwoFactorChallengeResult,
  TrustedDeviceList,
  NotificationPreferences,
  NotificationUpdate,
  PrivacySettings,
  PrivacyUpdate,
  ExportJob,
  DataExportState,
  Money,
  AccountDeletionInfo,
  AccountDeletionRequest,
  ConnectedAccount,
  ConnectedAccountList,
  ConnectRequest,
  ConnectStart,
  Preferences,
  PreferencesUpdate,
  BillingSummary,
  Passkey,
  PasskeyList,
  PasskeyRename,
  PasskeyRegistrationOptions,
  PasskeyRegistration,
  PasskeyAuthenticationOptions,
  PasskeyReauthRequest,
};

/** What a component's name alone does not say. */
const descriptions: Partial<Record<keyof typeof components, string>> = {
  Problem: 'RFC 9457 problem details. `type` ends in one of the slugs of `ProblemCode`.',
  ProfileUpdate: 'Only the fields present are changed. `null` clears an optional field.',
  PasswordResetRequested: 'Always the same answer, whether or not an account exists for the address.',
  BackupCodes: 'Shown once: the server keeps only hashes.',
  PasskeyRegistrationOptions: 'WebAuthn `PublicKeyCredentialCreationOptionsJSON`: binary fields are base64url.',
  PasskeyRegistration: 'The WebAuthn `RegistrationResponseJSON` of the new credential (`PublicKeyCredential.toJSON()`).',
  PasskeyAuthenticationOptions: 'WebAuthn `PublicKeyCredentialRequestOptionsJSON`: binary fields are base64url.',
  PasskeyReauthRequest: 'The WebAuthn `AuthenticationResponseJSON` of the assertion (`PublicKeyCredential.toJSON()`).',
};

for (const [id, schema] of Object.entries(components) as [keyof typeof components, z.ZodMiniType][]) {
  const description = descriptions[id];
  z.globalRegistry.add(schema, description ? { id, description } : { id });
}
