// The floor under every figure of `npm run size`: the smallest element the chosen stack allows,
// using each library the way every element of the package does — a Lit element with styles,
// a value from a @lit/context provider, one string through an i18next instance (interpolation,
// plural, fixed locale, store events), and one response checked by a zod/mini object schema with
// the kinds the profile's schema uses. Nothing of the package's own code is in it, so what this
// build weighs is what any element of this stack weighs before its first line of code.
import { LitElement, css, html } from 'lit';
import { ContextConsumer, createContext } from '@lit/context';
import i18next from 'i18next';
import * as z from 'zod/mini';

const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', fallbackLng: 'en', resources: {}, interpolation: { escapeValue: false }, initAsync: false });
i18n.addResourceBundle('en', 'translation', { hello: 'Hello {{name}}', items_one: '{{count}} item', items_other: '{{count}} items' }, true, false);

const Profile = z.object({
  id: z.string().check(z.minLength(1)),
  displayName: z.string(),
  email: z.email(),
  phone: z.nullable(z.string()),
  role: z.enum(['owner', 'admin', 'member']),
  tags: z.array(z.string()),
  count: z.optional(z.int().check(z.gte(0))),
  verified: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
});

const nameContext = createContext<string>('floor-name');

class FloorElement extends LitElement {
  static override styles = css`:host { display: block; color: var(--dn-color-text); }`;
  private readonly name = new ContextConsumer(this, { context: nameContext, subscribe: true });
  private readonly onAdded = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    i18n.store.on('added', this.onAdded);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    i18n.store.off('added', this.onAdded);
  }

  override render() {
    const t = i18n.getFixedT(this.lang || 'en');
    const profile = Profile.safeParse(JSON.parse(this.dataset['profile'] ?? '{}'));
    return html`<p>${t('hello', { name: this.name.value ?? '' })}</p><p>${t('items', { count: profile.success ? profile.data.tags.length : 0 })}</p>`;
  }
}

customElements.define('dn-size-floor', FloorElement);
