import { css } from 'lit';

export const styles = css`
  .title {
    margin-block-end: var(--dn-space-1);
  }

  .title:focus {
    outline: none;
  }

  .title:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .group {
    display: grid;
    gap: var(--dn-space-2);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .legend {
    padding: 0;
    margin-block-end: var(--dn-space-1);
    font-weight: var(--dn-font-weight-medium);
  }

  .options {
    display: grid;
    gap: var(--dn-space-2);
  }

  .row-options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dn-space-2) var(--dn-space-5);
  }

  .option {
    display: flex;
    align-items: center;
    gap: var(--dn-space-2);
    min-block-size: 24px;
    cursor: pointer;
  }

  input[type='radio'] {
    flex: none;
    cursor: pointer;
  }

  input[type='radio']:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .switch-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-2) var(--dn-space-3);
  }

  .switch-row > .legend {
    margin: 0;
    cursor: pointer;
  }

  .saving {
    display: inline-flex;
    align-items: center;
    gap: var(--dn-space-2);
    font-size: var(--dn-font-size-sm);
  }

  .preview {
    display: grid;
    gap: var(--dn-space-1);
    padding: var(--dn-space-4);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-md);
    background: var(--dn-color-surface-sunken);
  }

  .preview-label {
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-medium);
    color: var(--dn-color-text-muted);
  }

  .preview-value {
    font-size: var(--dn-font-size-lg);
    font-weight: var(--dn-font-weight-medium);
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
`;
