/**
 * Small helpers for play functions. The elements render into open shadow roots,
 * except credential fields and the email-change form, which live in the light DOM
 * of their element (so password managers see them). Queries go by id and part,
 * not by text, so a play works in every locale of the toolbar.
 */
import { userEvent, waitFor } from 'storybook/test';

const TIMEOUT = 8000;

/** Waits until `find()` returns an element, and returns it. */
export async function waitForElement<T extends Element>(find: () => T | null | undefined, what: string): Promise<T> {
  return waitFor(
    () => {
      const found = find();
      if (!found) throw new Error(`Not there yet: ${what}`);
      return found;
    },
    { timeout: TIMEOUT },
  );
}

/** The shadow root of the first `tag` in the canvas, once it contains `ready`. */
export async function shadowOf(canvasElement: HTMLElement, tag: string, ready: string): Promise<ShadowRoot> {
  const host = await waitForElement(() => {
    const element = canvasElement.querySelector(tag);
    return element?.shadowRoot?.querySelector(ready) ? element : null;
  }, `${tag} ${ready}`);
  return host.shadowRoot!;
}

/** The loaded `<dn-profile-form>`'s shadow root. */
export function profileFormOf(canvasElement: HTMLElement): Promise<ShadowRoot> {
  return shadowOf(canvasElement, 'dn-profile-form', 'form[part="form"]');
}

/** `root.querySelector(selector)`, failing loudly when it is missing. */
export function $<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`Missing ${selector}`);
  return found;
}

/**
 * Replaces the text of a field by typing over it. (`userEvent.clear` refuses fields in
 * a shadow root: it looks for focus on the document only.)
 */
export async function retype(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  await userEvent.type(field, text, { initialSelectionStart: 0, initialSelectionEnd: field.value.length });
}

/** Puts `file` on a file input as a person choosing it would, and fires `change`. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A PNG avatar drawn on the fly (so the stories need no image files). */
export async function avatarPng(initials = 'AH', size = 192): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  const gradient = context.createLinearGradient(0, 0, size, size);
  gradient.addColorStop(0, '#2855d8');
  gradient.addColorStop(1, '#0f766e');
  context.fillStyle = gradient;
  context.fillRect(0, 0, size, size);
  context.fillStyle = '#ffffff';
  context.font = `600 ${Math.round(size * 0.4)}px system-ui, sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(initials, size / 2, size / 2 + size * 0.03);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Waits for the CSS transitions running in the given roots (a theme switch fades control
 * backgrounds), so the accessibility check after the play sees the final colours. A
 * transition can start a frame after the change that causes it, so the roots are looked at
 * again until two frames pass with none running. Endless animations (spinners) are not waited for.
 */
export async function transitionsSettled(...roots: DocumentOrShadowRoot[]): Promise<void> {
  const running = () =>
    [document, ...roots]
      .flatMap((root) => root.getAnimations())
      .filter((animation) => animation instanceof CSSTransition && animation.playState !== 'finished');
  for (let quiet = 0; quiet < 2; ) {
    await new Promise(requestAnimationFrame);
    const transitions = running();
    if (transitions.length === 0) {
      quiet += 1;
      continue;
    }
    quiet = 0;
    await Promise.allSettled(transitions.map((transition) => transition.finished));
  }
}
