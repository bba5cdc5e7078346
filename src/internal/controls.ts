/**
 * Buttons several elements share. Texts stay with each element; what a busy button
 * shows and tells assistive technology is written once here.
 */
import { html, nothing, type TemplateResult } from 'lit';

/** The spinner shown beside a busy text; hidden from assistive technology (the text says it). */
export const spinner = html`<span class="spinner" aria-hidden="true"></span>`;

export interface BusyButtonOptions {
  /** What the button says. */
  label: string;
  /** What it says while busy ("Saving…"); without it the spinner goes before `label`. */
  busyLabel?: string;
  /** This button's own work is running: the spinner, the busy text and `aria-busy`. */
  busy: boolean;
  /** Pressing it would do nothing now (another action runs, nothing to save); `busy` unless told. */
  disabled?: boolean;
  /** `button` unless told. */
  type?: 'button' | 'submit';
  /** The look: `primary`, `secondary` or `danger`. */
  variant: 'primary' | 'secondary' | 'danger';
  part?: string;
  /**
   * A name longer than the text ("Sign out Safari on iOS"). Both forms are required: while
   * busy the name must contain what the button shows (WCAG 2.5.3, "Label in Name").
   */
  ariaLabel?: { idle: string; busy: string };
  describedBy?: string;
  /** `data-id`, `data-provider`, `data-action`: what the element's handlers and tests find the button by. */
  data?: { readonly id?: string; readonly provider?: string; readonly action?: string };
  onClick?: (event: MouseEvent) => void;
}

/**
 * A button that shows its work: a spinner and the busy text while `busy`. It is never
 * `disabled` (focus would be lost and it would leave the tab order); `aria-disabled`
 * says that pressing does nothing, and each handler checks it is not already busy.
 */
export function renderBusyButton(options: BusyButtonOptions): TemplateResult {
  const { busy, ariaLabel } = options;
  return html`<button
    part=${options.part ?? nothing}
    class="button ${options.variant}"
    type=${options.type ?? 'button'}
    aria-label=${ariaLabel ? (busy ? ariaLabel.busy : ariaLabel.idle) : nothing}
    aria-disabled=${(options.disabled ?? busy) ? 'true' : 'false'}
    aria-busy=${busy ? 'true' : 'false'}
    aria-describedby=${options.describedBy ?? nothing}
    data-id=${options.data?.id ?? nothing}
    data-provider=${options.data?.provider ?? nothing}
    data-action=${options.data?.action ?? nothing}
    @click=${options.onClick ?? nothing}
  >${busy ? html`${spinner}${options.busyLabel ?? options.label}` : options.label}</button>`;
}
