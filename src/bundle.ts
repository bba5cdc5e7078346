/**
 * The CDN bundle's entry (scripts/build-bundle.mjs → dist/account-elements.bundle.js): everything
 * `@dialnexa/account-elements` exports, and every element defined, for pages with no build step.
 */
export * from './index.js';
import './define-all.js';
