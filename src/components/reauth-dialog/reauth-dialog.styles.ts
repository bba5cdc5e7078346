import { css } from 'lit';

export const styles = css`
  /* Only the modal shows; the host itself takes no room where it was added. */
  :host {
    display: contents;
  }

  h2 {
    margin: 0 0 var(--dn-space-2);
    font-size: var(--dn-font-size-lg);
  }

  p {
    margin: 0 0 var(--dn-space-4);
    color: var(--dn-color-text-muted);
  }
`;
