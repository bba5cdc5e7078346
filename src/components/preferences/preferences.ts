/**
 * Defines `<dn-preferences>`: `import '@dialnexa/account-elements/preferences';`. The class is in
 * preferences.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element.
 */
import { DnPreferences } from './preferences.component.js';
import { defineElement } from '../../internal/define.js';

export * from './preferences.component.js';

defineElement('dn-preferences', DnPreferences);
