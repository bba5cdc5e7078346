import { css } from 'lit';

/** The shadow root: the danger zone around the slotted form. */
export const styles = css`
  .zone {
    display: grid;
    gap: var(--dn-space-4);
    padding: var(--dn-space-5);
    border: 1px solid var(--dn-color-danger);
    border-radius: var(--dn-radius-lg);
    background: var(--dn-color-surface);
  }

  .title,
  .subtitle {
    margin: 0;
  }

  .title {
    color: var(--dn-color-danger);
    font-size: var(--dn-font-size-lg);
  }

  .subtitle {
    font-size: var(--dn-font-size-md);
  }

  p {
    margin: 0;
  }

  .impact,
  .blocking,
  .deleted {
    display: grid;
    gap: var(--dn-space-2);
  }

  .impact-list,
  .workspaces {
    margin: 0;
    padding-inline-start: var(--dn-space-5);
  }

  .impact-list li + li {
    margin-block-start: var(--dn-space-1);
  }

  .workspaces {
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--dn-space-2);
  }

  .workspace {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dn-space-1) var(--dn-space-3);
    align-items: baseline;
    padding: var(--dn-space-3);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-md);
    background: var(--dn-color-surface-sunken);
    min-inline-size: 0;
  }

  .workspace-name {
    font-weight: var(--dn-font-weight-medium);
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }

  .blocking .actions {
    justify-content: flex-start;
  }

  a {
    color: var(--dn-color-accent);
    text-underline-offset: 0.15em;
  }

  a:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 2px solid var(--dn-color-focus);
    outline-offset: 2px;
    border-radius: var(--dn-radius-sm);
  }

  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }

  @media (forced-colors: active) {
    .zone,
    .workspace {
      border-color: CanvasText;
    }
  }
`;

/** The light-DOM form (adopted inside `@scope (.dn-light)`). */
export const formExtraStyles = css`
  .requirements {
    margin: 0;
  }

  .deletion-form .actions {
    justify-content: flex-start;
  }

  .deletion-form .form-alert {
    margin: 0;
  }
`;
