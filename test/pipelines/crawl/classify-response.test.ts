import { describe, expect, it } from 'vitest';
import { BadInputError, RetryableError } from '../../../core/errors.ts';
import { classifyResponse, responseError } from '../../../pipelines/crawl/classify-response.ts';

const HELD = { held: true, conditional: true };
const HELD_UNCONDITIONAL = { held: true, conditional: false };
const NEW_URL = { held: false, conditional: false };

// The HTTP status policy as a table: status, what we hold, the action.
const POLICY: Array<[number, Parameters<typeof classifyResponse>[1], string]> = [
  [200, null, 'read'],
  [203, NEW_URL, 'read'],
  [304, HELD, 'not-modified'],
  [304, HELD_UNCONDITIONAL, 'reject'],
  [304, null, 'reject'],
  [404, HELD, 'gone'],
  [410, HELD_UNCONDITIONAL, 'gone'],
  [404, NEW_URL, 'reject'],
  [410, null, 'reject'],
  [429, HELD, 'retry'],
  [500, null, 'retry'],
  [503, NEW_URL, 'retry'],
  [599, HELD, 'retry'],
  [403, HELD, 'reject'],
  [451, null, 'reject'],
  [600, null, 'reject'],
  [100, null, 'reject'],
];

describe('classifyResponse', () => {
  it.each(POLICY)('HTTP %i with %o → %s', (status, known, action) => {
    expect(classifyResponse(status, known).action).toBe(action);
  });

  it('gives a typed error for every verdict without a body, naming the URL', () => {
    expect(responseError(classifyResponse(200, null), 'http://a.example/')).toBeNull();
    const retry = responseError(classifyResponse(503, null), 'http://a.example/x', 30);
    expect(retry).toBeInstanceOf(RetryableError);
    expect((retry as RetryableError).retryAfterSeconds).toBe(30);
    expect(retry!.message).toMatch(/HTTP 503.*http:\/\/a\.example\/x.*retry later/);
    const broken = responseError(classifyResponse(404, null), 'http://a.example/y');
    expect(broken).toBeInstanceOf(BadInputError);
    expect(broken!.message).toMatch(/HTTP 404: a broken link.*http:\/\/a\.example\/y/);
  });
});
