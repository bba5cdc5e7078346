/**
 * Mounting and removing the list elements 1,000 times must leave nothing behind: no request running,
 * no timer, no listener on a long-lived target, no observer observing (the ledger and the
 * cycles are in test/helpers/lifecycle.ts; the elements are split over three files so each
 * stays well inside the test runner's time limit per file).
 */
import { GROUPS, itCycles, warmUp } from '../helpers/lifecycle.js';

describe('mounting and removing every element 1,000 times: lists', () => {
  before(warmUp);
  for (const tag of GROUPS.lists) itCycles(tag);
});
