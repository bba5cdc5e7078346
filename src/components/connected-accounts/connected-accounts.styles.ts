import { css } from 'lit';

export const connectedAccountsStyles = css`
  /* The card itself comes from the shared row styles (src/internal/device.ts). */
  .account {
    align-items: center;
  }

  .account:last-child {
    margin-block-end: 0;
  }

  /* The round badge comes from the shared row styles; a provider without a mark shows a letter. */
  .icon {
    font-weight: var(--dn-font-weight-bold);
    font-size: var(--dn-font-size-md);
    line-height: 1;
  }

  .details p {
    margin: 0;
  }

  .name {
    font-weight: var(--dn-font-weight-bold);
  }

  .email {
    color: var(--dn-color-text);
    unicode-bidi: isolate;
  }

  /* Under the provider's name and button, across the row. */
  .last-method {
    flex: 1 1 100%;
  }

  .last-method p {
    margin: 0;
  }

  .password-note {
    margin: 0;
  }

  .empty {
    margin: 0;
  }
`;
