import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { TOptions } from 'i18next';
import type { AccountSettings } from '../../api/context.js';
import type { BackupCodes } from '../../api/schemas.js';
import { formatDateTime } from '../../i18n/format.js';
import type { Message } from '../../internal/message.js';
import { heading } from '../../internal/heading.js';

/** Whom and what a set of codes is for, written in the downloaded and printed codes. */
export interface CodesFor {
  /** The service the codes sign in to (a product name or the page's host). */
  service: string;
  /** The account (its email), when known. */
  account?: string;
}

/** `example.com` → `example.com-backup-codes.txt`: letters, digits, dots and hyphens only. */
function fileName(service: string): string {
  const slug = service
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return `${slug || 'account'}-backup-codes.txt`;
}

/** What the backup-codes view needs from the element showing it. */
export interface BackupCodesOptions {
  t: (key: string, options?: TOptions) => string;
  say: (message: Message | undefined) => string;
  settings: () => AccountSettings;
  /** The element's heading level: the view's heading is one below. */
  headingLevel: () => number;
  /** The service and account the codes are for. */
  codesFor: () => CodesFor;
  announce: (message: Message) => void;
  /** Moves focus to `selector` in the element's shadow root once it has rendered. */
  focus: (selector: string) => void;
  /** "Finish" with "I saved them" ticked: the element leaves the view. */
  finished: () => void;
}

/**
 * The backup codes shown once, after turning 2FA on or generating new ones: the list,
 * download, copy, print, "I saved them" and "Finish". The codes are held here only
 * while the view is open; the host calls `forget()` when the flow ends or it leaves the
 * page, which drops them and the print frame.
 */
