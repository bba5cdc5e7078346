import { css } from 'lit';

/** Layout helpers: `.stack` (a column), `.row` (a wrapping line), `.actions` (buttons at the end). */
export const layoutStyles = css`
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--dn-space-4);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-3);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--dn-space-3);
  }
`;
