/**
 * What a Courier script can call, for the script editor's completion: the Postman-compatible subset the sandbox
 * implements (electron/services/scripts/sandbox/*-source.ts). A member listed here and missing there would be
 * offered and then refused, so script-api.test.ts runs every path below in the sandbox.
 */
export interface ApiMember {
  name: string;
  /** a call: completion inserts the name with "(" */
  call?: boolean;
  detail: string;
  members?: readonly ApiMember[];
}

const fn = (name: string, detail: string): ApiMember => ({ name, call: true, detail });
const value = (name: string, detail: string): ApiMember => ({ name, detail });

const scope = (where: string): readonly ApiMember[] => [
  fn('get', `get(name): the value in ${where}, or undefined`),
  fn('set', `set(name, value): sets it in ${where}`),
  fn('unset', `unset(name): removes it from ${where}`),
  fn('has', `has(name): whether ${where} has it`),
  fn('clear', `clear(): empties ${where}`),
  fn('toObject', `toObject(): ${where} as an object`),
  fn('replaceIn', 'replaceIn(text): text with its {{variables}} resolved'),
];

const headerList = (editable: boolean): readonly ApiMember[] => [
  fn('get', 'get(name): the value of a header (case-insensitive)'),
  fn('has', 'has(name): whether a header is present'),
  fn('toObject', 'toObject(): the headers as an object'),
  fn('all', 'all(): the headers as { key, value } pairs'),
  fn('each', 'each(fn): calls fn with each { key, value }'),
  fn('count', 'count(): how many headers there are'),
  ...(editable
    ? [
        fn('add', 'add({ key, value }): adds a header (pre-request scripts)'),
        fn('upsert', 'upsert({ key, value }): sets a header, adding it when absent (pre-request scripts)'),
        fn('remove', 'remove(name): removes a header (pre-request scripts)'),
      ]
    : []),
];

const response = (name: string): readonly ApiMember[] => [
  value('code', `${name}.code: the status code (200)`),
  value('status', `${name}.status: the reason phrase ("OK")`),
  { name: 'headers', detail: `${name}.headers: the response headers`, members: headerList(false) },
  value('responseTime', `${name}.responseTime: milliseconds from sending to the whole response`),
  value('responseSize', `${name}.responseSize: body size in bytes`),
  fn('json', `${name}.json(): the body parsed as JSON`),
  fn('text', `${name}.text(): the body as text`),
  fn('size', `${name}.size(): { body, header, total } in bytes`),
  fn('reason', `${name}.reason(): the reason phrase`),
];

/** chai's BDD words after pm.expect(value) or pm.response: chains, flags, properties and assertions */
export const EXPECT_WORDS: readonly ApiMember[] = [
  ...['to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does', 'still', 'also'].map((word) =>
    value(word, 'chain word: reads well, checks nothing'),
  ),
  ...['not', 'deep', 'own', 'any', 'all'].map((word) => value(word, `flag: ${word === 'not' ? 'negates the assertion that follows' : `${word} comparison`}`)),
  ...['true', 'false', 'null', 'undefined', 'NaN', 'finite', 'exist', 'empty', 'ok'].map((word) => value(word, `asserts the value is ${word}`)),
  ...[
    'success',
    'info',
    'redirection',
    'clientError',
    'serverError',
    'error',
    'accepted',
    'badRequest',
    'unauthorized',
    'forbidden',
    'notFound',
    'rateLimited',
  ].map((word) => value(word, `pm.response: asserts a ${word} status`)),
  value('json', 'pm.response: asserts a JSON body'),
  value('withBody', 'pm.response: asserts a body'),
  fn('equal', 'equal(value): strictly equal (===)'),
  fn('eql', 'eql(value): deeply equal'),
  fn('include', 'include(value): a substring, an element or a subset of keys'),
  fn('contain', 'contain(value): the same as include'),
  fn('property', 'property(name, value?): has the property (and that value)'),
  fn('ownProperty', 'ownProperty(name, value?): has its own property'),
  fn('lengthOf', 'lengthOf(n): has that length'),
  fn('oneOf', 'oneOf(list): is one of the list'),
  fn('match', 'match(regex): the string matches'),
  fn('string', 'string(text): the string contains text'),
  fn('a', 'a(type): is of that type ("string", "object", …)'),
  fn('an', 'an(type): is of that type'),
  fn('above', 'above(n): greater than n'),
  fn('least', 'least(n): at least n'),
  fn('below', 'below(n): less than n'),
  fn('most', 'most(n): at most n'),
  fn('within', 'within(low, high): between low and high'),
  fn('closeTo', 'closeTo(expected, delta): within delta of expected'),
  fn('instanceOf', 'instanceOf(constructor)'),
  fn('satisfy', 'satisfy(fn): fn(value) is truthy'),
  fn('keys', 'keys(...names): has exactly these keys (any/all)'),
  fn('members', 'members(list): has these members'),
  fn('throw', 'throw(expected?): the function throws'),
  fn('status', 'pm.response: status(code or reason)'),
  fn('header', 'pm.response: header(name, value?)'),
  fn('jsonBody', 'pm.response: jsonBody(path?, value?)'),
  fn('body', 'pm.response: body(text or object)'),
];

