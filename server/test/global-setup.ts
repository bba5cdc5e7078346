/** The `server` project says in one line when its PostgreSQL twin does not run. */
export default function setup(): void {
  if (!process.env['DN_TEST_DATABASE_URL']) {
    console.log('Server tests on PostgreSQL skipped: DN_TEST_DATABASE_URL is not set (they run on PGlite only; see README, "Point it at PostgreSQL").');
  }
}
