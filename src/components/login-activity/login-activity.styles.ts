import { css } from 'lit';

export const styles = css`
  .filter {
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-medium);
    cursor: pointer;
  }

  svg {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
  }

  .burst-alert .alert-icon {
    display: inline-flex;
    color: var(--dn-color-warning);
    font-size: var(--dn-font-size-lg);
  }

  .count {
    font-size: var(--dn-font-size-sm);
  }

  /* Plain up to 200 rows; above, windowed: only the rows in view exist, placed by the virtualizer. */
  .list {
    display: block;
    margin: 0;
    padding: 0;
    list-style: none;
    container-type: inline-size;
  }

  /* Narrow: icon | details, with the outcome under the details. Wide: the outcome at the end. */
  .attempt {
    box-sizing: border-box;
    inline-size: 100%;
    margin-block-end: var(--dn-space-3);
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: start;
    gap: var(--dn-space-2) var(--dn-space-3);
    padding: var(--dn-space-3) var(--dn-space-4);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-md);
    background: var(--dn-color-surface-raised);
  }

  /* A burst of failures: a warning band on every row (the badges say it in words). */
  .attempt.burst {
    border-color: var(--dn-color-warning);
    border-inline-start-width: 4px;
    padding-inline-start: calc(var(--dn-space-4) - 3px);
  }

  .burst-note {
    display: flex;
    grid-column: 1 / -1;
    align-items: center;
    gap: var(--dn-space-2);
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-bold);
    overflow-wrap: anywhere;
  }

  .note-icon {
    display: inline-flex;
    color: var(--dn-color-warning);
    font-size: var(--dn-font-size-lg);
  }

  .outcome-icon {
    display: inline-flex;
    color: var(--dn-color-success);
    font-size: 1.5rem;
  }

  .failed .outcome-icon {
    color: var(--dn-color-danger);
  }

  .details {
    display: grid;
    gap: var(--dn-space-1);
    min-inline-size: 0;
  }

  .when {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--dn-space-2);
    font-weight: var(--dn-font-weight-medium);
  }

  .relative {
    color: var(--dn-color-text-muted);
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-normal);
  }

  .device {
    display: flex;
    align-items: center;
    gap: var(--dn-space-2);
    overflow-wrap: anywhere;
  }

  /* Smaller than in the session and device cards: here the icon sits in a line of text. */
  .device .device-type {
    font-size: 1.25rem;
  }

  .device .device-type svg {
    inline-size: 1em;
    block-size: 1em;
  }

  .device bdi {
    min-inline-size: 0;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--dn-space-2);
    color: var(--dn-color-text-muted);
    font-size: var(--dn-font-size-sm);
    overflow-wrap: anywhere;
  }

  .meta bdi {
    min-inline-size: 0;
  }

  .outcome {
    display: flex;
    grid-column: 2;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-1) var(--dn-space-2);
    min-inline-size: 0;
  }

  @container (min-inline-size: 34rem) {
    .attempt {
      grid-template-columns: auto minmax(0, 1fr) auto;
    }

    .outcome {
      grid-column: 3;
      flex-direction: column;
      align-items: flex-end;
    }

    .reason {
      text-align: end;
    }
  }

  .reason {
    font-size: var(--dn-font-size-sm);
    font-weight: var(--dn-font-weight-medium);
  }

  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-3);
  }

  .more > .alert {
    flex: 1 1 16rem;
  }

  .end:focus {
    outline: none;
  }

  .end:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }


  @media (forced-colors: active) {
    .attempt.burst {
      border-style: double;
    }
  }
`;
