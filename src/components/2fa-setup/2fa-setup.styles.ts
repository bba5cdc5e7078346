import { css } from 'lit';

export const styles = css`
  .title {
    margin-block-end: var(--dn-space-2);
  }

  .subtitle {
    /* The step heading takes focus; its ring hugs the text rather than the row. */
    justify-self: start;
  }

  .subtitle:focus {
    outline: none;
  }

  .subtitle:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .panel {
    display: grid;
    gap: var(--dn-space-4);
  }

  .panel > .actions {
    justify-content: flex-start;
  }

  /*
   * The QR card stays dark-on-light in every theme: scanners need that contrast and
   * a light quiet zone. The colours are the light scheme's system colours (Canvas,
   * CanvasText), not literals; the canvas reads them when it draws.
   */
  .qr {
    justify-self: start;
    color-scheme: light;
    forced-color-adjust: none;
    padding: var(--dn-space-1);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-md);
    background-color: Canvas;
  }

  .qr canvas {
    display: block;
    color: CanvasText;
    background-color: Canvas;
    image-rendering: pixelated;
  }

  .key {
    font-family: var(--dn-font-mono);
    font-size: var(--dn-font-size-lg);
    letter-spacing: 0.05em;
    word-spacing: 0.3em;
    overflow-wrap: anywhere;
    padding-block: var(--dn-space-1);
    padding-inline: var(--dn-space-2);
    border-radius: var(--dn-radius-sm);
    background: var(--dn-color-surface-sunken);
    user-select: all;
  }

  .codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: var(--dn-space-2) var(--dn-space-4);
    margin: 0;
    padding: var(--dn-space-4);
    border: 1px solid var(--dn-color-border);
    /* Markers inside the items: "10." stays within the box. */
    list-style-position: inside;
    border-radius: var(--dn-radius-md);
    background: var(--dn-color-surface-sunken);
    font-family: var(--dn-font-mono);
    font-variant-numeric: tabular-nums;
  }
`;

/** For the forms rendered in light DOM (the code and password fields). */
export const lightStyles = css`
  .input.code {
    max-inline-size: 12rem;
  }

  fieldset {
    display: grid;
    gap: var(--dn-space-1);
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
    margin-block-end: var(--dn-space-1);
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-medium);
  }

  .actions {
    justify-content: flex-start;
  }
`;
