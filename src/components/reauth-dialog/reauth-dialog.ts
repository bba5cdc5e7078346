/**
 * Defines `<dn-reauth-dialog>`. Not a package entry: ./confirm-identity.ts imports this module
 * the first time an element needs the user to re-authenticate. The class is in
 * reauth-dialog.component.js (defining nothing); this module re-exports it and defines the element.
 */
import { DnReauthDialog } from './reauth-dialog.component.js';
import { defineElement } from '../../internal/define.js';

export * from './reauth-dialog.component.js';

defineElement('dn-reauth-dialog', DnReauthDialog);
