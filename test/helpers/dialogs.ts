/**
 * Finding an element's confirmation dialog and the focused element through shadow roots,
 * as the element tests do it.
 */
import { within } from 'shadow-dom-testing-library';
import type { DnConfirmDialog } from '../../src/internal/confirm-dialog.js';
import { deepActiveElement } from '../../src/internal/focus.js';

/** The `dn-confirm-dialog` inside `el`'s shadow root. */
export const confirmDialogOf = (el: HTMLElement) => el.shadowRoot!.querySelector<DnConfirmDialog>('dn-confirm-dialog')!;

/** The native `<dialog>` of `el`'s confirmation. */
export const nativeDialogOf = (el: HTMLElement) => confirmDialogOf(el).shadowRoot!.querySelector('dialog')!;

/** Whether `el`'s confirmation is open. */
export const dialogOpen = (el: HTMLElement) => nativeDialogOf(el).open;

/** A button of `el`'s confirmation, by its accessible name. */
export const dialogButton = (el: HTMLElement, name: string) => within(confirmDialogOf(el)).getByShadowRole('button', { name }) as HTMLButtonElement;

/** The focused element, inside shadow roots (compare with `===`). */
export const deepActive = deepActiveElement;
