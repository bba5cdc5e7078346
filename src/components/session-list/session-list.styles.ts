import { css } from 'lit';

export const styles = css`
  .session.current {
    border-color: var(--dn-color-accent);
  }

  /* Server text inside cannot reorder what follows it (e.g. a stray bidi override). */
  .session-name {
    unicode-bidi: isolate;
    min-inline-size: 0;
  }

  .active-now {
    color: var(--dn-color-success);
    font-weight: var(--dn-font-weight-medium);
  }

  .hint {
    color: var(--dn-color-text-muted);
    font-size: var(--dn-font-size-sm);
  }

  .hint .button.link {
    font-size: inherit;
    vertical-align: baseline;
  }
`;
