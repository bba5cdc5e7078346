import { css } from 'lit';

/** The shadow root: tabs, the narrow-screen menu button, the panels. */
export const styles = css`
  :host {
    /* The page pads an inner wrapper, so a narrow container can tighten it. */
    padding: 0;
    container-type: inline-size;
  }

  .page {
    display: grid;
    gap: var(--dn-space-5);
    padding: var(--dn-space-5);
    min-inline-size: 0;
  }

  /* One row of tabs: when they do not fit, the row scrolls and fades at the side with more. */
  .tablist {
    display: flex;
    gap: var(--dn-space-1);
    min-inline-size: 0;
    overflow-x: auto;
    overscroll-behavior-inline: contain;
    scrollbar-width: thin;
    /* A tab scrolled to (chosen, focused) stays clear of the fade. */
    scroll-padding-inline: var(--dn-space-7);
    /* The line under the tabs: a shadow the selected tab's underline covers (a border would be clipped). */
    box-shadow: inset 0 -1px 0 var(--dn-color-border);
  }

  /* The fade's colour only sets opacity: any opaque token does. */
  .tablist.more-start {
    mask-image: linear-gradient(to right, transparent, var(--dn-color-text) var(--dn-space-7));
  }

  .tablist.more-end {
    mask-image: linear-gradient(to left, transparent, var(--dn-color-text) var(--dn-space-7));
  }

  .tablist.more-start:dir(rtl) {
    mask-image: linear-gradient(to left, transparent, var(--dn-color-text) var(--dn-space-7));
  }

  .tablist.more-end:dir(rtl) {
    mask-image: linear-gradient(to right, transparent, var(--dn-color-text) var(--dn-space-7));
  }

  .tablist.more-start.more-end {
    mask-image: linear-gradient(
      to right,
      transparent,
      var(--dn-color-text) var(--dn-space-7),
      var(--dn-color-text) calc(100% - var(--dn-space-7)),
      transparent
    );
  }

  .tab {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--dn-control-height);
    min-inline-size: 24px;
    margin: 0;
    padding-block: 0;
    padding-inline: var(--dn-space-2);
    border: 0;
    border-block-end: 2px solid transparent;
    border-start-start-radius: var(--dn-radius-md);
    border-start-end-radius: var(--dn-radius-md);
    background: none;
    color: var(--dn-color-text-muted);
    font: inherit;
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-medium);
    line-height: 1.25;
    text-align: start;
    white-space: nowrap;
    flex: none;
    cursor: pointer;
    transition:
      color var(--dn-duration-fast) var(--dn-easing),
      background-color var(--dn-duration-fast) var(--dn-easing),
      border-color var(--dn-duration-fast) var(--dn-easing);
  }

  .tab:hover {
    background: var(--dn-color-surface-sunken);
    color: var(--dn-color-text);
  }

  .tab[aria-selected='true'] {
    border-block-end-color: var(--dn-color-accent);
    color: var(--dn-color-accent);
  }

  .tab:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: calc(-1 * var(--dn-focus-offset));
  }

  .menu-button {
    display: none;
    inline-size: 100%;
    justify-content: space-between;
    text-align: start;
  }

  .chevron {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    transition: transform var(--dn-duration-normal) var(--dn-easing);
  }

  .menu-button[aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }

  .panel {
    display: grid;
    gap: var(--dn-space-5);
    min-inline-size: 0;
    border-radius: var(--dn-radius-md);
  }

  .panel:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  /* The element's own light-DOM container of each tab: the sections, one under the other. */
  ::slotted(.dn-settings-panel) {
    display: grid;
    gap: var(--dn-space-5);
    min-inline-size: 0;
  }

  /* Narrow containers: tighter padding. */
  @container (width < 40rem) {
    .page {
      gap: var(--dn-space-4);
      padding: var(--dn-space-3);
    }
  }

  /* Phone-sized containers: the tabs hide behind a button and open as a vertical list. */
  @container (width < 30rem) {
    .menu-button {
      display: inline-flex;
    }

    .tablist {
      display: none;
      flex-direction: column;
      gap: var(--dn-space-1);
      padding: var(--dn-space-1);
      overflow: visible;
      mask-image: none;
      box-shadow: var(--dn-shadow-sm);
      border: 1px solid var(--dn-color-border);
      border-radius: var(--dn-radius-md);
      background: var(--dn-color-surface-raised);
    }

    .tablist.open {
      display: flex;
    }

    .tab {
      margin: 0;
      padding-inline: var(--dn-space-3);
      white-space: normal;
      overflow-wrap: anywhere;
      border-block-end: 0;
      border-inline-start: 3px solid transparent;
      border-radius: var(--dn-radius-sm);
    }

    .tab[aria-selected='true'] {
      border-inline-start-color: var(--dn-color-accent);
      background: var(--dn-color-surface-sunken);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .tab,
    .chevron {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .tab[aria-selected='true'] {
      border-color: Highlight;
    }
  }
`;

/**
 * Adopted by the document (or the enclosing shadow root) for the sections in the
 * element's light DOM. Zero specificity (`:where`), so any host rule wins.
 */
export const lightStyles = css`
  :where(.dn-settings-panel) > :where([data-dn-section]) {
    min-inline-size: 0;
    border: 1px solid var(--dn-color-border);
    scroll-margin-block: var(--dn-space-4);
  }

  /* The danger zone draws its own frame. */
  :where(.dn-settings-panel) > :where([data-dn-section='delete-account']) {
    padding: 0;
    border: 0;
  }

  @container (width < 40rem) {
    :where(.dn-settings-panel) > :where([data-dn-section]:not([data-dn-section='delete-account'])) {
      padding: var(--dn-space-3);
    }
  }
`;
