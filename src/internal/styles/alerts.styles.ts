import { css } from 'lit';

/** `.alert` (info by default) with `.success`, `.warning`, `.danger`. */
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
`;
