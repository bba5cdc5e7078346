/**
 * Defines `<dn-account-provider>`: `import '@dialnexa/account-elements/account-provider';`. The class is in
 * account-provider.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element.
 */
import { DnAccountProvider } from './account-provider.component.js';
import { defineElement } from '../../internal/define.js';

export * from './account-provider.component.js';

defineElement('dn-account-provider', DnAccountProvider);
