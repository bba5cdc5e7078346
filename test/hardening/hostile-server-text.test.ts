/**
 * Every server-provided text and URL, fed the hostile corpus: each renders as inert text
 * (its characters in the element's text, nothing executed, no element built from it), and
 * no `javascript:`/`data:` URL from a server or a host attribute reaches an href or src.
 */
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw';
import type { MockBackend } from '../../mock/index.js';
import { safeDownloadUrl, safeHref, safeImageSrc, safeUrl } from '../../src/internal/safe-url.js';
import '../../src/define-all.js';
import { mount, until, type MountOptions } from '../helpers/fixture.js';
import { HOSTILE_TEXT, HOSTILE_URLS, MARKER_ATTR, allElements, installCanary, isScriptUrl, pwnedReport, type Canary } from '../fixtures/hostile.js';

const API = '/api/account';
const iso = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();
const HOUR = 3600e3;

/** Every text node under `el`, through shadow roots and slots, plus form-field values. */
function shownText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(node.value);
    if (node instanceof Element && node.shadowRoot) for (const child of node.shadowRoot.childNodes) walk(child);
    for (const child of node.childNodes) walk(child);
  };
  walk(el);
  return normalize(parts.join(' '));
}

/** Inputs drop CR/LF (the value sanitization algorithm); whitespace collapses when shown. */
const normalize = (text: string) => text.replace(/[\r\n]/g, '').replace(/\s+/g, ' ').trim();

interface ServerCase {
  element: string;
  /** The server fields this case fills (one hostile text each per mount). */
  fields: string[];
  template: TemplateResult;
  options?: MountOptions;
  /** Overrides the answer(s) so `texts[i]` lands in `fields[i]`. */
  answer: (backend: MockBackend, texts: string[]) => ReturnType<typeof http.get>[];
}

const device = (id: string, [browser, os, location]: string[], current = false) => ({
  id,
  deviceType: 'desktop' as const,
  browser: browser!,
  os: os!,
  ip: '203.0.113.7',
  location: location!,
  current,
});

