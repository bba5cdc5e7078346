import { expect } from '@open-wc/testing';
import { base32Decode, base32Encode, generateSecret, hotp, otpauthUri, timeStep, totp, verifyTotp } from '../../mock/totp.js';

const ascii = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
const decodeText = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** RFC 6238 appendix B, SHA-1 rows. */
const RFC6238_SHA1: [seconds: number, code8: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];
const RFC_SECRET = base32Encode(ascii('12345678901234567890'));

describe('base32 (RFC 4648)', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ];

  it('encodes the RFC test vectors, with and without padding', () => {
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(ascii(plain), { padding: true })).to.equal(encoded);
      expect(base32Encode(ascii(plain))).to.equal(encoded.replace(/=+$/, ''));
    }
  });

  it('decodes them back, ignoring case, padding, spaces and dashes', () => {
    for (const [plain, encoded] of vectors) {
      expect(decodeText(base32Decode(encoded))).to.equal(plain);
      expect(decodeText(base32Decode(encoded.toLowerCase().replace(/=+$/, '')))).to.equal(plain);
    }
    expect(decodeText(base32Decode('MZXW 6YTB-OI'))).to.equal('foobar');
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).to.throw(SyntaxError);
    expect(() => base32Decode('MZXW8')).to.throw(SyntaxError);
  });

  it('round-trips random bytes of every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      expect([...base32Decode(base32Encode(bytes))]).to.deep.equal([...bytes]);
    }
  });
});

describe('TOTP (RFC 6238, HMAC-SHA1)', () => {
  it('matches the RFC test vectors with 8 digits', async () => {
    for (const [seconds, code] of RFC6238_SHA1) {
      expect(await totp(RFC_SECRET, seconds * 1000, { digits: 8 })).to.equal(code, `T=${seconds}`);
    }
  });

  it('gives the last 6 digits with the default 6 digits', async () => {
    expect(await totp(RFC_SECRET, 59_000)).to.equal('287082');
    expect(await totp(RFC_SECRET, 1111111109_000)).to.equal('081804');
    for (const [seconds, code] of RFC6238_SHA1) {
      expect(await totp(RFC_SECRET, seconds * 1000)).to.equal(code.slice(-6));
    }
  });

  it('matches RFC 4226 HOTP appendix D', async () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    for (let counter = 0; counter < expected.length; counter++) {
      expect(await hotp(ascii('12345678901234567890'), counter)).to.equal(expected[counter]);
    }
  });

  it('keeps the same code within a 30 s step and changes it at the boundary', async () => {
    const secret = generateSecret();
    const t = 1_750_000_005_000; // the next step starts at …020 000
    expect(timeStep(t)).to.equal(58_333_333);
    expect(await totp(secret, t)).to.equal(await totp(secret, t + 14_999));
    expect(timeStep(t + 15_000)).to.equal(timeStep(t) + 1);
    expect(await totp(secret, t + 15_000)).to.equal(await totp(secret, t + 44_999));
  });

  it('verifies the current and neighbouring steps and returns the matched step', async () => {
    const secret = generateSecret();
    const t = 1_750_000_000_000;
    const step = timeStep(t);
    expect(await verifyTotp(secret, await totp(secret, t), { timeMs: t })).to.equal(step);
    expect(await verifyTotp(secret, await totp(secret, t - 30_000), { timeMs: t })).to.equal(step - 1);
    expect(await verifyTotp(secret, await totp(secret, t + 30_000), { timeMs: t })).to.equal(step + 1);
    expect(await verifyTotp(secret, await totp(secret, t - 60_000), { timeMs: t })).to.equal(null);
    expect(await verifyTotp(secret, await totp(secret, t - 60_000), { timeMs: t, window: 2 })).to.equal(step - 2);
    expect(await verifyTotp(secret, await totp(secret, t - 30_000), { timeMs: t, window: 0 })).to.equal(null);
  });

  it('rejects malformed codes and secrets', async () => {
    const secret = generateSecret();
    expect(await verifyTotp(secret, '12345')).to.equal(null);
    expect(await verifyTotp(secret, 'abcdef')).to.equal(null);
    expect(await verifyTotp('not base32!', '123456')).to.equal(null);
  });

  it('generates 160-bit base32 secrets and a Key Uri', () => {
    const secret = generateSecret();
    expect(secret).to.match(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret).length).to.equal(20);
    expect(generateSecret(10)).to.match(/^[A-Z2-7]{16}$/);
    expect(otpauthUri({ secret: 'ABC', issuer: 'DialNexa', accountName: 'amira@northwind-calls.example' })).to.equal(
      'otpauth://totp/DialNexa:amira@northwind-calls.example?secret=ABC&issuer=DialNexa&digits=6&period=30',
    );
  });
});
