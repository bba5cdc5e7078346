import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import type { AccountApi } from '../../src/api/account-api.js';
import type { MockBackend } from '../helpers/fixture.js';
import { MockStore, type MockOptions } from '../../mock/index.js';
import type { BillingSummary } from '../../src/api/schemas.js';
import type { DnBillingSummary } from '../../src/components/billing-summary/billing-summary.js';
import '../../src/components/billing-summary/billing-summary.js';
import { mount, nextTask, requestsTo, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { deepActive } from '../helpers/dialogs.js';

const mountBilling = (options: MountOptions & { href?: string; target?: string } = {}) => {
  const { href, target, ...rest } = options;
  return mount<DnBillingSummary>(
    html`<dn-billing-summary manage-href=${href ?? ''} manage-target=${target ?? ''}></dn-billing-summary>`,
    rest,
  );
};

/** What the mock's seed answers for `options` (a starting point for hand-made answers). */
const seeded = (options: MockOptions = {}): BillingSummary => new MockStore(options).getBillingSummary();

/** Answers GET /billing with `summary` instead of the store's. */
const answer = (summary: Record<string, unknown>) => (backend: MockBackend) =>
  backend.use(http.get('/api/account/billing', () => HttpResponse.json(summary)));

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const textOf = (el: HTMLElement, name: string) => visibleText(part(el, name)!);
const manageLink = (name: string | RegExp = /Manage billing/) => screen.getByShadowRole('link', { name }) as HTMLAnchorElement;
const manageButton = (name: string | RegExp = 'Manage billing') => screen.getByShadowRole('button', { name }) as HTMLButtonElement;

/** "08/2028", as English prints a card's expiry. */
const mmYyyy = (card: { expMonth: number; expYear: number }) => `${String(card.expMonth).padStart(2, '0')}/${card.expYear}`;
/** The renewal date as the fixture's user (English, Berlin, automatic format) reads it. */
const renewalDate = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(iso));

/** Collects `dn-manage-billing-requested` events while the test runs. */
function manageRequests(el: HTMLElement): CustomEvent<{ summary: BillingSummary }>[] {
  const events: CustomEvent<{ summary: BillingSummary }>[] = [];
  el.addEventListener('dn-manage-billing-requested', (event) => events.push(event));
  return events;
}

const HOSTILE = '<img src=x onerror="alert(1)">';