const SERVER_CASES: ServerCase[] = [
  {
    element: 'dn-session-list',
    fields: ['browser', 'os', 'location'],
    template: html`<dn-session-list></dn-session-list>`,
    answer: (_, texts) => [
      http.get(`${API}/sessions`, () =>
        HttpResponse.json({ items: [{ ...device('ses_hostile', texts), createdAt: iso(-48 * HOUR), lastActiveAt: iso(-HOUR) }] }),
      ),
    ],
  },
  {
    element: 'dn-login-activity',
    fields: ['browser', 'os', 'location'],
    template: html`<dn-login-activity></dn-login-activity>`,
    answer: (_, texts) => {
      const { current: _c, ...rest } = device('att_hostile', texts);
      return [http.get(`${API}/login-activity`, () => HttpResponse.json({ items: [{ ...rest, at: iso(-HOUR), success: true, failureReason: null }], nextCursor: null }))];
    },
  },
  {
    element: 'dn-trusted-devices',
    fields: ['browser', 'os', 'location'],
    template: html`<dn-trusted-devices></dn-trusted-devices>`,
    answer: (_, texts) => [
      http.get(`${API}/trusted-devices`, () =>
        HttpResponse.json({ items: [{ ...device('tdv_hostile', texts), trustedAt: iso(-48 * HOUR), lastUsedAt: iso(-HOUR), expiresAt: iso(24 * 20 * HOUR) }] }),
      ),
    ],
  },
  {
    element: 'dn-delete-account',
    fields: ['workspace 1 name', 'workspace 2 name', 'workspace 3 name', 'workspace 4 name'],
    template: html`<dn-delete-account workspace-href="/workspaces/{id}"></dn-delete-account>`,
    options: { reauth: 'never' },
    answer: (backend, texts) => [
      http.get(`${API}/deletion`, () =>
        HttpResponse.json({
          ...backend.store.getAccountDeletion(),
          blockingWorkspaces: texts.map((name, i) => ({ id: `wsp_${i}"><x>`, name, memberCount: 3, role: 'owner' })),
        }),
      ),
    ],
  },
  {
    element: 'dn-notification-matrix',
    fields: ['channel label', 'group label', 'type label', 'type description'],
    template: html`<dn-notification-matrix></dn-notification-matrix>`,
    answer: (backend, [channel, group, label, description]) => {
      const prefs = structuredClone(backend.store.getNotificationPreferences());
      prefs.channels[0]!.label = channel!;
      prefs.groups[0]!.label = group!;
      const type = prefs.types.find((t) => t.groupId === prefs.groups[0]!.id)!;
      type.label = label!;
      type.description = description!;
      return [http.get(`${API}/notifications`, () => HttpResponse.json(prefs))];
    },
  },
  {
    element: 'dn-connected-accounts',
    fields: ['provider name (connected)', 'account email', 'provider name (not connected)'],
    template: html`<dn-connected-accounts .navigate=${() => {}}></dn-connected-accounts>`,
    answer: (backend, [name, email, other]) => {
      const list = structuredClone(backend.store.listConnectedAccounts());
      list.items[0] = { ...list.items[0]!, name: name!, connected: true, email: email!, connectedAt: iso(-48 * HOUR) };
      list.items[1] = { ...list.items[1]!, name: other!, connected: false, email: null, connectedAt: null };
      return [http.get(`${API}/connected-accounts`, () => HttpResponse.json(list))];
    },
  },
  {
    element: 'dn-billing-summary',
    fields: ['plan name', 'card brand'],
    template: html`<dn-billing-summary></dn-billing-summary>`,
    answer: (backend, [plan, brand]) => {
      const summary = structuredClone(backend.store.getBillingSummary());
      summary.plan.name = plan!;
      summary.paymentMethod = { ...summary.paymentMethod!, brand: brand! };
      return [http.get(`${API}/billing`, () => HttpResponse.json(summary))];
    },
  },
  {
    element: 'dn-profile-form',
    fields: ['displayName', 'bio', 'company', 'phone'],
    template: html`<dn-profile-form></dn-profile-form>`,
    answer: (backend, [displayName, bio, company, phone]) => [
      http.get(`${API}/profile`, () => HttpResponse.json({ ...backend.store.getProfile(), displayName, bio, company, phone })),
    ],
  },
  {
    element: 'dn-privacy-settings',
    fields: ['export error'],
    template: html`<dn-privacy-settings></dn-privacy-settings>`,
    answer: (_, [error]) => [
      http.get(`${API}/data-export`, () =>
        HttpResponse.json({ job: { id: 'exp_1', status: 'failed', progress: 40, requestedAt: iso(-HOUR), readyAt: null, expiresAt: null, downloadUrl: null, error } }),
      ),
    ],
  },
];

/** Mounts per case: each field holds several corpus entries joined, so every entry lands in one field of each case. */
const ROUNDS = 3;
const SEPARATOR = ' ¦ ';
function rounds(fields: number): string[][] {
  const perField = Math.ceil(HOSTILE_TEXT.length / (fields * ROUNDS));
  const out: string[][] = [];
  for (let i = 0; i < HOSTILE_TEXT.length; i += fields * perField) {
    out.push(
      Array.from({ length: fields }, (_, k) =>
        HOSTILE_TEXT.slice(i + k * perField, i + (k + 1) * perField)
          .concat(i + k * perField >= HOSTILE_TEXT.length ? [HOSTILE_TEXT[k % HOSTILE_TEXT.length]!] : [])
          .map((t) => t.value)
          .join(SEPARATOR),
      ),
    );
  }
  return out;
}

const nameOf = (value: string) =>
  value
    .split(SEPARATOR)
    .map((part) => HOSTILE_TEXT.find((t) => t.value === part)?.name ?? '?')
    .join('+');

let canary: Canary;
beforeEach(() => {
  canary = installCanary();
});
afterEach(() => canary.uninstall());

