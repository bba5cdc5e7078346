import { css } from 'lit';

/*
 * Styles every element reuses. They read `--dn-` tokens only (see src/themes);
 * no colour is written here. Layout uses logical properties so RTL mirrors.
 */

/** Host reset, headings, text helpers, cards and the status region. */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--dn-font);
    font-size: var(--dn-font-size-md);
    font-weight: var(--dn-font-weight-normal);
    line-height: var(--dn-line-height);
    color: var(--dn-color-text);
    /* Each element paints its own surface, so a dark element reads on a light page. */
    background: var(--dn-color-surface);
    padding: var(--dn-space-5);
    border-radius: var(--dn-radius-lg);
    text-align: start;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  h1,
  h2,
  h3,
  h4 {
    margin: 0;
    font-weight: var(--dn-font-weight-bold);
    line-height: 1.25;
    overflow-wrap: anywhere;
  }

  h1,
  h2 {
    font-size: var(--dn-font-size-xl);
  }

  h3 {
    font-size: var(--dn-font-size-lg);
  }

  h4 {
    font-size: var(--dn-font-size-md);
  }

  p {
    margin: 0;
  }

  a {
    color: var(--dn-color-accent);
    text-underline-offset: 0.15em;
  }

  a:hover {
    color: var(--dn-color-accent-hover);
  }

  :focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .muted {
    color: var(--dn-color-text-muted);
  }

  .mono {
    font-family: var(--dn-font-mono);
  }

  .card {
    padding: var(--dn-space-6);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-lg);
    background: var(--dn-color-surface-raised);
    box-shadow: var(--dn-shadow-sm);
  }

  .status {
    color: var(--dn-color-success);
    font-size: var(--dn-font-size-sm);
  }
`;

/** Fields, labels, hints, errors and text controls. */
export const formStyles = css`
  .form {
    display: grid;
    gap: var(--dn-space-5);
  }

  /* A link-style button in a grid keeps its own width at the start of the line. */
  .form > .button.link,
  .field > .button.link {
    justify-self: start;
  }

  .field {
    display: grid;
    gap: var(--dn-space-1);
    min-inline-size: 0;
  }

  .field > label,
  .label {
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-medium);
  }

  .optional {
    color: var(--dn-color-text-muted);
    font-weight: var(--dn-font-weight-normal);
  }

  .required {
    color: var(--dn-color-danger);
    margin-inline-start: 0.125em;
  }

  .hint {
    color: var(--dn-color-text-muted);
    font-size: var(--dn-font-size-sm);
  }

  .error {
    color: var(--dn-color-danger);
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-medium);
  }

  .input,
  select,
  textarea {
    inline-size: 100%;
    min-block-size: var(--dn-control-height);
    margin: 0;
    padding-block: 0;
    padding-inline: var(--dn-space-3);
    border: 1px solid var(--dn-color-border-strong);
    border-radius: var(--dn-radius-md);
    background: var(--dn-color-surface);
    color: var(--dn-color-text);
    font: inherit;
    transition:
      border-color var(--dn-duration-fast) var(--dn-easing),
      background-color var(--dn-duration-fast) var(--dn-easing);
  }

  textarea,
  textarea.input {
    min-block-size: calc(var(--dn-control-height) * 2);
    padding-block: var(--dn-space-2);
    resize: vertical;
  }

  ::placeholder {
    color: var(--dn-color-text-muted);
    opacity: 1;
  }

  .input:hover:not(:disabled, [readonly]),
  select:hover:not(:disabled),
  textarea:hover:not(:disabled, [readonly]) {
    border-color: var(--dn-color-text-muted);
  }

  .input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: 0;
    border-color: var(--dn-color-focus);
  }

  [aria-invalid='true'] {
    border-color: var(--dn-color-danger);
    box-shadow: inset 0 0 0 1px var(--dn-color-danger);
  }

  .input:disabled,
  select:disabled,
  textarea:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }

  .input[readonly],
  textarea[readonly] {
    border-color: var(--dn-color-border);
    background: var(--dn-color-surface-sunken);
  }

  .input.code {
    font-family: var(--dn-font-mono);
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.2em;
  }

  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--dn-color-accent);
  }

  .choice {
    display: flex;
    align-items: center;
    gap: var(--dn-space-2);
    min-block-size: 24px;
  }
