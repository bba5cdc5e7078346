/**
 * The demo on the reference server: builds server/ and starts it (PGlite in DATA_DIR), then
 * Vite's dev server for demo/, which proxies /api to it — one origin for the browser, so the
 * session cookie is first-party. Used by `npm start` (scripts/start.mjs) and the end-to-end
 * test (scripts/test-e2e.mjs).
 */
import { spawn } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { resolve } from 'node:path';
import { createServer as createViteServer } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const SERVER_DIR = resolve(ROOT, 'server');

/** A free TCP port on 127.0.0.1: `preferred` when it is free, else one the system picks. */
export async function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((done) => {
      const probe = createNetServer();
      probe.once('error', () => done(null));
      probe.listen(port, '127.0.0.1', () => {
        const { port: got } = probe.address();
        probe.close(() => done(got));
      });
    });
  return (preferred && (await tryPort(preferred))) || (await tryPort(0));
}

function run(command, args, options) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${[command, ...args].join(' ')} exited with ${code}`))));
  });
}

async function waitForServer(url, child, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the account server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the account server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Starts both. Options: `dataDir` (PGlite's folder; default server/.data), `vitePort` (5173,
 * the next free one when taken), `serverPort` (8787 or a free one), `quiet` (no server log,
 * no Vite banner), `env` (more variables for the server). Resolves to `{ url, serverUrl, close }`;
 * `exited` settles when the server process ends.
 */
export async function startDemoOnServer({ dataDir, vitePort = 5173, serverPort, quiet = false, env = {} } = {}) {
  await run(process.execPath, ['build.mjs'], { cwd: SERVER_DIR });
  const apiPort = serverPort ?? (await freePort(8787));
  const serverUrl = `http://127.0.0.1:${apiPort}`;

  // vite.config.ts reads this: /api goes to the server, and the pages know they run on it.
  process.env['DEMO_API_TARGET'] = serverUrl;
  const vite = await createViteServer({
    root: resolve(ROOT, 'demo'),
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: quiet ? 'error' : 'info',
    server: { port: vitePort, strictPort: false, open: false },
  });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0] ?? `http://localhost:${vite.config.server.port}/`;
  const origin = new URL(url).origin;

  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
    cwd: SERVER_DIR,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env: {
      ...process.env,
      PORT: String(apiPort),
      // The browser sees the server at Vite's origin: cookies, avatar URLs and mailed links say so.
      BASE_URL: origin,
      TRUSTED_ORIGINS: [origin, origin.replace('localhost', '127.0.0.1')].join(','),
      SEED_DEMO: process.env['SEED_DEMO'] ?? 'full',
      // The demo's sign-in history reaches back about 180 days, as the mock's does; the default keeps 90.
      LOGIN_HISTORY_DAYS: process.env['LOGIN_HISTORY_DAYS'] ?? '365',
      ...(dataDir && { DATA_DIR: dataDir }),
      ...env,
    },
  });
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));

  let closing;
  const close = () =>
    (closing ??= (async () => {
      await vite.close();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    })());

  try {
    await waitForServer(`${serverUrl}/api/auth/ok`, child, 60_000);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, serverUrl, close, exited };
}
