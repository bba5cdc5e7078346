/** The billing summary: plan, card on file, next renewal (read-only). */
import type * as s from '../../src/api/schemas.js';
import { iso, type ResolvedOptions, type StoreContext } from './context.js';

export interface BillingState {
  billing: s.BillingSummary;
}

export function seedBilling(o: ResolvedOptions, now: number): BillingState {
  const renewal = new Date(now);
  const nextRenewal = Date.UTC(renewal.getUTCFullYear(), renewal.getUTCMonth() + 1, 1, 9, 0, 0);
  // A card is valid until the end of its expiry month.
  const cardMonth = (offset: number) => {
    const month = new Date(Date.UTC(renewal.getUTCFullYear(), renewal.getUTCMonth() + offset, 1));
    return { expMonth: month.getUTCMonth() + 1, expYear: month.getUTCFullYear() };
  };
  const card = { valid: { expMonth: 8, expYear: renewal.getUTCFullYear() + 2 }, expiring: cardMonth(1), expired: cardMonth(-1), none: null }[o.card];
  return {
    billing:
      o.plan === 'free'
        ? { plan: { id: 'free', name: 'Free', free: true, price: null }, paymentMethod: null, nextRenewalAt: null }
        : {
            plan: { id: 'growth', name: 'Growth', free: false, price: { amount: 99, currency: 'USD', interval: 'month' } },
            paymentMethod: card && { brand: 'Visa', last4: '4242', ...card },
            nextRenewalAt: iso(nextRenewal),
          },
  };
}

export function getBillingSummary(ctx: StoreContext): s.BillingSummary {
  return structuredClone(ctx.state.billing);
}
