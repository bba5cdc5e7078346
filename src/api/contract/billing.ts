/** Billing: plan, payment method and renewal, read-only. */
import * as z from 'zod/mini';
import { Money, dateTime } from './common.js';
import { id } from './fields.js';
import type { ContractPart } from './part.js';

export const BillingSummary = z.object({
  plan: z.object({
    id,
    name: z.string(),
    free: z.boolean(),
    price: z.nullable(z.object({ ...Money.shape, interval: z.enum(['month', 'year']) })),
  }),
  paymentMethod: z.nullable(
    z.object({
      brand: z.string(),
      last4: z.string().check(z.regex(/^\d{4}$/)),
      expMonth: z.int().check(z.gte(1), z.lte(12)),
      expYear: z.int().check(z.gte(2000)),
    }),
  ),
  nextRenewalAt: z.nullable(dateTime),
});

export const billingContract = {
  getBillingSummary: { response: BillingSummary },
} as const satisfies ContractPart;

export type BillingSummary = z.infer<typeof BillingSummary>;
