import { css, unsafeCSS } from 'lit';

export const styles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--dn-space-2) var(--dn-space-4);
  }

  .saving {
    display: inline-flex;
    align-items: center;
    gap: var(--dn-space-2);
    font-size: var(--dn-font-size-sm);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-2) var(--dn-space-3);
  }

  .columns {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dn-space-2);
    margin-inline-end: auto;
  }

  /* The element's own width decides the layout (container query), not the viewport. */
  .wrap {
    container: matrix / inline-size;
    min-inline-size: 0;
  }

  .grid {
    inline-size: 100%;
    border-collapse: collapse;
  }

  .grid th,
  .grid td {
    padding-block: var(--dn-space-3);
    padding-inline: var(--dn-space-3);
    border-block-end: 1px solid var(--dn-color-border);
    vertical-align: middle;
  }

  thead th {
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-medium);
    color: var(--dn-color-text-muted);
    text-align: start;
  }

  thead th.channel {
    inline-size: 1%;
    white-space: nowrap;
    text-align: center;
    overflow-wrap: normal;
  }

  .group-row th {
    padding-block: var(--dn-space-2);
    background: var(--dn-color-surface-sunken);
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-bold);
    text-align: start;
  }

  .type-header {
    text-align: start;
    font-weight: var(--dn-font-weight-normal);
    /* Server text cannot reorder what follows it (e.g. a stray bidi override). */
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }

  .type-label,
  .type-description,
  .lock-reason,
  .cell-error {
    display: block;
  }

  .type-label {
    font-weight: var(--dn-font-weight-medium);
  }

  .type-description,
  .lock-reason,
  .default-note,
  .cell-error {
    font-size: var(--dn-font-size-sm);
  }

  .lock-reason {
    margin-block-start: var(--dn-space-1);
    color: var(--dn-color-text-muted);
  }

  .lock-icon {
    display: inline-flex;
    vertical-align: -0.125em;
    margin-inline-end: var(--dn-space-1);
  }

  .cell-error {
    margin-block-start: var(--dn-space-1);
    color: var(--dn-color-danger);
    font-weight: var(--dn-font-weight-medium);
  }

  .cell {
    text-align: center;
  }

  .cell-inner {
    display: inline-flex;
    align-items: center;
    gap: var(--dn-space-2);
  }

  /* The channel's name next to the switch: only in the card layout, where no column header shows. */
  .cell-label {
    display: none;
  }

  .default-note {
    display: block;
    margin-block-start: var(--dn-space-1);
    color: var(--dn-color-text-muted);
    white-space: nowrap;
  }

  /* ——— The switch ——— */

  .switch {
    display: inline-flex;
    align-items: center;
    gap: var(--dn-space-1);
    min-block-size: 24px;
    min-inline-size: 24px;
    margin: 0;
    padding: var(--dn-space-1);
    border: 0;
    border-radius: var(--dn-radius-full);
    background: none;
    color: var(--dn-color-text-muted);
    font: inherit;
    cursor: pointer;
  }

  .switch:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  .track {
    display: inline-flex;
    align-items: center;
    justify-content: flex-start;
    inline-size: 2.5rem;
    block-size: 1.375rem;
    padding: 2px;
    border: 1px solid var(--dn-color-border-strong);
    border-radius: var(--dn-radius-full);
    background: var(--dn-color-surface-sunken);
    transition: background-color var(--dn-duration-fast) var(--dn-easing);
  }

  .thumb {
    display: block;
    inline-size: 1rem;
    block-size: 1rem;
    border-radius: var(--dn-radius-full);
    background: var(--dn-color-border-strong);
  }

  /* justify-content follows the writing direction: "on" is at the end in both LTR and RTL. */
  .switch[aria-checked='true'] .track {
    justify-content: flex-end;
    border-color: var(--dn-color-accent);
    background: var(--dn-color-accent);
  }

  .switch[aria-checked='true'] .thumb {
    background: var(--dn-color-on-accent);
  }

  .switch:hover:not([aria-disabled='true']) .track {
    border-color: var(--dn-color-text);
  }

  .switch[aria-disabled='true'] {
    cursor: not-allowed;
  }

  .cell.locked .switch {
    color: var(--dn-color-text);
  }

  .cell.locked .track {
    opacity: 0.7;
  }

  .cell.changed .track {
    box-shadow: 0 0 0 2px var(--dn-color-surface), 0 0 0 3px var(--dn-color-border-strong);
  }

  @media (forced-colors: active) {
    .track {
      forced-color-adjust: none;
      border-color: CanvasText;
      background: Canvas;
    }

    .thumb {
      background: CanvasText;
    }

    .switch[aria-checked='true'] .track {
      border-color: Highlight;
      background: Highlight;
    }

    .switch[aria-checked='true'] .thumb {
      background: HighlightText;
    }

    .switch[aria-disabled='true'] .track {
      border-color: GrayText;
    }
  }
`;

/**
 * Narrow: one card per notification type, the switches stacked with their channel's name.
 * Every selector starts with `.grid`: {@link cardStyles} scopes them to a number of channels.
 */
const cards = css`
  .grid,
  .grid tbody,
  .grid tr,
  .grid th,
  .grid td {
    display: block;
  }

  /* Column headers stay for screen readers; each switch shows its channel's name instead. */
  .grid thead {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .grid .group-row th {
    margin-block-start: var(--dn-space-4);
    border: 0;
    border-radius: var(--dn-radius-md);
  }

  .grid .type-row {
    box-sizing: border-box;
    inline-size: 100%;
    margin-block-start: var(--dn-space-3);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-lg);
    background: var(--dn-color-surface-raised);
  }

  .grid .type-row > * {
    border: 0;
  }

  .grid .type-row > td {
    padding-block: var(--dn-space-2);
    border-block-start: 1px solid var(--dn-color-border);
    text-align: start;
  }

  .grid .cell-inner {
    display: flex;
    justify-content: space-between;
    inline-size: 100%;
  }

  .grid .cell-label {
    display: inline;
  }

  .grid .default-note {
    white-space: normal;
  }
`;

/** The most channels a layout threshold is set for; more channels count as this many. */
export const MAX_FITTED_CHANNELS = 6;

/**
 * The table becomes cards only when its columns no longer fit the element's own width (a
 * container query, never the viewport): a notification column of 12rem and 8rem per channel.
 * The table carries its channel count as a class (`c1`…`c6`).
 */
export const cardStyles = Array.from({ length: MAX_FITTED_CHANNELS }, (_, i) =>
  unsafeCSS(`@container matrix (width < ${12 + 8 * (i + 1)}rem){${cards.cssText.replaceAll('.grid', `.grid.c${i + 1}`)}}`),
);
