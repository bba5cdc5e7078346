import { css } from 'lit';

export const styles = css`
  .title {
    margin: 0 0 var(--dn-space-2);
  }

  .intro {
    margin: 0 0 var(--dn-space-4);
  }

  .done {
    display: grid;
    gap: var(--dn-space-3);
    margin-block-end: var(--dn-space-4);
  }

  .done .actions {
    justify-content: flex-start;
  }
`;
