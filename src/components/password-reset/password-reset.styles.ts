import { css } from 'lit';

export const styles = css`
  .title {
    margin: 0 0 var(--dn-space-2);
  }

  .intro {
    margin: 0 0 var(--dn-space-4);
  }

  .panel {
    display: grid;
    gap: var(--dn-space-3);
  }

  .panel > .button {
    justify-self: start;
  }

  .panel .actions {
    justify-content: flex-start;
  }
`;
