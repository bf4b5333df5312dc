import { describe, expect, it } from 'vitest';
import { events, methods } from './methods';
import { EVENT_NAME_LIST, METHOD_NAME_LIST, isContractEventName, isContractMethodName } from './names';

describe('contract name lists', () => {
  it('list exactly the methods the schemas declare', () => {
    expect([...METHOD_NAME_LIST].sort()).toEqual(Object.keys(methods).sort());
  });

  it('list exactly the events the schemas declare', () => {
    expect([...EVENT_NAME_LIST].sort()).toEqual(Object.keys(events).sort());
  });

  it('refuse names outside the contract, including inherited object keys', () => {
    expect(isContractMethodName('http.send')).toBe(true);
    expect(isContractMethodName('toString')).toBe(false);
    expect(isContractMethodName('__proto__')).toBe(false);
    expect(isContractMethodName(42)).toBe(false);
    expect(isContractEventName('http.progress')).toBe(true);
    expect(isContractEventName('constructor')).toBe(false);
  });
});
