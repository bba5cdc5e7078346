import { css } from 'lit';

export const styles = css`
  .title {
    margin-block-end: var(--dn-space-2);
  }

  .title:focus {
    outline: none;
  }

  .title:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .panel {
    display: grid;
    gap: var(--dn-space-4);
  }

  .panel > .actions {
    justify-content: flex-start;
  }

  [part='intro'] {
    margin-block-end: var(--dn-space-4);
  }

  /* Success is on screen in the verified panel; the live region only says it to screen readers. */
  [part='status'] {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  [part='warning'] a {
    color: inherit;
    font-weight: var(--dn-font-weight-medium);
  }
`;

/** For the code form, rendered in light DOM. */
export const lightStyles = css`
  .input.code {
    max-inline-size: 14rem;
    font-family: var(--dn-font-mono);
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.1em;
  }

  .actions {
    flex-wrap: wrap;
    justify-content: flex-start;
  }
`;
