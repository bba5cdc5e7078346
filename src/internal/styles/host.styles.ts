import { css, type CSSResult } from 'lit';
import { tokens } from '../../themes/tokens.js';

/*
 * Shared styles, one module per concern; each element adopts the sheets it uses. They read
 * `--dn-` tokens only (see src/themes); no colour is written here. Layout uses logical
 * properties so RTL mirrors.
 */

/** Host reset, headings, links, the focus ring, text helpers (`.muted`, `.mono`) and the status region. */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--dn-font);
    font-size: var(--dn-font-size-md);
    font-weight: var(--dn-font-weight-normal);
    line-height: var(--dn-line-height);
    color: var(--dn-color-text);
    /* Each element paints its own surface, so a dark element reads on a light page. */
    background: var(--dn-color-surface);
    padding: var(--dn-space-5);
    border-radius: var(--dn-radius-lg);
    text-align: start;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  /*
   * What is scrolled into view (focus, a section or heading the element shows) stops this far
   * inside the host's scroll padding (e.g. under a sticky header): the focus ring shows whole.
   */
  * {
    scroll-margin-block: var(--dn-space-3);
  }

  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    font-weight: var(--dn-font-weight-bold);
    line-height: 1.25;
    overflow-wrap: anywhere;
  }

  h2 {
    font-size: var(--dn-font-size-xl);
  }

  /* An element's heading and its sub-headings look the same at any level (heading-level). */
  .title {
    font-size: var(--dn-font-size-lg);
  }

  .subtitle {
    font-size: var(--dn-font-size-md);
  }

  p {
    margin: 0;
  }

  a {
    color: var(--dn-color-accent);
    text-underline-offset: 0.15em;
  }

  a:hover {
    color: var(--dn-color-accent-hover);
  }

  :focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .muted {
    color: var(--dn-color-text-muted);
  }

  .mono {
    font-family: var(--dn-font-mono);
  }

  .status {
    color: var(--dn-color-success);
    font-size: var(--dn-font-size-sm);
  }
`;

/** What every element starts from: the tokens and the host reset. */
export const baseStyles: CSSResult[] = [tokens, hostStyles];
