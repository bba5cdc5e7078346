import { css } from 'lit';

export const styles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--dn-space-3);
  }

  h3:focus {
    outline: none;
  }

  h3:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .list {
    display: grid;
    gap: var(--dn-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .device {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--dn-space-3);
    padding: var(--dn-space-4);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-md);
    background: var(--dn-color-surface-raised);
  }

  .icon {
    display: inline-flex;
    flex: none;
    color: var(--dn-color-text-muted);
  }

  .icon svg {
    inline-size: 1.75rem;
    block-size: 1.75rem;
  }

  .details {
    display: grid;
    flex: 1 1 12rem;
    gap: var(--dn-space-1);
    min-inline-size: 0;
  }

  .name {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-2);
    font-weight: var(--dn-font-weight-medium);
    overflow-wrap: anywhere;
  }

  .meta {
    color: var(--dn-color-text-muted);
    font-size: var(--dn-font-size-sm);
    overflow-wrap: anywhere;
  }

  .device > .button {
    flex: none;
  }

  .empty {
    color: var(--dn-color-text-muted);
  }
`;