/** Mounts `template` with the answers `handlers` makes (one mount per test: see below). */
async function mountCase<T extends HTMLElement>(template: TemplateResult, options: MountOptions, handlers: (b: MockBackend) => ReturnType<typeof http.get>[]) {
  return mount<T>(template, { ...options, setup: (backend) => backend.use(...handlers(backend)) });
}

// One mount per test: each round of each element is its own test (several mounts in one
// test never finished within the runner's limit; one mount per test runs the file in about a minute).
describe('hostile server text', () => {
  for (const c of SERVER_CASES) {
    rounds(c.fields.length).forEach((texts, round) => {
      it(`${c.element} round ${round + 1}: ${c.fields.join(', ')} = ${texts.map(nameOf).join(' | ')} render as inert text`, async () => {
        const { el } = await mountCase(c.template, c.options ?? {}, (backend) => c.answer(backend, texts));
        // The answer was accepted (no error state instead of the data).
        await until(() => shownText(el).includes(normalize(texts[0]!).slice(0, 40)), `${c.element} to show ${nameOf(texts[0]!)}`);
        const shown = shownText(el);
        texts.forEach((text, i) => expect(shown, `${c.element} ${c.fields[i]} = ${nameOf(text)}`).to.contain(normalize(text)));
        expect(pwnedReport(canary), `${c.element} with ${texts.map(nameOf).join(', ')}`).to.deep.equal([]);
      });
    });
  }

  it('uses every corpus text entry in every element', () => {
    for (const c of SERVER_CASES) {
      const used = new Set(rounds(c.fields.length).flat().flatMap((value) => value.split(SEPARATOR)));
      expect(HOSTILE_TEXT.filter((t) => !used.has(t.value)).map((t) => t.name), c.element).to.deep.equal([]);
    }
  });
});

const SAFE = { name: 'safe', value: '' };

describe('hostile server URLs', () => {
  for (const url of [...HOSTILE_URLS, { ...SAFE, value: 'https://cdn.example.com/a.png' }]) {
    it(`dn-profile-form: avatar URL ${url.name} ${url.name === 'safe' ? 'is shown' : 'never becomes the img src'}`, async () => {
      const { el } = await mountCase(html`<dn-profile-form></dn-profile-form>`, {}, (backend) => [
        http.get(`${API}/profile`, () => HttpResponse.json({ ...backend.store.getProfile(), avatarUrl: url.value })),
      ]);
      const img = el.shadowRoot!.querySelector('img');
      if (url.name === 'safe') {
        expect(img!.getAttribute('src')).to.equal(url.value);
      } else {
        expect(img, url.name).to.equal(null);
        // The initials stand in for the refused picture.
        expect(el.shadowRoot!.querySelector('[part="avatar-image"]')!.textContent!.trim(), url.name).to.equal('AH');
      }
      expect(pwnedReport(canary), url.name).to.deep.equal([]);
    });
  }

  const ready = (downloadUrl: string) =>
    http.get(`${API}/data-export`, () =>
      HttpResponse.json({ job: { id: 'exp_1', status: 'ready', progress: 100, requestedAt: iso(-HOUR), readyAt: iso(-HOUR), expiresAt: iso(HOUR), downloadUrl, error: null } }),
    );
  for (const url of [...HOSTILE_URLS, { ...SAFE, value: 'https://files.example.com/export.zip' }]) {
    it(`dn-privacy-settings: export download URL ${url.name} ${url.name === 'safe' ? 'is linked' : 'gets no link, and the user is told'}`, async () => {
      const { el } = await mountCase(html`<dn-privacy-settings></dn-privacy-settings>`, {}, () => [ready(url.value)]);
      await until(() => el.shadowRoot!.querySelector('[part="export-state"]'), 'the export state');
      if (url.name === 'safe') {
        await until(() => el.shadowRoot!.querySelector('[part="download"]'), 'the download link');
        expect(el.shadowRoot!.querySelector('[part="download"]')!.getAttribute('href')).to.equal(url.value);
      } else {
        expect(el.shadowRoot!.querySelector('[part="download"]'), url.name).to.equal(null);
        expect(shownText(el), url.name).to.contain('The download link for this export cannot be used');
      }
      expect(pwnedReport(canary), url.name).to.deep.equal([]);
    });
  }

  for (const url of [...HOSTILE_URLS, { ...SAFE, value: '/api/account/__mock/oauth/github?state=x' }]) {
    it(`dn-connected-accounts: authorization URL ${url.name} ${url.name === 'safe' ? 'is followed' : 'is never navigated to; the user gets a message'}`, async () => {
      const visited: string[] = [];
      const { el } = await mountCase(
        html`<dn-connected-accounts .navigate=${(u: string) => visited.push(u)}></dn-connected-accounts>`,
        {},
        () => [http.post(`${API}/connected-accounts/:provider/connect`, () => HttpResponse.json({ authorizationUrl: url.value }))],
      );
      const connect = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="connect"]')!;
      await until(() => connect.getAttribute('aria-disabled') !== 'true' && !connect.disabled, 'Connect to be available');
      connect.click();
      if (url.name === 'safe') {
        await until(() => visited.length === 1, 'the navigation');
        expect(new URL(visited[0]!).pathname).to.equal('/api/account/__mock/oauth/github');
      } else {
        await until(() => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim(), `a message for ${url.name}`);
        expect(visited, url.name).to.deep.equal([]);
      }
      expect(pwnedReport(canary), url.name).to.deep.equal([]);
    });
  }
});

