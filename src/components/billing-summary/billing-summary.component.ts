import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import { billingContract, type BillingSummary } from '../../api/contract/billing.js';
import { registerSchemas } from '../../api/validation.js';
import { formatDate, formatMoney } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import billingStrings from '../../i18n/locales/billing/strings.js';
import { DnElement } from '../../internal/dn-element.js';
import { heading } from '../../internal/heading.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { badgeStyles } from '../../internal/styles/badges.styles.js';
import { skeletonStyles } from '../../internal/styles/skeleton.styles.js';
import { layoutStyles } from '../../internal/styles/layout.styles.js';
import { visuallyHiddenStyles } from '../../internal/styles/utility.styles.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { icon } from '../../internal/device.js';
import { emit } from '../../internal/events.js';
import { safeHref } from '../../internal/safe-url.js';
import { styles } from './billing-summary.styles.js';

registerStrings(billingStrings);
registerSchemas(billingContract);

type PaymentMethod = NonNullable<BillingSummary['paymentMethod']>;

/** `valid`, `expiring` (its last month is this one or the next: about 60 days or less), `expired`. */
type CardStatus = 'valid' | 'expiring' | 'expired';

/** A generic card outline (no brand logo: the brand is the server's text next to it). */
const CARD_ICON = svg`<rect x="2.5" y="5" width="19" height="14" rx="2" /><path d="M2.5 9.5h19M6 15h4" />`;

/** Targets that stay in the same browsing context; any other opens a new tab or window. */
const SAME_TAB_TARGETS = new Set(['', '_self', '_parent', '_top']);

/** Months since year 0 of `now` in `timeZone` (the browser's zone when Intl does not know it). */
function monthIndex(now: number, timeZone: string): number {
  const options = { year: 'numeric', month: 'numeric', calendar: 'gregory', numberingSystem: 'latn' } as const;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-US', options);
  }
  const parts = format.formatToParts(now);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return value('year') * 12 + value('month') - 1;
}

/** Whether `card` still works: a card is valid until the end of its expiry month, in the user's time zone. */
function cardStatus(card: PaymentMethod, timeZone: string, now = Date.now()): CardStatus {
  const left = card.expYear * 12 + card.expMonth - 1 - monthIndex(now, timeZone);
  return left < 0 ? 'expired' : left <= 1 ? 'expiring' : 'valid';
}

/**
 * "08/2028": a card's expiry month and year in the locale's digits, order and separator
 * (Gregorian, as printed on the card).
 */
function formatCardExpiry(card: PaymentMethod, locale: string): string {
  const date = Date.UTC(card.expYear, card.expMonth - 1, 15);
  const options = { month: '2-digit', year: 'numeric', calendar: 'gregory', timeZone: 'UTC' } as const;
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(date);
  }
}

/**
 * @summary The account's billing at a glance: the current plan and its price, the
 * payment method (card brand, last four digits, expiry) and the next renewal date,
 * with "Manage billing" leading to the host's billing portal.
 *
 * A card whose last valid month is this month or the next says it expires soon, an
 * expired card says so, and either suggests updating it under "Manage billing"; when a
 * paid plan has an expired card or none on file, the renewal warns that its payment may
 * fail. The free plan shows a short explanation instead (nothing to pay, no renewal, no
 * card needed), and its "Manage billing" reads "See plans".
 *
 * "Manage billing" is a link to `manage-href` when that is an http(s) or relative URL
 * (any other, such as `javascript:`, is ignored). Without one, it is a button that emits
 * `dn-manage-billing-requested`, so the host can open its portal (e.g. a Stripe
 * customer-portal session it creates on demand). When the user comes back to the page
 * after "Manage billing" (the page becomes visible again), the summary is read again, so a
 * card changed in the portal shows at once; `refresh()` does the same on demand.
 *
 * @event dn-manage-billing-requested - "Manage billing" (or "See plans") was chosen and no usable `manage-href` is set. `detail.summary`: what the element shows.
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart summary - The list of plan, payment method and renewal.
 * @csspart plan - The current plan: its name and price.
 * @csspart plan-name - The plan's name (text from the server).
 * @csspart price - The price and how often it is charged.
 * @csspart free - The explanation shown on the free plan.
 * @csspart payment-method - The payment method: the card, its expiry, or "No payment method on file".
 * @csspart card-icon - The card drawing (decorative).
 * @csspart card-brand - The card's brand (text from the server).
 * @csspart card-number - "•••• 4242" (read as "ending in 4242").
 * @csspart card-expiry - When the card expires or expired.
 * @csspart badge - "Expires soon" or "Expired".
 * @csspart card-note - What to do about a card that expires soon, has expired, or is missing.
 * @csspart renewal - The next renewal date.
 * @csspart renewal-warning - The renewal payment may fail (expired or missing card).
 * @csspart manage - The "Manage billing" / "See plans" link or button.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @tagname dn-billing-summary
 */
