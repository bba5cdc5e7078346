import { css } from 'lit';

/** `.skeleton` bars inside a `.loading` block; the shimmer stops under reduced motion. */
export const skeletonStyles = css`
  .loading {
    display: grid;
    gap: var(--dn-space-3);
  }

  .skeleton {
    block-size: 1em;
    border-radius: var(--dn-radius-sm);
    background: linear-gradient(
      90deg,
      var(--dn-color-surface-sunken) 25%,
      var(--dn-color-border) 50%,
      var(--dn-color-surface-sunken) 75%
    );
    background-size: 400% 100%;
    animation: dn-shimmer 1.4s ease-in-out infinite;
  }

  .loading .skeleton:first-of-type {
    inline-size: 40%;
    block-size: 1.5em;
  }

  .loading .skeleton:last-of-type:not(:first-of-type) {
    inline-size: 70%;
  }

  @keyframes dn-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: 0 0;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .skeleton {
      border: 1px solid;
    }
  }
`;
