/**
 * Bruno's and Insomnia's script names, built on the run's `pm`, so collections imported from them run unchanged
 * ("Insomnia's and Bruno's tests are translated where they map"). Evaluated inside QuickJS before
 * pm-source.ts, which takes `__courierCompat` and deletes it; like `pm`, every object is made per run from that run's
 * `pm`, never from a host function.
 *
 * Bruno (docs.usebruno.com, JavaScript reference): `bru` (variables, setNextRequest, interpolate, sleep), `req`
 * (read and, in pre-request scripts, change the request), `res` (status, headers, body parsed as JSON when it is,
 * response time; callable with a path: `res('data.items')`), `test`, `expect` (chai). Insomnia 9+: `insomnia` is
 * Postman's `pm` API under another name. What a script calls beyond this is refused by name, like pm's.
 */
export const COMPAT_SOURCE = String.raw`
(function () {
  function refuse(what, hint) {
    var e = new Error(what + ' is not supported in Courier scripts' + (hint ? ' (' + hint + ')' : '') + '.');
    e.name = 'UnsupportedError';
    throw e;
  }
  function refusing(target, prefix) {
    return new Proxy(target, {
      get: function (t, key) {
        if (typeof key !== 'string' || key in t) return t[key];
        if (key === 'then' || key === 'toJSON') return undefined;
        refuse(prefix + '.' + key);
      },
    });
  }
  function walk(value, path) {
    var parts = String(path).replace(/\[(\d+)\]/g, '.$1').split('.').filter(function (p) { return p !== ''; });
    for (var i = 0; i < parts.length; i++) { if (value === null || value === undefined) return undefined; value = value[parts[i]]; }
    return value;
  }

  function makeBru(pm, postman) {
    return refusing({
      getEnvVar: function (k) { return pm.environment.get(k); },
      setEnvVar: function (k, v) { pm.environment.set(k, v); },
      hasEnvVar: function (k) { return pm.environment.has(k); },
      deleteEnvVar: function (k) { pm.environment.unset(k); },
      // Bruno's runtime variables outlive the request and every later request sees them: the collection's scope
      getVar: function (k) { return pm.variables.get(k); },
      setVar: function (k, v) { pm.collectionVariables.set(k, v); },
      hasVar: function (k) { return pm.variables.has(k); },
      deleteVar: function (k) { pm.collectionVariables.unset(k); },
      getCollectionVar: function (k) { return pm.collectionVariables.get(k); },
      getGlobalEnvVar: function (k) { return pm.globals.get(k); },
      setGlobalEnvVar: function (k, v) { pm.globals.set(k, v); },
      getRequestVar: function (k) { return pm.variables.get(k); },
      interpolate: function (text) { return pm.variables.replaceIn(text); },
      setNextRequest: function (name) { postman.setNextRequest(name); },
      runner: { setNextRequest: function (name) { postman.setNextRequest(name); }, stopExecution: function () { postman.setNextRequest(null); } },
      sleep: function (ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); },
      sendRequest: function (options, callback) { return bruSendRequest(pm, options, callback); },
      getProcessEnv: function () { refuse('bru.getProcessEnv()', 'scripts cannot read the machine\'s environment; use {{$env.NAME}} in a field, which asks first'); },
    }, 'bru');
  }

  // Bruno's bru.sendRequest({ method, url, headers, data }, (err, res)): axios's shapes on pm.sendRequest; an object
  // body goes as JSON, and res is { status, statusText, headers (lower-case names), data (parsed when JSON) }
  function bruSendRequest(pm, options, callback) {
    options = options || {};
    var headers = options.headers || {};
    var data = options.data;
    var body;
    if (data !== undefined && data !== null) {
      body = { mode: 'raw', raw: typeof data === 'string' ? data : JSON.stringify(data) };
      if (typeof data !== 'string') body.options = { raw: { language: 'json' } };
    }
    var toRes = function (r) {
      var h = {};
      r.headers.each(function (x) { h[x.key.toLowerCase()] = x.value; });
      var parsed;
      try { parsed = r.json(); } catch (e) { parsed = r.text(); }
      return { status: r.code, statusText: r.status, headers: h, data: parsed, responseTime: r.responseTime };
    };
    var sent = pm.sendRequest({ url: options.url, method: options.method || 'GET', header: headers, body: body }).then(toRes);
    if (typeof callback !== 'function') return sent;
    return sent.then(function (res) { callback(null, res); return res; }, function (err) { callback(err, null); });
  }

  function makeReq(pm) {
    var r = pm.request;
    var bodyOf = function () { var raw = r.body.raw; if (raw === undefined) return undefined; try { return JSON.parse(raw); } catch (e) { return raw; } };
    return refusing({
      getUrl: function () { return r.url.toString(); },
      setUrl: function (url) { r.url = url; },
      getMethod: function () { return r.method; },
      setMethod: function (method) { r.method = method; },
      getName: function () { return pm.info.requestName; },
      getHeader: function (name) { return r.headers.get(name); },
      getHeaders: function () { return r.headers.toObject(); },
      setHeader: function (name, value) { r.headers.upsert({ key: name, value: value }); },
      setHeaders: function (all) { Object.keys(all || {}).forEach(function (name) { r.headers.upsert({ key: name, value: all[name] }); }); },
      deleteHeader: function (name) { r.headers.remove(name); },
      getBody: bodyOf,
      setBody: function (body) { r.body.update(typeof body === 'string' ? body : JSON.stringify(body)); },
      get url() { return r.url.toString(); },
      get method() { return r.method; },
      get headers() { return r.headers.toObject(); },
      get body() { return bodyOf(); },
    }, 'req');
  }

  function makeRes(pm) {
    var p = pm.response;
    var parsed = function () { try { return p.json(); } catch (e) { return p.text(); } };
    var res = function (path) { return walk(parsed(), path); };
    var members = {
      status: p.code,
      statusText: p.status,
      responseTime: p.responseTime,
      getStatus: function () { return p.code; },
      getStatusText: function () { return p.status; },
      getHeader: function (name) { return p.headers.get(name); },
      getHeaders: function () { var o = {}; p.headers.each(function (h) { o[h.key.toLowerCase()] = h.value; }); return o; },
      getBody: parsed,
      getResponseTime: function () { return p.responseTime; },
      getSize: function () { return p.size(); },
    };
    Object.keys(members).forEach(function (key) { res[key] = members[key]; });
    Object.defineProperty(res, 'headers', { get: members.getHeaders });
    Object.defineProperty(res, 'body', { get: parsed });
    return res;
  }

  // btoa/atob as browsers and Postman's sandbox have them (Basic auth headers are built with btoa); pure functions,
  // so plain globals that the lockdown freezes like every other
  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  function invalid(message) { var e = new Error(message); e.name = 'InvalidCharacterError'; return e; }
  globalThis.btoa = function btoa(input) {
    var text = String(input), out = '';
    for (var i = 0; i < text.length; i += 3) {
      var a = text.charCodeAt(i), b = text.charCodeAt(i + 1), c = text.charCodeAt(i + 2);
      if (a > 255 || b > 255 || c > 255) throw invalid('btoa(): the string has characters outside Latin-1');
      var n = (a << 16) | ((b || 0) << 8) | (c || 0);
      out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < text.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < text.length ? B64[n & 63] : '=');
    }
    return out;
  };
  globalThis.atob = function atob(input) {
    var text = String(input).replace(/[\t\n\f\r ]/g, '');
    if (text.length % 4 === 0) text = text.replace(/==?$/, '');
    if (text.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(text)) throw invalid('atob(): the string is not valid base64');
    var out = '', bits = 0, value = 0;
    for (var i = 0; i < text.length; i++) {
      value = (value << 6) | B64.indexOf(text[i]);
      bits += 6;
      if (bits >= 8) { bits -= 8; out += String.fromCharCode((value >> bits) & 255); }
    }
    return out;
  };

  globalThis.__courierCompat = function (pm, postman, hasResponse) {
    return {
      bru: makeBru(pm, postman),
      req: makeReq(pm),
      res: hasResponse ? makeRes(pm) : undefined,
      test: function (name, fn) { return pm.test(name, fn); },
      expect: pm.expect,
      insomnia: pm,
    };
  };
})();
`;
