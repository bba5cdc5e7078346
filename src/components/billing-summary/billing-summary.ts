/**
 * Defines `<dn-billing-summary>`: `import '@dialnexa/account-elements/billing-summary';`. The class is in
 * billing-summary.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element.
 */
import { DnBillingSummary } from './billing-summary.component.js';
import { defineElement } from '../../internal/define.js';

export * from './billing-summary.component.js';

defineElement('dn-billing-summary', DnBillingSummary);
