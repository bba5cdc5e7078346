import { aTimeout, expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD } from '../../mock/index.js';
import type { ExportJob } from '../../src/api/schemas.js';
import type { DnPrivacySettings } from '../../src/components/privacy-settings/privacy-settings.js';
import '../../src/components/privacy-settings/privacy-settings.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { mount, requestsTo, settled, statusOf, typeInto, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { deepActive } from '../helpers/dialogs.js';

const EXPORT = '/api/account/data-export';
const PRIVACY = '/api/account/privacy';
const DAY = 24 * 60 * 60 * 1000;
const BERLIN = { locale: 'en', timeZone: 'Europe/Berlin', dateFormat: 'auto', timeFormat: 'auto' } as const;

const mountPrivacy = (options: MountOptions = {}) =>
  mount<DnPrivacySettings>(html`<dn-privacy-settings></dn-privacy-settings>`, { exportDurationMs: 60_000, ...options });

const analyticsSwitch = () => screen.getByShadowRole('switch', { name: 'Share anonymous usage analytics' }) as HTMLInputElement;
const requestButton = () => screen.getByShadowRole('button', { name: /^(Request data export|Request a new export|Requesting…)$/ }) as HTMLButtonElement;
const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const downloadLink = (el: HTMLElement) => part(el, 'download') as HTMLAnchorElement | null;
const progressOf = (el: HTMLElement) => el.shadowRoot!.querySelector('progress');

/** Records when each GET of the export state reached the network (passing it on to the mock). */
function timeExportGets(times: number[]) {
  return http.get(EXPORT, () => {
    times.push(performance.now());
    return undefined;
  });
}

const job = (overrides: Partial<ExportJob>): ExportJob => ({
  id: 'exp_test',
  status: 'ready',
  progress: 100,
  requestedAt: new Date(Date.now() - 60_000).toISOString(),
  readyAt: new Date(Date.now() - 30_000).toISOString(),
  expiresAt: new Date(Date.now() + 7 * DAY).toISOString(),
  downloadUrl: null,
  error: null,
  ...overrides,
});

