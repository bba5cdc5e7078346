/**
 * Mounting and removing the form elements 1,000 times must leave nothing behind: no request running,
 * no timer, no listener on a long-lived target, no observer observing (the ledger and the
 * cycles are in test/helpers/lifecycle.ts; the elements are split over three files so each
 * stays well inside the test runner's time limit per file).
 */
import { expect } from '@open-wc/testing';
import { ELEMENTS, GROUPS, itCycles, warmUp } from '../helpers/lifecycle.js';

describe('mounting and removing every element 1,000 times: forms', () => {
  before(warmUp);

  it('the three lifecycle files cover every element in custom-elements.json', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: { tagName?: string }[] }[] };
    const tags = manifest.modules.flatMap((module) => module.declarations ?? []).flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : []));
    expect(tags.length).to.be.greaterThan(10);
    expect(tags.filter((tag) => !ELEMENTS.includes(tag)), 'elements no lifecycle file mounts').to.deep.equal([]);
  });

  for (const tag of GROUPS.forms) itCycles(tag);
});
