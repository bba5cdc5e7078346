import { css } from 'lit';

/** A checkbox drawn as a switch: `<input type="checkbox" role="switch" class="switch">`. */
export const switchStyles = css`
  /* A track with a thumb that slides to the end when on (mirrors in RTL). */
  input.switch {
    appearance: none;
    position: relative;
    flex: none;
    inline-size: 2.75rem;
    block-size: 1.5rem;
    margin: 0;
    border: 1px solid var(--dn-color-border-strong);
    border-radius: var(--dn-radius-full);
    background: var(--dn-color-surface-sunken);
    cursor: pointer;
    transition:
      background-color var(--dn-duration-fast) var(--dn-easing),
      border-color var(--dn-duration-fast) var(--dn-easing);
  }

  input.switch::before {
    content: '';
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: 0.1875rem;
    inline-size: 1.0625rem;
    block-size: 1.0625rem;
    border-radius: var(--dn-radius-full);
    background: var(--dn-color-text-muted);
    transform: translateY(-50%);
    transition: inset-inline-start var(--dn-duration-fast) var(--dn-easing);
  }

  input.switch:checked {
    border-color: var(--dn-color-accent);
    background: var(--dn-color-accent);
  }

  input.switch:checked::before {
    inset-inline-start: calc(100% - 1.0625rem - 0.1875rem);
    background: var(--dn-color-on-accent);
  }

  input.switch:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  @media (forced-colors: active) {
    input.switch::before {
      forced-color-adjust: none;
      background: CanvasText;
    }

    input.switch:checked {
      border-color: Highlight;
    }

    input.switch:checked::before {
      background: Highlight;
    }
  }
`;