describe('dn-billing-summary', () => {
  it('is accessible', async () => {
    const { el } = await mountBilling();
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark, compact and right-to-left, with warnings showing', async () => {
    const dark = await mountBilling({ theme: 'dark', card: 'expired' });
    expect(part(dark.el, 'badge')).to.exist;
    await expect(dark.el).to.be.accessible();
    const compact = await mountBilling({ density: 'compact', card: 'expiring', href: '/billing', target: '_blank' });
    await expect(compact.el).to.be.accessible();
    const arabic = await mountBilling({ locale: 'ar', card: 'none' });
    await until(() => /الفوترة/.test(visibleText(arabic.el)), 'the Arabic translations');
    expect(arabic.el.getAttribute('dir')).to.equal('rtl');
    await expect(arabic.el).to.be.accessible();
    const free = await mountBilling({ locale: 'ar', theme: 'dark', plan: 'free' });
    await until(() => /عرض الخطط/.test(visibleText(free.el)));
    await expect(free.el).to.be.accessible();
  });

  describe('on a paid plan with a valid card', () => {
    it('shows the plan and price, the card and its expiry, and the renewal date, from one GET', async () => {
      const { el, backend } = await mountBilling();
      const summary = backend.store.getBillingSummary();
      const card = summary.paymentMethod!;
      const requests = requestsTo(backend, 'getBillingSummary');
      expect(requests).to.have.length(1);
      expect(requests[0]!.method).to.equal('GET');
      expect(screen.getByShadowRole('heading', { level: 2, name: 'Billing' })).to.exist;
      expect(textOf(el, 'plan')).to.equal('Plan Growth $99.00 per month');
      expect(textOf(el, 'plan-name')).to.equal('Growth');
      // Screen readers hear "Visa ending in 4242"; the dots are only for the eyes.
      expect(textOf(el, 'payment-method')).to.equal(`Payment method Visa ending in 4242 Expires ${mmYyyy(card)}`);
      const dots = part(el, 'card-number')!.querySelector('[aria-hidden="true"]')!;
      expect(dots.textContent).to.equal('•••• 4242');
      expect(dots.getAttribute('dir')).to.equal('ltr');
      const svgIcon = part(el, 'card-icon')!.querySelector('svg')!;
      expect(svgIcon.closest('[aria-hidden="true"]')).to.exist;
      expect(textOf(el, 'renewal')).to.equal(`Next renewal Renews on ${renewalDate(summary.nextRenewalAt!)}`);
      expect(part(el, 'renewal')!.querySelector('time')!.getAttribute('datetime')).to.equal(summary.nextRenewalAt);
      expect(part(el, 'badge')).to.equal(null);
      expect(part(el, 'card-note')).to.equal(null);
      expect(part(el, 'renewal-warning')).to.equal(null);
      expect(part(el, 'free')).to.equal(null);
      expect(manageButton().getAttribute('part')).to.equal('manage');
    });

    it('groups each label with its value in a definition list', async () => {
      const { el } = await mountBilling();
      const list = part(el, 'summary')!;
      expect(list.tagName).to.equal('DL');
      expect([...list.querySelectorAll('dt')].map((dt) => dt.textContent!.trim())).to.deep.equal(['Plan', 'Payment method', 'Next renewal']);
      expect([...list.children].map((child) => child.getAttribute('part'))).to.deep.equal(['plan', 'payment-method', 'renewal']);
    });

    it('says "per year" for a yearly price, in the currency the server sends', async () => {
      const summary = seeded();
      const yearly = { ...summary, plan: { ...summary.plan, name: 'Scale', price: { amount: 1188, currency: 'EUR', interval: 'year' } } };
      const { el } = await mountBilling({ setup: answer(yearly) });
      expect(textOf(el, 'plan')).to.equal('Plan Scale €1,188.00 per year');
    });

    it('shows a loading state first', async () => {
      const { el } = await mountBilling({ settle: false, latencyMs: 300 });
      expect(part(el, 'loading')).to.exist;
      expect(part(el, 'loading')!.getAttribute('aria-busy')).to.equal('true');
      await until(() => part(el, 'plan'), 'the summary');
      expect(part(el, 'loading')).to.equal(null);
    });
  });

  describe('when the card expires soon', () => {
    it('marks it "Expires soon" and suggests updating it, without a renewal warning', async () => {
      const { el, backend } = await mountBilling({ card: 'expiring' });
      const card = backend.store.getBillingSummary().paymentMethod!;
      const badge = part(el, 'badge')!;
      expect(badge.textContent!.trim()).to.equal('Expires soon');
      expect(badge.classList.contains('warning')).to.equal(true);
      expect(textOf(el, 'card-expiry')).to.equal(`Expires ${mmYyyy(card)}`);
      expect(textOf(el, 'card-note')).to.equal(
        'This card expires soon. Update it under “Manage billing” so your next payment goes through.',
      );
      expect(part(el, 'renewal-warning')).to.equal(null);
      expect(requestsTo(backend, 'getBillingSummary')).to.have.length(1);
    });

    it('counts a card that is valid this month only as expiring soon, not expired', async () => {
      const now = new Date();
      const thisMonth = { expMonth: now.getUTCMonth() + 1, expYear: now.getUTCFullYear() };
      const summary = seeded();
      const { el } = await mountBilling({ timeZone: 'UTC', setup: answer({ ...summary, paymentMethod: { ...summary.paymentMethod!, ...thisMonth } }) });
      expect(part(el, 'badge')!.textContent!.trim()).to.equal('Expires soon');
    });
  });

  describe('when the card has expired', () => {
    it('marks it "Expired", asks for a new card and warns that the renewal may fail', async () => {
      const { el, backend } = await mountBilling({ card: 'expired' });
      const card = backend.store.getBillingSummary().paymentMethod!;
      const badge = part(el, 'badge')!;
      expect(badge.textContent!.trim()).to.equal('Expired');
      expect(badge.classList.contains('danger')).to.equal(true);
      expect(textOf(el, 'card-expiry')).to.equal(`Expired ${mmYyyy(card)}`);
      expect(textOf(el, 'card-note')).to.equal('This card has expired. Add a new card under “Manage billing” to keep your plan.');
      expect(textOf(el, 'renewal-warning')).to.equal('Without a valid card, the renewal payment may fail.');
      expect(textOf(el, 'renewal')).to.match(/^Next renewal Renews on \w{3} \d{1,2}, \d{4} Without a valid card/);
      expect(requestsTo(backend, 'getBillingSummary')).to.have.length(1);
    });
  });

  describe('when no card is on file (paid plan)', () => {
    it('says so, suggests adding one under "Manage billing" and warns about the renewal', async () => {
      const { el, backend } = await mountBilling({ card: 'none' });
      expect(textOf(el, 'payment-method')).to.equal(
        'Payment method No payment method on file Add a card under “Manage billing” so your plan can renew.',
      );
      expect(part(el, 'card-icon')).to.equal(null);
      expect(part(el, 'badge')).to.equal(null);
      expect(textOf(el, 'renewal-warning')).to.equal('Without a valid card, the renewal payment may fail.');
      expect(manageButton()).to.exist;
      expect(requestsTo(backend, 'getBillingSummary')).to.have.length(1);
    });

    it('says when nothing is scheduled to renew', async () => {
      const { el } = await mountBilling({ setup: answer({ ...seeded(), paymentMethod: null, nextRenewalAt: null }) });
      expect(textOf(el, 'renewal')).to.equal('Next renewal No renewal scheduled');
      expect(part(el, 'renewal-warning')).to.equal(null);
    });
  });

  describe('on the free plan', () => {
    it('explains there is nothing to pay, shows no card or renewal, and offers "See plans"', async () => {
      const { el, backend } = await mountBilling({ plan: 'free' });
      expect(requestsTo(backend, 'getBillingSummary')).to.have.length(1);
      expect(textOf(el, 'plan')).to.equal('Plan Free');
      expect(textOf(el, 'free')).to.equal('You are on the free plan: there is nothing to pay, nothing renews and no card is needed.');
      expect(part(el, 'payment-method')).to.equal(null);
      expect(part(el, 'renewal')).to.equal(null);
      expect(part(el, 'price')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      const events = manageRequests(el);
      manageButton('See plans').click();
      expect(events).to.have.length(1);
      expect(events[0]!.detail.summary).to.deep.equal(backend.store.getBillingSummary());
    });

    it('links "See plans" to the same place as "Manage billing"', async () => {
      await mountBilling({ plan: 'free', href: '/billing/portal' });
      expect(manageLink('See plans').getAttribute('href')).to.equal('/billing/portal');
    });
  });

  describe('"Manage billing"', () => {
    it('without manage-href, is a button that emits dn-manage-billing-requested with the summary', async () => {
      const { el, backend } = await mountBilling();
      const events = manageRequests(el);
      expect(screen.queryByShadowRole('link')).to.equal(null);
      manageButton().click();
      expect(events).to.have.length(1);
      expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
      expect(events[0]!.detail.summary).to.deep.equal(backend.store.getBillingSummary());
      // Emitting asks the server nothing.
      expect(backend.requests.map((r) => r.name)).to.deep.equal(['getBillingSummary']);
    });

    it('with manage-href, is a link to it in the same tab', async () => {
      const { el } = await mountBilling({ href: 'https://billing.example/portal?customer=42' });
      const link = manageLink('Manage billing');
      expect(link.getAttribute('href')).to.equal('https://billing.example/portal?customer=42');
      expect(link.getAttribute('part')).to.equal('manage');
      expect(link.hasAttribute('target')).to.equal(false);
      expect(link.hasAttribute('rel')).to.equal(false);
      expect(screen.queryByShadowRole('button', { name: 'Manage billing' })).to.equal(null);
      expect(visibleText(el)).not.to.contain('new tab');
    });

    it('with manage-target="_blank", opens a new tab with rel="noopener" and says so', async () => {
      await mountBilling({ href: '/settings/billing', target: '_blank' });
      const link = manageLink('Manage billing (opens in a new tab)');
      expect(link.getAttribute('href')).to.equal('/settings/billing');
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener');
    });

    it('ignores a javascript: or data: manage-href and emits the event instead', async () => {
      for (const href of ['javascript:alert(1)', '  JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
        const { el } = await mountBilling({ href });
        expect(within(el).queryByShadowRole('link'), href).to.equal(null);
        expect(el.shadowRoot!.querySelector('a')).to.equal(null);
        const events = manageRequests(el);
        within(el).getByShadowRole('button', { name: 'Manage billing' }).click();
        expect(events, href).to.have.length(1);
      }
    });

    it('follows manage-href set later as a property', async () => {
      const { el } = await mountBilling();
      el.manageHref = 'javascript:void(0)';
      await el.updateComplete;
      expect(manageButton()).to.exist;
      el.manageHref = '/portal';
      await el.updateComplete;
      expect(manageLink().getAttribute('href')).to.equal('/portal');
    });

    it('works with the keyboard alone: Tab reaches it and Enter emits', async () => {
      const { el } = await mountBilling({ card: 'expired' });
      const events = manageRequests(el);
      el.shadowRoot!.querySelector<HTMLElement>('.title')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === manageButton()).to.equal(true);
      await sendKeys({ press: 'Enter' });
      expect(events).to.have.length(1);
      await sendKeys({ press: 'Space' });
      expect(events).to.have.length(2);
    });

    it('reads the summary again when the user comes back from the billing portal', async () => {
      const { el, backend } = await mountBilling({ card: 'expired' });
      const events = manageRequests(el);
      manageButton().click();
      expect(events).to.have.length(1);
      // In the portal the user adds a new card; then they return to this tab.
      const renewed = { ...seeded(), paymentMethod: { brand: 'Mastercard', last4: '5100', expMonth: 3, expYear: new Date().getUTCFullYear() + 3 } };
      answer(renewed)(backend);
      document.dispatchEvent(new Event('visibilitychange'));
      await until(() => textOf(el, 'card-brand') === 'Mastercard', 'the new card');
      expect(visibleText(el)).to.contain('5100');
      expect(part(el, 'badge'), 'no "Expired" badge any more').to.equal(null);
      // Coming back without having gone to the portal again reads nothing.
      let asked = 0;
      backend.use(
        http.get('/api/account/billing', () => {
          asked += 1;
          return HttpResponse.json(renewed);
        }),
      );
      document.dispatchEvent(new Event('visibilitychange'));
      // A read would have reached the server within the task of the event.
      await el.updateComplete;
      await nextTask();
      expect(asked).to.equal(0);
      manageButton().click();
      document.dispatchEvent(new Event('visibilitychange'));
      await until(() => asked === 1, 'one more read after the next visit to the portal');
      await el.updateComplete;
      await nextTask();
      expect(asked, 'one read for one visit').to.equal(1);
      expect(textOf(el, 'card-brand')).to.equal('Mastercard');
    });

    it('refresh() reads the summary again, keeping it on screen meanwhile', async () => {
      const { el, backend } = await mountBilling();
      answer({ ...seeded(), plan: { ...seeded().plan, name: 'Scale' } })(backend);
      const refreshing = el.refresh();
      expect(textOf(el, 'plan-name')).to.equal('Growth');
      await refreshing;
      await until(() => textOf(el, 'plan-name') === 'Scale');
    });

    it('is reached with Tab as a link too', async () => {
      const { el } = await mountBilling({ href: '/portal', target: '_blank' });
      el.shadowRoot!.querySelector<HTMLElement>('.title')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === manageLink()).to.equal(true);
    });
  });

  describe('with text from the server', () => {
    it('renders hostile plan and brand names as inert text', async () => {
      const summary = seeded();
      const hostile = {
        ...summary,
        plan: { ...summary.plan, name: `${HOSTILE} ‮Growth‬ 🔥` },
        paymentMethod: { ...summary.paymentMethod!, brand: '"><svg onload=alert(1)><script>alert(2)</script>' },
      };
      const { el } = await mountBilling({ setup: answer(hostile) });
      expect(textOf(el, 'plan-name')).to.equal(`${HOSTILE} ‮Growth‬ 🔥`);
      expect(textOf(el, 'card-brand')).to.equal('"><svg onload=alert(1)><script>alert(2)</script>');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.querySelector('script')).to.equal(null);
      expect(el.shadowRoot!.querySelectorAll('svg[onload]')).to.have.length(0);
      expect(part(el, 'plan-name')!.getAttribute('dir')).to.equal('auto');
    });

    it('shows an error with retry for an answer that breaks the contract (last4 "abcd")', async () => {
      const summary = seeded();
      const { el } = await mountBilling({ setup: answer({ ...summary, paymentMethod: { ...summary.paymentMethod!, last4: 'abcd' } }) });
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(visibleText(error)).to.contain('The server sent an answer we could not read.');
      expect(visibleText(el)).not.to.match(/abcd|undefined|NaN/);
      expect(screen.getByShadowRole('button', { name: 'Try again' })).to.exist;
      expect(part(el, 'manage')).to.equal(null);
    });
  });

  describe('when it leaves the page', () => {
    it('cancels the request still on its way', async () => {
      let signal: AbortSignal | undefined;
      const api = {
        getBillingSummary: (options?: { signal?: AbortSignal }) => {
          signal = options?.signal;
          return new Promise<never>(() => {});
        },
      } as unknown as AccountApi;
      const el = await fixture<DnBillingSummary>(html`<dn-billing-summary .api=${api}></dn-billing-summary>`);
      await until(() => signal, 'the request');
      expect(signal!.aborted).to.equal(false);
      el.remove();
      expect(signal!.aborted).to.equal(true);
    });
  });

  describe('in other languages', () => {
    it('speaks German: money, card expiry and dates through Intl', async () => {
      const { el, provider, backend } = await mountBilling({ locale: 'de', card: 'expiring' });
      await until(() => visibleText(el).includes('Abrechnung verwalten'), 'the German translations');
      const summary = backend.store.getBillingSummary();
      expect(textOf(el, 'price')).to.equal('99,00 $ pro Monat');
      expect(textOf(el, 'badge')).to.equal('Läuft bald ab');
      const expiry = new Intl.DateTimeFormat('de', { month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
        Date.UTC(summary.paymentMethod!.expYear, summary.paymentMethod!.expMonth - 1, 15),
      );
      expect(textOf(el, 'card-expiry')).to.equal(`Gültig bis ${expiry}`);
      expect(textOf(el, 'card-number')).to.equal('mit den Endziffern 4242');
      // With month names chosen, the renewal date reads in German.
      provider.dateFormat = 'D MMM YYYY';
      await until(() => /Verlängert sich am 1\.? (Jan|Feb|März|Apr|Mai|Juni|Juli|Aug|Sept|Okt|Nov|Dez)\.? \d{4}$/.test(textOf(el, 'renewal')), 'a German month name');
    });

    it('speaks Spanish', async () => {
      const { el } = await mountBilling({ locale: 'es', card: 'expired' });
      await until(() => visibleText(el).includes('Gestionar facturación'), 'the Spanish translations');
      expect(textOf(el, 'price')).to.equal('99,00 US$ al mes');
      expect(textOf(el, 'badge')).to.equal('Caducada');
      expect(textOf(el, 'renewal')).to.match(/Se renueva el 1 \p{L}+ \d{4}/u);
      expect(textOf(el, 'renewal-warning')).to.equal('Sin una tarjeta válida, el pago de la renovación podría fallar.');
    });

    it('speaks Arabic, right to left, with the card number kept left to right', async () => {
      const { el } = await mountBilling({ locale: 'ar', href: '/portal', target: '_blank' });
      await until(() => visibleText(el).includes('إدارة الفوترة'), 'the Arabic translations');
      expect(el.getAttribute('dir')).to.equal('rtl');
      expect(textOf(el, 'title')).to.equal('الفوترة');
      expect(textOf(el, 'price')).to.contain('شهريًا');
      expect(textOf(el, 'card-number')).to.match(/^المنتهية بالأرقام 4242$/);
      expect(part(el, 'card-number')!.querySelector('[dir="ltr"]')).to.exist;
      expect(manageLink('إدارة الفوترة (يُفتح في علامة تبويب جديدة)')).to.exist;
      expect(visibleText(el)).not.to.match(/Billing|Renews|Expires|undefined/);
    });
  });
});
