/** The three report formats: text for a person, JSON and JUnit XML for a CI. */
import { describe, expect, it } from 'vitest';
import { formatJson, formatJunit, formatText, summarize, type CheckResult, type Report } from '../../conformance/report.js';

const HOSTILE = 'answered <b>"200"</b> & \'ok\' \u0007 ]]> --';

function report(results: CheckResult[]): Report {
  return {
    baseUrl: 'https://api.example.com/account',
    startedAt: '2026-05-01T10:00:00.000Z',
    durationMs: 1234,
    parts: ['reauth'],
    results,
    passed: results.filter((r) => r.outcome === 'pass').length,
    failed: results.filter((r) => r.outcome === 'fail').length,
    skipped: results.filter((r) => r.outcome === 'skip').length,
  };
}

const RESULTS: CheckResult[] = [
  { id: 'schema/getProfile', rule: 'schema', endpoint: 'getProfile', title: 'every answer matches the contract', outcome: 'pass', message: '200 ×3', durationMs: 0 },
  { id: 'authentication/401/getBillingSummary', rule: 'authentication', endpoint: 'getBillingSummary', title: 'without credentials: 401', outcome: 'fail', message: HOSTILE, durationMs: 12 },
  { id: 'rate-limits/two-factor-challenge', rule: 'rate-limits', endpoint: 'verifyTwoFactorChallenge', title: 'wrong 2FA codes: 429', outcome: 'skip', message: 'optional: add --check rate-limits', durationMs: 0 },
  { id: 'login-activity/pages', rule: 'login-activity', endpoint: null, title: 'pages without gaps', outcome: 'pass', message: '', durationMs: 40 },
];

/**
 * A small XML 1.0 well-formedness check: one root, tags nest and close, attribute values
 * quoted, `&` only in references, no `<` in text or attributes, only characters XML allows.
 */
function assertWellFormedXml(text: string): void {
  // eslint-disable-next-line no-control-regex
  expect(text, 'characters XML 1.0 forbids').not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  const body = text.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let last = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    last = token.lastIndex;
    const [, closing, name, attrs, selfClosing, textPart] = m;
    const checkRefs = (s: string) => expect(s.replace(/&(?:#\d+|#x[\da-f]+|lt|gt|amp|quot|apos);/gi, ''), 'a bare &').not.toContain('&');
    if (textPart !== undefined) {
      if (stack.length === 0) expect(textPart.trim(), 'text outside the root').toBe('');
      checkRefs(textPart);
      continue;
    }
    checkRefs(attrs ?? '');
    if (closing) {
      expect(stack.pop(), `</${name}>`).toBe(name);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name!);
    }
  }
  expect(last, `unparsable XML at: ${body.slice(last, last + 60)}`).toBe(body.length);
  expect(stack, 'unclosed tags').toEqual([]);
  expect(roots).toBe(1);
}

describe('report formats', () => {
  it('text: a line per check grouped by rule, a line per endpoint, the summary last', () => {
    const text = formatText(report(RESULTS));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('Conformance of https://api.example.com/account to the DialNexa account contract');
    expect(text).toContain('Without credentials: 401, except the public endpoints — 0/1 passed\n  FAIL  GET /billing — without credentials: 401: ' + HOSTILE);
    expect(text).toContain('  skip  POST /two-factor/challenge — wrong 2FA codes: 429: optional: add --check rate-limits');
    expect(text).toContain('  pass  pages without gaps\n');
    expect(text).toMatch(/\n {2}FAIL {2}GET \/billing +0 pass · 1 fail · 0 skip — failed: authentication\/401\/getBillingSummary\n/);
    expect(text).toMatch(/\n {2}pass {2}GET \/profile +1 pass · 0 fail · 0 skip\n/);
    expect(lines.at(-1)).toBe('2 passed, 1 failed, 1 skipped');
    expect(summarize(report(RESULTS))).toBe('2 passed, 1 failed, 1 skipped');
    // Quiet: failures and skips only, the counts unchanged.
    const quiet = formatText(report(RESULTS), { problemsOnly: true });
    expect(quiet).not.toContain('  pass  pages without gaps');
    expect(quiet).toContain('FAIL  GET /billing — without credentials: 401');
  });

  it('JSON: the results and counts as they are', () => {
    const parsed = JSON.parse(formatJson(report(RESULTS))) as Report & { results: (CheckResult & { request: string | null })[] };
    expect(parsed).toMatchObject({ baseUrl: 'https://api.example.com/account', passed: 2, failed: 1, skipped: 1, parts: ['reauth'] });
    expect(parsed.results).toHaveLength(4);
    expect(parsed.results[1]).toMatchObject({ id: 'authentication/401/getBillingSummary', outcome: 'fail', message: HOSTILE, request: 'GET /billing' });
    expect(parsed.results[3]?.request).toBe(null);
  });

  it('JUnit: well-formed XML, a suite per rule, failures and skips marked, text escaped', () => {
    const xml = formatJunit(report(RESULTS));
    assertWellFormedXml(xml);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="dn-account-conformance" tests="4" failures="1" skipped="1" time="1.234">/);
    expect(xml).toContain('<testsuite name="authentication" tests="1" failures="1" skipped="0"');
    expect(xml).toContain('<failure message="answered &#60;b&#62;&#34;200&#34;&#60;/b&#62; &#38; &#39;ok&#39;  ]]&#62; --" type="authentication/401/getBillingSummary">');
    expect(xml).toContain('<testcase classname="rate-limits.verifyTwoFactorChallenge" name="POST /two-factor/challenge — wrong 2FA codes: 429" time="0.000"><skipped message="optional: add --check rate-limits"/></testcase>');
    expect(xml).toContain('<testcase classname="login-activity" name="pages without gaps" time="0.040"/>');
    expect((xml.match(/<testsuite /g) ?? []).length).toBe(4);
  });

  it('the XML check above refuses what is not well-formed', () => {
    for (const bad of ['<a><b></a></b>', '<a x=1/>', '<a>&</a>', '<a/><b/>', '<a>\u0007</a>', '<a>']) {
      expect(() => assertWellFormedXml(bad), bad).toThrow();
    }
  });

  it('a run that could not sign in says so instead of listing endpoints', () => {
    const stopped = { ...report([{ ...RESULTS[1]!, id: 'authentication/signed-in' }]), aborted: 'the test user could not be signed in, so no other check ran' };
    const text = formatText(stopped);
    expect(text).toContain('Stopped: the test user could not be signed in, so no other check ran.');
    expect(text).not.toContain('By endpoint');
    assertWellFormedXml(formatJunit(stopped));
  });
});
