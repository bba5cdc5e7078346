import { css } from 'lit';

export const passkeysStyles = css`
  /* The card itself comes from the shared row styles (src/internal/device.ts). */
  .passkey:last-child {
    margin-block-end: 0;
  }

  .details p {
    margin: 0;
  }

  [part='name'] {
    font-weight: var(--dn-font-weight-bold);
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }

  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dn-space-2);
  }

  .rename {
    margin-block-start: var(--dn-space-3);
    gap: var(--dn-space-3);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dn-space-2);
  }

  .empty,
  .unsupported {
    margin: 0;
  }
`;
