import { expect } from '@open-wc/testing';

/**
 * The account's username a password form carries for password managers: one field with
 * `autocomplete="username"` in the same form as `password`, before it, read-only, and out of
 * reach (visually hidden, not in the tab order, hidden from assistive technology) unless it
 * is a visible field the user fills. Returns it for its value.
 */
export function usernameBeside(password: HTMLInputElement, { visible = false } = {}): HTMLInputElement {
  const form = password.form;
  expect(form, 'the password is in a form').to.not.equal(null);
  const fields = [...form!.querySelectorAll<HTMLInputElement>('input[autocomplete="username"]')];
  expect(fields, 'one username field in the form').to.have.length(1);
  const username = fields[0]!;
  expect(username.compareDocumentPosition(password) & Node.DOCUMENT_POSITION_FOLLOWING, 'the username comes before the password').to.not.equal(0);
  if (!visible) {
    expect(username.readOnly).to.equal(true);
    expect(username.tabIndex).to.equal(-1);
    const wrapper = username.closest<HTMLElement>('[aria-hidden="true"]');
    expect(wrapper, 'hidden from assistive technology').to.not.equal(null);
    const box = wrapper!.getBoundingClientRect();
    expect([box.width, box.height], 'visually hidden').to.deep.equal([1, 1]);
  }
  return username;
}
