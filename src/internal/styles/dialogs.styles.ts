import { css } from 'lit';

/** Native `<dialog>` with its backdrop, its title and a `.dialog-footer` for the buttons. */
export const dialogStyles = css`
  /* An element that is only a modal takes no room where it sits. */
  :host {
    display: contents;
  }

  dialog h2 {
    margin: 0 0 var(--dn-space-2);
    font-size: var(--dn-font-size-lg);
  }

  dialog {
    inline-size: min(var(--dn-dialog-width), calc(100vw - 2 * var(--dn-space-4)));
    max-block-size: calc(100dvh - 2 * var(--dn-space-4));
    padding: var(--dn-space-6);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-lg);
    background: var(--dn-color-surface-raised);
    color: var(--dn-color-text);
    box-shadow: var(--dn-shadow-lg);
    overflow: auto;
  }

  dialog::backdrop {
    background: var(--dn-color-backdrop);
  }

  .dialog-footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--dn-space-3);
    margin-block-start: var(--dn-space-6);
  }
`;
