import { describe, expect, it } from 'vitest';
import { exchangeTestsSchema, requestTestsSchema, type HttpExchange } from '../../../shared/contract';
import { createSessionVariables } from './session-variables';
import { evaluateExchangeTests } from './evaluate-exchange';

const exchange = (body: string): HttpExchange =>
  ({
    response: { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [['X-Token', 'tok-secret-123456']] },
    timings: { total: 3 },
    body: { id: 'b1', size: Buffer.byteLength(body), contentType: 'text/plain', contentEncodings: [], spooled: false },
  }) as unknown as HttpExchange;

describe('evaluateExchangeTests', () => {
  it("masks the send's secrets in results and stays within the contract even when masks are longer than secrets", async () => {
    // a secret straddles the 1,000-character cut of the Actual column: masked whole, no prefix left
    const body = `${'x'.repeat(995)}tok-secret-123456 `.repeat(300);
    const tests = requestTestsSchema.parse({
      assertions: [
        { target: 'body', operator: 'equals', expected: 'x' },
        { target: 'header', property: 'X-Token', operator: 'equals', expected: 'tok-secret-123456' },
      ],
    });
    const session = createSessionVariables();
    const variables = {
      setValue: () => {
        throw new Error('not used');
      },
      state: () => {
        throw new Error('not used');
      },
    };
    const result = await evaluateExchangeTests(exchange(body), tests, ['tok-secret-123456'], {
      readBody: async () => ({ bytes: Buffer.from(body), total: body.length }),
      variables: variables as never,
      session,
    });
    expect(exchangeTestsSchema.parse(result.tests)).toEqual(result.tests);
    for (const prefix of ['tok-secret-123456', 'tok-sec', 'tok-']) expect(JSON.stringify(result.tests)).not.toContain(prefix);
    expect(result.tests.results[1]).toMatchObject({ outcome: 'passed', actual: '••••••' });
  });

  it('reads no more than the test cap from the body store', async () => {
    const reads: number[] = [];
    const big = { ...exchange(''), body: { ...exchange('').body, size: 1e9 } } as HttpExchange;
    await evaluateExchangeTests(big, requestTestsSchema.parse({ assertions: [{ target: 'body', operator: 'contains', expected: 'x' }] }), [], {
      readBody: async (_id, _offset, length) => {
        reads.push(length);
        return { bytes: Buffer.alloc(16, 120), total: 1e9 };
      },
      variables: {} as never,
      session: createSessionVariables(),
    });
    expect(reads).toEqual([8 * 1024 * 1024]);
  });
});
