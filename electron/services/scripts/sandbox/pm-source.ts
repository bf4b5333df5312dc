/**
 * The `pm` object, `console` and the run harness, as JavaScript evaluated inside QuickJS (see expect-source.ts for
 * why it is a string). Everything crosses the boundary as one JSON string each way: `start(inputJson, script)` builds
 * a fresh `pm` for the run from plain data, `finish()` answers the results, console lines and variable writes as JSON.
 * No host function is ever handed to the sandbox, so there is no host object a script could walk back from.
 *
 * The names a script sees (`pm`, `postman`, `console`, `require`, timers) are accessors on the global object that
 * read the current run's objects, so one warm context serves run after run without one run's `pm` reaching another.
 */
export const PM_SOURCE = String.raw`
(function () {
  var E = globalThis.__expect;
  var inspect = E.inspect;
  var current = null;
  var compatOf = globalThis.__courierCompat;
  delete globalThis.__courierCompat;
  var sendRequestOf = globalThis.__courierSendRequest;
  delete globalThis.__courierSendRequest;
  var legacy = globalThis.__courierLegacy;
  delete globalThis.__courierLegacy;

  function Refused(message) { var e = new Error(message); e.name = 'UnsupportedError'; return e; }
  function refuse(what, hint) { throw Refused(what + ' is not supported in Courier scripts' + (hint ? ' (' + hint + ')' : '') + '.'); }

  function format(args) {
    return Array.prototype.map.call(args, function (a) { return typeof a === 'string' ? a : inspect(a); }).join(' ');
  }
  function makeConsole(run) {
    var log = function (level) {
      return function () {
        var limits = run.input.limits;
        if (run.console.length >= limits.consoleEntries || run.consoleChars >= limits.consoleChars) { run.consoleDropped++; return; }
        var text = format(arguments);
        if (text.length > limits.consoleEntryChars) text = text.slice(0, limits.consoleEntryChars) + '… (cut at ' + limits.consoleEntryChars + ' characters)';
        run.consoleChars += text.length;
        run.console.push({ level: level, text: text });
      };
    };
    return { log: log('log'), info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') };
  }

  function stringValue(value) {
    if (value === undefined || value === null) return '';
    if (typeof value === 'object') { try { return JSON.stringify(value); } catch (e) { return String(value); } }
    return String(value);
  }

  // One variable scope (environment, collection, globals, local): reads see this run's writes; writes are recorded in
  // order and applied by the host after the script.
  // a scope's values, made the first time the run reads or writes that scope
  function valuesOf(run, name) {
    return run.scopes[name] || (run.scopes[name] = new Map(Object.entries(run.input.variables[name] || {})));
  }
  function makeScope(run, name, label) {
    var values = valuesOf(run, name);
    var scope = {
      get: function (key) { return values.has(String(key)) ? values.get(String(key)) : undefined; },
      has: function (key) { return values.has(String(key)); },
      set: function (key, value) {
        if (key === undefined || key === null || key === '') throw new TypeError(label + '.set() needs a variable name');
        values.set(String(key), value);
        run.writes.push({ scope: name, op: 'set', key: String(key), value: stringValue(value) });
      },
      unset: function (key) { values.delete(String(key)); run.writes.push({ scope: name, op: 'unset', key: String(key) }); },
      clear: function () {
        values.forEach(function (v, key) { run.writes.push({ scope: name, op: 'unset', key: key }); });
        values.clear();
      },
      toObject: function () { return Object.fromEntries(values); },
      replaceIn: function (text) { return replaceIn(run, text); },
    };
    return scope;
  }
  // pm.variables: the narrowest scope that has the name (local, iteration data, environment, collection, globals)
  var PRECEDENCE = ['local', 'data', 'environment', 'collection', 'globals'];
  function lookup(run, key) {
    for (var i = 0; i < PRECEDENCE.length; i++) {
      var scope = valuesOf(run, PRECEDENCE[i]);
      if (scope.has(key)) return { found: true, value: scope.get(key) };
    }
    return { found: false };
  }
  function replaceIn(run, text) {
    return String(text).replace(/\{\{([^{}]+)\}\}/g, function (whole, name) {
      var hit = lookup(run, name.trim());
      return hit.found ? stringValue(hit.value) : whole;
    });
  }

  function headerList(entries, editable, what) {
    var find = function (name) { name = String(name).toLowerCase(); return entries.filter(function (h) { return h.key.toLowerCase() === name; }); };
    var list = {
      get: function (name) { var hits = find(name); return hits.length ? hits[0].value : undefined; },
      has: function (name, value) { var hits = find(name); return hits.length > 0 && (arguments.length < 2 || hits.some(function (h) { return h.value === value; })); },
      toObject: function () { var o = {}; entries.forEach(function (h) { o[h.key] = h.value; }); return o; },
      all: function () { return entries.map(function (h) { return { key: h.key, value: h.value }; }); },
      each: function (fn) { entries.slice().forEach(function (h) { fn({ key: h.key, value: h.value }); }); },
      count: function () { return entries.length; },
      toJSON: function () { return list.all(); },
    };
    var readOnly = function (name) { return function () { throw new TypeError(what + '.' + name + '() cannot change the response: it has already arrived'); }; };
    var keyValue = function (h, how) {
      if (typeof h === 'string') { var at = h.indexOf(':'); h = at === -1 ? { key: h, value: '' } : { key: h.slice(0, at).trim(), value: h.slice(at + 1).trim() }; }
      if (!h || typeof h.key !== 'string' || h.key === '') throw new TypeError(what + '.' + how + '() needs { key, value }');
      return { key: h.key, value: stringValue(h.value) };
    };
    list.add = editable ? function (h) { entries.push(keyValue(h, 'add')); } : readOnly('add');
    list.upsert = editable ? function (h) {
      h = keyValue(h, 'upsert');
      var hits = find(h.key);
      if (hits.length) hits[0].value = h.value; else entries.push(h);
    } : readOnly('upsert');
    list.remove = editable ? function (name) {
      if (typeof name === 'function') { var keep = entries.filter(function (h) { return !name(h); }); entries.length = 0; keep.forEach(function (h) { entries.push(h); }); return; }
      name = String(name).toLowerCase();
      for (var i = entries.length - 1; i >= 0; i--) if (entries[i].key.toLowerCase() === name) entries.splice(i, 1);
    } : readOnly('remove');
    return list;
  }

  function makeRequest(run) {
    var source = run.input.request;
    var state = { url: source.url, method: source.method, headers: source.headers.map(function (h) { return { key: h.key, value: h.value }; }), body: source.body };
    run.request = state;
    var editable = run.input.kind === 'pre-request';
    var guard = function (what) { if (!editable) throw new TypeError('pm.request.' + what + ' can only be changed in a pre-request script'); };
    var url = {
      toString: function () { return state.url; },
      getHost: function () { var m = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]*)/i.exec(state.url); return m ? m[1] : ''; },
      getPath: function () { var m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(state.url); return m && m[1] ? m[1] : '/'; },
      getQueryString: function () { var at = state.url.indexOf('?'); return at === -1 ? '' : state.url.slice(at + 1).split('#')[0]; },
      update: function (text) { guard('url'); state.url = String(text); },
    };
    var body = {
      get mode() { return state.body === null ? undefined : state.body.mode; },
      get raw() { return state.body === null ? undefined : state.body.raw; },
      set raw(text) { guard('body'); if (state.body === null || !state.body.editable) throw new TypeError('pm.request.body.raw can only be changed on a raw body (JSON or text)'); state.body.raw = String(text); },
      update: function (value) { body.raw = typeof value === 'string' ? value : value && value.raw !== undefined ? value.raw : JSON.stringify(value); },
      toString: function () { return state.body === null ? '' : state.body.raw; },
      isEmpty: function () { return state.body === null || state.body.raw === ''; },
    };
    var headers = headerList(state.headers, editable, 'pm.request.headers');
    return {
      get url() { return url; },
      set url(value) { guard('url'); state.url = String(value); },
      get method() { return state.method; },
      set method(value) { guard('method'); state.method = String(value).toUpperCase(); },
      get headers() { return headers; },
      get body() { return body; },
      addHeader: function (h) { headers.add(h); },
      removeHeader: function (name) { headers.remove(name); },
      toJSON: function () { return { url: state.url, method: state.method, header: headers.all(), body: state.body === null ? undefined : { mode: state.body.mode, raw: state.body.raw } }; },
    };
  }

  // pm.response, and the response pm.sendRequest hands its callback (named so in errors)
  function makeResponse(source, name) {
    var parsed, parseError = null, parsedOnce = false;
    var response = {
      code: source.code,
      status: source.status,
      responseTime: source.responseTime,
      responseSize: source.size,
      headers: headerList(source.headers.map(function (h) { return { key: h.key, value: h.value }; }), false, name + '.headers'),
      text: function () { return source.body; },
      json: function () {
        if (!parsedOnce) { parsedOnce = true; try { parsed = JSON.parse(source.body); } catch (e) { parseError = e; } }
        if (parseError) throw new SyntaxError(name + '.json(): the response body is not JSON (' + parseError.message + ')');
        return JSON.parse(JSON.stringify(parsed));
      },
      size: function () { return { body: source.size, header: source.headerSize, total: source.size + source.headerSize }; },
      reason: function () { return source.status; },
    };
    response[E.RESPONSE] = true;
    Object.defineProperty(response, 'to', { get: function () { return E.expect(response).to; } });
    Object.defineProperty(response, 'be', { get: function () { return E.expect(response).to.be; } });
    Object.defineProperty(response, 'have', { get: function () { return E.expect(response).to.have; } });
    return response;
  }

  function settle(run, entry, outcome, message) {
    if (entry.done) return;
    entry.done = true;
    entry.result.outcome = outcome;
    if (message !== undefined) entry.result.message = message;
  }
  function errorText(e) {
    if (e && typeof e === 'object' && typeof e.message === 'string') return (e.name && e.name !== 'AssertionError' ? e.name + ': ' : '') + e.message;
    return String(e);
  }
  function makeTest(run) {
    var test = function (name, fn) {
      var entry = { result: { name: String(name), outcome: 'failed' }, done: false };
      run.tests.push(entry);
      if (typeof fn !== 'function') { settle(run, entry, 'skipped'); return pm(run); }
      try {
        var returned;
        if (fn.length > 0) returned = fn(function (error) { if (error) settle(run, entry, 'failed', errorText(error)); else settle(run, entry, 'passed'); });
        else returned = fn();
        if (returned && typeof returned.then === 'function') {
          returned.then(function () { settle(run, entry, 'passed'); }, function (e) { settle(run, entry, 'failed', errorText(e)); });
        } else if (fn.length === 0) settle(run, entry, 'passed');
      } catch (e) {
        if (isFatal(e)) throw e;
        settle(run, entry, 'failed', errorText(e));
      }
      return pm(run);
    };
    test.skip = function (name) {
      var entry = { result: { name: String(name), outcome: 'skipped' }, done: true };
      run.tests.push(entry);
      return pm(run);
    };
    return test;
  }
  function pm(run) { return run.pm; }
  // out of memory must end the run, not become one failed test: the host rebuilds the sandbox after it
  function isFatal(e) { return e instanceof InternalError && /out of memory/.test(e.message); }

  var UNSUPPORTED = {
    cookies: 'cookies are not exposed to scripts',
    vault: 'use secret variables instead',
    visualizer: '',
    execution: '',
  };

  // pm's members, each built the first time a script reads it: a script touches two or three of them, and building all
  // of them for every run was most of a run's fixed cost
  var PM_MEMBERS = {
    test: function (run) { return makeTest(run); },
    expect: function () { return E.expect; },
    environment: function (run) { return makeScope(run, 'environment', 'pm.environment'); },
    collectionVariables: function (run) { return makeScope(run, 'collection', 'pm.collectionVariables'); },
    globals: function (run) { return makeScope(run, 'globals', 'pm.globals'); },
    iterationData: function (run) {
      var data = makeScope(run, 'data', 'pm.iterationData');
      ['set', 'unset', 'clear'].forEach(function (op) {
        data[op] = function () { throw new TypeError('pm.iterationData is read-only: it comes from the data file'); };
      });
      return data;
    },
    variables: function (run) {
      var local = makeScope(run, 'local', 'pm.variables');
      return {
        get: function (key) { var hit = lookup(run, String(key)); return hit.found ? hit.value : undefined; },
        has: function (key) { return lookup(run, String(key)).found; },
        set: local.set,
        unset: local.unset,
        replaceIn: function (text) { return replaceIn(run, text); },
        toObject: function () {
          var o = {};
          PRECEDENCE.slice().reverse().forEach(function (name) { valuesOf(run, name).forEach(function (v, k) { o[k] = v; }); });
          return o;
        },
      };
    },
    info: function (run) {
      var input = run.input;
      return { requestName: input.info.requestName, requestId: input.info.requestId, iteration: input.info.iteration, iterationCount: input.info.iterationCount, eventName: input.kind === 'pre-request' ? 'prerequest' : 'test' };
    },
    request: function (run) { return makeRequest(run); },
    sendRequest: function (run) { return sendRequestOf(run, sendHelpers(run)); },
    response: function (run) { return makeResponse(run.input.response, 'pm.response'); },
  };
  var hasOwn = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
  function materialize(run, target, key) {
    if (hasOwn(target, key)) return;
    if (key === 'response' && !run.input.response) {
      Object.defineProperty(target, 'response', {
        get: function () { throw new TypeError('pm.response is not available in a pre-request script: the request has not been sent yet'); },
        enumerable: true,
        configurable: true,
      });
      return;
    }
    target[key] = PM_MEMBERS[key](run);
  }

  function makePm(run) {
    var target = {};
    var member = function (key) { return typeof key === 'string' && hasOwn(PM_MEMBERS, key); };
    // an unknown member is refused by name, so a script written for Postman says what it needs instead of failing later
    return new Proxy(target, {
      get: function (t, key) {
        if (member(key)) {
          materialize(run, t, key);
          return t[key];
        }
        if (typeof key !== 'string' || key in t) return t[key];
        if (key === 'then' || key === 'toJSON') return undefined;
        var hint = hasOwn(UNSUPPORTED, key) ? UNSUPPORTED[key] : '';
        refuse('pm.' + key, hint);
      },
      has: function (t, key) { return member(key) || key in t; },
      ownKeys: function (t) {
        Object.keys(PM_MEMBERS).forEach(function (key) { materialize(run, t, key); });
        return Reflect.ownKeys(t);
      },
      getOwnPropertyDescriptor: function (t, key) {
        if (member(key)) materialize(run, t, key);
        return Reflect.getOwnPropertyDescriptor(t, key);
      },
      set: function () { throw new TypeError('pm cannot be changed'); },
      defineProperty: function () { throw new TypeError('pm cannot be changed'); },
    });
  }

  function sendHelpers(run) {
    return {
      replaceIn: function (text) { return replaceIn(run, text); },
      stringValue: stringValue,
      makeResponse: makeResponse,
      reportError: function (e) { if (isFatal(e)) throw e; if (run.error === null) run.error = e; },
    };
  }

  function makePostman(run) {
    return {
      setNextRequest: function (name) { run.nextRequest = name === null ? null : String(name); },
      setEnvironmentVariable: function (k, v) { run.pm.environment.set(k, v); },
      getEnvironmentVariable: function (k) { return run.pm.environment.get(k); },
      clearEnvironmentVariable: function (k) { run.pm.environment.unset(k); },
      setGlobalVariable: function (k, v) { run.pm.globals.set(k, v); },
      getGlobalVariable: function (k) { return run.pm.globals.get(k); },
      clearGlobalVariable: function (k) { run.pm.globals.unset(k); },
      getResponseHeader: function (name) {
        var response = run.input.response;
        if (!response) return undefined;
        var wanted = String(name).toLowerCase();
        var hit = response.headers.filter(function (h) { return h.key.toLowerCase() === wanted; })[0];
        return hit ? hit.value : undefined;
      },
    };
  }

  function requireRefused(name) {
    throw Refused('require(' + inspect(String(name)) + ') is not supported in Courier scripts: they have no modules, no file system and no network');
  }

  // Timers run in order of their delay once the script's own code is done, without real waiting: a script that
  // waits for "later" gets it, and the CPU limit still covers the whole run.
  function makeTimers(run) {
    var seq = 0;
    var add = function (fn, delay, args, repeat) {
      if (typeof fn !== 'function') throw new TypeError('setTimeout() needs a function');
      var id = ++seq;
      run.timers.push({ id: id, at: run.clock + Math.max(0, Number(delay) || 0), seq: id, fn: fn, args: args, repeat: repeat ? Math.max(1, Number(delay) || 0) : 0 });
      return id;
    };
    var clear = function (id) { run.timers = run.timers.filter(function (t) { return t.id !== id; }); };
    return {
      setTimeout: function (fn, delay) { return add(fn, delay, Array.prototype.slice.call(arguments, 2), false); },
      setInterval: function () { refuse('setInterval()', 'a script must end; use setTimeout'); },
      setImmediate: function (fn) { return add(fn, 0, Array.prototype.slice.call(arguments, 1), false); },
      clearTimeout: clear,
      clearImmediate: clear,
      clearInterval: clear,
    };
  }

  function postmanOf(c) { return c.postman || (c.postman = makePostman(c.run)); }

  var NAMES = ['pm', 'postman', 'console', 'require', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate'];
  // Names built on first use that a sloppy script may assign over ("res = …") for the rest of its run, as it could
  // over any global in Bruno or Postman: make(current, name) builds the run's value
  function defineRunAccessor(names, make) {
    names.forEach(function (name) {
      Object.defineProperty(globalThis, name, {
        get: function () {
          if (current === null) return undefined;
          if (Object.prototype.hasOwnProperty.call(current.assigned, name)) return current.assigned[name];
          return make(current, name);
        },
        set: function (value) { if (current !== null) current.assigned[name] = value; },
        enumerable: false,
        configurable: false,
      });
    });
  }
  // Bruno's and Insomnia's names (compat-source.ts), one set built together
  defineRunAccessor(['bru', 'req', 'res', 'test', 'expect', 'insomnia'], function (c, name) {
    if (c.compat === null) c.compat = compatOf(c.pm, postmanOf(c), c.run.input.response !== undefined && c.run.input.response !== null);
    return c.compat[name];
  });
  // Postman's legacy names (legacy-source.ts), each built alone
  defineRunAccessor(legacy.NAMES, function (c, name) {
    if (!Object.prototype.hasOwnProperty.call(c.legacy, name)) c.legacy[name] = legacy.make(c.run, name, valuesOf);
    return c.legacy[name];
  });
  NAMES.forEach(function (name) {
    Object.defineProperty(globalThis, name, {
      get: function () {
        if (current === null) return undefined;
        if (name === 'pm') return current.pm;
        if (name === 'postman') return postmanOf(current);
        if (name === 'console') return current.console || (current.console = makeConsole(current.run));
        if (name === 'require') return requireRefused;
        return (current.timers_ || (current.timers_ = makeTimers(current.run)))[name];
      },
      set: function () { throw new TypeError(name + ' cannot be replaced'); },
      enumerable: false,
      configurable: false,
    });
  });

  globalThis.__courier = {
    start: function (inputJson, body, script) {
      var input = JSON.parse(inputJson);
      if (input.response) input.response.body = body;
      var run = { input: input, tests: [], console: [], consoleChars: 0, consoleDropped: 0, writes: [], scopes: {}, timers: [], clock: 0, nextRequest: undefined, error: null };
      run.pm = makePm(run);
      run.console = [];
      // postman, console and timers are made on first use too (the global accessors above)
      current = { pm: run.pm, postman: null, console: null, timers_: null, run: run, compat: null, assigned: {}, legacy: {} };
      try {
        // a script with top-level await (await pm.sendRequest(…)) is compiled as an async function: its failure
        // arrives as a rejection
        var returned = script();
        if (returned && typeof returned.then === 'function') returned.then(undefined, sendHelpers(run).reportError);
      } catch (e) { if (isFatal(e)) throw e; run.error = e; }
    },
    // pm.sendRequest's queue, as JSON ('' when empty), and one answer back (send-request-source.ts)
    takeSends: function () { return current === null ? '' : sendRequestOf.take(current.run); },
    deliver: function (id, resultJson, body) { if (current !== null) sendRequestOf.deliver(current.run, sendHelpers(current.run), id, resultJson, body); },
    // the next due timer, if any; false when none is left
    tick: function () {
      var run = current.run;
      if (run.timers.length === 0 || run.error) return false;
      run.timers.sort(function (a, b) { return a.at - b.at || a.seq - b.seq; });
      var timer = run.timers.shift();
      run.clock = timer.at;
      try { timer.fn.apply(undefined, timer.args); } catch (e) { if (isFatal(e)) throw e; run.error = e; }
      return true;
    },
    finish: function () {
      var run = current.run;
      var legacyTests = Object.prototype.hasOwnProperty.call(current.assigned, 'tests') ? current.assigned.tests : current.legacy.tests;
      current = null;
      run.tests.forEach(function (entry) { if (!entry.done) settle(run, entry, 'failed', 'the test did not finish (its promise or done() callback never settled)'); });
      if (legacyTests !== undefined) legacy.results(legacyTests, inspect).forEach(function (result) { run.tests.push({ result: result, done: true }); });
      if (run.consoleDropped > 0) run.console.push({ level: 'warn', text: '… console output cut: ' + run.consoleDropped + ' more line(s) not kept' });
      var out = {
        tests: run.tests.map(function (entry) { return entry.result; }),
        console: run.console,
        writes: run.writes,
        error: run.error === null ? null : { name: run.error && run.error.name ? String(run.error.name) : 'Error', message: errorText(run.error), stack: run.error && run.error.stack ? String(run.error.stack) : '' },
      };
      // a script that never read pm.request leaves the request as it came
      var request = run.request || run.input.request;
      if (run.input.kind === 'pre-request') out.request = { url: request.url, method: request.method, headers: request.headers, body: request.body };
      if (run.nextRequest !== undefined) out.nextRequest = run.nextRequest;
      return JSON.stringify(out);
    },
  };
})();
`;
