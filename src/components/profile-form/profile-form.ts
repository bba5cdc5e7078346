/**
 * Defines `<dn-profile-form>`: `import '@dialnexa/account-elements/profile-form';`. The class is in
 * profile-form.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element and the elements it renders.
 */
import { DnProfileForm } from './profile-form.component.js';
import '../email-change/email-change.js';
import { defineElement } from '../../internal/define.js';

export * from './profile-form.component.js';

defineElement('dn-profile-form', DnProfileForm);
