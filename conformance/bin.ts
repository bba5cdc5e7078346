/** The `dn-account-conformance` command (built to dist/conformance/cli.js). */
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
