import { expect } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { FIRST_ROWS, ROWS_PER_FRAME, rowsRendered, virtualList, WINDOW_THRESHOLD } from '../../src/internal/virtual-list.js';
import { nextFrame } from '../helpers/fixture.js';

interface Item {
  id: string;
}

/** A list as the elements render it; `updateComplete` is Lit's own (it does not wait for the rows). */
class PlainListHost extends LitElement {
  @property({ attribute: false }) items: Item[] = [];

  override render() {
    // eslint-disable-next-line lit-a11y/no-redundant-role
    return html`<ul role="list" aria-label="Things">
      ${virtualList(
        this.items,
        (item) => item.id,
        (item, index) => html`<li data-id=${item.id} aria-posinset=${index + 1} aria-setsize=${this.items.length}>${item.id}</li>`,
      )}
    </ul>`;
  }
}
customElements.define('test-plain-list-host', PlainListHost);

const itemsOf = (count: number, prefix = 'r'): Item[] => Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}` }));
const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('li')];
const ids = (el: HTMLElement) => rows(el).map((row) => row.dataset['id']);

async function host(items: Item[]): Promise<PlainListHost> {
  const el = document.createElement('test-plain-list-host') as PlainListHost;
  el.items = items;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('virtualList (plain lists)', () => {
  afterEach(() => document.querySelectorAll('test-plain-list-host').forEach((el) => el.remove()));

  it('renders a short list whole with the update, with nothing left to wait for', async () => {
    const el = await host(itemsOf(FIRST_ROWS));
    expect(ids(el)).to.deep.equal(itemsOf(FIRST_ROWS).map((item) => item.id));
    let waited = false;
    void rowsRendered(el).then(() => (waited = true));
    await Promise.resolve();
    expect(waited).to.equal(true);
  });

  it(`renders the first ${FIRST_ROWS} rows of ${WINDOW_THRESHOLD} with the update and the rest, in order, in the next frames`, async () => {
    const items = itemsOf(WINDOW_THRESHOLD);
    const el = await host(items);
    // What the first frame paints: the first rows, each already saying how many there are.
    expect(ids(el)).to.deep.equal(items.slice(0, FIRST_ROWS).map((item) => item.id));
    expect(rows(el).every((row) => row.getAttribute('aria-setsize') === String(WINDOW_THRESHOLD))).to.equal(true);
    const first = rows(el)[0];
    await nextFrame();
    expect(rows(el), 'the frame that paints the first rows adds none').to.have.length(FIRST_ROWS);
    // Then a bounded number of rows a frame, each frame appending after the last row.
    const seen: number[] = [];
    while (rows(el).length < items.length && seen.length < 20) {
      await nextFrame();
      seen.push(rows(el).length);
    }
    for (let i = 1; i < seen.length; i++) expect(seen[i]! - seen[i - 1]!).to.be.at.most(ROWS_PER_FRAME);
    await rowsRendered(el);
    expect(ids(el)).to.deep.equal(items.map((item) => item.id));
    expect(rows(el).map((row) => row.getAttribute('aria-posinset'))).to.deep.equal(items.map((_, i) => String(i + 1)));
    // Rows already shown keep their DOM (and with it focus) while the rest arrive.
    expect(rows(el)[0]).to.equal(first);
  });

  it('lets whoever waits for the rows go when the list leaves the page, and completes it once back', async () => {
    const items = itemsOf(WINDOW_THRESHOLD);
    const el = await host(items);
    const waiting = rowsRendered(el);
    el.remove();
    await waiting;
    expect(rows(el)).to.have.length(FIRST_ROWS);
    document.body.append(el);
    await rowsRendered(el);
    expect(ids(el)).to.deep.equal(items.map((item) => item.id));
  });

  it('shows the rows it has at once when the list changes, and new rows after them', async () => {
    const el = await host(itemsOf(100));
    await rowsRendered(el);
    // Shorter: at once.
    el.items = itemsOf(60);
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(itemsOf(60).map((item) => item.id));
    // Longer (a page loaded after the first): the rows shown stay, the new ones follow.
    el.items = [...itemsOf(60), ...itemsOf(140, 'n')];
    await el.updateComplete;
    expect(rows(el)).to.have.length(60);
    await rowsRendered(el);
    expect(ids(el)).to.deep.equal(el.items.map((item) => item.id));
  });

  it('renders every row at once in a hidden page, which has no frames to spread them over', async () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      const el = await host(itemsOf(WINDOW_THRESHOLD));
      expect(rows(el)).to.have.length(WINDOW_THRESHOLD);
    } finally {
      delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
    }
    expect(document.visibilityState).to.equal('visible');
  });
});
