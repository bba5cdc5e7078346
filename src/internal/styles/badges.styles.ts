import { css } from 'lit';

/** `.badge` (neutral) with `.info`, `.success`, `.warning`, `.danger`. */
export const badgeStyles = css`
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
