import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import type { AccountApi } from '../../src/api/account-api.js';
import type { Preferences } from '../../src/api/schemas.js';
import type { DnPreferences } from '../../src/components/preferences/preferences.js';
import '../../src/components/preferences/preferences.js';
import '../../src/components/session-list/session-list.js';
import { formatDate, formatDateTime, formatTime } from '../../src/i18n/format.js';
import {
  mockBackend,
  mount,
  nextFrame,
  requestsTo,
  settled,
  spyOnIntervals,
  statusOf,
  until,
  visibleText,
  type MountOptions,
} from '../helpers/fixture.js';
import { deepActive } from '../helpers/dialogs.js';
import { overflowing } from '../helpers/overflow.js';

const PREFS = '/api/account/preferences';
const BERLIN = { locale: 'en', timeZone: 'Europe/Berlin', dateFormat: 'auto', timeFormat: 'auto' } as const;

const mountPreferences = (options: MountOptions = {}) => mount<DnPreferences>(html`<dn-preferences></dn-preferences>`, options);

/** A session list and `<dn-preferences>` under the same provider (the list first, so its rows are in view). */
async function mountWithSibling(options: MountOptions = {}) {
  const mounted = await mount<HTMLElement>(html`<dn-session-list></dn-session-list><dn-preferences></dn-preferences>`, options);
  const el = mounted.provider.querySelector('dn-preferences')!;
  await settled(el);
  return { ...mounted, el, list: mounted.el };
}

/** Saved preferences other than the seed's (theme `system`, the rest comfortable / auto). */
const saving = (preferences: Partial<Preferences>) => (backend: { store: { updatePreferences(u: Partial<Preferences>): unknown } }) =>
  void backend.store.updatePreferences(preferences);

const radio = (name: string | RegExp) => screen.getByShadowRole('radio', { name }) as HTMLInputElement;
const compactSwitch = () => screen.getByShadowRole('switch', { name: 'Compact mode' }) as HTMLInputElement;
/** The date format's radio buttons, in order. */
const dateRadios = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="date-format"]')];
const dateChecked = (el: HTMLElement) => dateRadios(el).find((input) => input.checked)!;
/** A time format radio button by its name (the date format has an "Automatic" one too). */
const timeRadio = (name: string | RegExp) => within(group(document.querySelector('dn-preferences')!, 'time-format')).getByShadowRole('radio', { name }) as HTMLInputElement;
const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const group = (el: HTMLElement, name: string) => part(el, name)!;
const previewTime = (el: HTMLElement) => part(el, 'preview-value')!.querySelector('time')!;
/** The first "Signed in …" time the session list shows. */
const signedIn = (list: HTMLElement) => list.shadowRoot!.querySelector<HTMLTimeElement>('[part="signed-in"]');

/** Moves the focused `<select>` with the arrow keys until it shows `value` (as a keyboard user does). */
/** Moves through the date formats with the arrow keys (each one a choice) until `value`. */
async function chooseByKeyboard(el: HTMLElement, value: string): Promise<void> {
  const radios = dateRadios(el);
  dateChecked(el).focus({ preventScroll: true });
  const target = radios.findIndex((input) => input.value === value);
  const index = () => radios.indexOf(dateChecked(el));
  while (index() !== target) await sendKeys({ press: index() < target ? 'ArrowDown' : 'ArrowUp' });
}

/** Resolves once the colour transitions of a theme change have run (axe reads the colours). */
async function transitionsDone(el: DnPreferences): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await Promise.all(el.shadowRoot!.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined)));
}

/** A PATCH handler that holds every save until `open()`, then lets the mock answer it. */
function heldSaves() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const handler = http.patch(PREFS, async () => {
    await gate;
    return undefined;
  });
  return { handler, open };
}

