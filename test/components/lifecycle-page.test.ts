/**
 * Mounting and removing the page and the dialogs 1,000 times must leave nothing behind: no request running,
 * no timer, no listener on a long-lived target, no observer observing (the ledger and the
 * cycles are in test/helpers/lifecycle.ts; the elements are split over three files so each
 * stays well inside the test runner's time limit per file).
 */
import { expect } from '@open-wc/testing';
import { MOCK_PASSWORD } from '../../mock/index.js';
import type { DnAccountProvider } from '../../src/components/account-provider/account-provider.js';
import { dialogButton, dialogOpen, nativeDialogOf } from '../helpers/dialogs.js';
import { GROUPS, Ledger, SETTLE_MS, expectNothingLeft, itCycles, openDialogs, providers, sleep, until, warmUp, type Call, type Cycled } from '../helpers/lifecycle.js';

describe('mounting and removing every element 1,000 times: the page and the dialogs', () => {
  before(warmUp);
  for (const tag of GROUPS.page) itCycles(tag);

  describe('removed while one of its dialogs is open', () => {
    const DIALOG_CYCLES = 50;
    const revokeButton = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="revoke"]');

    /** Mounts a session list on the mock, waits for its rows and asks to sign one session out. */
    async function openConfirmation(answering: DnAccountProvider): Promise<Cycled> {
      const el = document.createElement('dn-session-list') as Cycled;
      answering.append(el);
      await until(() => revokeButton(el), 'a session to sign out');
      revokeButton(el)!.click();
      await until(() => dialogOpen(el), 'the confirmation to open');
      return el;
    }

    it(`the confirmation: ${DIALOG_CYCLES} times, the dialog goes with the element and leaves nothing`, async function () {
      this.timeout(120_000);
      const calls: Call[] = [];
      const { pending, answering, counter } = await providers(calls, { sessions: 6, reauth: 'never' });
      const ledger = new Ledger([pending, answering]);
      ledger.install();
      try {
        for (let i = 0; i < DIALOG_CYCLES; i++) {
          const el = await openConfirmation(answering);
          const dialog = nativeDialogOf(el);
          el.remove();
          expect(dialog.open, 'the confirmation closed when its element left').to.equal(false);
          expect(openDialogs(document.body), 'open dialogs on the page').to.equal(0);
        }
        await sleep(SETTLE_MS);
      } finally {
        ledger.uninstall();
        pending.remove();
        answering.remove();
      }
      expectNothingLeft(ledger, calls, counter, `confirmation open at removal × ${DIALOG_CYCLES}`);
      expect(counter.started()).to.be.at.least(DIALOG_CYCLES);
    });

    it(`"Confirm it's you": ${DIALOG_CYCLES} times, the dialog goes with the element that asked and leaves nothing`, async function () {
      this.timeout(120_000);
      const calls: Call[] = [];
      const { pending, answering, counter } = await providers(calls, { sessions: 6, reauth: 'always' });
      const ledger = new Ledger([pending, answering]);
      ledger.install();
      try {
        for (let i = 0; i < DIALOG_CYCLES; i++) {
          const el = await openConfirmation(answering);
          dialogButton(el, 'Sign out').click();
          // The server refuses (403 reauth-required): "Confirm it's you" opens in the provider.
          await until(() => answering.querySelector('dn-reauth-dialog')?.shadowRoot?.querySelector('dialog')?.open, '"Confirm it\'s you" to open');
          if (i % 2 === 1) {
            // Half the time the password is already on its way when the element leaves.
            const input = answering.querySelector<HTMLInputElement>('dn-reauth-dialog input[type="password"]')!;
            input.value = MOCK_PASSWORD;
            input.dispatchEvent(new InputEvent('input', { bubbles: true }));
            answering.querySelector<HTMLFormElement>('dn-reauth-dialog form')!.requestSubmit();
          }
          el.remove();
          await until(() => openDialogs(answering) === 0, '"Confirm it\'s you" to close when the element that asked left');
          expect(answering.querySelector('dn-reauth-dialog'), 'the dialog left the provider').to.equal(null);
        }
        await sleep(SETTLE_MS);
      } finally {
        ledger.uninstall();
        pending.remove();
        answering.remove();
      }
      expectNothingLeft(ledger, calls, counter, `"Confirm it's you" open at removal × ${DIALOG_CYCLES}`);
      expect(openDialogs(document.body)).to.equal(0);
    });
  });
});
