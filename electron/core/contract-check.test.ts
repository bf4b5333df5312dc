import { describe, expect, it } from 'vitest';
import { STREAM_BATCH_MAX_EVENTS, type EventPayload, type MethodHandlers } from '../../shared/contract';
import { checkedHandlers, contractCheckFromEnv, ContractViolation, eventViolation, jsonDrift } from './contract-check';
import { createEventHub } from './event-hub';

describe('contract check', () => {
  it('is on in this test run (vitest.config.ts sets COURIER_CHECK_CONTRACT=1) and off by default', () => {
    expect(contractCheckFromEnv(process.env)).toBe(true);
    expect(contractCheckFromEnv({})).toBe(false);
  });

  it('finds what JSON and structured clone carry differently', () => {
    expect(jsonDrift({ a: [1, 'x', null, { b: true }] })).toBeNull();
    expect(jsonDrift({ at: new Date(0) })).toBe('value.at is a Date, not a plain object');
    expect(jsonDrift({ bytes: Buffer.from('x') })).toBe('value.bytes is a Buffer, not a plain object');
    expect(jsonDrift({ list: [1, undefined] })).toBe('value.list[1] is undefined (JSON drops it)');
    expect(jsonDrift({ optional: undefined })).toBe('value.optional is undefined (JSON drops it)');
    expect(jsonDrift({ n: Number.NaN })).toBe('value.n is NaN (JSON writes null)');
    expect(jsonDrift({ m: new Map() })).toBe('value.m is a Map, not a plain object');
    expect(jsonDrift(Object.create(null) as object)).toBeNull();
  });

  it('throws and reports an answer outside its output schema or one that would drift', async () => {
    const reported: ContractViolation[] = [];
    const handlers = {
      'http.cancel': async () => ({ cancelled: 'yes' }),
      'body.release': async () => ({ released: true, extra: new Date(0) }),
      'app.info': async () => ({
        name: 'Courier',
        version: '1',
        mode: 'web',
        platform: 'x',
        dataDir: '/d',
        capabilities: { folderDialog: false, openExternal: false, osKeychain: false },
      }),
    } as unknown as MethodHandlers;
    const checked = checkedHandlers(handlers, (violation) => reported.push(violation));
    await expect(checked['http.cancel']({ requestId: 'r' })).rejects.toThrow(/^Contract violation: http.cancel answered outside the contract \(cancelled: /);
    await expect(checked['body.release']({ bodyId: 'b' })).rejects.toThrow('answer.extra is a Date');
    await expect(checked['app.info']({})).resolves.toMatchObject({ name: 'Courier' });
    expect(reported).toHaveLength(2);
    expect(reported[0]).toBeInstanceOf(ContractViolation);
  });

  it('lets an answer carry bytes in one top-level field, which both hosts carry as bytes, and nowhere else', async () => {
    const reported: ContractViolation[] = [];
    const handlers = {
      'body.read': async ({ offset }: { offset: number }) =>
        offset === 0 ? { offset, bytes: new Uint8Array([1]), total: 1 } : { offset, bytes: new Uint8Array([1]), total: 1, at: new Date(0) },
      'history.get': async () => ({ nested: { bytes: new Uint8Array([1]) } }),
    } as unknown as MethodHandlers;
    const checked = checkedHandlers(handlers, (violation) => reported.push(violation));
    await expect(checked['body.read']({ bodyId: 'b', offset: 0, length: 1 })).resolves.toMatchObject({ total: 1 });
    await expect(checked['body.read']({ bodyId: 'b', offset: 1, length: 1 })).rejects.toThrow('answer.at is a Date');
    await expect(checked['history.get']({ id: 1 })).rejects.toThrow(/Contract violation: history.get/);
    expect(reported).toHaveLength(2);
  });

  it('an event payload outside the contract is reported and thrown at the emitter, and reaches no listener', () => {
    const errors: unknown[] = [];
    const seen: unknown[] = [];
    const hub = createEventHub({ onListenerError: (error) => errors.push(error), checkContract: true });
    hub.subscribe((event, payload) => seen.push([event, payload]));
    hub.emit('variables.changed', { reason: 'vault' });
    const wrong = { reason: 'weather' } as unknown as EventPayload<'variables.changed'>;
    expect(() => hub.emit('variables.changed', wrong)).toThrow(/^Contract violation: event variables.changed sent outside the contract/);
    expect(seen).toEqual([['variables.changed', { reason: 'vault' }]]);
    expect(errors).toHaveLength(1);
    expect(eventViolation('import.progress', { importId: 'i', phase: 'parsing' })).toBeNull();
  });

  it('holds a streamed batch to the bound the window relies on (STREAM_BATCH_MAX_EVENTS events)', () => {
    const sse = (n: number) => ({
      requestId: 'r',
      events: Array.from({ length: n }, (_, index) => ({ index, event: 'message', id: '', data: 'x', retry: null })),
    });
    const ws = (n: number) => ({ sessionId: 's', events: Array.from({ length: n }, () => ({ type: 'state' as const, at: 0, state: 'open' as const })) });
    expect(eventViolation('http.sse', sse(STREAM_BATCH_MAX_EVENTS))).toBeNull();
    expect(eventViolation('http.sse', sse(STREAM_BATCH_MAX_EVENTS + 1))).not.toBeNull();
    expect(eventViolation('ws.events', ws(STREAM_BATCH_MAX_EVENTS))).toBeNull();
    expect(eventViolation('ws.events', ws(STREAM_BATCH_MAX_EVENTS + 1))).not.toBeNull();
  });
});
