/**
 * Defines `<dn-session-list>`: `import '@dialnexa/account-elements/session-list';`. The class is in
 * session-list.component.js (what `@dialnexa/account-elements` exports, defining nothing);
 * this module re-exports it and defines the element and the elements it renders.
 */
import { DnSessionList } from './session-list.component.js';
import '../../internal/define-confirm-dialog.js';
import { defineElement } from '../../internal/define.js';

export * from './session-list.component.js';

defineElement('dn-session-list', DnSessionList);
