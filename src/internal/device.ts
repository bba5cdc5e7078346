/**
 * What the session, sign-in and trusted-device lists share: the device-type icon with
 * its name for assistive technology, a controller that keeps relative times current,
 * and the card layout of a list row.
 */
import { css, html, type ReactiveController, type ReactiveControllerHost, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { DeviceType } from '../api/schemas.js';

/**
 * 24 × 24 outline drawings, stroked with `currentColor`: one path each (the rounded rectangles
 * and circles written as arcs), so that a row binds one attribute instead of nesting templates.
 */
export const DEVICE_PATHS: Record<DeviceType, string> = {
  desktop: 'M4.5 4h15A1.5 1.5 0 0 1 21 5.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 14.5v-9A1.5 1.5 0 0 1 4.5 4ZM8 20h8M12 16v4',
  mobile: 'M9 2.5h6a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2H9a2 2 0 0 1-2-2v-15a2 2 0 0 1 2-2ZM11 18.5h2',
  tablet: 'M6 3h12a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2ZM11 18h2',
  unknown: 'M21 12a9 9 0 0 1-18 0a9 9 0 0 1 18 0ZM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5V14M12 17.2v.1',
};

const DEVICE_KEYS: Record<DeviceType, string> = {
  desktop: 'common.deviceDesktop',
  mobile: 'common.deviceMobile',
  tablet: 'common.deviceTablet',
  unknown: 'common.deviceUnknown',
};

/** What a server sends when it cannot tell the browser or system: nothing, or "Unknown" in English. */
const UNKNOWN_NAME = /^(unknown( browser| os| system)?)?$/i;

/**
 * The browser and system of a device as the user reads them: a part the server could not
 * tell ("", "Unknown", "Unknown browser") in the user's language, never the server's word.
 */
export function deviceNames(device: { browser: string; os: string }, t: (key: string) => string): { browser: string; os: string } {
  return {
    browser: UNKNOWN_NAME.test(device.browser.trim()) ? t('common.unknownBrowser') : device.browser,
    os: UNKNOWN_NAME.test(device.os.trim()) ? t('common.unknownOs') : device.os,
  };
}

/** A decorative outline icon (hidden from assistive technology). */
export function icon(shape: SVGTemplateResult): TemplateResult {
  return html`<svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">
    ${shape}
  </svg>`;
}

/** The key of a device type's name; types the contract does not know (a newer server) read as unknown. */
export const deviceTypeKey = (type: DeviceType): string => DEVICE_KEYS[type in DEVICE_PATHS ? type : 'unknown'];

/**
 * The device-type icon, named for screen readers ("Computer", "Phone", …) in part
 * `device-type`. Types the contract does not know (a newer server) read as unknown.
 * One template with the drawing bound as an attribute: lists render hundreds of these.
 */
export function renderDeviceType(type: DeviceType, t: (key: string) => string): TemplateResult {
  const known = type in DEVICE_PATHS ? type : 'unknown';
  return html`<span part="device-type" class="device-type"
    ><svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d=${DEVICE_PATHS[known]}></path></svg
    ><span class="visually-hidden">${t(DEVICE_KEYS[known])}</span></span
  >`;
}

/** How often relative times ("5 minutes ago") are brought up to date. */
export const REFRESH_MS = 30_000;

/** Re-renders its host every {@link REFRESH_MS} while it is on the page, so relative times stay current. */
export class RefreshController implements ReactiveController {
  #timer?: number;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs = REFRESH_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.clearInterval(this.#timer);
    this.#timer = window.setInterval(() => this.host.requestUpdate(), this.intervalMs);
  }

  hostDisconnected(): void {
    window.clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/**
 * A list element's header (title and a bulk action), its focusable heading, and the card
 * of one row: icon, details, actions. Elements add their own rules after these.
 */
export const deviceListStyles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--dn-space-3);
  }

  .title:focus {
    outline: none;
  }

  .title:focus-visible {
    outline: var(--dn-focus-ring);
    outline-offset: var(--dn-focus-offset);
  }

  /* Plain up to 200 rows; above, windowed: only the rows in view exist, placed by the virtualizer. */
  .list {
    display: block;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .row {
    box-sizing: border-box;
    inline-size: 100%;
    margin-block-end: var(--dn-space-3);
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--dn-space-3);
    padding: var(--dn-space-4);
    border: 1px solid var(--dn-color-border);
    border-radius: var(--dn-radius-md);
    background: var(--dn-color-surface-raised);
  }

  .device-type {
    display: inline-flex;
    flex: none;
    color: var(--dn-color-text-muted);
  }

  .device-type svg {
    inline-size: 1.75rem;
    block-size: 1.75rem;
  }

  /* The round badge of a row: a passkey, the mark of a provider. */
  .icon {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border: 1px solid var(--dn-color-border-strong);
    border-radius: var(--dn-radius-full);
    background: var(--dn-color-surface-sunken);
    color: var(--dn-color-text);
  }

  .icon svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  .details {
    display: grid;
    flex: 1 1 12rem;
    gap: var(--dn-space-1);
    min-inline-size: 0;
  }

  .name {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--dn-space-2);
    font-weight: var(--dn-font-weight-medium);
    overflow-wrap: anywhere;
  }

  .meta {
    color: var(--dn-color-text-muted);
    font-size: var(--dn-font-size-sm);
    overflow-wrap: anywhere;
  }

  .row > .button {
    flex: none;
  }

  .empty {
    color: var(--dn-color-text-muted);
  }
`;
