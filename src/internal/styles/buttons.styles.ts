import { css } from 'lit';

/** `.button` with `.primary`, `.secondary`, `.danger`, `.link`; busy via `aria-busy` and a `.spinner`. */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--dn-space-2);
    min-block-size: var(--dn-control-height);
    min-inline-size: 24px;
    margin: 0;
    padding-block: 0;
    padding-inline: var(--dn-space-4);
    /* Transparent, not none: forced-colors mode draws it, so the button keeps an edge. */
    border: 1px solid transparent;
    border-radius: var(--dn-radius-md);
    background: var(--dn-color-surface);
    color: var(--dn-color-text);
    font: inherit;
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-medium);
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    user-select: none;
    transition:
      background-color var(--dn-duration-fast) var(--dn-easing),
      border-color var(--dn-duration-fast) var(--dn-easing),
      color var(--dn-duration-fast) var(--dn-easing);
  }

  .button:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .button.primary {
    background: var(--dn-color-accent);
    color: var(--dn-color-on-accent);
  }

  .button.primary:hover:not(:disabled, [aria-disabled='true'], [aria-busy='true']) {
    background: var(--dn-color-accent-hover);
  }

  .button.secondary {
    border-color: var(--dn-color-border-strong);
  }

  .button.secondary:hover:not(:disabled, [aria-disabled='true'], [aria-busy='true']) {
    background: var(--dn-color-surface-sunken);
  }

  .button.danger {
    background: var(--dn-color-danger);
    color: var(--dn-color-on-danger);
  }

  .button.danger:hover:not(:disabled, [aria-disabled='true'], [aria-busy='true']) {
    background: color-mix(in oklab, var(--dn-color-danger) 85%, var(--dn-color-text));
  }

  .button.link {
    min-block-size: 24px;
    padding-inline: 0;
    background: none;
    color: var(--dn-color-accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .button.link:hover:not(:disabled, [aria-disabled='true']) {
    color: var(--dn-color-accent-hover);
  }

  .button.link.danger {
    color: var(--dn-color-danger);
  }

  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }

  .button[aria-busy='true'] {
    cursor: progress;
  }

  .spinner {
    display: inline-block;
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    border: 0.15em solid currentColor;
    border-inline-end-color: transparent;
    border-radius: var(--dn-radius-full);
    animation: dn-spin 0.8s linear infinite;
  }

  @keyframes dn-spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    /* Slowed, not stopped: it is the busy signal. */
    .spinner {
      animation-duration: 2.4s;
    }
  }

  @media (forced-colors: active) {
    .spinner {
      forced-color-adjust: none;
      border-color: CanvasText;
      border-inline-end-color: Canvas;
    }
  }
`;
