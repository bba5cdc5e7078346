import { css } from 'lit';

/*
 * What only some forms have, apart from fields.styles.ts so the others do not carry it:
 * checkboxes and radios, and the one-time code field.
 */

/** Checkboxes and radios (sized, in the accent colour) and `.choice`, a label beside its box. */
export const choiceStyles = css`
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

/** The one-time code field (`renderCodeInput`, `.input.code`): monospaced, spaced digits. */
export const codeInputStyles = css`
  .input.code {
    font-family: var(--dn-font-mono);
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.2em;
  }
`;