const PM: readonly ApiMember[] = [
  fn('test', 'pm.test(name, fn): a named check, passed unless fn throws'),
  fn('expect', 'pm.expect(value): a chai BDD assertion'),
  {
    name: 'response',
    detail: 'pm.response: the response (post-response scripts)',
    members: [...response('pm.response'), ...EXPECT_WORDS.filter((w) => w.name === 'to' || w.name === 'be' || w.name === 'have')],
  },
  {
    name: 'request',
    detail: 'pm.request: the request (editable in pre-request scripts)',
    members: [
      {
        name: 'url',
        detail: 'pm.request.url (assign a string to change it)',
        members: [
          fn('toString', 'the URL as text'),
          fn('getHost', 'the host'),
          fn('getPath', 'the path'),
          fn('getQueryString', 'the query, without ?'),
          fn('update', 'update(url)'),
        ],
      },
      value('method', 'pm.request.method (assignable in pre-request scripts)'),
      { name: 'headers', detail: 'pm.request.headers', members: headerList(true) },
      {
        name: 'body',
        detail: 'pm.request.body',
        members: [
          value('mode', 'the body kind'),
          value('raw', 'the raw text (assignable for JSON and text bodies)'),
          fn('update', 'update(text or object)'),
          fn('toString', 'the body as text'),
          fn('isEmpty', 'whether it is empty'),
        ],
      },
      fn('addHeader', 'addHeader({ key, value })'),
      fn('removeHeader', 'removeHeader(name)'),
      fn('toJSON', 'the request as plain data'),
    ],
  },
  { name: 'environment', detail: 'pm.environment: the active environment', members: scope('the active environment') },
  { name: 'collectionVariables', detail: 'pm.collectionVariables: the collection’s variables', members: scope('the collection variables') },
  { name: 'globals', detail: 'pm.globals: global variables', members: scope('the globals') },
  {
    name: 'variables',
    detail: 'pm.variables: every scope, narrowest first; set() writes a local variable',
    members: [
      fn('get', 'get(name): the value from the narrowest scope that has it (local, data row, environment, collection, globals)'),
      fn('set', 'set(name, value): sets a local variable, for this send only'),
      fn('unset', 'unset(name): removes a local variable'),
      fn('has', 'has(name): whether any scope has it'),
      fn('toObject', 'toObject(): every variable in reach, the narrowest scope winning'),
      fn('replaceIn', 'replaceIn(text): text with its {{variables}} resolved'),
    ],
  },
  {
    name: 'iterationData',
    detail: 'pm.iterationData: the runner data file’s row (read-only)',
    members: scope('the data row').filter((member) => ['get', 'has', 'toObject', 'replaceIn'].includes(member.name)),
  },
  {
    name: 'info',
    detail: 'pm.info: which request, iteration and event this is',
    members: [
      value('requestName', 'the request’s name'),
      value('requestId', 'the request’s id'),
      value('iteration', 'the runner iteration, from 0'),
      value('iterationCount', 'how many iterations the run has'),
      value('eventName', '"prerequest" or "test"'),
    ],
  },
  fn('sendRequest', 'pm.sendRequest(request, callback?): sends a request to the same origin; awaitable'),
];

/** The names a script starts from. */
export const SCRIPT_API: readonly ApiMember[] = [
  { name: 'pm', detail: 'Postman’s scripting API (the supported subset)', members: PM },
  {
    name: 'postman',
    detail: 'Postman’s older API',
    members: [
      fn('setNextRequest', 'setNextRequest(name or null): the collection runner sends that request next; null ends the iteration'),
      fn('setEnvironmentVariable', 'setEnvironmentVariable(name, value)'),
      fn('getEnvironmentVariable', 'getEnvironmentVariable(name)'),
      fn('clearEnvironmentVariable', 'clearEnvironmentVariable(name)'),
      fn('setGlobalVariable', 'setGlobalVariable(name, value)'),
      fn('getGlobalVariable', 'getGlobalVariable(name)'),
      fn('clearGlobalVariable', 'clearGlobalVariable(name)'),
    ],
  },
  {
    name: 'console',
    detail: 'prints to the Script console',
    members: ['log', 'info', 'warn', 'error', 'debug'].map((level) => fn(level, `console.${level}(...values)`)),
  },
];