export class DnBillingSummary extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, badgeStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, styles];

  /**
   * Where "Manage billing" leads: the host's billing portal (http, https or relative).
   * Any other URL (`javascript:`, `data:`…) is ignored. Without a usable one, "Manage
   * billing" is a button that emits `dn-manage-billing-requested`.
   */
  @property({ attribute: 'manage-href' }) manageHref?: string;

  /**
   * The `target` of the "Manage billing" link, e.g. `_blank` for a new tab (the link then
   * gets `rel="noopener"` and says that it opens a new tab). Only used with `manage-href`.
   */
  @property({ attribute: 'manage-target' }) manageTarget?: string;

  private readonly billing = new ResourceController(this, {
    resource: () => resources.billing,
    failed: (error) => this.handleFailure(error),
  });

  private get summary(): BillingSummary | undefined {
    return this.billing.value;
  }

  /** Reads the billing summary again (what is shown stays until the answer arrives). */
  async refresh(): Promise<void> {
    await this.billing.retry();
  }

  /** Set when "Manage billing" was used: the summary is read again when the user comes back. */
  private awayToManage = false;

  private readonly handleVisibility = (): void => {
    if (document.visibilityState !== 'visible' || !this.awayToManage) return;
    this.awayToManage = false;
    void this.refresh().catch(() => {
      // The task keeps its error; the summary on screen stays.
    });
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibility);
  }

  override render() {
    const summary = this.summary;
    return html`<section part="base" class="stack" aria-labelledby="title">
      ${heading(this.headingLevel, this.t('billing.title'), { id: 'title', part: 'title', focusable: true })}
      ${summary ? this.renderSummary(summary) : this.renderLoadState(this.billing, 4)}
      ${this.renderStatus()}
    </section>`;
  }

  private renderSummary(summary: BillingSummary): TemplateResult {
    const free = summary.plan.free;
    const card = summary.paymentMethod;
    const status = card ? cardStatus(card, this.userSettings.timeZone) : undefined;
    return html`<dl part="summary" class="summary">
        ${this.renderPlan(summary.plan)}
        ${free && !card ? nothing : this.renderPaymentMethod(card, status)}
        ${free ? nothing : this.renderRenewal(summary.nextRenewalAt, !card || status === 'expired')}
      </dl>
      ${free ? html`<p part="free" class="free">${this.t('billing.freeNote')}</p>` : nothing}
      <div class="manage-row">${this.renderManage(summary)}</div>`;
  }

  private renderPlan(plan: BillingSummary['plan']): TemplateResult {
    const price = plan.price;
    return html`<div part="plan" class="item">
      <dt>${this.t('billing.plan')}</dt>
      <dd>
        <span part="plan-name" class="plan-name server-text" dir="auto">${plan.name}</span>
        ${price && !plan.free
          ? html`<span part="price" class="price"
              >${this.t(price.interval === 'year' ? 'billing.perYear' : 'billing.perMonth', {
                price: formatMoney(price, this.userSettings),
              })}</span
            >`
          : nothing}
      </dd>
    </div>`;
  }

  private renderPaymentMethod(card: PaymentMethod | null, status: CardStatus | undefined): TemplateResult {
    if (!card) {
      return html`<div part="payment-method" class="item">
        <dt>${this.t('billing.paymentMethod')}</dt>
        <dd>
          <span class="empty">${this.t('billing.noCard')}</span>
          <span part="card-note" class="note">${this.t('billing.noCardNote')}</span>
        </dd>
      </div>`;
    }
    const expiry = formatCardExpiry(card, this.userSettings.locale);
    return html`<div part="payment-method" class="item">
      <dt>${this.t('billing.paymentMethod')}</dt>
      <dd>
        <span class="card-line">
          <span part="card-icon" class="card-icon" aria-hidden="true">${icon(CARD_ICON)}</span>
          <span part="card-brand" class="server-text" dir="auto">${card.brand}</span>
          <span part="card-number" class="card-number"
            ><span class="mono" dir="ltr" aria-hidden="true">•••• ${card.last4}</span
            ><span class="visually-hidden">${this.t('billing.cardEnding', { last4: card.last4 })}</span></span
          >
        </span>
        <span class="expiry">
          <span part="card-expiry" class="muted"
            >${this.t(status === 'expired' ? 'billing.expiredOn' : 'billing.expires', { date: expiry })}</span
          >
          ${status === 'expiring'
            ? html`<span part="badge" class="badge warning">${this.t('billing.expiresSoon')}</span>`
            : status === 'expired'
              ? html`<span part="badge" class="badge danger">${this.t('billing.expired')}</span>`
              : nothing}
        </span>
        ${status === 'expiring' || status === 'expired'
          ? html`<span part="card-note" class="note alert ${status === 'expired' ? 'danger' : 'warning'}"
              ><span>${this.t(status === 'expired' ? 'billing.expiredNote' : 'billing.expiresSoonNote')}</span></span
            >`
          : nothing}
      </dd>
    </div>`;
  }

  private renderRenewal(renewsAt: string | null, atRisk: boolean): TemplateResult {
    return html`<div part="renewal" class="item">
      <dt>${this.t('billing.renewal')}</dt>
      <dd>
        ${renewsAt
          ? html`<time datetime=${renewsAt}>${this.t('billing.renewsOn', { date: formatDate(renewsAt, this.userSettings) })}</time>`
          : html`<span class="muted">${this.t('billing.noRenewal')}</span>`}
        ${renewsAt && atRisk
          ? html`<span part="renewal-warning" class="note alert warning"><span>${this.t('billing.renewalAtRisk')}</span></span>`
          : nothing}
      </dd>
    </div>`;
  }

  private renderManage(summary: BillingSummary): TemplateResult {
    const label = this.t(summary.plan.free ? 'billing.seePlans' : 'billing.manage');
    const href = safeHref(this.manageHref);
    if (!href) {
      return html`<button part="manage" class="button primary" type="button" @click=${this.handleManage}>${label}</button>`;
    }
    const target = this.manageTarget?.trim() || undefined;
    const newTab = target !== undefined && !SAME_TAB_TARGETS.has(target.toLowerCase());
    return html`<a
      part="manage"
      class="button primary"
      href=${href}
      target=${target ?? nothing}
      rel=${target ? 'noopener' : nothing}
      @click=${this.handleManageLink}
      >${label}${newTab ? html`<span class="visually-hidden"> ${this.t('billing.newTab')}</span>` : nothing}</a
    >`;
  }

  private readonly handleManageLink = (): void => {
    this.awayToManage = true;
  };

  private readonly handleManage = (): void => {
    if (!this.summary) return;
    this.awayToManage = true;
    emit(this, 'dn-manage-billing-requested', { summary: this.summary });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-billing-summary': DnBillingSummary;
  }
}
