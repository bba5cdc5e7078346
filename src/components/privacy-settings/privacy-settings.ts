/**
 * Defines `<dn-privacy-settings>`: `import '@dialnexa/account-elements/privacy-settings';`. The class is in
 * privacy-settings.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element.
 */
import { DnPrivacySettings } from './privacy-settings.component.js';
import { defineElement } from '../../internal/define.js';

export * from './privacy-settings.component.js';

defineElement('dn-privacy-settings', DnPrivacySettings);
