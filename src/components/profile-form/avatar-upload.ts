import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { TOptions } from 'i18next';
import type { AccountApi } from '../../api/account-api.js';
import type { AccountSettings } from '../../api/context.js';
import type { ApiError } from '../../api/errors.js';
import { checkAvatar } from '../../api/image-type.js';
import { AVATAR_MAX_BYTES, AVATAR_TYPES } from '../../api/contract/constants.js';
import type { Profile } from '../../api/contract/profile.js';
import { formatBytes, formatNumber } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import avatarStrings from '../../i18n/locales/avatar/strings.js';
import { emit } from '../../internal/events.js';
import type { Message } from '../../internal/message.js';
import { safeImageSrc } from '../../internal/safe-url.js';

registerStrings(avatarStrings);

/** A name that claims an accepted type: then the message says the content, not the name, decides. */
const IMAGE_NAME = /\.(jpe?g|png|webp)$/i;

const PROBLEM_KEYS = { empty: 'avatar.empty', 'wrong-type': 'avatar.wrongType', undecodable: 'avatar.undecodable' } as const;

interface AvatarState {
  /** An object URL of the file being uploaded. */
  preview?: string;
  /** Upload progress, 0–1, while uploading. */
  progress?: number;
  busy: boolean;
  error?: Message;
}

/** What the avatar block needs from the element showing it. */
export interface AvatarUploadOptions {
  api: () => AccountApi;
  /** Aborted when the element leaves the page. */
  signal: () => AbortSignal;
  t: (key: string, options?: TOptions) => string;
  say: (message: Message | undefined) => string;
  settings: () => AccountSettings;
  announce: (message: Message) => void;
  /** The element's failure handling (401 → `dn-unauthorized`). */
  failed: (error: unknown) => ApiError;
  describe: (error: unknown) => Message;
  /** Where the element renders: the file input and the buttons are found there. */
  root: () => ParentNode;
  /** The profile as now shown, and where the server's answer is written. */
  profile: () => Profile | undefined;
  saved: (profile: Profile) => void;
}

/**
 * The avatar of `<dn-profile-form>`: choosing a file, checking its size, its type (by
 * content) and that it decodes as an image, a preview with upload progress, uploading at once, removing, and what went wrong.
 * Events go out from the host (`dn-avatar-uploaded`, `dn-avatar-removed`).
 */
export class AvatarUploadController implements ReactiveController {
  private state: AvatarState = { busy: false };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AvatarUploadOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clearPreview();
  }

  render(profile: Profile): TemplateResult {
    const { t, say } = this.options;
    const { preview, progress, busy, error } = this.state;
    const settings = this.options.settings();
    const src = preview ?? safeImageSrc(profile.avatarUrl);
    const percent = formatNumber(progress ?? 0, settings, { style: 'percent' });
    return html`<div part="avatar" class="avatar-block" role="group" aria-labelledby="avatar-label">
      <span id="avatar-label" class="label">${t('avatar.label')}</span>
      <div class="row">
        ${src
          ? html`<img part="avatar-image" class="avatar" src=${src} alt=${t('avatar.alt', { name: profile.displayName })} />`
          : html`<span part="avatar-image" class="avatar initials" aria-hidden="true">${initials(profile.displayName)}</span>`}
        <div class="stack">
          <div class="row">
            <button class="button secondary" type="button" aria-describedby="avatar-hint avatar-error" ?disabled=${busy} @click=${() => this.choose()}>
              ${src ? t('avatar.replace') : t('avatar.upload')}
            </button>
            ${profile.avatarUrl
              ? html`<button class="button link danger" type="button" ?disabled=${busy} @click=${() => void this.handleRemove()}>
                  ${t('avatar.remove')}
                </button>`
              : nothing}
          </div>
          <p id="avatar-hint" class="hint">${t('avatar.hint', { max: formatBytes(AVATAR_MAX_BYTES, settings) })}</p>
          ${progress !== undefined
            ? html`<label class="progress">
                <span>${t('avatar.uploading', { percent })}</span>
                <progress max="1" .value=${progress}></progress>
              </label>`
            : nothing}
          <p id="avatar-error" class="error" role="alert" ?hidden=${!error}>${say(error)}</p>
        </div>
      </div>
      <input id="avatar-input" type="file" accept=${AVATAR_TYPES.join(',')} hidden tabindex="-1" @change=${(event: Event) => void this.handleChange(event)} />
    </div>`;
  }

  private update(changes: Partial<AvatarState>): void {
    this.state = { ...this.state, ...changes };
    this.host.requestUpdate();
  }

  private choose(): void {
    this.options.root().querySelector<HTMLInputElement>('#avatar-input')?.click();
  }

  private async handleChange(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.state.busy) return;
    const settings = this.options.settings();
    this.update({ error: undefined });
    const problem = await checkAvatar(file);
    if (problem) {
      const max = formatBytes(AVATAR_MAX_BYTES, settings);
      this.update({
        error:
          problem === 'too-large'
            ? { key: 'avatar.tooLarge', options: { size: formatBytes(file.size, settings), max } }
            : { key: problem === 'wrong-type' && IMAGE_NAME.test(file.name) ? 'avatar.wrongTypeNamed' : PROBLEM_KEYS[problem] },
      });
      return;
    }
    this.clearPreview();
    this.update({ preview: URL.createObjectURL(file), progress: 0, busy: true });
    try {
      const profile = await this.options.api().uploadAvatar(file, {
        signal: this.options.signal(),
        onProgress: (fraction) => this.update({ progress: fraction }),
      });
      this.options.saved({ ...this.options.profile()!, avatarUrl: profile.avatarUrl, updatedAt: profile.updatedAt });
      this.options.announce({ key: 'avatar.uploaded' });
      emit(this.host, 'dn-avatar-uploaded', { profile });
    } catch (error) {
      const apiError = this.options.failed(error);
      if (apiError.kind !== 'aborted') {
        const reason = apiError.kind === 'unsupported-file' && apiError.problem?.detail ? { text: apiError.problem.detail } : this.options.describe(apiError);
        this.update({ error: [{ key: 'avatar.failed' }, reason] });
      }
    } finally {
      this.clearPreview();
      this.update({ progress: undefined, busy: false });
    }
  }

  private async handleRemove(): Promise<void> {
    if (this.state.busy) return;
    this.update({ busy: true, error: undefined });
    try {
      const profile = await this.options.api().removeAvatar({ signal: this.options.signal() });
      this.options.saved({ ...this.options.profile()!, avatarUrl: profile.avatarUrl, updatedAt: profile.updatedAt });
      this.options.announce({ key: 'avatar.removed' });
      emit(this.host, 'dn-avatar-removed', { profile });
      void this.host.updateComplete.then(() => this.options.root().querySelector<HTMLElement>('[part="avatar"] button')?.focus());
    } catch (error) {
      const apiError = this.options.failed(error);
      if (apiError.kind !== 'aborted') this.update({ error: this.options.describe(apiError) });
    } finally {
      this.update({ busy: false });
    }
  }

  private clearPreview(): void {
    if (this.state.preview) URL.revokeObjectURL(this.state.preview);
    this.update({ preview: undefined });
  }
}

/** Up to two initials of `name`, for the placeholder when there is no image. */
function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .map((word) => [...word][0] ?? '')
    .join('');
  return [...letters].slice(0, 2).join('').toUpperCase();
}
