import { css } from 'lit';

export const styles = css`
  header .title {
    margin: 0;
    font-size: var(--dn-font-size-xl);
  }

  header p {
    margin: var(--dn-space-1) 0 0;
  }

  .avatar-block > .row {
    align-items: center;
    flex-wrap: nowrap;
  }

  .avatar-block .stack {
    flex: 1 1 auto;
    min-inline-size: 0;
  }

  .avatar {
    display: block;
    flex: none;
    inline-size: var(--dn-avatar-size);
    block-size: var(--dn-avatar-size);
    border-radius: var(--dn-radius-full);
    object-fit: cover;
    background: var(--dn-color-surface-sunken);
  }

  .initials {
    display: inline-grid;
    place-items: center;
    background: var(--dn-color-accent);
    color: var(--dn-color-on-accent);
    font-size: var(--dn-font-size-lg);
    font-weight: var(--dn-font-weight-bold);
  }

  .progress {
    display: grid;
    gap: var(--dn-space-1);
    font-size: var(--dn-font-size-sm);
  }

  progress {
    inline-size: 100%;
    accent-color: var(--dn-color-accent);
  }

  .email-change {
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-md);
  }

  /* While <dn-email-change> loads: inset like the element's own content. */
  .email-change > [part='loading'],
  .email-change > [part='error'] {
    margin: var(--dn-space-5);
  }

  .row .input {
    flex: 1 1 16rem;
    min-inline-size: 0;
  }

  /*
   * The address, read-only, wraps (anywhere: an address has no spaces) and grows to show it
   * whole on a narrow screen; where field-sizing is unknown it scrolls inside its box.
   */
  .input.email {
    min-block-size: var(--dn-control-height);
    field-sizing: content;
    resize: none;
    overflow-wrap: anywhere;
  }

  .between {
    justify-content: space-between;
  }

  .count {
    font-variant-numeric: tabular-nums;
  }

  .count.over {
    color: var(--dn-color-danger);
  }
`;
