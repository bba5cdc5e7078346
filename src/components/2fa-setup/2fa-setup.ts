/**
 * Defines `<dn-2fa-setup>`: `import '@dialnexa/account-elements/2fa-setup';`. The class is in
 * 2fa-setup.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element.
 */
import { Dn2faSetup } from './2fa-setup.component.js';
import { defineElement } from '../../internal/define.js';

export * from './2fa-setup.component.js';

defineElement('dn-2fa-setup', Dn2faSetup);
