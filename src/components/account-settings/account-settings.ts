/**
 * Defines `<dn-account-settings>`: `import '@dialnexa/account-elements/account-settings';`. The class is in
 * account-settings.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element.
 */
import { DnAccountSettings } from './account-settings.component.js';
import { defineElement } from '../../internal/define.js';

export * from './account-settings.component.js';

defineElement('dn-account-settings', DnAccountSettings);
