import { css } from 'lit';

export const styles = css`
  .title:focus {
    outline: none;
  }

  .title:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .summary {
    display: grid;
    margin: 0;
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-md);
    background: var(--dn-color-surface-raised);
  }

  /* Label and value side by side; the value wraps under the label when narrow. */
  .item {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dn-space-1) var(--dn-space-4);
    padding: var(--dn-space-4);
  }

  .item + .item {
    border-block-start: 1px solid var(--dn-color-border);
  }

  dt {
    flex: 0 0 10rem;
    color: var(--dn-color-text-muted);
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-medium);
    line-height: var(--dn-line-height);
  }

  dd {
    display: grid;
    flex: 1 1 14rem;
    justify-items: start;
    gap: var(--dn-space-2);
    min-inline-size: 0;
    margin: 0;
  }

  /* Text from the server keeps its own direction and cannot reorder what follows it. */
  .server-text {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }

  .plan-name {
    font-size: var(--dn-font-size-lg);
    font-weight: var(--dn-font-weight-bold);
  }

  .price {
    color: var(--dn-color-text-muted);
  }

  .card-line,
  .expiry {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-2);
  }

  .card-line {
    font-weight: var(--dn-font-weight-medium);
  }

  .card-icon {
    display: inline-flex;
    flex: none;
    padding: var(--dn-space-1);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-sm);
    background: var(--dn-color-surface-sunken);
    color: var(--dn-color-text-muted);
  }

  .card-icon svg {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }

  .card-number {
    white-space: nowrap;
  }

  .expiry {
    font-size: var(--dn-font-size-sm);
  }

  .note {
    color: var(--dn-color-text-muted);
    font-size: var(--dn-font-size-sm);
  }

  .note.alert {
    color: var(--dn-color-text);
    justify-self: stretch;
  }

  .empty {
    font-weight: var(--dn-font-weight-medium);
  }

  .free {
    color: var(--dn-color-text-muted);
  }

  .manage-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dn-space-3);
  }

  a.button {
    text-decoration: none;
  }
`;
