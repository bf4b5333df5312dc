import { describe, expect, it } from 'vitest';
import { completeScript } from './complete-script';

/** the labels offered with the cursor at the end of `text` */
function labels(text: string): string[] {
  const lines = text.split('\n');
  return completeScript(text, lines.length, lines.at(-1)!.length + 1).map((suggestion) => suggestion.label);
}

describe('script completion', () => {
  it('offers the roots, then each member of the Postman API, down nested members', () => {
    expect(labels('p')).toEqual(['pm', 'postman', 'console']);
    expect(labels('pm.')).toEqual(
      expect.arrayContaining([
        'test',
        'expect',
        'response',
        'request',
        'environment',
        'collectionVariables',
        'globals',
        'variables',
        'iterationData',
        'info',
        'sendRequest',
      ]),
    );
    expect(labels('pm.environment.')).toEqual(['get', 'set', 'unset', 'has', 'clear', 'toObject', 'replaceIn']);
    expect(labels('pm.iterationData.g')).toEqual(['get', 'has', 'toObject', 'replaceIn']);
    expect(labels('pm.response.')).toEqual(expect.arrayContaining(['json', 'text', 'code', 'status', 'headers', 'responseTime', 'to']));
    expect(labels('pm.request.headers.')).toContain('upsert');
    expect(labels('pm.response.headers.')).not.toContain('upsert');
    expect(labels('postman.')).toContain('setNextRequest');
    expect(labels('console.')).toEqual(['log', 'info', 'warn', 'error', 'debug']);
  });

  it("offers chai's words after pm.expect(…) and pm.response.to, whatever the arguments hold", () => {
    const chai = labels('pm.expect(pm.response.json().items[0]).to.');
    expect(chai).toEqual(
      expect.arrayContaining(['be', 'have', 'not', 'equal', 'eql', 'include', 'property', 'below', 'oneOf', 'status', 'header', 'jsonBody']),
    );
    expect(labels('pm.expect(x).to.not.be.')).toEqual(chai);
    expect(labels('pm.response.to.have.')).toEqual(chai);
    expect(labels('pm.test("ok", () => {\n  pm.expect(pm.response.code)\n    .to.')).toEqual(chai);
  });

  it('is a typed word with the right kind and detail, on any line', () => {
    const [get] = completeScript('const a = 1;\npm.globals.', 2, 12);
    expect(get).toEqual({
      label: 'get',
      kind: 'method',
      detail: 'get(name): the value in the globals, or undefined',
      documentation: null,
      deprecated: false,
      insertText: 'get',
    });
    expect(completeScript('pm.', 1, 4).find((s) => s.label === 'response')?.kind).toBe('field');
    expect(completeScript('p', 1, 2)[0]?.kind).toBe('variable');
  });

  it("offers nothing after the script's own values: a call's result, a string, a number, an unknown name", () => {
    expect(labels('pm.response.json().')).toEqual([]);
    expect(labels('pm.environment.get("a").')).toEqual([]);
    expect(labels('"pm".')).toEqual([]);
    expect(labels('1.')).toEqual([]);
    expect(labels('lodash.')).toEqual([]);
    expect(labels('pm.cookies.')).toEqual([]);
  });
});
