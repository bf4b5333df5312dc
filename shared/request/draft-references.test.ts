import { describe, expect, it } from 'vitest';
import { createResolver, requestLayer, type VariableDescription } from '../variables';
import { createDraft, createMultipartRow } from './draft';
import { draftReferenceProblems, draftTexts, processEnvNames, referenceWarnings } from './draft-references';
import { createRow } from './rows';
import { processEnvFromPresence } from './variable-presentation';

type Known = Record<string, Partial<VariableDescription>>;

/** A stand-in for the resolver's describe(): unknown names are unresolved. */
function describer(known: Known) {
  return (name: string): VariableDescription => ({
    name,
    status: 'unresolved',
    displayValue: '',
    secret: false,
    source: null,
    shadows: [],
    ...known[name],
  });
}

describe('draftTexts', () => {
  it('takes what is sent: the URL, enabled headers, the chosen body and auth', () => {
    const draft = createDraft({
      url: 'https://{{host}}/x',
      headers: [createRow({ name: 'X-A', value: '{{a}}' }), createRow({ name: 'X-Off', value: '{{off}}', enabled: false })],
      body: { ...createDraft().body, kind: 'multipart', json: '{{notSent}}', multipart: [createMultipartRow({ name: 'p', value: '{{part}}' })] },
      auth: { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' },
    });
    const all = draftTexts(draft)
      .map((t) => t.text)
      .join(' ');
    expect(all).toContain('{{host}}');
    expect(all).toContain('{{a}}');
    expect(all).toContain('{{part}}');
    expect(all).toContain('{{token}}');
    expect(all).not.toContain('{{off}}');
    expect(all).not.toContain('{{notSent}}');
  });
});

describe('draftReferenceProblems', () => {
  const texts = (...list: string[]) => list.map((text) => ({ where: 'URL', text }));

  it('lists each unresolved name once, in order of appearance', () => {
    const describe = describer({ host: { status: 'resolved', displayValue: 'h' } });
    const problems = draftReferenceProblems(texts('{{host}}/{{b}}/{{a}}', '{{ b }}'), describe);
    expect(problems.unresolved).toEqual(['b', 'a']);
  });

  it('sorts locked, unreadable and circular references apart', () => {
    const describe = describer({
      k: { status: 'locked', secret: true },
      u: { status: 'unreadable', secret: true },
      c: { status: 'cycle', message: 'c → d → c' },
      s: { status: 'hidden-secret', secret: true },
      $uuid: { status: 'dynamic' },
    });
    const problems = draftReferenceProblems(texts('{{k}} {{u}} {{c}} {{s}} {{$uuid}}'), describe);
    expect(problems).toEqual({ unresolved: [], locked: ['k'], unreadable: ['u'], cycles: [{ name: 'c', chain: 'c → d → c' }] });
  });

  it('follows a plain value that holds references', () => {
    const describe = describer({ base: { status: 'resolved', displayValue: 'http://{{host}}/v1' } });
    expect(draftReferenceProblems(texts('{{base}}/users'), describe).unresolved).toEqual(['host']);
  });

  it('works with the real resolver, {{$env.NAME}} unresolved only once the main process said it is not set', () => {
    const t = texts('{{$env.A}} {{$env.B}} {{host}} {{$uuid}} {{missing}}');
    expect(processEnvNames(t)).toEqual(['A', 'B']);
    const layers = [requestLayer([{ name: 'host', value: 'h' }])];
    const before = createResolver(layers, { processEnv: processEnvFromPresence({}) });
    expect(draftReferenceProblems(t, before.describe).unresolved).toEqual(['missing']);
    const after = createResolver(layers, { processEnv: processEnvFromPresence({ A: true, B: false }) });
    expect(draftReferenceProblems(t, after.describe).unresolved).toEqual(['$env.B', 'missing']);
  });
});

describe('referenceWarnings', () => {
  it('reads as the line under the URL bar', () => {
    expect(referenceWarnings({ unresolved: ['host', 'token'], locked: [], unreadable: [], cycles: [] })).toEqual([
      { kind: 'unresolved', text: 'Unresolved: {{host}}, {{token}} — they will be sent as written' },
    ]);
    expect(referenceWarnings({ unresolved: ['host'], locked: ['key'], unreadable: [], cycles: [] }).map((w) => w.text)).toEqual([
      'Unresolved: {{host}} — it will be sent as written',
      'Locked: {{key}} is a secret in the locked vault. Unlock the vault to send its value.',
    ]);
    expect(referenceWarnings({ unresolved: [], locked: [], unreadable: [], cycles: [] })).toEqual([]);
  });
});
