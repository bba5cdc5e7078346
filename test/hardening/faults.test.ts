/**
 * The fault matrix over every element and action, part 1 of 3 (rows split to keep each
 * file's run short; see fault-table.ts).
 */
import { expect } from '@open-wc/testing';
import { FAULTS, runFaultRows, watchErrors } from '../helpers/fault-matrix.js';
import { FAULT_TABLE } from './fault-table.js';

const TAGS = ['dn-profile-form', 'dn-2fa-setup', 'dn-connected-accounts', 'dn-delete-account'];

describe('faults, everywhere (1 of 3)', () => {
  describe('the table', () => {
    it('has a row for every element that sends requests, and every fault of the issue', () => {
      expect([...new Set(FAULT_TABLE.map((row) => row.tag))].sort()).to.deep.equal(
        [
          'dn-2fa-challenge',
          'dn-2fa-setup',
          'dn-account-settings',
          'dn-billing-summary',
          'dn-connected-accounts',
          'dn-delete-account',
          'dn-email-change',
          'dn-login-activity',
          'dn-notification-matrix',
          'dn-password-change',
          'dn-password-reset',
          'dn-preferences',
          'dn-privacy-settings',
          'dn-profile-form',
          'dn-session-list',
          'dn-trusted-devices',
        ].sort(),
      );
      const names = FAULTS.map((fault) => fault.name).join(' | ');
      for (const wanted of ['500', '503', 'timeout', 'offline', 'malformed JSON', 'schema-invalid JSON', '401', '403 forbidden', '403 re-auth', '409', '422', '429 rate limited with Retry-After']) {
        expect(names).to.contain(wanted);
      }
    });

    it('sees unhandled rejections and console errors (the check every fault ends with)', async () => {
      const watch = watchErrors({ forward: false });
      window.dispatchEvent(new PromiseRejectionEvent('unhandledrejection', { promise: Promise.resolve(), reason: new Error('probe') }));
      console.error('probe');
      expect(await watch.stop()).to.deep.equal(['unhandled rejection: Error: probe', 'console.error: probe']);
    });
  });

  runFaultRows(FAULT_TABLE.filter((row) => TAGS.includes(row.tag)));
});
