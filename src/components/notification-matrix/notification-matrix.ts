/**
 * Defines `<dn-notification-matrix>`: `import '@dialnexa/account-elements/notification-matrix';`. The class is in
 * notification-matrix.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element and the elements it renders.
 */
import { DnNotificationMatrix } from './notification-matrix.component.js';
import '../../internal/define-confirm-dialog.js';
import { defineElement } from '../../internal/define.js';

export * from './notification-matrix.component.js';

defineElement('dn-notification-matrix', DnNotificationMatrix);
