import { css } from 'lit';

export const styles = css`
  p {
    margin: 0 0 var(--dn-space-4);
    color: var(--dn-color-text-muted);
  }
`;
