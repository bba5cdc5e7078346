/**
 * Markup the demo pages share, written once: a line `<!-- partial: topbar.html -->` in a page
 * under demo/ becomes demo/partials/topbar.html, indented as the line was. Vite does it for
 * `npm start`, `npm run start:mock` and `npm run build:demo` alike, so the static demo under its
 * strict CSP gets plain HTML (nothing rendered by script). An edit to a partial reloads the page.
 */
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';

const PARTIAL = /^([ \t]*)<!--\s*partial:\s*([\w-]+\.html)\s*-->[ \t]*$/gm;

/** `dir`: the folder of the partials (demo/partials). */
export function demoPartials(dir) {
  const include = (html) =>
    html.replace(PARTIAL, (_line, indent, name) =>
      readFileSync(resolve(dir, name), 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => (line ? indent + line : line))
        .join('\n'),
    );
  return {
    name: 'demo-partials',
    transformIndexHtml: { order: 'pre', handler: include },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (file.startsWith(dir + sep)) server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
