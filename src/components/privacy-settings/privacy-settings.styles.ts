import { css } from 'lit';

export const styles = css`
  .title {
    margin-block-end: var(--dn-space-1);
  }

  .title:focus,
  .subtitle:focus {
    outline: none;
  }

  .title:focus-visible,
  .subtitle:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .setting {
    display: grid;
    gap: var(--dn-space-2);
  }

  .switch-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-2) var(--dn-space-3);
  }

  .switch-row > label {
    font-weight: var(--dn-font-weight-medium);
    cursor: pointer;
  }

  input.switch[aria-disabled='true'] {
    opacity: 0.55;
    cursor: progress;
  }

  .saving {
    display: inline-flex;
    align-items: center;
    gap: var(--dn-space-2);
    font-size: var(--dn-font-size-sm);
  }

  .export {
    padding-block-start: var(--dn-space-4);
    border-block-start: 1px solid var(--dn-color-border);
    gap: var(--dn-space-3);
  }

  .job {
    display: grid;
    gap: var(--dn-space-2);
  }

  .job.alert {
    display: grid;
  }

  /* Text from the server keeps its own direction and cannot reorder the sentence around it. */
  .server-text {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }

  progress {
    appearance: none;
    inline-size: 100%;
    block-size: 0.625rem;
    border: 1px solid var(--dn-color-border-strong);
    border-radius: var(--dn-radius-full);
    background: var(--dn-color-surface-sunken);
    overflow: hidden;
  }

  progress::-webkit-progress-bar {
    background: var(--dn-color-surface-sunken);
  }

  progress::-webkit-progress-value {
    background: var(--dn-color-accent);
    transition: inline-size var(--dn-duration-normal) var(--dn-easing);
  }

  progress::-moz-progress-bar {
    background: var(--dn-color-accent);
  }

  .download {
    white-space: normal;
    text-align: start;
  }

  .request {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-2) var(--dn-space-3);
  }

  .hint {
    color: var(--dn-color-text-muted);
    font-size: var(--dn-font-size-sm);
  }

  @media (forced-colors: active) {
    progress::-webkit-progress-value {
      background: Highlight;
    }
  }
`;
