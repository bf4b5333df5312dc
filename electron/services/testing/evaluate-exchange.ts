import type { ExchangeTests, HttpExchange, RequestTests, TestResult } from '../../../shared/contract';
import { evaluateAssertions, extractCaptures, TEST_BODY_CAP_BYTES, type TestResponse } from '../../../shared/testing';
import { redactText } from '../../../shared/variables';
import { applyCaptures, type CaptureTargets } from './apply-captures';

export interface TestingDeps extends CaptureTargets {
  /** the engine's body store (memory or spool file): only the first TEST_BODY_CAP_BYTES are ever read */
  readBody(id: string, offset: number, length: number): Promise<{ bytes: Uint8Array; total: number }>;
}

interface EvaluatedTests {
  tests: ExchangeTests;
  /** secret capture values: from now on masked wherever this exchange goes (the window, history) */
  secrets: string[];
}

const decoder = new TextDecoder('utf-8');

async function testResponse(exchange: HttpExchange, deps: TestingDeps): Promise<TestResponse> {
  const size = exchange.body.size;
  const { bytes } = size === 0 ? { bytes: new Uint8Array(0) } : await deps.readBody(exchange.body.id, 0, Math.min(size, TEST_BODY_CAP_BYTES));
  return {
    status: exchange.response.status,
    headers: exchange.response.headers,
    timeMs: exchange.timings.total,
    bodySize: size,
    bodyText: decoder.decode(bytes),
    bodyTruncated: size > TEST_BODY_CAP_BYTES,
  };
}

/** Masked, then cut to the contract's lengths again: a mask can be longer than the secret it replaces. */
const maskText = (text: string, secrets: readonly string[], max: number): string => redactText(text, secrets).slice(0, max);

function masked(result: TestResult, secrets: readonly string[]): TestResult {
  if (secrets.length === 0) return result;
  return {
    ...result,
    name: maskText(result.name, secrets, 1000),
    ...(result.message === undefined ? {} : { message: maskText(result.message, secrets, 4000) }),
    ...(result.actual === undefined ? {} : { actual: maskText(result.actual, secrets, 4000) }),
  };
}

/**
 * After a response completed: the request's assertions evaluated (their expected values already resolved by the
 * preparer) and its captures applied. `secrets` are the send's own; every shown value is masked with them and with
 * the secret captures' values, so a token captured as secret shows as •••••• in the results it produced.
 */
export async function evaluateExchangeTests(
  exchange: HttpExchange,
  tests: RequestTests,
  secrets: readonly string[],
  deps: TestingDeps,
): Promise<EvaluatedTests> {
  const response = await testResponse(exchange, deps);
  const extracts = extractCaptures(tests.captures, response);
  const captureSecrets = extracts.flatMap((extract) => (extract.ok && extract.secret && extract.value !== '' ? [extract.value] : []));
  const all = [...secrets, ...captureSecrets];
  const results = evaluateAssertions(tests.assertions, response, (text) => redactText(text, all)).map((result) => masked(result, all));
  const captures = applyCaptures(extracts, deps).map((capture) => ({
    ...capture,
    ...(capture.value === undefined ? {} : { value: maskText(capture.value, all, 4000) }),
    ...(capture.message === undefined ? {} : { message: maskText(capture.message, all, 4000) }),
  }));
  return { tests: { results, captures }, secrets: captureSecrets };
}

export const hasTests = (tests: RequestTests | undefined): tests is RequestTests =>
  tests !== undefined && (tests.assertions.length > 0 || tests.captures.length > 0);