describe('dn-privacy-settings', () => {
  it('is accessible', async () => {
    const { el } = await mountPrivacy();
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark and right-to-left, with an export running and with one ready', async () => {
    const { el } = await mountPrivacy({ theme: 'dark', locale: 'ar', setup: (b) => void b.store.requestDataExport() });
    await until(() => /الخصوصية/.test(visibleText(el)));
    expect(progressOf(el)).to.exist;
    await expect(el).to.be.accessible();
    const dark = await mountPrivacy({ theme: 'dark', density: 'compact', exportDurationMs: 0, setup: (b) => void b.store.requestDataExport() });
    await until(() => downloadLink(dark.el));
    await expect(dark.el).to.be.accessible();
  });

  describe('by default', () => {
    it('loads the setting and the export state, and shows the switch as the server has it', async () => {
      const { el, backend } = await mountPrivacy();
      expect(requestsTo(backend, 'getPrivacySettings')).to.have.length(1);
      expect(requestsTo(backend, 'getDataExport')).to.have.length(1);
      const toggle = analyticsSwitch();
      expect(toggle.type).to.equal('checkbox');
      expect(toggle.checked).to.equal(true);
      expect(toggle.getAttribute('aria-describedby')).to.equal('analytics-hint');
      expect(visibleText(el)).to.contain('It never includes call content, recordings, transcripts or contact details.');
      expect(requestButton().textContent!.trim()).to.equal('Request data export');
      expect(requestButton().getAttribute('aria-disabled')).to.equal('false');
      expect(progressOf(el)).to.equal(null);
      expect(part(el, 'export')!.id).to.equal('export');
    });

    it('shows a loading state first', async () => {
      const { el } = await mountPrivacy({ settle: false, latencyMs: 300 });
      expect(part(el, 'loading')).to.exist;
      await settled(el);
      expect(analyticsSwitch()).to.exist;
    });

    it('showExport() brings the export section into view and focuses its heading', async () => {
      const { el } = await mountPrivacy();
      await el.showExport();
      expect(deepActive() === el.shadowRoot!.querySelector('#export-title')).to.equal(true);
    });
  });

  describe('the analytics switch', () => {
    it('saves at once, announces, emits and keeps the new value', async () => {
      const { el, backend } = await mountPrivacy();
      const changed = oneEvent(el, 'dn-privacy-settings-changed');
      analyticsSwitch().click();
      const event = await changed;
      expect(event.detail.settings).to.deep.equal({ analyticsEnabled: false });
      const patches = requestsTo(backend, 'updatePrivacySettings');
      expect(patches).to.have.length(1);
      expect(patches[0]!.method).to.equal('PATCH');
      expect(patches[0]!.json).to.deep.equal({ analyticsEnabled: false });
      expect(backend.store.getPrivacySettings().analyticsEnabled).to.equal(false);
      await until(() => statusOf(el) === 'Saved. Anonymous usage analytics are off.');
      expect(analyticsSwitch().checked).to.equal(false);
      analyticsSwitch().click();
      await until(() => statusOf(el) === 'Saved. Anonymous usage analytics are on.');
      expect(requestsTo(backend, 'updatePrivacySettings')[1]!.json).to.deep.equal({ analyticsEnabled: true });
    });

    it('is busy while saving and sends one request however often it is clicked', async () => {
      const { el, backend } = await mountPrivacy({ latencyMs: 300 });
      analyticsSwitch().click();
      await until(() => analyticsSwitch().getAttribute('aria-busy') === 'true');
      expect(analyticsSwitch().getAttribute('aria-disabled')).to.equal('true');
      expect(visibleText(el)).to.contain('Saving…');
      analyticsSwitch().click();
      analyticsSwitch().click();
      expect(analyticsSwitch().checked, 'the clicks while busy change nothing').to.equal(false);
      await until(() => statusOf(el).startsWith('Saved.'));
      expect(requestsTo(backend, 'updatePrivacySettings')).to.have.length(1);
      expect(analyticsSwitch().checked).to.equal(false);
      expect(analyticsSwitch().getAttribute('aria-busy')).to.equal('false');
    });

    it('rolls back with a message when the save fails', async () => {
      const { el, backend } = await mountPrivacy({
        setup: (b) => b.use(http.patch(PRIVACY, () => HttpResponse.json({ title: 'x', status: 500 }, { status: 500 }))),
      });
      analyticsSwitch().click();
      await until(() => part(el, 'analytics-error'));
      expect(part(el, 'analytics-error')!.getAttribute('role')).to.equal('alert');
      expect(visibleText(part(el, 'analytics-error')!)).to.match(/was not saved, so the setting is back.*went wrong on our side/);
      expect(analyticsSwitch().checked).to.equal(true);
      expect(analyticsSwitch().getAttribute('aria-checked')).to.equal('true');
      expect(backend.store.getPrivacySettings().analyticsEnabled).to.equal(true);
      expect(statusOf(el)).to.equal('');
    });
  });

  describe('the data export', () => {
    it('requests one export, shows its progress, then the download link with its expiry', async () => {
      const { el, backend } = await mountPrivacy({ exportDurationMs: 2500 });
      const requested = oneEvent(el, 'dn-data-export-requested');
      let readyEvents = 0;
      el.addEventListener('dn-data-export-ready', () => (readyEvents += 1));
      requestButton().click();
      const event = await requested;
      expect(event.detail.job.status).to.equal('queued');
      const posts = requestsTo(backend, 'requestDataExport');
      expect(posts).to.have.length(1);
      expect(posts[0]!.method).to.equal('POST');
      await until(() => statusOf(el).startsWith('Export requested.'));
      const bar = screen.getByShadowRole('progressbar', { name: 'Export progress' }) as HTMLProgressElement;
      expect(bar.max).to.equal(100);
      expect(visibleText(el)).to.match(/Queued: your export will start shortly\.|Preparing your data… \d+%/);
      // One at a time: the button stays, disabled, and says why.
      expect(requestButton().getAttribute('aria-disabled')).to.equal('true');
      expect(requestButton().getAttribute('aria-describedby')).to.equal('request-reason');
      expect(visibleText(el)).to.contain('You can request another export once this one is finished.');
      requestButton().click();
      requestButton().click();
      const ready = await until(() => downloadLink(el), 'the download link', 8000).then(() => downloadLink(el)!);
      expect(requestsTo(backend, 'requestDataExport')).to.have.length(1);
      const current = backend.store.getDataExport().job!;
      expect(current.status).to.equal('ready');
      // The mock serves one JSON document and says so: the button names what is really served.
      expect(current.mediaType).to.equal('application/json');
      expect(ready.textContent!.trim()).to.equal(`Download (JSON) — available until ${formatDateTime(current.expiresAt!, BERLIN)}`);
      expect(visibleText(el)).not.to.contain('ZIP');
      expect(ready.getAttribute('href')).to.equal(current.downloadUrl);
      expect(ready.hasAttribute('download')).to.equal(true);
      expect(progressOf(el)).to.equal(null);
      await until(() => statusOf(el) === 'Your data export is ready to download.');
      expect(readyEvents).to.equal(1);
      // Ready: a new export may be requested.
      expect(requestButton().textContent!.trim()).to.equal('Request a new export');
      expect(requestButton().getAttribute('aria-disabled')).to.equal('false');
      await aTimeout(1200);
      expect(readyEvents, 'ready once per job').to.equal(1);
    });

    it('shows the progress in numbers and words while the export is prepared', async () => {
      const { el, backend } = await mountPrivacy({ exportDurationMs: 30_000 });
      requestButton().click();
      await until(() => /Preparing your data… \d+%/.test(visibleText(el)), 'the running state', 5000);
      const server = backend.store.getDataExport().job!;
      expect(server.status).to.equal('running');
      const bar = progressOf(el)!;
      expect(bar.value).to.be.greaterThan(0);
      expect(bar.getAttribute('aria-describedby')).to.equal('export-state');
      expect(part(el, 'export-state')!.textContent).to.equal(`Preparing your data… ${bar.value}%`);
    });

    it('checks less and less often (1 s, then ×1.5)', async () => {
      const times: number[] = [];
      const { el } = await mountPrivacy({ exportDurationMs: 120_000, setup: (b) => b.use(timeExportGets(times)) });
      const start = performance.now();
      requestButton().click();
      await until(() => statusOf(el).startsWith('Export requested.'));
      await until(() => times.length === 4, 'three checks', 9000);
      const polls = times.slice(1).map((t) => t - start);
      // At about 1 s, 2.5 s and 4.75 s (a fixed 1 s would have made them at 1, 2 and 3 s).
      const gaps = polls.map((t, i) => t - (i === 0 ? 0 : polls[i - 1]!));
      const seen = `checks at ${polls.map(Math.round).join(', ')} ms`;
      expect(gaps[0], seen).to.be.within(900, 1700);
      expect(gaps[1], seen).to.be.within(1400, 2200);
      expect(gaps[2], seen).to.be.within(2150, 3000);
      expect(gaps[2]! - gaps[1]!, seen).to.be.greaterThan(400);
    });

    it('stops checking when removed from the page', async () => {
      const { el, backend } = await mountPrivacy({ exportDurationMs: 120_000 });
      requestButton().click();
      await until(() => requestsTo(backend, 'getDataExport').length === 2, 'the first check', 4000);
      el.remove();
      const before = requestsTo(backend, 'getDataExport').length;
      await aTimeout(2600);
      expect(requestsTo(backend, 'getDataExport')).to.have.length(before);
    });

    it('resumes a running export on a new element without requesting another, and says when it is ready', async () => {
      const { el, backend, provider } = await mountPrivacy({ exportDurationMs: 4000 });
      requestButton().click();
      await until(() => progressOf(el));
      el.remove();
      const again = document.createElement('dn-privacy-settings');
      const ready = oneEvent(again, 'dn-data-export-ready');
      provider.append(again);
      await until(() => again.shadowRoot?.querySelector('[part="switch"]'), 'the new element to load');
      expect(progressOf(again), 'progress on the new element').to.exist;
      expect(requestButton().getAttribute('aria-disabled')).to.equal('true');
      const event = await ready;
      expect(event.detail.job.status).to.equal('ready');
      await until(() => downloadLink(again));
      expect(requestsTo(backend, 'requestDataExport')).to.have.length(1);
    });

    it('shows an export that was already ready, without announcing or emitting it', async () => {
      let readyEvents = 0;
      const listener = () => (readyEvents += 1);
      document.addEventListener('dn-data-export-ready', listener);
      try {
        const { el, backend } = await mountPrivacy({ exportDurationMs: 0, setup: (b) => void b.store.requestDataExport() });
        expect(downloadLink(el)).to.exist;
        expect(visibleText(el)).to.contain('Your data export is ready.');
        await aTimeout(300);
        expect(readyEvents).to.equal(0);
        expect(statusOf(el)).to.equal('');
        expect(requestsTo(backend, 'getDataExport')).to.have.length(1);
      } finally {
        document.removeEventListener('dn-data-export-ready', listener);
      }
    });

    it('says when the export failed, with the server\'s reason, and offers a new one', async () => {
      const { el, backend } = await mountPrivacy({ exportDurationMs: 1200, exportFails: true });
      requestButton().click();
      await until(() => part(el, 'failed'), 'the failure', 6000);
      const failed = part(el, 'failed')!;
      expect(failed.getAttribute('role')).to.equal('alert');
      expect(visibleText(failed)).to.equal(
        'Your data export could not be prepared. You can request a new one. The server said: The export could not be completed. Try again.',
      );
      expect(downloadLink(el)).to.equal(null);
      expect(requestButton().textContent!.trim()).to.equal('Request a new export');
      requestButton().click();
      await until(() => requestsTo(backend, 'requestDataExport').length === 2);
      await until(() => progressOf(el));
    });

    it('offers a new export when the last one expired', async () => {
      let offset = 0;
      const { el, backend } = await mountPrivacy({
        exportDurationMs: 0,
        now: () => Date.now() + offset,
        setup: (b) => {
          b.store.requestDataExport();
          offset = 8 * DAY;
        },
      });
      const expired = backend.store.getDataExport().job!;
      expect(expired.status).to.equal('expired');
      expect(visibleText(el)).to.contain(
        `Your last export expired on ${formatDateTime(expired.expiresAt!, BERLIN)}. Request a new one to download your data again.`,
      );
      expect(downloadLink(el)).to.equal(null);
      requestButton().click();
      await until(() => downloadLink(el));
      expect(requestsTo(backend, 'requestDataExport')).to.have.length(1);
    });

    it('follows an export started elsewhere when the server says one is running (409)', async () => {
      const { el, backend } = await mountPrivacy();
      backend.store.requestDataExport();
      requestButton().click();
      await until(() => progressOf(el));
      await until(() => statusOf(el) === 'An export is already being prepared. Its progress is shown below.');
      expect(part(el, 'export-error')).to.equal(null);
      expect(requestsTo(backend, 'requestDataExport')).to.have.length(1);
      expect(requestsTo(backend, 'requestDataExport')[0]!.status).to.equal(409);
    });

    it('waits as long as a 429 Retry-After says, and tells the user meanwhile', async () => {
      const times: number[] = [];
      let gets = 0;
      const { el } = await mountPrivacy({
        setup: (b) =>
          b.use(
            http.get(EXPORT, () => {
              gets += 1;
              times.push(performance.now());
              if (gets !== 2) return undefined;
              return HttpResponse.json(
                { type: 'urn:dialnexa:problem:rate-limited', title: 'Slow down', status: 429, retryAfter: 3 },
                { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '3' } },
              );
            }),
          ),
      });
      requestButton().click();
      await until(() => part(el, 'poll-error'), 'the rate-limit note', 4000);
      expect(visibleText(part(el, 'poll-error')!)).to.match(/We could not check on your export\. Too many attempts\. .*Checking again automatically\./);
      await until(() => gets === 3, 'the next check', 6000);
      expect(times[2]! - times[1]!).to.be.greaterThan(2900);
      await until(() => !part(el, 'poll-error'), 'the note to go once a check worked');
      expect(progressOf(el)).to.exist;
    });

    it('keeps checking after a passing failure', async () => {
      let gets = 0;
      const { el, backend } = await mountPrivacy({
        exportDurationMs: 2000,
        setup: (b) =>
          b.use(
            http.get(EXPORT, () => {
              gets += 1;
              return gets === 2 ? HttpResponse.json({ title: 'x', status: 503 }, { status: 503 }) : undefined;
            }),
          ),
      });
      requestButton().click();
      await until(() => part(el, 'poll-error'), 'the note', 4000);
      expect(visibleText(part(el, 'poll-error')!)).to.contain('went wrong on our side');
      await until(() => downloadLink(el), 'the export to finish', 8000);
      expect(part(el, 'poll-error')).to.equal(null);
      expect(requestsTo(backend, 'requestDataExport')).to.have.length(1);
    });

    it('stops checking after a failure waiting will not fix, and offers "Check again"', async () => {
      let gets = 0;
      const { el } = await mountPrivacy({
        setup: (b) =>
          b.use(
            http.get(EXPORT, () => {
              gets += 1;
              return gets === 2
                ? HttpResponse.json({ type: 'urn:dialnexa:problem:forbidden', title: 'x', status: 403 }, { status: 403 })
                : undefined;
            }),
          ),
      });
      requestButton().click();
      await until(() => part(el, 'poll-error'), 'the note', 4000);
      expect(visibleText(part(el, 'poll-error')!)).to.equal("We could not check on your export. You don't have permission to do this. Check again");
      await aTimeout(1800);
      expect(gets, 'no more checks').to.equal(2);
      screen.getByShadowRole('button', { name: 'Check again' }).click();
      await until(() => gets === 3);
      await until(() => !part(el, 'poll-error'));
      expect(progressOf(el)).to.exist;
    });

    it('opens "Confirm it\'s you" when the server asks, then requests the export', async () => {
      let asked = false;
      const { el, backend } = await mountPrivacy({
        reauth: 'always',
        setup: (b) =>
          b.use(
            http.post(EXPORT, () => {
              if (asked) return undefined;
              asked = true;
              return HttpResponse.json(
                { type: 'urn:dialnexa:problem:reauth-required', title: "Confirm it's you", status: 403, methods: ['password'] },
                { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
              );
            }),
          ),
      });
      requestButton().click();
      await until(() => screen.queryByLabelText('Password'));
      await typeInto(screen.getByLabelText('Password') as HTMLInputElement, MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => progressOf(el), 'the export to start after re-authentication');
      expect(requestsTo(backend, 'requestDataExport')).to.have.length(1);
    });
  });

  for (const [mediaType, label] of [
    ['application/zip', 'Download (ZIP)'],
    ['application/json; charset=utf-8', 'Download (JSON)'],
    ['application/x-dialnexa-export', 'Download'],
    [undefined, 'Download'],
  ] as const) {
    it(`names the export's format as the server gives it: ${mediaType ?? 'no media type'} → "${label}"`, async () => {
      const { el } = await mountPrivacy({
        setup: (b) => b.use(http.get(EXPORT, () => HttpResponse.json({ job: job({ downloadUrl: 'https://files.example/export', mediaType }) }))),
      });
      const link = await until(() => downloadLink(el)).then(() => downloadLink(el)!);
      expect(link.textContent!.trim()).to.match(new RegExp(`^${label.replace(/[()]/g, '\\$&')} — available until `));
      expect(visibleText(el)).to.contain('as a file to download');
    });
  }

  it('renders hostile server text as inert text and never links to a script URL', async () => {
    const evil = '<img src=x onerror="alert(1)"> \u202Eevil\u202C 🔥 '.concat('x'.repeat(300));
    const { el } = await mountPrivacy({
      setup: (b) => b.use(http.get(EXPORT, () => HttpResponse.json({ job: job({ status: 'failed', readyAt: null, expiresAt: null, error: evil }) }))),
    });
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(visibleText(part(el, 'failed')!)).to.contain('<img src=x onerror="alert(1)">');
    expect(el.shadowRoot!.querySelector('.server-text')!.getAttribute('dir')).to.equal('auto');
    const scripted = await mountPrivacy({
      setup: (b) => b.use(http.get(EXPORT, () => HttpResponse.json({ job: job({ downloadUrl: 'javascript:alert(1)' }) }))),
    });
    expect(downloadLink(scripted.el)).to.equal(null);
    expect(scripted.el.shadowRoot!.querySelector('a[href^="javascript"]')).to.equal(null);
    expect(visibleText(scripted.el)).to.contain('The download link for this export cannot be used. Request a new export.');
  });

  it('works with the keyboard alone', async () => {
    const { el, backend } = await mountPrivacy({ exportDurationMs: 30_000 });
    el.shadowRoot!.querySelector<HTMLElement>('.title')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === analyticsSwitch()).to.equal(true);
    await sendKeys({ press: 'Space' });
    await until(() => statusOf(el) === 'Saved. Anonymous usage analytics are off.');
    expect(requestsTo(backend, 'updatePrivacySettings')[0]!.json).to.deep.equal({ analyticsEnabled: false });
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === requestButton()).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => progressOf(el));
    expect(requestsTo(backend, 'requestDataExport')).to.have.length(1);
    // Focus stays on the (now disabled) button; Enter again sends nothing.
    expect(deepActive() === requestButton()).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await aTimeout(100);
    expect(requestsTo(backend, 'requestDataExport')).to.have.length(1);
  });

  describe('in other languages', () => {
    const cases = [
      { locale: 'de', title: 'Datenschutz', toggle: 'Anonyme Nutzungsstatistiken teilen', request: 'Datenexport anfordern', download: 'Herunterladen (JSON) – verfügbar bis' },
      { locale: 'es', title: 'Privacidad', toggle: 'Compartir estadísticas de uso anónimas', request: 'Solicitar exportación de datos', download: 'Descargar (JSON) — disponible hasta el' },
      { locale: 'ar', title: 'الخصوصية', toggle: 'مشاركة إحصاءات الاستخدام مجهولة الهوية', request: 'طلب تصدير البيانات', download: 'تنزيل (JSON) — متاح حتى' },
    ];
    for (const c of cases) {
      it(`speaks ${c.locale}`, async () => {
        const { el } = await mountPrivacy({ locale: c.locale });
        await until(() => visibleText(el).includes(c.title));
        const text = visibleText(el);
        expect(text).to.contain(c.toggle);
        expect(text).to.contain(c.request);
        const ready = await mountPrivacy({ locale: c.locale, exportDurationMs: 0, setup: (b) => void b.store.requestDataExport() });
        await until(() => downloadLink(ready.el)?.textContent?.includes(c.download));
        const expiresAt = ready.backend.store.getDataExport().job!.expiresAt!;
        expect(downloadLink(ready.el)!.textContent).to.contain(formatDateTime(expiresAt, { ...BERLIN, locale: c.locale }));
      });
    }
  });
});
