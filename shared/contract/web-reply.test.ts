import { describe, expect, it } from 'vitest';
import { parseWebReply } from './web-reply';
import { webReplySchema } from './web-protocol';

/** Every envelope as it arrives: JSON text, parsed, as the bridge reads it. */
const envelopes: [string, string][] = [
  ['a result', '{"type":"result","id":1,"result":{"ok":true,"value":{"a":[1,2]}}}'],
  ['a result of null', '{"type":"result","id":0,"result":{"ok":true,"value":null}}'],
  ['a failure', '{"type":"result","id":2,"result":{"ok":false,"error":{"code":"INTERNAL","message":"x"}}}'],
  ['a failure with detail', '{"type":"result","id":3,"result":{"ok":false,"error":{"code":"DNS_FAILED","message":"x","detail":"ENOTFOUND"}}}'],
  ['an event', '{"type":"event","event":"http.progress","payload":{"bytes":1}}'],
  ['an event with a null payload', '{"type":"event","event":"x","payload":null}'],
  [
    'a failed pre-request script with its console',
    '{"type":"result","id":6,"result":{"ok":false,"error":{"code":"SCRIPT_FAILED","message":"x","scriptConsole":[{"level":"log","text":"a","origin":"Pre-request script","extra":1},{"level":"warn","text":"b","origin":"o"}]}}}',
  ],
  [
    'a console line of an unknown level',
    '{"type":"result","id":1,"result":{"ok":false,"error":{"code":"SCRIPT_FAILED","message":"x","scriptConsole":[{"level":"trace","text":"a","origin":"o"}]}}}',
  ],
  [
    'a console that is not a list',
    '{"type":"result","id":1,"result":{"ok":false,"error":{"code":"SCRIPT_FAILED","message":"x","scriptConsole":{"level":"log","text":"a","origin":"o"}}}}',
  ],
  [
    'a console line without text',
    '{"type":"result","id":1,"result":{"ok":false,"error":{"code":"SCRIPT_FAILED","message":"x","scriptConsole":[{"level":"log","origin":"o"}]}}}',
  ],
  [
    'a console line with a long origin',
    `{"type":"result","id":1,"result":{"ok":false,"error":{"code":"SCRIPT_FAILED","message":"x","scriptConsole":[{"level":"log","text":"a","origin":"${'o'.repeat(301)}"}]}}}`,
  ],
  [
    'extra keys everywhere (dropped)',
    '{"type":"result","id":4,"extra":1,"result":{"ok":false,"more":2,"error":{"code":"INTERNAL","message":"x","stack":"at y"}}}',
  ],
  ['an ok result with an error beside it', '{"type":"result","id":5,"result":{"ok":true,"value":1,"error":{"code":"nope"}}}'],
  ['a negative and a fractional id', '{"type":"result","id":-1.5,"result":{"ok":true,"value":1}}'],
  ['an event with extra keys', '{"type":"event","event":"e","payload":1,"id":7}'],
  // hostile or broken
  ['null', 'null'],
  ['a number', '42'],
  ['a string', '"result"'],
  ['an array', '[{"type":"event","event":"x","payload":1}]'],
  ['no type', '{"id":1,"result":{"ok":true,"value":1}}'],
  ['an unknown type', '{"type":"call","id":1,"method":"x","input":{}}'],
  ['a type of another case', '{"type":"Result","id":1,"result":{"ok":true,"value":1}}'],
  ['a string id', '{"type":"result","id":"1","result":{"ok":true,"value":1}}'],
  ['no id', '{"type":"result","result":{"ok":true,"value":1}}'],
  ['a null id', '{"type":"result","id":null,"result":{"ok":true,"value":1}}'],
  ['no result', '{"type":"result","id":1}'],
  ['a result that is an array', '{"type":"result","id":1,"result":[true,1]}'],
  ['ok missing', '{"type":"result","id":1,"result":{"value":1}}'],
  ['ok as a string', '{"type":"result","id":1,"result":{"ok":"true","value":1}}'],
  ['ok as 1', '{"type":"result","id":1,"result":{"ok":1,"value":1}}'],
  ['ok without value', '{"type":"result","id":1,"result":{"ok":true}}'],
  ['a failure without error', '{"type":"result","id":1,"result":{"ok":false}}'],
  ['a failure with an unknown code', '{"type":"result","id":1,"result":{"ok":false,"error":{"code":"PWNED","message":"x"}}}'],
  ['a failure with a prototype code', '{"type":"result","id":1,"result":{"ok":false,"error":{"code":"constructor","message":"x"}}}'],
  ['a failure without message', '{"type":"result","id":1,"result":{"ok":false,"error":{"code":"INTERNAL"}}}'],
  ['a failure with a numeric message', '{"type":"result","id":1,"result":{"ok":false,"error":{"code":"INTERNAL","message":1}}}'],
  ['a failure with a numeric detail', '{"type":"result","id":1,"result":{"ok":false,"error":{"code":"INTERNAL","message":"x","detail":5}}}'],
  ['a failure with a null detail', '{"type":"result","id":1,"result":{"ok":false,"error":{"code":"INTERNAL","message":"x","detail":null}}}'],
  ['a failure whose error is a string', '{"type":"result","id":1,"result":{"ok":false,"error":"INTERNAL"}}'],
  ['an event without a name', '{"type":"event","payload":1}'],
  ['an event with a numeric name', '{"type":"event","event":1,"payload":1}'],
  ['an event without payload', '{"type":"event","event":"x"}'],
  ['__proto__ keys', '{"type":"event","event":"x","payload":1,"__proto__":{"type":"result"}}'],
  ['a __proto__ result', '{"type":"result","id":1,"result":{"__proto__":{"ok":true,"value":1}}}'],
];

describe('parseWebReply', () => {
  it.each(envelopes)('answers as webReplySchema does: %s', (_name, text) => {
    const message: unknown = JSON.parse(text);
    const expected = webReplySchema.safeParse(message);
    const actual = parseWebReply(message);
    if (expected.success) expect(actual).toStrictEqual(expected.data);
    else expect(actual).toBeNull();
  });

  it('the table has both kinds of envelope', () => {
    const accepted = envelopes.filter(([, text]) => webReplySchema.safeParse(JSON.parse(text)).success);
    expect(accepted.length).toBeGreaterThanOrEqual(8);
    expect(envelopes.length - accepted.length).toBeGreaterThanOrEqual(20);
  });
});