describe('the canary', () => {
  it('notices a payload that runs and an element built from markup (so a pass means something)', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<b ${MARKER_ATTR}>x</b><a href="javascript:void 0">y</a>`;
    window.__dnPwned!('manual');
    const report = pwnedReport(canary);
    host.remove();
    expect(report.join('\n')).to.contain('payload ran: manual').and.contain('marker attribute').and.contain('href="javascript:void 0"');
  });
});

interface HrefCase {
  element: string;
  attribute: string;
  /** The link's part when the URL is safe. */
  part: string;
  mountWith: (url: string) => Promise<HTMLElement>;
}

const HREF_CASES: HrefCase[] = [
  ...(['password-href'] as const).map((attribute) => ({
    element: 'dn-session-list',
    attribute,
    part: 'password-link',
    mountWith: async (url: string) => (await mount(html`<dn-session-list password-href=${url}></dn-session-list>`)).el,
  })),
  {
    element: 'dn-login-activity',
    attribute: 'password-href',
    part: 'change-password',
    mountWith: async (url) => (await mount(html`<dn-login-activity password-href=${url}></dn-login-activity>`)).el,
  },
  ...(['support-href', 'export-href'] as const).map((attribute) => ({
    element: 'dn-delete-account',
    attribute,
    part: attribute === 'support-href' ? 'support-link' : 'export-link',
    mountWith: async (url: string) => {
      const template =
        attribute === 'support-href' ? html`<dn-delete-account support-href=${url}></dn-delete-account>` : html`<dn-delete-account export-href=${url}></dn-delete-account>`;
      return (await mount(template, { reauth: 'never' })).el;
    },
  })),
  {
    element: 'dn-delete-account',
    attribute: 'workspace-href',
    part: 'workspace-link',
    mountWith: async (url) => (await mount(html`<dn-delete-account workspace-href=${url}></dn-delete-account>`, { reauth: 'never' })).el,
  },
  {
    element: 'dn-billing-summary',
    attribute: 'manage-href',
    part: 'manage',
    mountWith: async (url) => (await mount(html`<dn-billing-summary manage-href=${url}></dn-billing-summary>`)).el,
  },
  {
    element: 'dn-password-reset',
    attribute: 'sign-in-url',
    part: 'sign-in',
    mountWith: async (url) => {
      const { el } = await mount(html`<dn-password-reset token="t" sign-in-url=${url}></dn-password-reset>`);
      // The sign-in link shows once the reset is complete.
      (el as unknown as { completed: boolean }).completed = true;
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      return el;
    },
  },
];

const linksIn = (el: Element) => allElements(el.shadowRoot!).concat(allElements(el)).filter((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);

describe('hostile host attributes (links)', () => {
  for (const c of HREF_CASES) {
    it(`${c.element} ${c.attribute}: no link carries a hostile URL; a safe one is linked`, async function () {
      this.timeout(60_000);
      const el = await c.mountWith('/account/first');
      const update = () => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      for (const url of HOSTILE_URLS) {
        el.setAttribute(c.attribute, url.value);
        await update();
        const hrefs = linksIn(el).map((a) => a.getAttribute('href'));
        expect(hrefs, `${c.attribute}=${url.name}`).not.to.include(url.value);
        expect(
          hrefs.filter((href) => href && isScriptUrl(href)),
          `${c.attribute}=${url.name}`,
        ).to.deep.equal([]);
        expect(pwnedReport(canary), `${c.attribute}=${url.name}`).to.deep.equal([]);
      }
      el.setAttribute(c.attribute, c.attribute === 'workspace-href' ? '/workspaces/{id}/settings' : '/account/next');
      await update();
      const link = linksIn(el).find((a) => a.getAttribute('part')?.split(' ').includes(c.part));
      expect(link, `${c.part} with a safe URL`).to.exist;
      expect(link!.getAttribute('href')).to.match(c.attribute === 'workspace-href' ? /^\/workspaces\/.+\/settings$/ : /^\/account\/next$/);
    });
  }
});

describe('safeUrl (src/internal/safe-url.ts)', () => {
  const accepted: [string, string][] = [
    ['https://billing.example.com/portal?x=1', 'link'],
    ['http://example.com/', 'link'],
    ['/settings/password', 'link'],
    ['settings#password', 'link'],
    ['?tab=billing', 'link'],
    ['mailto:support@dialnexa.example', 'link'],
    ['//cdn.example.com/a.png', 'image'],
    ['data:image/png;base64,iVBORw0KGgo=', 'image'],
    ['data:image/webp;base64,UklGRg==', 'image'],
    ['data:application/json;charset=utf-8,%7B%7D', 'download'],
  ];
  for (const [url, use] of accepted) {
    it(`accepts ${use} ${url}`, () => expect(safeUrl(url, { use: use as 'link' })).to.equal(url));
  }

  for (const url of HOSTILE_URLS) {
    it(`refuses ${url.name} for links, downloads and images`, () => {
      expect(safeHref(url.value)).to.equal(undefined);
      expect(safeDownloadUrl(url.value)).to.equal(undefined);
      expect(safeImageSrc(url.value)).to.equal(undefined);
    });
  }

  it('refuses data: URLs for links, markup for downloads and SVG for images', () => {
    expect(safeHref('data:image/png;base64,iVBORw0KGgo=')).to.equal(undefined);
    expect(safeDownloadUrl('data:text/html,<b>x</b>')).to.equal(undefined);
    expect(safeDownloadUrl('data:application/xhtml+xml,<x/>')).to.equal(undefined);
    expect(safeImageSrc('data:image/svg+xml,<svg/>')).to.equal(undefined);
  });

  it('refuses whitespace and control characters the URL parser would strip', () => {
    for (const url of ['\thttps://example.com', 'https://example.com/\n', ' /relative', '/a\u0000b', 'https://exa\rmple.com', '\u00A0javascript:x']) {
      expect(safeHref(url), JSON.stringify(url)).to.equal(undefined);
    }
    expect(safeHref('')).to.equal(undefined);
    expect(safeHref(null)).to.equal(undefined);
    expect(safeHref(undefined)).to.equal(undefined);
  });

  it('accepts a blob: URL only when the element made it', () => {
    const own = URL.createObjectURL(new Blob(['x']));
    try {
      expect(safeImageSrc(own)).to.equal(undefined);
      expect(safeImageSrc(own, [own])).to.equal(own);
      expect(safeUrl(own, { use: 'download', ownBlobs: new Set([own]) })).to.equal(own);
      expect(safeImageSrc('blob:https://evil.example/x', [own])).to.equal(undefined);
    } finally {
      URL.revokeObjectURL(own);
    }
  });
});
