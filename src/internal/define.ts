/**
 * Defines a custom element unless the tag is already taken. The defining modules
 * (`@dialnexa/account-elements/<element>`, `/define-all`) call it; the classes themselves are
 * defined nowhere else. A second copy of the library on the same page (two bundles, or two
 * versions) therefore does not throw "this name has already been used": the first definition
 * wins and the second copy's elements reuse it.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
