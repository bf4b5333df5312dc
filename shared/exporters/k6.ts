import type { AssertionRow, CaptureRow, HttpRequestSpec, ImportedCollection, ImportedItem, RequestAuth } from '../contract';
import { redactStoredCredentials } from '../auth';
import { DYNAMIC_NAMES } from '../variables/dynamic';
import { exportableAuth, exportableHeaderValue } from './export-credentials';

/**
 * A collection (or a folder of it) as a k6 script: for load beyond one machine, k6 runs it locally, on
 * k6 Cloud or with the k6 operator. Requests in tree order inside `group`s, `{{variables}}` rendered at run time from
 * a `vars` object (secrets and typed credentials read from `__ENV`, never written), captures as chained values in
 * `vars`, assertion rows as `check`s. What has no k6 equivalent is a comment naming it, not a guess.
 * k6 API used: http.request(method, url, body, params), res.status/body/headers/timings.duration, res.json(gjsonPath),
 * check(res, { name: fn }), group(name, fn), encoding.b64encode, __ENV, options (grafana.com/docs/k6/latest).
 */

const js = (value: unknown): string => JSON.stringify(value);

/** `$.a.b[0]['c']` → GJSON `a.b.0.c` (what res.json() reads); null when the path is more than members and indexes. */
export function gjsonPath(jsonPath: string): string | null {
  const path = jsonPath.trim();
  if (path === '$') return '';
  if (!/^\$((\.[A-Za-z_$][\w$]*)|(\[\d+\])|(\['[^'\\.*?|#@]*'\]))+$/.test(path)) return null;
  return path
    .slice(1)
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\['([^']*)'\]/g, '.$1')
    .replace(/^\./, '');
}

/** The expression an assertion row or capture reads, in k6 terms; null when it has none. */
function actualOf(target: AssertionRow['target'] | CaptureRow['source'], property: string): string | null {
  switch (target) {
    case 'status':
      return 'res.status';
    case 'responseTime':
      return 'res.timings.duration';
    case 'bodySize':
      return '(res.body ? res.body.length : 0)';
    case 'body':
      return 'res.body';
    case 'header':
      return `header(res, ${js(property)})`;
    case 'jsonPath': {
      const path = gjsonPath(property);
      return path === null ? null : path === '' ? 'json(res)' : `json(res, ${js(path)})`;
    }
    case 'regex':
      return `match(res, ${js(property)})`;
  }
}

function checkOf(row: AssertionRow): string | null {
  const actual = actualOf(row.target, row.property);
  if (actual === null) return null;
  const expected = `render(${js(row.expected)})`;
  const number = `Number(${expected})`;
  switch (row.operator) {
    case 'equals':
      return `String(${actual}) === ${expected}`;
    case 'notEquals':
      return `String(${actual}) !== ${expected}`;
    case 'contains':
      return `String(${actual}).includes(${expected})`;
    case 'matches':
      return `new RegExp(${expected}).test(String(${actual}))`;
    case 'lessThan':
      return `Number(${actual}) < ${number}`;
    case 'lessOrEqual':
      return `Number(${actual}) <= ${number}`;
    case 'greaterThan':
      return `Number(${actual}) > ${number}`;
    case 'greaterOrEqual':
      return `Number(${actual}) >= ${number}`;
    case 'exists':
      return `${actual} !== undefined && ${actual} !== null`;
    case 'isEmpty':
      return `isEmpty(${actual})`;
    case 'isType':
      return `typeName(${actual}) === ${js(row.expected.trim())}`;
    default:
      return null;
  }
}

const describe = (row: AssertionRow): string =>
  `${row.target}${row.property ? ` ${row.property}` : ''} ${row.operator}${row.expected ? ` ${row.expected}` : ''}`;

/** Headers and the query an auth adds, with credentials as {{references}} (rendered from __ENV at run time). */
function authParts(auth: RequestAuth): { headers: Record<string, string>; query: [string, string] | null; note: string | null } {
  switch (auth.kind) {
    case 'basic':
      return { headers: { Authorization: `__BASIC__${auth.username}:${auth.password}` }, query: null, note: null };
    case 'bearer':
      return { headers: { Authorization: `${auth.prefix ? `${auth.prefix} ` : ''}${auth.token}` }, query: null, note: null };
    case 'apikey':
      return auth.in === 'query'
        ? { headers: {}, query: [auth.name, auth.value], note: null }
        : { headers: { [auth.name]: auth.value }, query: null, note: null };
    case 'none':
    case 'inherit':
      return { headers: {}, query: null, note: null };
    default:
      return { headers: {}, query: null, note: `${auth.kind} auth is not carried over: k6 scripts set their own credentials` };
  }
}

function bodyOf(spec: HttpRequestSpec): { body: string; contentType: string | null; note: string | null } {
  const body = spec.body;
  switch (body.kind) {
    case 'none':
      return { body: 'null', contentType: null, note: null };
    case 'json':
      return { body: `render(${js(body.text)})`, contentType: 'application/json', note: null };
    case 'text':
      return { body: `render(${js(body.text)})`, contentType: body.contentType, note: null };
    case 'form': {
      const fields = body.fields.filter((field) => field.enabled).map((field) => `[${js(field.name)}, ${js(field.value)}]`);
      return { body: `formBody([${fields.join(', ')}])`, contentType: 'application/x-www-form-urlencoded', note: null };
    }
    case 'multipart': {
      const parts = body.parts
        .filter((part) => part.enabled && part.kind === 'text')
        .map((part) => `${js(part.name)}: render(${js(part.kind === 'text' ? part.value : '')})`);
      const files = body.parts.filter((part) => part.enabled && part.kind === 'file').map((part) => part.name);
      return {
        body: `{ ${parts.join(', ')} }`,
        contentType: null,
        note: files.length > 0 ? `file parts (${files.join(', ')}) are not carried over: add them with http.file(open(...))` : null,
      };
    }
    case 'graphql':
      return {
        body: `JSON.stringify(graphqlBody(${js(body.query)}, ${js(body.variables)}, ${js(body.operationName)}))`,
        contentType: 'application/json',
        note: null,
      };
    case 'binary':
      return { body: 'null', contentType: null, note: 'the binary body file is not carried over: read it with open(path, "b")' };
  }
}

function requestBlock(name: string, original: HttpRequestSpec, inheritedAuth: RequestAuth, indent: string): string[] {
  const redacted = redactStoredCredentials(original);
  const spec = { ...redacted, auth: exportableAuth(redacted.auth.kind === 'inherit' ? inheritedAuth : redacted.auth) };
  const lines: string[] = [`// ${name.replace(/\n/g, ' ')}`, '{'];
  const inner = (line: string) => lines.push(`  ${line}`);
  const auth = authParts(spec.auth);
  if (auth.note) inner(`// Not carried over: ${auth.note}`);
  const { body, contentType, note } = bodyOf(spec);
  if (note) inner(`// Not carried over: ${note}`);
  const headers: [string, string][] = spec.headers
    .filter((header) => header.enabled)
    .map((header) => [header.name, exportableHeaderValue(header.name, header.value)]);
  for (const [key, value] of Object.entries(auth.headers)) if (!headers.some(([name]) => name.toLowerCase() === key.toLowerCase())) headers.push([key, value]);
  if (contentType && !headers.some(([header]) => header.toLowerCase() === 'content-type')) headers.push(['Content-Type', contentType]);
  const params = spec.params.filter((param) => param.enabled).map((param): [string, string] => [param.name, param.value]);
  if (auth.query) params.push(auth.query);
  const locals = spec.variables.map((variable) => `${js(variable.name)}: ${js(variable.value)}`);
  inner(`const local = { ${locals.join(', ')} };`);
  inner(`const url = withQuery(render(${js(spec.url)}, local), [${params.map(([key, value]) => `[${js(key)}, render(${js(value)}, local)]`).join(', ')}]);`);
  inner(
    `const headers = { ${headers.map(([key, value]) => (value.startsWith('__BASIC__') ? `${js(key)}: basic(render(${js(value.slice('__BASIC__'.length))}, local))` : `${js(key)}: render(${js(value)}, local)`)).join(', ')} };`,
  );
  inner(`const res = http.request(${js(spec.method)}, url, ${body}, { headers, tags: { name: ${js(name)} } });`);
  const checks: string[] = [];
  for (const row of spec.tests?.assertions ?? []) {
    if (!row.enabled) continue;
    const expression = checkOf(row);
    if (expression === null) inner(`// Not carried over: the assertion "${describe(row).replace(/\n/g, ' ')}" has no k6 equivalent here`);
    else checks.push(`${js(describe(row))}: (res) => ${expression}`);
  }
  if (checks.length > 0) inner(`check(res, { ${checks.join(', ')} });`);
  for (const capture of spec.tests?.captures ?? []) {
    if (!capture.enabled) continue;
    const actual = actualOf(capture.source, capture.expression);
    if (actual === null) inner(`// Not carried over: the capture of {{${capture.variable}}} (${capture.expression}) has no k6 equivalent here`);
    else inner(`vars[${js(capture.variable)}] = ${actual};`);
  }
  if (spec.scripts?.preRequest || spec.scripts?.postResponse)
    inner("// Not carried over: this request's scripts (k6 runs its own JavaScript: port them by hand)");
  lines.push('}');
  return lines.map((line) => `${indent}${line}`);
}

function itemLines(items: readonly ImportedItem[], auth: RequestAuth, indent: string): string[] {
  return items.flatMap((item) =>
    item.type === 'folder'
      ? [`${indent}group(${js(item.name)}, function () {`, ...itemLines(item.items, auth, `${indent}  `), `${indent}});`]
      : requestBlock(item.name, item.request, auth, indent),
  );
}

const HELPERS = String.raw`
// {{name}} from the request's own variables, then vars, then the environment k6 runs with (k6 run -e NAME=value)
// Courier's dynamic values, a new one on every use, as Courier sends them
function dynamic(name) {
  if (name === '$uuid') return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) { const r = Math.floor(Math.random() * 16); return (c === 'x' ? r : (r & 3) | 8).toString(16); });
  if (name === '$timestamp') return String(Math.floor(Date.now() / 1000));
  if (name === '$isoTimestamp') return new Date().toISOString();
  if (name === '$randomInt') return String(Math.floor(Math.random() * 1001));
  return undefined;
}
function render(text, local) {
  return String(text).replace(/\{\{\s*([^{}]+?)\s*\}\}/g, function (whole, name) {
    const made = dynamic(name);
    if (made !== undefined) return made;
    if (local && local[name] !== undefined) return String(local[name]);
    if (vars[name] !== undefined && vars[name] !== null) return String(vars[name]);
    if (__ENV[name] !== undefined) return __ENV[name];
    return whole;
  });
}
function withQuery(url, pairs) {
  if (pairs.length === 0) return url;
  const query = pairs.map(function (p) { return encodeURIComponent(p[0]) + '=' + encodeURIComponent(p[1]); }).join('&');
  return url + (url.indexOf('?') === -1 ? '?' : '&') + query;
}
function formBody(fields) {
  return fields.map(function (f) { return encodeURIComponent(f[0]) + '=' + encodeURIComponent(render(f[1])); }).join('&');
}
function graphqlBody(query, variables, operationName) {
  const body = { query: render(query) };
  if (String(variables).trim() !== '') body.variables = JSON.parse(render(variables));
  if (operationName) body.operationName = operationName;
  return body;
}
function basic(userAndPassword) { return 'Basic ' + encoding.b64encode(userAndPassword); }
function header(res, name) {
  const wanted = String(name).toLowerCase();
  for (const key in res.headers) if (key.toLowerCase() === wanted) return res.headers[key];
  return undefined;
}
function json(res, path) {
  try { return path === undefined ? JSON.parse(res.body) : res.json(path); } catch (e) { return undefined; }
}
function match(res, pattern) {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  const found = (literal ? new RegExp(literal[1], literal[2]) : new RegExp(pattern)).exec(String(res.body));
  return found ? (found.length > 1 ? found[1] : found[0]) : undefined;
}
function isEmpty(value) {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}
`;

/**
 * The k6 script for a collection. Variables named in `secretNames` (and every secret or typed credential) are read
 * from __ENV, so the file holds no secret; the header comment lists what to pass.
 */
export function toK6Script(collection: ImportedCollection, secretNames: ReadonlySet<string> = new Set()): string {
  const vars = collection.variables
    .filter((variable) => variable.enabled)
    .map((variable) => `  ${js(variable.name)}: ${secretNames.has(variable.name) ? `__ENV[${js(variable.name)}]` : js(variable.value)},`);
  const body = itemLines(collection.items, collection.auth, '  ');
  const fromEnv = [...new Set((body.join('\n') + vars.join('\n')).match(/\{\{\s*[A-Z_][A-Z0-9_]*\s*\}\}|__ENV\["[^"]+"\]/g) ?? [])].map((token) =>
    token.replace(/[{}\s]|__ENV\["|"\]/g, ''),
  );
  // dynamic values Courier has ($uuid…) are made by the script; others (Postman's $randomEmail…) go out as written
  const unknownDynamic = [...new Set((body.join('\n') + vars.join('\n')).match(/\{\{\s*\$[A-Za-z][\w]*\s*\}\}/g) ?? [])]
    .map((token) => token.replace(/[{}\s]/g, ''))
    .filter((name) => !(DYNAMIC_NAMES as readonly string[]).includes(name));
  return [
    `// k6 load test generated by Courier from the collection ${js(collection.name)}.`,
    '// Run: k6 run script.js   (or k6 cloud script.js; or with the k6 operator on Kubernetes)',
    ...(fromEnv.length > 0 ? [`// Values it reads from the environment (never written here): ${fromEnv.map((name) => `-e ${name}=…`).join(' ')}`] : []),
    ...(unknownDynamic.length > 0
      ? [`// Not carried over: ${unknownDynamic.map((name) => `{{${name}}}`).join(', ')} (no dynamic value of that name): sent as written`]
      : []),
    "import http from 'k6/http';",
    "import { check, group } from 'k6';",
    "import encoding from 'k6/encoding';",
    '',
    'export const options = { vus: 1, iterations: 1 };',
    '',
    'const vars = {',
    ...vars,
    '};',
    HELPERS,
    'export default function () {',
    ...body,
    '}',
    '',
  ].join('\n');
}
