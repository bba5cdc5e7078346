// Editor support from custom-elements.json, written by `npm run build` (scripts/build-package.mjs):
//   dist/vscode.html-custom-data.json — VS Code custom HTML data (`html.customData` setting)
//   dist/web-types.json               — JetBrains web-types (package.json `web-types` field)
// Both list every element with its description, attributes (allowed values for enum types, a
// value-less attribute for booleans), events, slots and CSS parts, and link to the README.
//
// Our own ~150 lines instead of custom-element-vs-code-integration / -jet-brains-integration:
// those resolve attribute values only from the manifest's type text, and ours are type aliases
// (`Theme`, `ConnectMode`, `SettingsTab`) that only the TypeScript checker can expand — the caller
// passes `attributeValues(declaration, attribute)` backed by the build's TypeScript program.

const README_URL = 'https://www.npmjs.com/package/@dialnexa/account-elements';

/** The elements a page uses directly (the re-auth dialog opens itself and is left out). */
export function elementsOf(manifest) {
  const elements = [];
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.customElement && declaration.tagName && declaration.tagName !== 'dn-reauth-dialog') {
        elements.push({ module: mod.path, declaration });
      }
    }
  }
  return elements.sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));
}

// JSDoc line breaks become spaces; blank lines stay paragraph breaks.
const clean = (text) => (text ?? '').trim().replace(/([^\n])\n(?!\n)/g, '$1 ');

function markdown(declaration) {
  const parts = [clean(declaration.summary || declaration.description)];
  const list = (title, items, format) =>
    items?.length && parts.push(`**${title}:** ${items.map(format).join(', ')}`);
  list('Events', declaration.events, (e) => `\`${e.name}\``);
  list('Slots', declaration.slots, (s) => (s.name ? `\`${s.name}\`` : 'default'));
  list('CSS parts', declaration.cssParts, (p) => `\`${p.name}\``);
  if (declaration.cssProperties?.length) parts.push('**Styled by** the `--dn-` tokens (see the README).');
  return parts.filter(Boolean).join('\n\n');
}

const defaultText = (attribute) =>
  attribute.default && attribute.default !== 'undefined' ? attribute.default.replace(/^'(.*)'$/, '$1') : undefined;

/**
 * @param manifest custom-elements.json
 * @param attributeValues (declaration, attribute) => { values?: string[]; boolean?: boolean }
 */
export function vscodeCustomData(manifest, attributeValues) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elementsOf(manifest).map(({ declaration }) => ({
      name: declaration.tagName,
      description: { kind: 'markdown', value: markdown(declaration) },
      attributes: (declaration.attributes ?? []).map((attribute) => {
        const { values, boolean } = attributeValues(declaration, attribute);
        const fallback = defaultText(attribute);
        return {
          name: attribute.name,
          description: { kind: 'markdown', value: clean(attribute.description) + (fallback ? `\n\nDefault: \`${fallback}\`` : '') },
          ...(boolean ? { valueSet: 'v' } : {}),
          ...(values?.length ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
      references: [{ name: 'README', url: `${README_URL}#the-elements` }],
    })),
  };
}

/** JetBrains web-types (https://github.com/JetBrains/web-types), schema version 2. */
export function webTypes(manifest, attributeValues, pkg) {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elementsOf(manifest).map(({ declaration }) => ({
          name: declaration.tagName,
          description: markdown(declaration),
          'doc-url': `${README_URL}#the-elements`,
          attributes: (declaration.attributes ?? []).map((attribute) => {
            const { values, boolean } = attributeValues(declaration, attribute);
            const fallback = defaultText(attribute);
            return {
              name: attribute.name,
              description: clean(attribute.description),
              ...(fallback ? { default: fallback } : {}),
              value: boolean
                ? { kind: 'no-value' }
                : { kind: 'plain', type: values?.length ? values.map((v) => `'${v}'`).join(' | ') : 'string' },
              ...(values?.length ? { values: values.map((name) => ({ name })) } : {}),
            };
          }),
          slots: (declaration.slots ?? []).map((slot) => ({ name: slot.name, description: clean(slot.description) })),
          events: (declaration.events ?? []).map((event) => ({ name: event.name, description: clean(event.description) })),
          css: {
            parts: (declaration.cssParts ?? []).map((part) => ({ name: part.name, description: clean(part.description) })),
            properties: (declaration.cssProperties ?? []).map((property) => ({
              name: property.name,
              description: clean(property.description),
            })),
          },
          js: {
            properties: (declaration.attributes ?? [])
              .filter((attribute) => attribute.fieldName)
              .map((attribute) => ({ name: attribute.fieldName, description: clean(attribute.description), type: attribute.type?.text })),
            events: (declaration.events ?? []).map((event) => ({ name: event.name, description: clean(event.description) })),
          },
        })),
      },
    },
  };
}
