// The styles are Lit `css` template literals, which no minifier touches: their indentation,
// line breaks and comments would ship to every host. The library build (vite.config.ts), the
// single-file bundle (build-bundle.mjs) and the size report (sizes.mjs) take them out here.
// Only tagged templates `css` without substitutions change; the TypeScript parser finds them,
// so a backtick in a comment or a string is never mistaken for one.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/**
 * `text` (a style sheet) without comments and without the whitespace CSS does not need: none
 * around `{`, `}`, `;` and `,`, none after `:`, and one space wherever one is needed (`a b`,
 * `calc(1px + 2px)`). A string (`content: ''`, `[aria-busy='true']`) must hold none of
 * these characters, nor a comment or two spaces in a row, or it would change: that throws.
 * The sheet's line breaks go at its end: the lines after it keep their numbers, so source
 * maps stay right (a run of line breaks costs a few bytes once compressed).
 */
export function minifyCss(text) {
  for (const [string] of text.matchAll(/'[^'\n]*'|"[^"\n]*"/g)) {
    if (/[{};,:]|\s\s|\/\*/.test(string)) throw new Error(`css-literals: cannot minify a sheet with the string ${string}`);
  }
  const lineBreaks = text.split('\n').length - 1;
  const minified = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
  return minified + '\n'.repeat(lineBreaks);
}

/** `source` (TypeScript) with every `css` tagged template without substitutions minified. */
export function minifyCssLiterals(source, fileName = 'module.ts') {
  if (!source.includes('css`')) return source;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      node.tag.text === 'css' &&
      ts.isNoSubstitutionTemplateLiteral(node.template)
    ) {
      const start = node.template.getStart(file) + 1;
      const end = node.template.getEnd() - 1;
      try {
        edits.push({ start, end, text: minifyCss(source.slice(start, end)) });
      } catch (error) {
        throw new Error(`${fileName}: ${error.message}`, { cause: error });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const { start, end, text } of edits.reverse()) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

const LIBRARY_SOURCE = /[\\/]src[\\/].*\.ts$/;

/** The esbuild plugin: the library's own modules (src/) load with their style sheets minified. */
export const esbuildMinifyCssLiterals = {
  name: 'dn-minify-css-literals',
  setup(build) {
    build.onLoad({ filter: LIBRARY_SOURCE }, async (args) => ({
      contents: minifyCssLiterals(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};

/** The Vite (Rolldown) plugin, the same for the library build; lines do not move, so the maps hold. */
export const viteMinifyCssLiterals = {
  name: 'dn-minify-css-literals',
  enforce: 'pre',
  transform(code, id) {
    if (!LIBRARY_SOURCE.test(id.split('?')[0])) return null;
    const out = minifyCssLiterals(code, id);
    return out === code ? null : { code: out, map: null };
  },
};
