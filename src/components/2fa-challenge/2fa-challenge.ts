/**
 * Defines `<dn-2fa-challenge>`: `import '@dialnexa/account-elements/2fa-challenge';`. The class is in
 * 2fa-challenge.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element.
 */
import { Dn2faChallenge } from './2fa-challenge.component.js';
import { defineElement } from '../../internal/define.js';

export * from './2fa-challenge.component.js';

defineElement('dn-2fa-challenge', Dn2faChallenge);