`;

/** `.button` with `.primary`, `.secondary`, `.danger`, `.link`; busy via `aria-busy` and a `.spinner`. */
/** A checkbox drawn as a switch: `<input type="checkbox" role="switch" class="switch">`. */
export const switchStyles = css`
  /* A track with a thumb that slides to the end when on (mirrors in RTL). */
  input.switch {
    appearance: none;
    position: relative;
    flex: none;
    inline-size: 2.75rem;
    block-size: 1.5rem;
    margin: 0;
    border: 1px solid var(--dn-color-border-strong);
    border-radius: var(--dn-radius-full);
    background: var(--dn-color-surface-sunken);
    cursor: pointer;
    transition:
      background-color var(--dn-duration-fast) var(--dn-easing),
      border-color var(--dn-duration-fast) var(--dn-easing);
  }

  input.switch::before {
    content: '';
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: 0.1875rem;
    inline-size: 1.0625rem;
    block-size: 1.0625rem;
    border-radius: var(--dn-radius-full);
    background: var(--dn-color-text-muted);
    transform: translateY(-50%);
    transition: inset-inline-start var(--dn-duration-fast) var(--dn-easing);
  }

  input.switch:checked {
    border-color: var(--dn-color-accent);
    background: var(--dn-color-accent);
  }

  input.switch:checked::before {
    inset-inline-start: calc(100% - 1.0625rem - 0.1875rem);
    background: var(--dn-color-on-accent);
  }

  input.switch:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  @media (forced-colors: active) {
    input.switch::before {
      forced-color-adjust: none;
      background: CanvasText;
    }

    input.switch:checked {
      border-color: Highlight;
    }

    input.switch:checked::before {
      background: Highlight;
    }
  }
`;

export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--dn-space-2);
    min-block-size: var(--dn-control-height);
    min-inline-size: 24px;
    margin: 0;
    padding-block: 0;
    padding-inline: var(--dn-space-4);
    /* Transparent, not none: forced-colors mode draws it, so the button keeps an edge. */
    border: 1px solid transparent;
    border-radius: var(--dn-radius-md);
    background: var(--dn-color-surface);
    color: var(--dn-color-text);
    font: inherit;
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-medium);
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    user-select: none;
    transition:
      background-color var(--dn-duration-fast) var(--dn-easing),
      border-color var(--dn-duration-fast) var(--dn-easing),
      color var(--dn-duration-fast) var(--dn-easing);
  }

  .button:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .button.primary {
    background: var(--dn-color-accent);
    color: var(--dn-color-on-accent);
  }

  .button.primary:hover:not(:disabled, [aria-disabled='true'], [aria-busy='true']) {
    background: var(--dn-color-accent-hover);
  }

  .button.secondary {
    border-color: var(--dn-color-border-strong);
  }

  .button.secondary:hover:not(:disabled, [aria-disabled='true'], [aria-busy='true']) {
    background: var(--dn-color-surface-sunken);
  }

  .button.danger {
    background: var(--dn-color-danger);
    color: var(--dn-color-on-danger);
  }

  .button.danger:hover:not(:disabled, [aria-disabled='true'], [aria-busy='true']) {
    background: color-mix(in oklab, var(--dn-color-danger) 85%, var(--dn-color-text));
  }

  .button.link {
    min-block-size: 24px;
    padding-inline: 0;
    background: none;
    color: var(--dn-color-accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .button.link:hover:not(:disabled, [aria-disabled='true']) {
    color: var(--dn-color-accent-hover);
  }

  .button.link.danger {
    color: var(--dn-color-danger);
  }

  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }

  .button[aria-busy='true'] {
    cursor: progress;
  }

  .spinner {
    display: inline-block;
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    border: 0.15em solid currentColor;
    border-inline-end-color: transparent;
    border-radius: var(--dn-radius-full);
    animation: dn-spin 0.8s linear infinite;
  }

  @keyframes dn-spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    /* Slowed, not stopped: it is the busy signal. */
    .spinner {
      animation-duration: 2.4s;
    }
  }

  @media (forced-colors: active) {
    .spinner {
      forced-color-adjust: none;
      border-color: CanvasText;
      border-inline-end-color: Canvas;
    }
  }
`;

