/**
 * Notices and emails follow the person they are written to: the language of their profile
 * (English when the server has not got it) and their time zone, named beside the time.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/endpoints.js';
import { createAccountServer, type AccountServer } from '../src/index.js';
import { messageLanguage, MESSAGE_LANGUAGES, MESSAGES, recipient } from '../src/i18n.js';
import { Notifier } from '../src/notify.js';
import { cookieClient } from './client.js';
import { tokenOfMail } from './conformance-hooks.js';
import { testStorage } from './storage.js';

const ORIGIN = 'http://localhost:8787';
const API = `${ORIGIN}/api/account`;
const INBOX = `${ORIGIN}/api/inbox`;
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';
/** 6 December 2026, 10:05 UTC: 11:05 in Berlin, winter time. */
const DECEMBER = new Date('2026-12-06T10:05:00Z');

describe('the message files', () => {
  /** Every text of a language by its dotted key. */
  const leaves = (tree: object, prefix = ''): Map<string, string> => {
    const found = new Map<string, string>();
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === 'string') found.set(`${prefix}${key}`, value);
      else for (const [k, v] of leaves(value as object, `${prefix}${key}.`)) found.set(k, v);
    }
    return found;
  };
  const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!).sort();
  const english = leaves(MESSAGES.en);

  it.each(MESSAGE_LANGUAGES.filter((l) => l !== 'en'))('%s has every key of English, no other, with the same placeholders, translated', (language) => {
    const texts = leaves(MESSAGES[language]);
    expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of texts) {
      expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(english.get(key)!));
      expect(text.trim(), `${language} ${key}`).not.toBe('');
      expect(text, `${language} ${key} is still English`).not.toBe(english.get(key));
    }
  });

  it('has no empty English text and puts no link inside a sentence', () => {
    expect(english.size).toBeGreaterThan(20);
    for (const language of MESSAGE_LANGUAGES) for (const [key, text] of leaves(MESSAGES[language])) expect(text, `${language} ${key}`).not.toMatch(/https?:|^\s*$/);
  });
});

