import { bytesFieldOf, events, methods, withoutBytesField, type EventName, type MethodHandlers, type MethodName } from '../../shared/contract';

/**
 * Checking what the main process SENDS against the contract: on in tests (Vitest sets COURIER_CHECK_CONTRACT=1, and
 * the Playwright fixture starts web mode with it), off in the app, where inputs are validated and outputs are trusted.
 * Electron carries answers by structured clone, web mode by JSON: a Date, a Buffer, a Map or an `undefined` in an
 * answer survives one and not the other, so a drift between the two hosts shows here first.
 */
export function contractCheckFromEnv(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.COURIER_CHECK_CONTRACT === '1';
}

/** the marker the e2e fixture looks for in web mode's output */
const CONTRACT_VIOLATION = 'Contract violation';

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/** Where a value would not travel the same as JSON and as a structured clone; null when it would. */
export function jsonDrift(value: unknown, where = 'value'): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${where} is ${value} (JSON writes null)`;
  if (value === undefined) return `${where} is undefined (JSON drops it)`;
  if (typeof value !== 'object') return `${where} is a ${typeof value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const drift = jsonDrift(value[i], `${where}[${i}]`);
      if (drift) return drift;
    }
    return null;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null)
    return `${where} is a ${(value as object).constructor?.name ?? 'class instance'}, not a plain object`;
  for (const [key, item] of Object.entries(value)) {
    const drift = jsonDrift(item, `${where}.${key}`);
    if (drift) return drift;
  }
  return null;
}

/**
 * jsonDrift for an answer, except for its one top-level byte field: both hosts carry that as it is (a structured
 * clone; the web bridge's binary frame, web-bytes-frame.ts). Bytes anywhere else would become JSON on the web.
 */
function answerDrift(value: unknown): string | null {
  const field = bytesFieldOf(value);
  return field === null ? jsonDrift(value, 'answer') : jsonDrift(withoutBytesField(value as Record<string, unknown>, field), 'answer');
}

const firstIssue = (error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'value'}: ${issue.message}` : 'invalid';
};

/** Every handler's answer checked against its output schema and for JSON drift; a violation is reported and thrown. */
export function checkedHandlers(handlers: MethodHandlers, report: (error: ContractViolation) => void): MethodHandlers {
  const checked: Partial<Record<MethodName, (input: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(handlers) as MethodName[]) {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    checked[name] = async (input) => {
      const value = await handler(input);
      const parsed = methods[name].output.safeParse(value);
      const problem = !parsed.success ? firstIssue(parsed.error) : answerDrift(value);
      if (problem !== null) {
        const violation = new ContractViolation(`${CONTRACT_VIOLATION}: ${name} answered outside the contract (${problem})`);
        report(violation);
        throw violation;
      }
      return value;
    };
  }
  return checked as MethodHandlers;
}

/** The same for an event's payload; null when it keeps to the contract. */
export function eventViolation(event: EventName, payload: unknown): ContractViolation | null {
  const parsed = events[event].safeParse(payload);
  const problem = !parsed.success ? firstIssue(parsed.error) : jsonDrift(payload, 'payload');
  return problem === null ? null : new ContractViolation(`${CONTRACT_VIOLATION}: event ${event} sent outside the contract (${problem})`);
}