const fail500 = () =>
  http.patch(PREFS, () =>
    HttpResponse.json(
      { type: 'urn:dialnexa:problem:internal', title: 'x', status: 500 },
      { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
    ),
  );

describe('dn-preferences', () => {
  it('is accessible', async () => {
    const { el } = await mountPreferences();
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme, compact, and in Arabic right to left, with a save error showing', async () => {
    const dark = await mountPreferences({ theme: 'dark', setup: saving({ theme: 'dark', density: 'compact' }) });
    expect(dark.el.getAttribute('data-dn-theme')).to.equal('dark');
    expect(dark.el.getAttribute('data-dn-density')).to.equal('compact');
    await expect(dark.el).to.be.accessible();
    const arabic = await mountPreferences({ locale: 'ar', setup: (b) => b.use(fail500()) });
    await until(() => visibleText(arabic.el).includes('تفضيلات العرض'));
    expect(arabic.el.dir).to.equal('rtl');
    radio('داكن').click();
    await until(() => part(arabic.el, 'save-error'));
    await transitionsDone(arabic.el);
    await expect(arabic.el).to.be.accessible();
  });

  describe('by default', () => {
    it('shows a loading state, then the saved preferences', async () => {
      const { el, backend } = await mountPreferences({ settle: false, latencyMs: 300 });
      expect(part(el, 'loading')).to.exist;
      await settled(el);
      expect(requestsTo(backend, 'getPreferences')).to.have.length(1);
      expect(radio('System').checked).to.equal(true);
      expect(radio('Light').checked).to.equal(false);
      expect(compactSwitch().checked).to.equal(false);
      expect(dateChecked(el).value).to.equal('auto');
      expect(timeRadio(/^Automatic/).checked).to.equal(true);
      expect(visibleText(el)).to.contain("System follows your device's light or dark mode.");
      expect(visibleText(el)).to.contain('Less spacing, so more fits on screen.');
      expect(radio('System').getAttribute('aria-describedby')).to.equal('theme-hint');
      expect(compactSwitch().getAttribute('aria-describedby')).to.equal('density-hint');
      expect(requestsTo(backend, 'updatePreferences')).to.have.length(0);
    });

    it('applies the saved preferences when they differ from the page, without saving them again', async () => {
      const { provider, list, backend } = await mountWithSibling({
        theme: 'light',
        setup: saving({ theme: 'dark', density: 'compact', timeFormat: '24h' }),
      });
      await until(() => provider.theme === 'dark');
      expect(provider.density).to.equal('compact');
      expect(provider.timeFormat).to.equal('24h');
      await until(() => list.getAttribute('data-dn-theme') === 'dark');
      expect(radio('Dark').checked).to.equal(true);
      expect(compactSwitch().checked).to.equal(true);
      expect(radio(/^24-hour/).checked).to.equal(true);
      expect(requestsTo(backend, 'updatePreferences')).to.have.length(0);
    });

    it('shows an example of each date and time format, and a preview of now in the chosen ones', async () => {
      const { el } = await mountPreferences({ setup: saving({ theme: 'light' }) });
      const today = Date.now();
      const options = dateRadios(el).map((input) => input.closest('label')!.textContent!.trim());
      expect(options).to.deep.equal([
        `Automatic, from your language (${formatDate(today, BERLIN)})`,
        `${formatDate(today, { ...BERLIN, dateFormat: 'DD/MM/YYYY' })} (day/month/year)`,
        `${formatDate(today, { ...BERLIN, dateFormat: 'MM/DD/YYYY' })} (month/day/year)`,
        `${formatDate(today, { ...BERLIN, dateFormat: 'YYYY-MM-DD' })} (year-month-day)`,
        `${formatDate(today, { ...BERLIN, dateFormat: 'D MMM YYYY' })} (day, month name, year)`,
      ]);
      expect(radio('Automatic, from your language (4:05 PM)')).to.exist;
      expect(radio('12-hour (4:05 PM)')).to.exist;
      expect(radio('24-hour (16:05)')).to.exist;
      const time = previewTime(el);
      expect(Math.abs(Date.parse(time.dateTime) - Date.now())).to.be.lessThan(5000);
      expect(time.textContent).to.equal(formatDateTime(time.dateTime, BERLIN));
      expect(visibleText(part(el, 'preview')!)).to.contain('Preview');
      expect(visibleText(part(el, 'preview')!)).to.contain('in your time zone (Europe/Berlin)');
    });
  });

  describe('a change', () => {
    it('applies at once to every element under the provider, before the server answered, then is saved', async () => {
      const held = heldSaves();
      const { el, provider, list, backend } = await mountWithSibling({ setup: (b) => b.use(held.handler) });
      const changed = oneEvent(el, 'dn-preferences-changed');
      radio('Dark').click();
      await until(() => list.getAttribute('data-dn-theme') === 'dark', 'the sibling to turn dark');
      expect(provider.theme).to.equal('dark');
      expect(el.getAttribute('data-dn-theme')).to.equal('dark');
      expect(backend.store.getPreferences().theme, 'not saved yet').to.equal('system');
      expect(radio('Dark').checked).to.equal(true);
      // Busy while the save is under way; the controls stay usable.
      expect(group(el, 'theme').getAttribute('aria-busy')).to.equal('true');
      expect(visibleText(group(el, 'theme'))).to.contain('Saving…');
      expect(group(el, 'density').getAttribute('aria-busy')).to.equal('false');
      held.open();
      const event = await changed;
      expect(event.detail.changed).to.deep.equal(['theme']);
      expect(event.detail.preferences).to.deep.equal({ theme: 'dark', density: 'comfortable', dateFormat: 'auto', timeFormat: 'auto' });
      const patches = requestsTo(backend, 'updatePreferences');
      expect(patches).to.have.length(1);
      expect(patches[0]!.method).to.equal('PATCH');
      expect(patches[0]!.json).to.deep.equal({ theme: 'dark' });
      expect(backend.store.getPreferences().theme).to.equal('dark');
      await until(() => statusOf(el) === 'Preferences saved.');
      expect(group(el, 'theme').getAttribute('aria-busy')).to.equal('false');
      expect(visibleText(el)).not.to.contain('Saving…');
      expect(list.getAttribute('data-dn-theme')).to.equal('dark');
    });

    it('compact mode makes every element compact', async () => {
      const { el, provider, list, backend } = await mountWithSibling();
      compactSwitch().click();
      await until(() => list.getAttribute('data-dn-density') === 'compact');
      expect(provider.density).to.equal('compact');
      expect(compactSwitch().getAttribute('aria-checked')).to.equal('true');
      await until(() => statusOf(el) === 'Preferences saved.');
      expect(requestsTo(backend, 'updatePreferences')[0]!.json).to.deep.equal({ density: 'compact' });
      expect(backend.store.getPreferences().density).to.equal('compact');
    });

    it('a time and date format change re-formats the times other elements show, and the preview', async () => {
      const { el, list, backend } = await mountWithSibling();
      await until(() => signedIn(list), 'a session row');
      const createdAt = signedIn(list)!.dateTime;
      const signedInText = () => signedIn(list)?.textContent?.trim();
      expect(signedInText()).to.equal(`Signed in ${formatDateTime(createdAt, BERLIN)}`);
      radio(/^24-hour/).click();
      const h24 = { ...BERLIN, timeFormat: '24h' } as const;
      await until(() => signedInText() === `Signed in ${formatDateTime(createdAt, h24)}`, 'the session list in 24-hour time');
      expect(previewTime(el).textContent).to.equal(formatDateTime(previewTime(el).dateTime, h24));
      expect(previewTime(el).textContent).to.match(/\b([01]\d|2[0-3]):[0-5]\d$/);
      await chooseByKeyboard(el, 'YYYY-MM-DD');
      const iso = { ...h24, dateFormat: 'YYYY-MM-DD' } as const;
      await until(() => signedInText() === `Signed in ${formatDateTime(createdAt, iso)}`, 'the session list in ISO dates');
      expect(previewTime(el).textContent).to.equal(formatDateTime(previewTime(el).dateTime, iso));
      await until(() => backend.store.getPreferences().dateFormat === 'YYYY-MM-DD');
      expect(backend.store.getPreferences().timeFormat).to.equal('24h');
      // Each arrow key press is a choice; the last one is what the server keeps.
      const sent = requestsTo(backend, 'updatePreferences').map((r) => r.json);
      expect(sent[0]).to.deep.equal({ timeFormat: '24h' });
      expect(sent.at(-1)).to.deep.equal({ dateFormat: 'YYYY-MM-DD' });
    });

    it('sends one request at a time, combining the choices made meanwhile', async () => {
      let inFlight = 0;
      let most = 0;
      const { el, backend } = await mountPreferences({
        setup: (b) =>
          b.use(
            http.patch(PREFS, async () => {
              inFlight += 1;
              most = Math.max(most, inFlight);
              await delay(250);
              inFlight -= 1;
              return undefined;
            }),
          ),
      });
      const events: string[][] = [];
      el.addEventListener('dn-preferences-changed', (e) => events.push(e.detail.changed));
      radio('Dark').click();
      compactSwitch().click();
      radio(/^24-hour/).click();
      radio('Light').click();
      await el.updateComplete;
      expect(group(el, 'time-format').getAttribute('aria-busy')).to.equal('true');
      expect(group(el, 'date-format').getAttribute('aria-busy')).to.equal('false');
      await until(() => events.length === 2, 'two saves');
      await aTimeout(300);
      expect(most, 'requests at the same time').to.equal(1);
      expect(requestsTo(backend, 'updatePreferences').map((r) => r.json)).to.deep.equal([
        { theme: 'dark' },
        { theme: 'light', density: 'compact', timeFormat: '24h' },
      ]);
      expect(events).to.deep.equal([['theme'], ['theme', 'density', 'timeFormat']]);
      expect(backend.store.getPreferences()).to.deep.equal({ theme: 'light', density: 'compact', dateFormat: 'auto', timeFormat: '24h' });
      expect(radio('Light').checked).to.equal(true);
    });

    it('sends nothing for a choice undone before it was sent', async () => {
      const held = heldSaves();
      const { el, provider, backend } = await mountPreferences({ setup: (b) => b.use(held.handler) });
      radio('Dark').click();
      compactSwitch().click();
      compactSwitch().click();
      await until(() => provider.density === 'comfortable');
      held.open();
      await until(() => statusOf(el) === 'Preferences saved.');
      await aTimeout(200);
      expect(requestsTo(backend, 'updatePreferences').map((r) => r.json)).to.deep.equal([{ theme: 'dark' }]);
      expect(group(el, 'density').getAttribute('aria-busy')).to.equal('false');
    });

    it('the form follows the provider when its settings change from elsewhere, without saving', async () => {
      const { el, provider, backend } = await mountPreferences();
      provider.theme = 'dark';
      provider.timeFormat = '12h';
      await until(() => radio('Dark').checked);
      expect(radio(/^12-hour/).checked).to.equal(true);
      expect(el.getAttribute('data-dn-theme')).to.equal('dark');
      await aTimeout(100);
      expect(requestsTo(backend, 'updatePreferences')).to.have.length(0);
    });

    it('a save cut short by leaving the page is sent when the element comes back', async () => {
      const { el, provider, backend } = await mountPreferences({ latencyMs: 400 });
      radio('Dark').click();
      await aTimeout(50);
      el.remove();
      expect(provider.theme, 'the page keeps the choice').to.equal('dark');
      await aTimeout(500);
      provider.append(el);
      await until(() => statusOf(el) === 'Preferences saved.', 'the save after coming back');
      expect(backend.store.getPreferences().theme).to.equal('dark');
    });
  });

  describe('when a save fails', () => {
    it('puts the previous value back on every element, with a message next to the setting, and keeps focus', async () => {
      const { el, provider, list, backend } = await mountWithSibling({ setup: (b) => b.use(fail500()) });
      let events = 0;
      el.addEventListener('dn-preferences-changed', () => (events += 1));
      const dark = radio('Dark');
      dark.focus();
      dark.click();
      await until(() => part(el, 'save-error'), 'the message');
      const error = part(el, 'save-error')!;
      expect(group(el, 'theme').contains(error)).to.equal(true);
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.match(/Your change was not saved, so this setting is back to what it was\. .*went wrong on our side/);
      expect(radio('System').checked).to.equal(true);
      expect(dark.checked).to.equal(false);
      expect(dark.getAttribute('aria-describedby')).to.equal('theme-error');
      expect(provider.theme).to.equal('system');
      await until(() => list.getAttribute('data-dn-theme') === 'system');
      expect(el.getAttribute('data-dn-theme')).to.equal('system');
      expect(backend.store.getPreferences().theme).to.equal('system');
      expect(deepActive() === dark, 'focus stays where the user is').to.equal(true);
      expect(statusOf(el)).to.equal('');
      expect(events).to.equal(0);
      // Choosing again clears the message.
      backend.resetHandlers();
      radio('Dark').click();
      await until(() => statusOf(el) === 'Preferences saved.');
      expect(part(el, 'save-error')).to.equal(null);
      expect(provider.theme).to.equal('dark');
    });

    it('keeps a newer choice of the same setting made while the failed one was under way', async () => {
      let patches = 0;
      const { el, provider, backend } = await mountPreferences({
        setup: (b) =>
          b.use(
            http.patch(PREFS, async () => {
              patches += 1;
              await delay(200);
              if (patches > 1) return undefined;
              return HttpResponse.json({ title: 'x', status: 500 }, { status: 500 });
            }),
          ),
      });
      radio('Dark').click();
      radio('Light').click();
      await until(() => statusOf(el) === 'Preferences saved.');
      expect(patches).to.equal(2);
      // The first answer (500) came from the test's handler; the mock answered the second.
      expect(requestsTo(backend, 'updatePreferences').map((r) => r.json)).to.deep.equal([{ theme: 'light' }]);
      expect(part(el, 'save-error')).to.equal(null);
      expect(provider.theme).to.equal('light');
      expect(backend.store.getPreferences().theme).to.equal('light');
    });

    it('says how long to wait after a 429, and puts back the choices still waiting too', async () => {
      const sent: unknown[] = [];
      const { el, provider } = await mountPreferences({
        setup: (b) =>
          b.use(
            http.patch(PREFS, async ({ request }) => {
              sent.push(await request.json());
              await delay(150);
              return HttpResponse.json(
                { type: 'urn:dialnexa:problem:rate-limited', title: 'Slow down', status: 429, retryAfter: 30 },
                { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '30' } },
              );
            }),
          ),
      });
      radio('Dark').click();
      compactSwitch().click();
      await until(() => el.shadowRoot!.querySelectorAll('[part="save-error"]').length === 2);
      expect(visibleText(group(el, 'theme'))).to.match(/Too many attempts\. You can try again in 30 seconds\./);
      expect(visibleText(group(el, 'density'))).to.match(/Too many attempts\./);
      expect(provider.theme).to.equal('system');
      expect(provider.density).to.equal('comfortable');
      expect(compactSwitch().checked).to.equal(false);
      await aTimeout(200);
      expect(sent, 'the waiting choice is not sent into the rate limit').to.deep.equal([{ theme: 'dark' }]);
    });
  });

  describe('without a provider', () => {
    it('saves and emits, and applies the choice to itself only', async () => {
      const backend = await mockBackend();
      const wrapper = await fixture<HTMLDivElement>(html`<div><dn-preferences></dn-preferences><dn-session-list></dn-session-list></div>`);
      const el = wrapper.querySelector('dn-preferences')!;
      const list = wrapper.querySelector('dn-session-list')!;
      await settled(el);
      await settled(list);
      const changed = oneEvent(el, 'dn-preferences-changed');
      radio('Dark').click();
      await until(() => el.getAttribute('data-dn-theme') === 'dark');
      radio(/^24-hour/).click();
      const own = { ...BERLIN, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, timeFormat: '24h' } as const;
      await until(() => previewTime(el).textContent === formatDateTime(previewTime(el).dateTime, own), 'its own preview in 24-hour time');
      const event = await changed;
      expect(event.detail.preferences.theme).to.equal('dark');
      await until(() => backend.store.getPreferences().timeFormat === '24h');
      expect(backend.store.getPreferences().theme).to.equal('dark');
      expect(list.getAttribute('data-dn-theme'), 'the lone sibling is not touched').to.equal('light');
      expect(document.documentElement.getAttribute('data-dn-theme')).not.to.equal('dark');
      await until(() => statusOf(el) === 'Preferences saved.');
    });
  });

  it('leaves nothing running when it leaves the page', async () => {
    const intervals = spyOnIntervals();
    try {
      const signals: AbortSignal[] = [];
      const api = {
        getPreferences: ({ signal }: { signal: AbortSignal }) => {
          signals.push(signal);
          return new Promise(() => {});
        },
      } as unknown as AccountApi;
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('dn-preferences');
      el.api = api;
      host.append(el);
      await until(() => signals.length === 1, 'the load');
      expect(intervals.started.length, 'the preview clock').to.be.greaterThan(0);
      el.remove();
      expect(signals[0]!.aborted, 'the load is cancelled').to.equal(true);
      for (const { id } of intervals.started) expect(intervals.cleared).to.include(id);
    } finally {
      intervals.restore();
    }
  });

  it('shows the error state, not a crash, when the saved preferences are not valid', async () => {
    const neon = { theme: 'neon', density: 'comfortable', dateFormat: 'auto', timeFormat: 'auto' };
    const { el } = await mountPreferences({ setup: (b) => b.use(http.get(PREFS, () => HttpResponse.json(neon))) });
    const error = part(el, 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(visibleText(error)).to.contain('The server sent an answer we could not read.');
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    expect(visibleText(el)).not.to.match(/neon|undefined/);
    expect(screen.getByShadowRole('button', { name: 'Try again' })).to.exist;
  });

  it('works with the keyboard alone', async () => {
    const { el, provider, backend } = await mountPreferences();
    el.shadowRoot!.querySelector<HTMLElement>('.title')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === radio('System'), 'the checked theme first').to.equal(true);
    await sendKeys({ press: 'ArrowLeft' });
    expect(deepActive() === radio('Dark')).to.equal(true);
    expect(radio('Dark').checked).to.equal(true);
    await until(() => provider.theme === 'dark');
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === compactSwitch()).to.equal(true);
    await sendKeys({ press: 'Space' });
    await until(() => provider.density === 'compact');
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === dateChecked(el), 'the checked date format').to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await until(() => provider.dateFormat === 'DD/MM/YYYY');
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === timeRadio(/^Automatic/)).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(radio(/^24-hour/).checked).to.equal(true);
    await until(() => provider.timeFormat === '24h');
    await until(() => backend.store.getPreferences().timeFormat === '24h' && statusOf(el) === 'Preferences saved.');
    expect(backend.store.getPreferences()).to.deep.equal({ theme: 'dark', density: 'compact', dateFormat: 'DD/MM/YYYY', timeFormat: '24h' });
    expect(deepActive() === radio(/^24-hour/), 'focus stays put after the saves').to.equal(true);
  });

  it('moves through the theme options with the arrow keys mirrored right to left', async () => {
    const { el, provider } = await mountPreferences({ locale: 'ar', setup: saving({ theme: 'light' }) });
    await until(() => radio('فاتح').checked);
    radio('فاتح').focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(radio('داكن').checked, 'left is the next option in RTL').to.equal(true);
    await until(() => provider.theme === 'dark');
    await until(() => statusOf(el) === 'تم حفظ التفضيلات.');
  });

  describe('on a phone', () => {
    for (const width of [320, 375]) {
      for (const locale of ['en', 'de', 'es', 'ar']) {
        it(`shows every choice whole at ${width} px (${locale})`, async () => {
          const { el } = await mountPreferences({ locale });
          el.style.inlineSize = `${width}px`;
          await nextFrame();
          await nextFrame();
          expect(overflowing(el)).to.deep.equal([]);
          // Each date format is a row of its own whose label (today's date in it) wraps; a <select>
          // would cut the chosen one off ("Automatic, from your language (" at 375 px).
          expect(dateRadios(el)).to.have.length(5);
          for (const input of dateRadios(el)) {
            const label = input.closest('label')!;
            expect(label.scrollWidth, label.textContent!.trim()).to.be.at.most(label.clientWidth + 1);
            expect(label.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
          }
        });
      }
    }
  });

  describe('in other languages', () => {
    const afternoon = (locale: string) => formatTime(Date.UTC(2026, 0, 1, 16, 5), { locale, timeZone: 'UTC', timeFormat: '24h' });
    const cases = [
      {
        locale: 'de',
        title: 'Anzeigeeinstellungen',
        strings: ['Farbschema', 'Dunkel', 'Kompakte Ansicht', 'Datumsformat', 'Zeitformat', 'Vorschau'],
        h24: '24-Stunden-Format (16:05)',
        notSaved: 'Ihre Änderung wurde nicht gespeichert',
      },
      {
        locale: 'es',
        title: 'Preferencias de visualización',
        strings: ['Tema', 'Oscuro', 'Modo compacto', 'Formato de fecha', 'Formato de hora', 'Vista previa'],
        h24: 'De 24 horas (16:05)',
        notSaved: 'Tu cambio no se guardó',
      },
      {
        locale: 'ar',
        title: 'تفضيلات العرض',
        strings: ['المظهر', 'داكن', 'العرض المضغوط', 'تنسيق التاريخ', 'تنسيق الوقت', 'معاينة'],
        h24: `نظام 24 ساعة (${afternoon('ar')})`,
        notSaved: 'لم يُحفظ التغيير',
      },
    ];
    for (const c of cases) {
      it(`speaks ${c.locale}`, async () => {
        const { el } = await mountPreferences({ locale: c.locale, setup: (b) => b.use(fail500()) });
        await until(() => visibleText(el).includes(c.title));
        const text = visibleText(el);
        for (const s of c.strings) expect(text).to.contain(s);
        expect(radio(c.h24)).to.exist;
        const time = previewTime(el);
        expect(time.textContent).to.equal(formatDateTime(time.dateTime, { ...BERLIN, locale: c.locale }));
        within(group(el, 'density')).getByShadowRole('switch').click();
        await until(() => part(el, 'save-error'));
        expect(visibleText(part(el, 'save-error')!)).to.contain(c.notSaved);
      });
    }
  });
});
