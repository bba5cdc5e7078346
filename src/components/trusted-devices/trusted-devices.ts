/**
 * Defines `<dn-trusted-devices>`: `import '@dialnexa/account-elements/trusted-devices';`. The class is in
 * trusted-devices.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element and the elements it renders.
 */
import { DnTrustedDevices } from './trusted-devices.component.js';
import '../../internal/define-confirm-dialog.js';
import { defineElement } from '../../internal/define.js';

export * from './trusted-devices.component.js';

defineElement('dn-trusted-devices', DnTrustedDevices);
