let counter = 0;

/** An id unique in the document, for label / description links in light DOM. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
