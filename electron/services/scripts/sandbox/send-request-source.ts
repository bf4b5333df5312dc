import { SEND_REQUEST_LIMITS } from '../sandbox-protocol';

/**
 * `pm.sendRequest`, as JavaScript evaluated inside QuickJS before pm-source.ts, which takes `__courierSendRequest` and
 * deletes it. Like the rest of the harness it holds no host function: a call only queues the request, as plain data.
 * Once the script's own code and its promise jobs are done, the engine takes the queue (`takeSends`), the worker asks
 * the host to send it and waits, and the answers come back through `deliver` (sandbox-engine.ts), so callbacks and
 * awaits run before the script's run ends. What may be sent (origin, count, size) is decided by the host, not here.
 *
 * Accepted, as in Postman: a URL string, or `{ url, method, header, body }` where url is a string or `{ raw }`,
 * header an array of `{ key, value, disabled }` (or "Name: value" strings) or an object, and body `{ mode: 'raw' |
 * 'urlencoded' | 'formdata' | 'graphql', … }` (formdata's text fields only). {{variables}} are replaced with what the
 * script sees now, its own writes included; the host resolves what is left ({{$guid}}, …).
 */
export const SEND_REQUEST_SOURCE = String.raw`
(function () {
  function fail(message) { return new TypeError('pm.sendRequest(): ' + message); }
  // checked here too (the host counts bytes): a body this large is refused before it is scanned for {{variables}} and
  // copied into the queue, work that would use up the script's CPU time
  var MAX_BODY = ${SEND_REQUEST_LIMITS.bodyBytes};
  function TooLarge() { this.message = 'pm.sendRequest(): the request body is larger than ' + (MAX_BODY / 1024 / 1024) + ' MB.'; }
  function sized(text) { if (text.length > MAX_BODY) throw new TooLarge(); return text; }

  function headersOf(h, text) {
    var out = [];
    if (h === undefined || h === null) return out;
    if (typeof h.toObject === 'function' && !Array.isArray(h)) h = h.toObject();
    if (Array.isArray(h)) {
      h.forEach(function (row) {
        if (typeof row === 'string') {
          var at = row.indexOf(':');
          if (at > 0) out.push({ key: row.slice(0, at).trim(), value: row.slice(at + 1).trim() });
        } else if (row && !row.disabled && row.key !== undefined && row.key !== '') out.push({ key: String(row.key), value: text(row.value) });
      });
    } else if (typeof h === 'object') Object.keys(h).forEach(function (key) { out.push({ key: key, value: text(h[key]) }); });
    else throw fail('header must be a list of { key, value } or an object');
    return out;
  }

  function fieldsOf(rows, text, mode) {
    if (rows === undefined || rows === null) return [];
    if (!Array.isArray(rows)) return Object.keys(rows).map(function (key) { return { key: key, value: text(rows[key]) }; });
    return rows.filter(function (row) { return row && !row.disabled; }).map(function (row) {
      if (row.type === 'file' || row.src !== undefined) throw fail('a ' + mode + ' file field cannot be sent from a script');
      return { key: String(row.key), value: text(row.value) };
    });
  }

  function bodyOf(b, text) {
    if (b === undefined || b === null) return null;
    if (typeof b === 'string') return { mode: 'raw', raw: text(sized(b)) };
    var mode = b.mode === undefined ? 'raw' : String(b.mode);
    if (mode === 'raw') {
      var raw = typeof b.raw === 'string' ? b.raw : b.raw === undefined ? '' : JSON.stringify(b.raw);
      var language = b.options && b.options.raw && typeof b.options.raw.language === 'string' ? b.options.raw.language : undefined;
      sized(raw);
      return language === undefined ? { mode: 'raw', raw: text(raw) } : { mode: 'raw', raw: text(raw), language: language };
    }
    if (mode === 'urlencoded' || mode === 'formdata') {
      var fields = fieldsOf(b[mode], text, mode);
      sized({ length: fields.reduce(function (n, f) { return n + f.key.length + f.value.length; }, 0) });
      return { mode: mode, fields: fields };
    }
    if (mode === 'graphql') {
      var g = b.graphql || {};
      var variables = typeof g.variables === 'string' ? (g.variables.trim() === '' ? undefined : JSON.parse(text(g.variables))) : g.variables;
      return { mode: 'raw', raw: JSON.stringify({ query: text(g.query || ''), variables: variables }), language: 'json' };
    }
    throw fail('body mode "' + mode + '" cannot be sent from a script (raw, urlencoded, formdata or graphql)');
  }

  // the request as plain data: what crosses to the host
  function normalize(request, replaceIn, stringValue) {
    var text = function (value) { return replaceIn(stringValue(value)); };
    if (typeof request === 'string') return { url: text(request), method: 'GET', headers: [], body: null };
    if (request === null || typeof request !== 'object') throw fail('needs a URL or a request object');
    var url = request.url;
    if (url !== null && typeof url === 'object') url = typeof url.raw === 'string' ? url.raw : String(url);
    if (typeof url !== 'string' || url.trim() === '') throw fail('the request has no url');
    return {
      url: text(url),
      method: request.method === undefined ? 'GET' : String(request.method).toUpperCase(),
      headers: headersOf(request.header !== undefined ? request.header : request.headers, text),
      body: bodyOf(request.body, text),
    };
  }

  /**
   * pm.sendRequest for one run. helpers: replaceIn(text) with the run's variables, stringValue, makeResponse(source,
   * name) (pm.response's shape), reportError(e) (a callback's exception ends the script as its own would).
   */
  globalThis.__courierSendRequest = function (run, helpers) {
    run.sends = [];
    run.awaiting = new Map();
    var seq = 0;
    return function sendRequest(request, callback) {
      if (callback !== undefined && typeof callback !== 'function') throw fail('the second argument must be a callback function');
      var data, refused = null;
      try { data = normalize(request, helpers.replaceIn, helpers.stringValue); } catch (e) { if (!(e instanceof TooLarge)) throw e; refused = e.message; }
      var id = ++seq;
      if (refused === null) run.sends.push({ id: id, request: data });
      var promise = new Promise(function (resolve, reject) { run.awaiting.set(id, { resolve: resolve, reject: reject, callback: callback }); });
      // answered like a failed send, after the script's current code, as the host's refusals are
      if (refused !== null) Promise.resolve().then(function () { deliver(run, helpers, id, JSON.stringify({ ok: false, message: refused }), ''); });
      if (callback === undefined) return promise;
      promise.then(undefined, function () {});
      return undefined;
    };
  };

  // the engine's side: the queued requests as JSON ('' when none), and each answer handed back
  globalThis.__courierSendRequest.take = function (run) {
    // a script that already failed sends nothing more
    if (!run || !run.sends || run.sends.length === 0 || run.error) return '';
    var queued = run.sends;
    run.sends = [];
    return JSON.stringify(queued);
  };
  function deliver(run, helpers, id, resultJson, body) {
    var waiting = run.awaiting.get(id);
    if (!waiting) return;
    run.awaiting.delete(id);
    var result = JSON.parse(resultJson);
    var error = null, response = null;
    if (result.ok) { result.response.body = body; response = helpers.makeResponse(result.response, 'response'); }
    else { error = new Error(result.message); error.name = 'SendRequestError'; }
    if (waiting.callback) {
      try { waiting.callback(error, response); } catch (e) { helpers.reportError(e); }
      if (error) waiting.reject(error); else waiting.resolve(response);
      return;
    }
    if (error) waiting.reject(error); else waiting.resolve(response);
  }
  globalThis.__courierSendRequest.deliver = deliver;
})();
`;
