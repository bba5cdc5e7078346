/** The fault matrix over every element and action, part 2 of 3 (see fault-table.ts). */
import { runFaultRows } from '../helpers/fault-matrix.js';
import { FAULT_TABLE } from './fault-table.js';

const TAGS = ['dn-2fa-challenge', 'dn-email-change', 'dn-login-activity', 'dn-notification-matrix', 'dn-password-change', 'dn-password-reset'];

describe('faults, everywhere (2 of 3)', () => {
  runFaultRows(FAULT_TABLE.filter((row) => TAGS.includes(row.tag)));
});
