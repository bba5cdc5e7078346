import { css } from 'lit';

export const styles = css`
  .title {
    margin: 0 0 var(--dn-space-2);
    font-size: var(--dn-font-size-lg);
  }

  p {
    margin: 0 0 var(--dn-space-2);
  }

  .pending {
    display: grid;
    gap: var(--dn-space-2);
  }
`;
