import type { DnEventMap } from '../events.js';

/** Dispatches a bubbling, composed `dn-` event with a typed detail. */
export function emit<K extends keyof DnEventMap>(
  target: EventTarget,
  name: K,
  detail: DnEventMap[K] extends CustomEvent<infer D> ? D : never,
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
