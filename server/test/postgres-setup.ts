/**
 * Setup of the `server-postgres` test project: each test file gets a database of its own on the
 * PostgreSQL at DN_TEST_DATABASE_URL (created here, dropped after the file), so the files run in
 * parallel and every one starts empty, as it does on PGlite.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { FILE_DATABASE_ENV } from './storage.js';

const admin = process.env['DN_TEST_DATABASE_URL'];
if (!admin) throw new Error('the server-postgres project needs DN_TEST_DATABASE_URL');

const name = `dn_test_${randomBytes(6).toString('hex')}`;
async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

await asAdmin(`CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
process.env[FILE_DATABASE_ENV] = url.toString();

afterAll(async () => {
  delete process.env[FILE_DATABASE_ENV];
  // FORCE: a pool the file left open must not keep the database.
  await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});
