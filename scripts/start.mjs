/**
 * `npm start`: the demo on the reference server — server/ built and started (PGlite in
 * server/.data, the demo account seeded with the mock's data), Vite's dev server for demo/ in
 * front of it. Ctrl+C stops both. `npm run start:mock` runs the demo on the in-browser mock.
 */
import { startDemoOnServer } from './demo-server.mjs';

const demo = await startDemoOnServer({ dataDir: process.env['DATA_DIR'] });
// Built by now: the demo account as the server seeds it.
const { DEMO_EMAIL, DEMO_PASSWORD } = await import('../server/dist/index.js');

console.log(`
  DialNexa demo on the reference server: ${demo.url}
  Sign in as ${DEMO_EMAIL} with ${DEMO_PASSWORD} (the sign-in page shows the authenticator code).
  Ctrl+C stops the demo and the server.
`);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await demo.close();
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
// The server ending on its own (a crash) ends the demo too.
void demo.exited.then(({ code }) => stop(code ?? 1));
