import { css } from 'lit';

/**
 * Forms and text fields: labels, hints, errors, text controls and selects. Checkboxes,
 * radios and the one-time code field are in choices.styles.ts (most forms have none).
 */
export const fieldStyles = css`
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
`;
