/**
 * Defines `<dn-profile-form>`: `import '@dialnexa/account-elements/profile-form';`. The class is in
 * profile-form.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element. `<dn-email-change>`, which it renders
 * when "Change email" opens, is imported (and defined) then.
 */
import { DnProfileForm } from './profile-form.component.js';
import { defineElement } from '../../internal/define.js';

export * from './profile-form.component.js';

defineElement('dn-profile-form', DnProfileForm);
