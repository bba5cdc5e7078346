// The reference server under load (the last part of `npm run bench`, or on its own:
// `node scripts/bench-server.mjs`): requests per second and p50 / p99 latency of
// GET /api/account/profile and GET /api/account/sessions with a signed-in session cookie, at 1, 10
// and 50 concurrent clients, from autocannon on loopback against the built server (server/dist,
// `node dist/main.js` in development mode: no rate limits) on a free port.
//
// On PGlite (a fresh data folder) always; on PostgreSQL when BENCH_DATABASE_URL (used as it is) or
// DN_TEST_DATABASE_URL (a fresh database made in it and dropped after) is set, otherwise it says
// PostgreSQL was skipped. Figures are reported, never enforced: these machines are shared and noisy.
//
// Options: --duration=S (seconds per case, default 5), --connections=1,10,50, --markdown (README-ready
//          table too), --json (the figures as JSON too).
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const serverDir = resolve(import.meta.dirname, '..', 'server');
const PATHS = ['/api/account/profile', '/api/account/sessions'];
const DEMO = { email: 'amira@northwind-calls.example', password: 'DialNexa#2026' };
const progress = (message) => console.error(`· ${message}`);

const freePort = () =>
  new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });

/** Starts `node dist/main.js` and resolves once it listens. */
async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: serverDir,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), BASE_URL: `http://127.0.0.1:${port}`, SEED_DEMO: '1', SMTP_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start within 120 s:\n${output}`)), 120_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('DialNexa account server on')) {
        clearTimeout(timer);
        done();
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}):\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  const origin = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  return { origin, stop };
}

async function signIn(origin) {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify(DEMO),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  return response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
}

const load = (url, connections, duration, cookie) =>
  autocannon({ url, connections, duration, headers: { cookie, accept: 'application/json' } });

async function measure(label, env, options) {
  progress(`Server on ${label}: starting…`);
  const server = await startServer(env);
  const rows = [];
  try {
    const cookie = await signIn(server.origin);
    // Warm-up: the first requests also compile the handlers and fill the connection pool.
    for (const path of PATHS) await load(`${server.origin}${path}`, 10, 2, cookie);
    for (const path of PATHS) {
      for (const connections of options.connections) {
        progress(`Server on ${label}: GET ${path}, ${connections} concurrent for ${options.duration} s…`);
        const result = await load(`${server.origin}${path}`, connections, options.duration, cookie);
        rows.push({
          backend: label,
          path,
          connections,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          requests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
        });
      }
    }
  } finally {
    await server.stop();
  }
  return rows;
}

async function withPostgres(run) {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return run('PostgreSQL', given);
  const admin = process.env.DN_TEST_DATABASE_URL;
  if (!admin) return null;
  const name = `dn_bench_${randomBytes(6).toString('hex')}`;
  const query = async (statement) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      return await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return await run('PostgreSQL', url.toString());
  } finally {
    await query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export async function benchServer(options = {}) {
  const settings = { duration: options.duration ?? 5, connections: options.connections ?? [1, 10, 50] };
  progress('Building the server (server/dist)…');
  execFileSync(process.execPath, ['build.mjs'], { cwd: serverDir, stdio: 'inherit' });

  const rows = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'dn-bench-server-'));
  try {
    rows.push(...(await measure('PGlite', { DATA_DIR: dataDir, DATABASE_URL: '' }, settings)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const postgres = await withPostgres(async (label, url) => {
    const secretDir = mkdtempSync(join(tmpdir(), 'dn-bench-server-'));
    try {
      return await measure(label, { DATABASE_URL: url, DATA_DIR: secretDir }, settings);
    } finally {
      rmSync(secretDir, { recursive: true, force: true });
    }
  });
  if (postgres) rows.push(...postgres);

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const lines = [`SERVER — requests per second and latency, autocannon on loopback, ${settings.duration} s per case (${machine})`];
  lines.push(`  ${'database'.padEnd(12)}${'endpoint'.padEnd(26)}${'clients'.padStart(8)}${'req/s'.padStart(10)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'non-2xx'.padStart(9)}${'errors'.padStart(8)}`);
  for (const r of rows) {
    lines.push(
      `  ${r.backend.padEnd(12)}${`GET ${r.path.replace('/api/account', '')}`.padEnd(26)}${String(r.connections).padStart(8)}${Math.round(r.requestsPerSecond).toString().padStart(10)}${`${r.p50} ms`.padStart(9)}${`${r.p99} ms`.padStart(9)}${String(r.non2xx).padStart(9)}${String(r.errors).padStart(8)}`,
    );
  }
  if (!postgres) lines.push('  PostgreSQL skipped: set BENCH_DATABASE_URL or DN_TEST_DATABASE_URL to measure it too.');
  console.log(`\n${lines.join('\n')}\n`);
  if (options.markdown) {
    const md = ['| database | endpoint | concurrent clients | requests/s | p50 | p99 |', '|---|---|---:|---:|---:|---:|'];
    for (const r of rows) md.push(`| ${r.backend} | \`GET ${r.path}\` | ${r.connections} | ${Math.round(r.requestsPerSecond)} | ${r.p50} ms | ${r.p99} ms |`);
    console.log(`${md.join('\n')}\n`);
  }
  if (options.json) console.log(JSON.stringify({ machine, rows }, null, 2));
  // A figure over answers that were not 200 would be meaningless: say so loudly.
  if (rows.some((r) => r.non2xx > 0 || r.errors > 0)) {
    console.error('Some requests failed (non-2xx or errors): the figures above do not measure the endpoints.');
    process.exitCode = 1;
  }
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(
    process.argv.slice(2).map((arg) => {
      const [key, value] = arg.replace(/^--/, '').split('=');
      return [key, value ?? true];
    }),
  );
  await benchServer({
    duration: args.duration ? Number(args.duration) : undefined,
    connections: typeof args.connections === 'string' ? args.connections.split(',').map(Number) : undefined,
    markdown: !!args.markdown,
    json: !!args.json,
  });
}