/** `.alert` (info by default) with `.success`, `.warning`, `.danger`; `.badge` with the same variants. */
export const alertStyles = css`
  .alert {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-2) var(--dn-space-3);
    padding-block: var(--dn-space-3);
    padding-inline: var(--dn-space-4);
    border: 1px solid var(--dn-color-accent);
    border-inline-start-width: 4px;
    border-radius: var(--dn-radius-md);
    background: var(--dn-color-info-surface);
    color: var(--dn-color-text);
    font-size: var(--dn-font-size-sm);
  }

  .alert > p {
    flex: 1 1 12rem;
  }

  .alert.success {
    border-color: var(--dn-color-success);
    background: var(--dn-color-success-surface);
  }

  .alert.warning {
    border-color: var(--dn-color-warning);
    background: var(--dn-color-warning-surface);
  }

  .alert.danger {
    border-color: var(--dn-color-danger);
    background: var(--dn-color-danger-surface);
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--dn-space-1);
    padding-inline: var(--dn-space-2);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-full);
    background: var(--dn-color-surface-sunken);
    color: var(--dn-color-text);
    font-size: var(--dn-font-size-xs);
    font-weight: var(--dn-font-weight-medium);
    line-height: 1.5;
    white-space: nowrap;
  }

  .badge.info {
    border-color: var(--dn-color-accent);
    background: var(--dn-color-info-surface);
  }

  .badge.success {
    border-color: currentColor;
    background: var(--dn-color-success-surface);
    color: var(--dn-color-success);
  }

  .badge.warning {
    border-color: currentColor;
    background: var(--dn-color-warning-surface);
    color: var(--dn-color-warning);
  }

  .badge.danger {
    border-color: currentColor;
    background: var(--dn-color-danger-surface);
    color: var(--dn-color-danger);
  }
`;

/** `.skeleton` bars inside a `.loading` block; the shimmer stops under reduced motion. */
export const skeletonStyles = css`
  .loading {
    display: grid;
    gap: var(--dn-space-3);
  }

  .skeleton {
    block-size: 1em;
    border-radius: var(--dn-radius-sm);
    background: linear-gradient(
      90deg,
      var(--dn-color-surface-sunken) 25%,
      var(--dn-color-border) 50%,
      var(--dn-color-surface-sunken) 75%
    );
    background-size: 400% 100%;
    animation: dn-shimmer 1.4s ease-in-out infinite;
  }

  .loading .skeleton:first-of-type {
    inline-size: 40%;
    block-size: 1.5em;
  }

  .loading .skeleton:last-of-type:not(:first-of-type) {
    inline-size: 70%;
  }

  @keyframes dn-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: 0 0;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .skeleton {
      border: 1px solid;
    }
  }
`;

/** Native `<dialog>`: `.dialog-header`, `.dialog-body`, `.dialog-footer`, and its backdrop. */
export const dialogStyles = css`
  /* An element that is only a modal takes no room where it sits. */
  :host {
    display: contents;
  }

  dialog h2 {
    margin: 0 0 var(--dn-space-2);
    font-size: var(--dn-font-size-lg);
  }

  dialog {
    inline-size: min(var(--dn-dialog-width), calc(100vw - 2 * var(--dn-space-4)));
    max-block-size: calc(100dvh - 2 * var(--dn-space-4));
    padding: var(--dn-space-6);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-lg);
    background: var(--dn-color-surface-raised);
    color: var(--dn-color-text);
    box-shadow: var(--dn-shadow-lg);
    overflow: auto;
  }

  dialog::backdrop {
    background: var(--dn-color-backdrop);
  }

  .dialog-header {
    margin-block-end: var(--dn-space-4);
  }

  .dialog-footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--dn-space-3);
    margin-block-start: var(--dn-space-6);
  }
`;

/** Layout (`.stack`, `.row`, `.actions`, `.push`), `.visually-hidden`, `.avatar`. */
export const utilityStyles = css`
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--dn-space-4);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-3);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--dn-space-3);
  }

  .push {
    margin-inline-start: auto;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .avatar {
    display: block;
    inline-size: var(--dn-avatar-size);
    block-size: var(--dn-avatar-size);
    border-radius: var(--dn-radius-full);
    object-fit: cover;
    background: var(--dn-color-surface-sunken);
  }
`;
