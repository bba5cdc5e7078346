/**
 * The one check for every URL that reaches an `href` or `src` from outside the element
 * (host attributes such as `password-href`, server-provided download, portal and avatar
 * URLs). Allowed: http(s) and relative URLs (and `mailto:`/`tel:` for links); `blob:` only
 * when the element made the blob itself (`ownBlobs`). Everything else — `javascript:`,
 * `vbscript:`, `data:text/html`, `file:` — is refused, and so is any URL with characters
 * the browser's URL parser would silently strip (tabs, newlines, other control characters,
 * leading or trailing spaces): `java\tscript:` must not slip past a scheme check; and a
 * character reference before the first `/`, `?` or `#` (`javascript&colon;…`), a scheme
 * waiting for something to decode it.
 *
 * The one narrow `data:` exception: `data:` URLs are never links. For `use: 'image'` only
 * raster types are allowed (`image/png`, `image/jpeg`, `image/webp`, `image/gif`,
 * `image/avif` — never `image/svg+xml`, which is markup that can carry script); for
 * `use: 'download'` only `application/json`, `text/plain`, `text/csv`, `application/zip`
 * and `application/octet-stream` (files a browser saves or shows as text, never renders
 * as a page).
 */

/** What the URL is for: a link to follow, a file to download or an image to show. */
export type UrlUse = 'link' | 'download' | 'image';

export interface SafeUrlOptions {
  /** Default `link`. */
  use?: UrlUse;
  /** `blob:` URLs the element created itself (e.g. an avatar preview); any other blob is refused. */
  ownBlobs?: Iterable<string>;
}

/** Images a `data:` URL may hold for an `<img src>` (no SVG: it is markup). */
const DATA_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif']);
/** Files a `data:` URL may hold for a download link (never markup a browser would render). */
const DATA_DOWNLOAD_TYPES = new Set(['application/json', 'text/plain', 'text/csv', 'application/zip', 'application/octet-stream']);

/** C0 controls, DEL, and leading/trailing spaces: the URL parser drops them, so they hide a scheme. */
// eslint-disable-next-line no-control-regex
const STRIPPED = /[\u0000-\u001F\u007F]|^[\s\u00A0\uFEFF]|[\s\u00A0\uFEFF]$/;

/** A character reference for `:` (or any `&…;` entity) before the first `/`, `?` or `#`: a scheme in disguise. */
const ENCODED_SCHEME = /^[^/?#]*&(?:[a-z]+|#\d+|#x[\da-f]+);/i;

/** A fixed https base: a relative URL stays allowed whatever the page's own base is. */
const BASE = 'https://relative.invalid/';

function dataType(url: URL): string {
  // `data:[<type>][;param…],…` — the type is what comes before the first `;` or `,`.
  return url.pathname.split(/[;,]/, 1)[0]!.trim().toLowerCase();
}

/** `url` unchanged when it is safe for `use`; `undefined` otherwise (render no link / no image). */
export function safeUrl(url: string | null | undefined, { use = 'link', ownBlobs }: SafeUrlOptions = {}): string | undefined {
  if (typeof url !== 'string' || !url || STRIPPED.test(url)) return undefined;
  // `javascript&colon;…`: inert while it stays attribute text, but a scheme once anything decodes it.
  if (ENCODED_SCHEME.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return undefined;
  }
  switch (parsed.protocol) {
    case 'https:':
    case 'http:':
      return url;
    case 'mailto:':
    case 'tel:':
      // A support address or phone number: opens the mail or phone app, never runs anything.
      return use === 'link' ? url : undefined;
    case 'blob:':
      return ownBlobs && [...ownBlobs].includes(url) ? url : undefined;
    case 'data:': {
      const type = dataType(parsed);
      if (use === 'image') return DATA_IMAGE_TYPES.has(type) ? url : undefined;
      if (use === 'download') return DATA_DOWNLOAD_TYPES.has(type) ? url : undefined;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A link a host or server gave: http(s) or relative. */
export const safeHref = (url: string | null | undefined): string | undefined => safeUrl(url, { use: 'link' });

/** A download link from the server: http(s), relative, or a `data:` URL of a non-markup file. */
export const safeDownloadUrl = (url: string | null | undefined): string | undefined => safeUrl(url, { use: 'download' });

/** An image source: http(s), relative, a `data:` PNG/JPEG/WebP/GIF/AVIF, or a blob the element made. */
export const safeImageSrc = (url: string | null | undefined, ownBlobs?: Iterable<string>): string | undefined =>
  safeUrl(url, { use: 'image', ownBlobs });
