/** The data export: one at a time, it reaches "ready", and its download URL serves the data. */
import type * as s from '../../src/api/schemas.js';
import { fail, type Kit } from '../kit.js';

const ACTIVE = ['queued', 'running'];
/** `data:` downloads the elements offer (never markup a browser would render). */
const DATA_DOWNLOAD_TYPES = ['application/json', 'text/plain', 'text/csv', 'application/zip', 'application/octet-stream'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function checkExport(kit: Kit): Promise<void> {
  const { client } = kit;
  const timeout = kit.options.exportTimeoutMs ?? 120_000;

  /** Polls GET /data-export until the job leaves queued/running; 250 ms first, then longer, at most 5 s. */
  const settle = async (): Promise<s.ExportJob | null> => {
    const deadline = Date.now() + timeout;
    let wait = 250;
    for (;;) {
      const state = kit.ok<s.DataExportState>(await client.call('getDataExport'), 'GET /data-export');
      if (!state.job || !ACTIVE.includes(state.job.status)) return state.job;
      if (Date.now() > deadline) fail(`the export is still ${state.job.status} (${state.job.progress} %) after ${Math.round(timeout / 1000)} s (--export-timeout)`);
      await sleep(wait);
      wait = Math.min(5000, wait * 1.5);
    }
  };

  await kit.check(
    { id: 'data-export/ready', rule: 'data-export', endpoint: 'requestDataExport', title: 'an export reaches "ready" with a download URL that serves the data' },
    async () => {
      await settle(); // one the user started before the run
      const started = kit.ok<s.DataExportState>(await client.call('requestDataExport'), 'starting an export');
      if (!started.job) fail('the answer to starting an export has job null');
      if (ACTIVE.includes(started.job.status)) {
        // The contract allows one export at a time.
        kit.refused(await client.call('requestDataExport'), 409, ['export-in-progress'], `a second export while the first is ${started.job.status}`);
      }
      const job = await settle();
      if (!job) fail('GET /data-export shows no job after one was started');
      if (job.status !== 'ready') fail(`the export ended "${job.status}"${job.error ? `: ${job.error}` : ''}`);
      if (job.progress !== 100) fail(`a ready export has progress ${job.progress}`);
      if (!job.downloadUrl) fail('a ready export has downloadUrl null');
      if (!job.readyAt || !job.expiresAt) fail('a ready export needs readyAt and expiresAt');
      const url = new URL(job.downloadUrl, `${client.baseUrl}/`);
      if (url.protocol === 'data:') {
        const type = url.pathname.split(/[;,]/, 1)[0]!.trim().toLowerCase();
        if (!DATA_DOWNLOAD_TYPES.includes(type)) fail(`downloadUrl is a data: URL of type "${type}", which the elements do not offer (${DATA_DOWNLOAD_TYPES.join(', ')})`);
      } else if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        fail(`downloadUrl uses ${url.protocol}; the elements link only http(s) or data: files`);
      }
      const response = await client.fetchUrl(job.downloadUrl).catch((error: unknown) => fail(`fetching downloadUrl failed: ${error instanceof Error ? error.message : String(error)}`));
      if (!response.ok) fail(`downloadUrl answered ${response.status}`);
      const body = new Uint8Array(await response.arrayBuffer());
      if (body.length === 0) fail('downloadUrl served an empty file');
      const type = response.headers.get('content-type') ?? '';
      if (/json/i.test(type)) {
        try {
          JSON.parse(new TextDecoder().decode(body));
        } catch {
          fail(`downloadUrl says ${type} but the body is not JSON`);
        }
      }
      return `${body.length} bytes of ${type || 'unknown type'}`;
    },
  );
}