describe('a recipient', () => {
  it('takes the language of the profile tag, English for a language the server has not got', () => {
    expect(['de', 'de-AT', 'DE_ch', 'es-419', 'ar-EG', 'en-GB', 'fr', 'pt-BR', '', null, undefined].map(messageLanguage)).toEqual([
      'de',
      'de',
      'de',
      'es',
      'ar',
      'en',
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('writes a moment in the profile time zone, the zone named, in the language of the texts', () => {
    expect(recipient({ language: 'de', timezone: 'Europe/Berlin' }).when(DECEMBER)).toBe('6. Dezember 2026 um 11:05 MEZ');
    expect(recipient({ language: 'es', timezone: 'Europe/Madrid' }).when(DECEMBER)).toBe('6 de diciembre de 2026 a las 11:05 CET');
    expect(recipient({ language: 'en', timezone: 'America/New_York' }).when(DECEMBER)).toMatch(/^December 6, 2026 at 5:05\sAM EST$/);
    expect(recipient({ language: 'ar', timezone: 'Asia/Riyadh' }).when(DECEMBER)).toContain('غرينتش+3');
    // A language the server lacks: English, yet still the user's zone.
    expect(recipient({ language: 'fr', timezone: 'Asia/Tokyo' }).when(DECEMBER)).toMatch(/^December 6, 2026 at 7:05\sPM GMT\+9$/);
    // No profile, or a zone Intl does not know: UTC, named.
    expect(recipient().when(DECEMBER)).toMatch(/^December 6, 2026 at 10:05\sAM UTC$/);
    expect(recipient({ timezone: 'Mars/Olympus_Mons' }).timeZone).toBe('UTC');
  });

  it('writes lengths of time in words of its language', () => {
    expect(recipient({ language: 'de' }).duration(24, 'hour')).toBe('24 Stunden');
    expect(recipient({ language: 'es' }).duration(60, 'minute')).toBe('60 minutos');
    expect(recipient({ language: 'en' }).duration(60, 'minute')).toBe('60 minutes');
  });

  it('puts values in as given: no escaping, no placeholder or nesting read inside them', () => {
    const { t } = recipient({ language: 'en' });
    const device = t('device.named', { browser: '<b>{{when}}</b> & $t(newDevice.title)', os: 'Linux' });
    expect(device).toBe('<b>{{when}}</b> & $t(newDevice.title) on Linux');
    expect(t('newDevice.body', { device, when: 'then' })).toBe('Signed in from <b>{{when}}</b> & $t(newDevice.title) on Linux on then.');
  });
});

describe('notices to users of other languages', () => {
  let server: AccountServer;

  beforeAll(async () => {
    server = await createAccountServer({ ...testStorage(), baseUrl: ORIGIN, development: true, rateLimits: 'off', trustProxy: 1, exportPollMs: 50 });
  });

  afterAll(async () => {
    await server?.close();
  });

  const json = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body) });
  const mailsOf = async (to: string, kind: string) => (await server.outbox.list({ to })).filter((m) => m.kind === kind);

  function browser(userAgent: string) {
    const fetch = cookieClient(() => server, ORIGIN);
    return (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { 'User-Agent': userAgent, 'X-Forwarded-For': '203.0.113.5', ...(init.headers as Record<string, string>) } });
  }

  /** A user signed in on a laptop, with their profile's language and time zone set through the API. */
  async function userIn(name: string, language: string, timezone: string) {
    const email = `${name}@northwind-calls.example`;
    const password = `${name}#Pass-2026`;
    const { user } = await server.auth.api.signUpEmail({ body: { email, password, name } });
    const laptop = browser(CHROME_MAC);
    expect((await laptop(`${ORIGIN}/api/auth/sign-in/email`, json({ email, password }))).status).toBe(200);
    const updated = await laptop(`${API}${endpoints.updateProfile.path}`, json({ language, timezone }, endpoints.updateProfile.method));
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ language, timezone });
    return { id: user.id, email, password, laptop };
  }

  async function inbox(fetch: ReturnType<typeof browser>) {
    const response = await fetch(INBOX);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: { kind: string; title: string; body: string }[] }).items;
  }

  it('a German user gets the new-device email and in-app item in German, the time in their zone', async () => {
    const user = await userIn('neues-geraet', 'de', 'Europe/Berlin');
    const headers = (userAgent: string) => new Headers({ 'User-Agent': userAgent, 'X-Forwarded-For': '203.0.113.7' });
    const notifier = new Notifier(server.database.db, server.outbox, () => DECEMBER);
    // The laptop's sign-in above was the user's first device: this browser is a new one.
    await notifier.signedIn(user.id, headers(FIREFOX_WINDOWS));
    const [mail] = await mailsOf(user.email, 'new-device');
    expect(mail!.subject).toBe('Neue Anmeldung bei Ihrem DialNexa-Konto');
    expect(mail!.text).toBe(
      [
        'Am 6. Dezember 2026 um 11:05 MEZ hat sich jemand mit Firefox unter Windows (IP-Adresse 203.0.113.7) bei Ihrem DialNexa-Konto angemeldet.',
        'Wenn Sie das waren, müssen Sie nichts tun.',
        'Falls nicht, ändern Sie jetzt Ihr Passwort und melden Sie in Ihren Kontoeinstellungen die anderen Sitzungen ab.',
      ].join('\n'),
    );
    expect(await inbox(user.laptop)).toMatchObject([
      { kind: 'new-device', title: 'Neue Anmeldung von einem unbekannten Gerät', body: 'Anmeldung mit Firefox unter Windows (203.0.113.7) am 6. Dezember 2026 um 11:05 MEZ.' },
    ]);

    // A browser without a User-Agent, through a real sign-in.
    const odd = browser('');
    expect((await odd(`${ORIGIN}/api/auth/sign-in/email`, json({ email: user.email, password: user.password }))).status).toBe(200);
    const [latest] = await mailsOf(user.email, 'new-device');
    expect(latest!.text).toMatch(/^Am \d{1,2}\. \S+ \d{4} um \d{2}:\d{2} MES?Z hat sich jemand mit einem unbekannten Browser unter einem unbekannten System \(IP-Adresse 203\.0\.113\.5\)/);
  });

  it("an Arabic user's password-changed mail and in-app item are in Arabic, the time in their zone", async () => {
    const user = await userIn('arabic-password', 'ar', 'Asia/Riyadh');
    const changed = await user.laptop(`${API}/password`, json({ currentPassword: user.password, newPassword: 'Changed#Pass-2027' }));
    expect(changed.status).toBe(200);
    const [mail] = await mailsOf(user.email, 'password-changed');
    expect(mail!.subject).toBe('تم تغيير كلمة المرور');
    const [first, second] = mail!.text.split('\n');
    expect(first).toMatch(/^تم تغيير كلمة مرور حسابكم في DialNexa من إعدادات الحساب بتاريخ .+ غرينتش\+3\.$/);
    expect(second).toBe('إن لم تقوموا بذلك، فيُرجى إعادة تعيين كلمة المرور فورًا وتسجيل الخروج من الجلسات الأخرى.');
    expect(await inbox(user.laptop)).toMatchObject([{ kind: 'password-changed', title: 'تم تغيير كلمة المرور', body: 'تم تغيير كلمة مرور حسابكم من إعدادات الحساب.' }]);
  });

  it('a user whose language the server has not got gets English, the times still in their zone', async () => {
    const user = await userIn('french-reset', 'fr', 'Asia/Tokyo');
    // Asked for from a browser nobody is signed in on.
    const asked = await server.fetch(new Request(`${API}/password-reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: user.email }) }));
    expect(asked.status).toBe(200);
    const [mail] = await mailsOf(user.email, 'password-reset');
    expect(mail!.subject).toBe('Reset your password');
    expect(mail!.text).toMatch(/^Someone asked to reset the password of the DialNexa account with this address\.\nSet a new password within 60 minutes \(until \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2}\s[AP]M GMT\+9\) by opening this link \(it works once\):\n\nhttp/);
  });

  it('a Spanish user asking for a reset from a signed-out browser gets it in Spanish, and the reset notice too', async () => {
    const user = await userIn('restablecer', 'es', 'America/Mexico_City');
    const post = (path: string, body: unknown) => server.fetch(new Request(`${API}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));
    expect((await post('/password-reset', { email: user.email })).status).toBe(200);
    const [link] = await mailsOf(user.email, 'password-reset');
    expect(link!.subject).toBe('Restablece tu contraseña');
    expect(link!.text).toMatch(/^Alguien ha pedido restablecer la contraseña de la cuenta de DialNexa asociada a esta dirección\.\nElige una contraseña nueva en un plazo de 60 minutos \(hasta el \d{1,2} de \S+ de \d{4} a las \d{1,2}:\d{2} GMT-\d\) abriendo este enlace/);
    const token = tokenOfMail(await server.outbox.list({ to: user.email }), 'password-reset', user.email)!;
    expect((await post('/password-reset/complete', { token, newPassword: 'Nueva#Clave-2028' })).status).toBe(200);
    const [notice] = await mailsOf(user.email, 'password-changed');
    expect(notice!.subject).toBe('Tu contraseña se ha cambiado');
    expect(notice!.text).toMatch(/^La contraseña de tu cuenta de DialNexa se restableció el \d{1,2} de \S+ de \d{4} a las \d{1,2}:\d{2} GMT-\d con un enlace/);
  });

  it('a Spanish user changing the sign-in email gets the link and the notice at the old address in Spanish', async () => {
    const user = await userIn('cambio-correo', 'es', 'Europe/Madrid');
    const next = 'cambio-correo-nuevo@northwind-calls.example';
    expect((await user.laptop(`${API}/email-change`, json({ newEmail: next }))).status).toBe(200);
    const [confirm] = await mailsOf(next, 'email-change');
    expect(confirm!.subject).toBe('Confirma tu nueva dirección de correo');
    expect(confirm!.text).toMatch(/^Alguien ha pedido usar esta dirección para su cuenta de DialNexa\.\nConfírmala en un plazo de 24 horas \(hasta el \d{1,2} de \S+ de \d{4} a las \d{1,2}:\d{2} CES?T\) abriendo este enlace:\n\nhttp\S+\n\nSi no fuiste tú, ignora este mensaje: no cambiará nada\.$/);
    const token = tokenOfMail(await server.outbox.list({ to: next }), 'email-change', next)!;
    expect((await user.laptop(`${API}/email-change/verify`, json({ token }))).status).toBe(200);
    const [changed] = await mailsOf(user.email, 'email-changed');
    expect(changed!.subject).toBe('Tu correo de inicio de sesión ha cambiado');
    expect(changed!.text).toContain(`El correo de inicio de sesión de tu cuenta de DialNexa ahora es ${next}. El cambio se hizo el `);
    expect(await inbox(user.laptop)).toMatchObject([{ kind: 'email-changed', body: `Ahora inicias sesión con ${next} en lugar de ${user.email}.` }]);
  });

  it("a German user's data export is explained in German, the export time in their zone", async () => {
    const user = await userIn('datenexport', 'de', 'Europe/Berlin');
    expect((await user.laptop(`${API}/data-export`, { method: 'POST' })).status).toBe(200);
    let job = endpoints.getDataExport.response.parse(await (await user.laptop(`${API}/data-export`)).json()).job!;
    for (let i = 0; i < 100 && job.status !== 'ready'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = endpoints.getDataExport.response.parse(await (await user.laptop(`${API}/data-export`)).json()).job!;
    }
    const files = unzipSync(new Uint8Array(await (await user.laptop(job.downloadUrl!)).arrayBuffer()));
    const lines = strFromU8(files['README.txt']!).split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Die Daten Ihres DialNexa-Kontos, exportiert am \\d{1,2}\\. \\S+ \\d{4} um \\d{2}:\\d{2} MES?Z für ${user.email.replace(/\./g, '\\.')}\\.$`));
    expect(lines).toContain('profile.json             Ihr Profil');
    expect(lines).toContain('trusted-devices.json     Geräte, die den zweiten Anmeldeschritt überspringen');
  });
});
