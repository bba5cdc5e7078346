/**
 * Defines `<dn-confirm-dialog>`, the confirmation dialog that several elements render. Their defining
 * modules import this one; the class (in ./confirm-dialog.js) defines nothing by itself.
 */
import { DnConfirmDialog } from './confirm-dialog.js';
import { defineElement } from './define.js';

defineElement('dn-confirm-dialog', DnConfirmDialog);