export class BackupCodesController {
  /** The codes on show, or `undefined` when the view is closed. */
  codes?: BackupCodes;
  private replaced = false;
  private saved = false;
  private savedError?: Message;
  private copyError?: Message;
  private printFrame?: HTMLIFrameElement;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BackupCodesOptions,
  ) {}

  /** Opens the view on `codes`; `replaced` says an older set stopped working. */
  show(codes: BackupCodes, replaced: boolean): void {
    this.forget();
    this.codes = codes;
    this.replaced = replaced;
    this.host.requestUpdate();
  }

  /** Drops the codes, the print frame and what was ticked; the next render removes them from the DOM. */
  forget(): void {
    this.removePrintFrame();
    this.codes = undefined;
    this.replaced = false;
    this.saved = false;
    this.savedError = undefined;
    this.copyError = undefined;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    const { t, say } = this.options;
    const codes = this.codes?.codes ?? [];
    return html`<div part="backup-codes" class="panel">
      ${heading(this.options.headingLevel(), t('twoFactor.codesTitle'), { sub: true, focusable: true, focus: 'heading' })}
      ${this.replaced ? html`<p class="alert info">${t('twoFactor.codesReplaced')}</p>` : nothing}
      <p>${t('twoFactor.codesIntro')}</p>
      <ol part="codes" class="codes" dir="ltr" translate="no" aria-label=${t('twoFactor.codesList')}>
        ${codes.map((code) => html`<li>${code}</li>`)}
      </ol>
      <div class="row">
        <button class="button secondary" type="button" @click=${() => this.handleDownload()}>${t('twoFactor.download')}</button>
        <button class="button secondary" type="button" @click=${() => void this.handleCopy()}>${t('twoFactor.copyCodes')}</button>
        <button class="button secondary" type="button" @click=${() => this.handlePrint()}>${t('twoFactor.print')}</button>
      </div>
      ${this.copyError ? html`<p class="error" role="alert">${say(this.copyError)}</p>` : nothing}
      <div>
        <label class="choice">
          <input
            id="saved"
            type="checkbox"
            aria-invalid=${this.savedError ? 'true' : 'false'}
            aria-describedby="saved-error"
            .checked=${this.saved}
            @change=${(event: Event) => this.handleSavedChange(event)}
          />
          ${t('twoFactor.saved')}
        </label>
        <p id="saved-error" class="error" ?hidden=${!this.savedError}>${say(this.savedError)}</p>
      </div>
      <div class="actions">
        <button class="button primary" type="button" aria-disabled=${this.saved ? 'false' : 'true'} @click=${() => this.handleFinish()}>
          ${t('twoFactor.finish')}
        </button>
      </div>
    </div>`;
  }

  /**
   * What the file and the printout say before the codes: the service, the account, when they
   * were generated, and how to use them (a file found months later must explain itself).
   */
  private about(codes: BackupCodes): { title: string; lines: string[] } {
    const { t } = this.options;
    const { service, account } = this.options.codesFor();
    const lines = [
      ...(account ? [t('twoFactor.fileAccount', { account })] : []),
      t('twoFactor.fileGenerated', { date: formatDateTime(codes.generatedAt, this.options.settings()) }),
      t('twoFactor.fileHowTo', { service }),
    ];
    return { title: t('twoFactor.fileTitle', { service }), lines };
  }

  private text(codes: BackupCodes): string {
    const { title, lines } = this.about(codes);
    return [title, ...lines.flatMap((line) => [line, '']), ...codes.codes, ''].join('\n');
  }

  private handleDownload(): void {
    if (!this.codes) return;
    const url = URL.createObjectURL(new Blob([this.text(this.codes)], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName(this.options.codesFor().service);
    link.click();
    URL.revokeObjectURL(url);
  }

  private async handleCopy(): Promise<void> {
    if (!this.codes) return;
    this.copyError = undefined;
    this.host.requestUpdate();
    try {
      await navigator.clipboard.writeText(this.codes.codes.join('\n'));
      this.options.announce({ key: 'twoFactor.codesCopied' });
    } catch {
      this.copyError = { key: 'twoFactor.copyFailed' };
      this.host.requestUpdate();
    }
  }

  /** Prints only the codes: a hidden frame filled with DOM APIs (no markup strings), removed afterwards. */
  private handlePrint(): void {
    const codes = this.codes;
    if (!codes) return;
    const settings = this.options.settings();
    this.removePrintFrame();
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.position = 'fixed';
    frame.style.inlineSize = '0';
    frame.style.blockSize = '0';
    frame.style.border = '0';
    frame.style.insetInlineStart = '-10000px';
    document.body.append(frame);
    this.printFrame = frame;
    const doc = frame.contentDocument;
    const win = frame.contentWindow;
    if (!doc || !win) return this.removePrintFrame();
    doc.documentElement.lang = settings.locale;
    doc.documentElement.dir = settings.dir;
    const { title, lines } = this.about(codes);
    doc.title = title;
    const heading = doc.createElement('h1');
    heading.textContent = title;
    const paragraphs = lines.map((line) => {
      const paragraph = doc.createElement('p');
      paragraph.textContent = line;
      return paragraph;
    });
    const list = doc.createElement('ol');
    list.dir = 'ltr';
    list.style.fontFamily = 'monospace';
    list.style.fontSize = '14pt';
    for (const code of codes.codes) {
      const item = doc.createElement('li');
      item.textContent = code;
      list.append(item);
    }
    doc.body.append(heading, ...paragraphs, list);
    win.addEventListener('afterprint', () => this.removePrintFrame(), { once: true });
    win.focus();
    win.print();
  }

  private removePrintFrame(): void {
    this.printFrame?.remove();
    this.printFrame = undefined;
  }

  private handleSavedChange(event: Event): void {
    this.saved = (event.target as HTMLInputElement).checked;
    if (this.saved) this.savedError = undefined;
    this.host.requestUpdate();
  }

  private handleFinish(): void {
    if (!this.saved) {
      this.savedError = { key: 'twoFactor.errors.savedRequired' };
      this.host.requestUpdate();
      this.options.focus('#saved');
      return;
    }
    this.options.finished();
  }
}
