/**
 * A relative time ("3 minutes ago") that shows the exact date and time, in the user's
 * time zone and formats, on hover and on keyboard focus (WCAG 1.4.13: the tip stays
 * while hovered, hides on Escape). Screen readers get the exact time as the
 * description of the focusable `<time>`.
 */
import { css, html, type TemplateResult } from 'lit';
import { formatDateTime, formatRelative, type DateTimeSettings } from '../i18n/format.js';
import { uniqueId } from './ids.js';

/**
 * `label` turns the relative text into the visible sentence (e.g. `when => t('lastActive', { when })`).
 * `now` is for tests and stories that freeze the clock.
 */
export function renderRelativeTime(
  iso: string,
  settings: DateTimeSettings,
  label: (relative: string) => string = (relative) => relative,
  now: number = Date.now(),
): TemplateResult {
  const exact = formatDateTime(iso, settings);
  const tipId = uniqueId('time-tip');
  return html`<span class="time-tip-anchor"
    ><time
      part="time"
      class="relative-time"
      datetime=${iso}
      tabindex="0"
      aria-describedby=${tipId}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') (event.currentTarget as HTMLElement).parentElement?.classList.add('dismissed');
      }}
      @blur=${(event: FocusEvent) => (event.currentTarget as HTMLElement).parentElement?.classList.remove('dismissed')}
      @mouseleave=${(event: MouseEvent) => (event.currentTarget as HTMLElement).parentElement?.classList.remove('dismissed')}
      >${label(formatRelative(iso, settings, now))}</time
    ><span part="time-tip" class="time-tip" role="tooltip" id=${tipId} aria-label=${exact}>${exact}</span></span
  >`;
}

/** Styles for {@link renderRelativeTime}. */
export const relativeTimeStyles = css`
  .time-tip-anchor {
    position: relative;
    display: inline-block;
  }

  .relative-time {
    border-block-end: 1px dotted currentColor;
    cursor: help;
  }

  .relative-time:focus {
    outline: none;
  }

  .relative-time:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
    border-radius: var(--dn-radius-sm);
  }

  .time-tip {
    position: absolute;
    inset-block-end: calc(100% + var(--dn-space-1));
    inset-inline-start: 0;
    z-index: 2;
    display: none;
    padding: var(--dn-space-1) var(--dn-space-2);
    border-radius: var(--dn-radius-sm);
    background: var(--dn-color-text);
    color: var(--dn-color-surface);
    font-size: var(--dn-font-size-sm);
    white-space: nowrap;
    box-shadow: var(--dn-shadow-md);
  }

  .time-tip-anchor:is(:hover, :focus-within):not(.dismissed) .time-tip {
    display: block;
  }
`;
