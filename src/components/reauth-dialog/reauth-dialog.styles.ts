import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0 0 var(--dn-space-2);
    font-size: var(--dn-font-size-lg);
  }

  p {
    margin: 0 0 var(--dn-space-4);
    color: var(--dn-color-text-muted);
  }
`;
