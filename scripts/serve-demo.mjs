#!/usr/bin/env node
/**
 * Serves the built demo (demo-dist/, from `vite build --mode demo`) under the strict
 * Content-Security-Policy of issue 8, sent as a header on every response. A small static server of
 * our own (node:http), so the policy is exactly the one below and nothing else is added.
 *
 *   node scripts/serve-demo.mjs [--port 4174]     → prints the URL; Ctrl+C stops it
 *
 * scripts/check-csp.mjs imports `serve()` and `POLICY` and drives the page under them.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)), 'demo-dist');

/**
 * Trusted Types policy names:
 * - `lit-html`: Lit's own policy for the template HTML it parses (the library needs it).
 * - `default`: the DEMO's mock backend only. MSW registers its service worker with a plain string
 *   URL (a TrustedScriptURL sink); demo/trusted-types.ts lets exactly that one URL through and
 *   nothing else. A host using the library on its real backend does not need it.
 */
export const TRUSTED_TYPES_POLICIES = ['lit-html', 'default'];

/** The policy as directives, so a check can build a deliberately broken variant from it. */
export const DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': TRUSTED_TYPES_POLICIES,
};

/** Directives → header value. */
export function policyString(directives = DIRECTIVES) {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

export const POLICY = policyString();

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

async function fileFor(dir, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const path = normalize(join(dir, decoded));
  // Never outside the served folder.
  if (path !== dir && !path.startsWith(dir + sep)) return undefined;
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const index = join(path, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

/**
 * Starts the server. `port: 0` picks a free port. `policy` replaces the header (check-csp.mjs uses
 * it to prove the check fails under a broken policy). Resolves with `{ server, url, close() }`.
 */
export async function serve({ port = 4174, host = '127.0.0.1', dir = DEMO_DIR, policy = POLICY } = {}) {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    const send = (status, body, type, extra = {}) => {
      response.writeHead(status, {
        'Content-Security-Policy': policy,
        'Content-Type': type,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
        ...extra,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        send(405, 'Method not allowed', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
        return;
      }
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      let path = await fileFor(root, pathname);
      // Page navigations to paths without a file (the mock OAuth provider pages) get the demo
      // page, as Vite's dev server and `vite preview` do.
      if (!path && !extname(pathname) && (request.headers.accept ?? '').includes('text/html')) {
        path = join(root, 'index.html');
      }
      if (!path) {
        send(404, 'Not found', 'text/plain; charset=utf-8');
        return;
      }
      const extra = path.endsWith(`${sep}mockServiceWorker.js`) ? { 'Service-Worker-Allowed': '/' } : {};
      send(200, await readFile(path), TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', extra);
    } catch (error) {
      send(500, String(error), 'text/plain; charset=utf-8');
    }
  });
  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(undefined));
  });
  const address = server.address();
  // `localhost`: a secure context, which the mock backend's TOTP (Web Crypto) and service worker need.
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : port}/`;
  return {
    server,
    url,
    close: () => new Promise((resolvePromise) => server.close(() => resolvePromise(undefined))),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : Number(process.env.PORT ?? 4174);
  if (!(await stat(join(DEMO_DIR, 'index.html')).catch(() => undefined))) {
    console.error('demo-dist/ is missing: run `npm run build:demo` (vite build --mode demo) first.');
    process.exit(1);
  }
  const { url } = await serve({ port });
  console.log(`The built demo under a strict CSP: ${url}  (partner page: ${url}partner.html)`);
  console.log(`Content-Security-Policy: ${POLICY}`);
}
