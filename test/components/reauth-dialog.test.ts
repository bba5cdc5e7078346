import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD, totp } from '../../mock/index.js';
import { RestAccountApi } from '../../src/api/rest-client.js';
import type { DnReauthDialog } from '../../src/components/reauth-dialog/reauth-dialog.js';
import '../../src/components/reauth-dialog/reauth-dialog.js';
import { mockBackend, pasteInto, requestsTo, typeInto, until, visibleText } from '../helpers/fixture.js';
import { usernameBeside } from '../helpers/username.js';
import { defaultStore } from '../../src/api/resource-store.js';
import { MOCK_USER } from '../../mock/seed.js';

const api = new RestAccountApi({ baseUrl: '/api/account', retry: { attempts: 0 } });

async function openDialog(methods: ('password' | 'totp')[] = ['password']) {
  // Not fixture(): for a plain element it waits for a frame, which a background test page never gets.
  const opener = document.createElement('button');
  opener.type = 'button';
  opener.textContent = 'Revoke session';
  document.body.append(opener);
  opener.focus();
  const dialog = document.createElement('dn-reauth-dialog') as DnReauthDialog;
  document.body.append(dialog);
  const result = dialog.confirm({ methods, api });
  await until(() => dialog.querySelector('input'), 'the dialog field');
  return { dialog, result, opener };
}

describe('dn-reauth-dialog', () => {
  afterEach(() => document.querySelectorAll('dn-reauth-dialog, body > button').forEach((node) => node.remove()));

  it('is accessible', async () => {
    await mockBackend();
    const { dialog } = await openDialog(['password', 'totp']);
    await expect(dialog).to.be.accessible();
  });

  it('is a modal dialog named "Confirm it\'s you" with focus in the password field', async () => {
    await mockBackend();
    const { dialog } = await openDialog();
    const native = within(dialog).getByShadowRole('dialog', { name: "Confirm it's you" }) as HTMLDialogElement;
    expect(native.open).to.equal(true);
    expect(native.matches(':modal')).to.equal(true);
    const password = screen.getByLabelText('Password') as HTMLInputElement;
    expect(password.getAttribute('autocomplete')).to.equal('current-password');
    await until(() => document.activeElement === password);
  });

  it('names the account to password managers beside the password, and not beside a code', async () => {
    const backend = await mockBackend();
    defaultStore(api).set('profile', backend.store.getProfile());
    const dialog = document.createElement('dn-reauth-dialog') as DnReauthDialog;
    dialog.api = api;
    document.body.append(dialog);
    void dialog.confirm({ methods: ['password', 'totp'], api });
    await until(() => dialog.querySelector('input'), 'the dialog field');
    expect(usernameBeside(screen.getByLabelText('Password') as HTMLInputElement).value).to.equal(MOCK_USER.email);
    (screen.getByRole('button', { name: /authentication code/i }) as HTMLButtonElement).click();
    await until(() => !screen.queryByLabelText('Password'));
    expect(dialog.querySelector('input[autocomplete="username"]')).to.equal(null);
  });

  it('resolves true once the server accepts the password', async () => {
    const backend = await mockBackend({ reauth: 'when-stale' });
    const { result } = await openDialog();
    await typeInto(screen.getByLabelText('Password'), MOCK_PASSWORD);
    await sendKeys({ press: 'Enter' });
    expect(await result).to.equal(true);
    expect(requestsTo(backend, 'reauthenticate')[0]!.json).to.deep.equal({ method: 'password', password: MOCK_PASSWORD });
  });

  it('asks for the password before sending anything', async () => {
    const backend = await mockBackend();
    const { dialog } = await openDialog();
    within(dialog).getByRole('button', { name: 'Confirm' }).click();
    await until(() => visibleText(dialog).includes('Enter your password.'));
    expect(requestsTo(backend, 'reauthenticate')).to.have.length(0);
  });

  it('takes a pasted authentication code with spaces, when the server accepts codes', async () => {
    const backend = await mockBackend({ twoFactorEnabled: true });
    const { dialog, result } = await openDialog(['password', 'totp']);
    within(dialog).getByRole('button', { name: 'Use an authentication code instead' }).click();
    const code = (await until(() => screen.queryByLabelText('Authentication code')).then(() =>
      screen.getByLabelText('Authentication code'),
    )) as HTMLInputElement;
    expect(code.getAttribute('inputmode')).to.equal('numeric');
    expect(code.getAttribute('autocomplete')).to.equal('one-time-code');
    const current = await totp(backend.store.twoFactorSecret()!);
    pasteInto(code, `${current.slice(0, 3)} ${current.slice(3)}`);
    expect(code.value).to.equal(current);
    await sendKeys({ press: 'Enter' });
    expect(await result).to.equal(true);
    expect(requestsTo(backend, 'reauthenticate')[0]!.json).to.deep.equal({ method: 'totp', code: current });
  });

  it('closes with Escape, resolves false, clears the password and gives focus back', async () => {
    await mockBackend();
    const { dialog, result, opener } = await openDialog();
    await typeInto(screen.getByLabelText('Password'), 'half-typed');
    await sendKeys({ press: 'Escape' });
    expect(await result).to.equal(false);
    expect(dialog.querySelector('input')).to.equal(null);
    expect(document.activeElement).to.equal(opener);
  });

  it('shows the wait when the server rate-limits attempts', async () => {
    const backend = await mockBackend();
    backend.use(
      http.post('/api/account/reauth', () =>
        HttpResponse.json(
          { type: 'urn:dialnexa:problem:rate-limited', status: 429, retryAfter: 60 },
          { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '60' } },
        ),
      ),
    );
    const { dialog } = await openDialog();
    await typeInto(screen.getByLabelText('Password'), 'guess');
    await sendKeys({ press: 'Enter' });
    await until(() => /Too many attempts\. You can try again in 1 minute/.test(visibleText(dialog)));
    expect(dialog.querySelector('[role="alert"]')).to.exist;
  });

  it('shares one dialog between concurrent requests', async () => {
    await mockBackend();
    const { dialog, result } = await openDialog();
    expect(dialog.confirm({ methods: ['password'], api })).to.equal(result);
  });

  it('offers "Use a passkey" beside the password only when the server accepts one', async () => {
    await mockBackend();
    const { dialog } = await openDialog(['password', 'totp']);
    expect(screen.queryByRole('button', { name: 'Use a passkey' })).to.equal(null);
    dialog.remove();
    const other = document.createElement('dn-reauth-dialog') as DnReauthDialog;
    document.body.append(other);
    void other.confirm({ methods: ['password', 'passkey'], api });
    await until(() => other.querySelector('input'), 'the password field');
    expect(screen.getByLabelText('Password')).to.exist;
    expect(screen.getByRole('button', { name: 'Use a passkey' })).to.exist;
    await expect(other).to.be.accessible();
  });
});
