import { expect } from '@open-wc/testing';
import { ApiError, problemCode, toApiError } from '../../src/api/errors.js';

describe('ApiError', () => {
  it('reads the problem slug from urn and https type URIs', () => {
    expect(problemCode('urn:dialnexa:problem:reauth-required')).to.equal('reauth-required');
    expect(problemCode('https://partner.example/problems/invalid-code')).to.equal('invalid-code');
    expect(problemCode('about:blank')).to.equal(undefined);
    expect(problemCode(undefined)).to.equal(undefined);
  });

  it('maps field errors by field name or JSON pointer, first message wins', () => {
    const error = new ApiError('validation', 'Invalid', {
      status: 422,
      problem: {
        type: 'urn:dialnexa:problem:validation',
        errors: [
          { field: '/displayName', message: 'Too short' },
          { field: 'displayName', message: 'Second message' },
          { field: 'phone', message: 'Not a phone number' },
        ],
      },
    });
    expect(error.fieldErrors).to.deep.equal({ displayName: 'Too short', phone: 'Not a phone number' });
    expect(error.code).to.equal('validation');
    expect(error.retryable).to.equal(false);
  });

  it('takes retryAfter from the problem when no header value is given', () => {
    const error = new ApiError('rate-limited', 'Slow down', { status: 429, problem: { type: 'about:blank', retryAfter: 30 } });
    expect(error.retryAfter).to.equal(30);
    expect(error.retryable).to.equal(true);
  });

  it('turns anything thrown into an ApiError', () => {
    expect(toApiError(new DOMException('x', 'AbortError')).kind).to.equal('aborted');
    expect(toApiError(new DOMException('x', 'TimeoutError')).kind).to.equal('timeout');
    expect(toApiError(new TypeError('Failed to fetch')).kind).to.equal('network');
  });
});
