import type * as s from './schemas.js';
import type { ResourceKey, ResourceLoader } from './resource-store.js';

/** A resource and how to fetch it: every reader of a key uses the same loader, so they agree on its shape. */
export interface ResourceDescriptor<T> {
  readonly key: ResourceKey;
  readonly load: ResourceLoader<T>;
}

/** What `<dn-privacy-settings>` shows. */
export interface PrivacyPage {
  settings: s.PrivacySettings;
  dataExport: s.DataExportState;
}

const resource = <T>(key: ResourceKey, load: ResourceLoader<T>): ResourceDescriptor<T> => ({ key, load });

/** The account data elements read, by key. */
export const resources = {
  profile: resource<s.Profile>('profile', (api, signal) => api.getProfile({ signal })),
  emailChange: resource<s.EmailChangeState>('email-change', (api, signal) => api.getEmailChange({ signal })),
  passwordPolicy: resource<s.PasswordPolicy>('password-policy', (api, signal) => api.getPasswordPolicy({ signal })),
  twoFactor: resource<s.TwoFactorStatus>('two-factor', (api, signal) => api.getTwoFactorStatus({ signal })),
  sessions: resource<s.SessionList>('sessions', (api, signal) => api.listSessions({ signal })),
  passkeys: resource<s.PasskeyList>('passkeys', (api, signal) => api.listPasskeys({ signal })),
  trustedDevices: resource<s.TrustedDeviceList>('trusted-devices', (api, signal) => api.listTrustedDevices({ signal })),
  notifications: resource<s.NotificationPreferences>('notifications', (api, signal) => api.getNotificationPreferences({ signal })),
  /** The privacy settings with the state of the data export: one page, shown (or failing) together. */
  privacy: resource<PrivacyPage>('privacy', async (api, signal) => {
    const [settings, dataExport] = await Promise.all([api.getPrivacySettings({ signal }), api.getDataExport({ signal })]);
    return { settings, dataExport };
  }),
  accountDeletion: resource<s.AccountDeletionInfo>('account-deletion', (api, signal) => api.getAccountDeletion({ signal })),
  connectedAccounts: resource<s.ConnectedAccountList>('connected-accounts', (api, signal) => api.listConnectedAccounts({ signal })),
  preferences: resource<s.Preferences>('preferences', (api, signal) => api.getPreferences({ signal })),
  billing: resource<s.BillingSummary>('billing', (api, signal) => api.getBillingSummary({ signal })),
  /** The first page of sign-in activity for a filter and page size. */
  loginActivity: (status: 'all' | 'failed', limit: number): ResourceDescriptor<s.LoginActivityPage> =>
    resource(`login-activity:${status}:${limit}`, (api, signal) => api.listLoginActivity({ limit, status }, { signal })),
} as const;
