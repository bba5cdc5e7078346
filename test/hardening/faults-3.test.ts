/** The fault matrix over every element and action, part 3 of 3 (see fault-table.ts). */
import { runFaultRows } from '../helpers/fault-matrix.js';
import { FAULT_TABLE } from './fault-table.js';

const TAGS = ['dn-preferences', 'dn-privacy-settings', 'dn-session-list', 'dn-trusted-devices', 'dn-billing-summary', 'dn-account-settings'];

describe('faults, everywhere (3 of 3)', () => {
  runFaultRows(FAULT_TABLE.filter((row) => TAGS.includes(row.tag)));
});
