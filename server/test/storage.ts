/**
 * Where a test's server keeps its data: PGlite (in `dataDir`, or in memory) in the `server`
 * project, the test file's own PostgreSQL database in the `server-postgres` project
 * (postgres-setup.ts). `dataDir` also keeps the development secret, on either.
 */
export const FILE_DATABASE_ENV = 'DN_TEST_FILE_DATABASE_URL';

export interface TestStorage {
  databaseUrl?: string;
  dataDir?: string;
}

/** The database the tests of this file run on (read when called: the setup sets it before the file runs). */
export const testBackend = (): 'postgres' | 'pglite' => (process.env[FILE_DATABASE_ENV] ? 'postgres' : 'pglite');

export function testStorage(dataDir?: string): TestStorage {
  const databaseUrl = process.env[FILE_DATABASE_ENV];
  return { ...(databaseUrl && { databaseUrl }), ...(dataDir && { dataDir }) };
}
