/**
 * `pm.expect`, as JavaScript that runs inside the QuickJS sandbox: the subset of chai's BDD API that Postman scripts
 * use, with chai's failure wording ("expected 404 to equal 200"), plus chai-postman's response assertions (status,
 * header, jsonBody, body, the 2xx/4xx… properties). chai itself is not a dependency; its browser build would also be
 * ~100 KB to parse once per sandbox context (see the README).
 *
 * Kept as a string (not a TypeScript module) because it is evaluated by QuickJS, never by Node: nothing of Node's may
 * reach it. It defines `__expect` (and `__inspect`, `__deepEqual`) on the global object; the harness takes them and
 * removes the names.
 */
export const EXPECT_SOURCE = String.raw`
(function () {
  var RESPONSE = Symbol('courier.response');
  function AssertionError(message) { this.message = message; }
  AssertionError.prototype = Object.create(Error.prototype);
  AssertionError.prototype.name = 'AssertionError';
  AssertionError.prototype.constructor = AssertionError;

  function typeOf(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    if (v instanceof RegExp) return 'regexp';
    if (v instanceof Date) return 'date';
    if (v instanceof Error) return 'error';
    if (v instanceof Map) return 'map';
    if (v instanceof Set) return 'set';
    if (v instanceof Promise) return 'promise';
    return typeof v;
  }

  function inspect(v, depth) {
    depth = depth || 0;
    var t = typeOf(v);
    if (t === 'string') return "'" + v + "'";
    if (t === 'number') return v === 0 && 1 / v < 0 ? '-0' : String(v);
    if (t === 'bigint') return String(v) + 'n';
    if (t === 'undefined' || t === 'null' || t === 'boolean' || t === 'regexp' || t === 'symbol') return String(v);
    if (t === 'function') return '[Function' + (v.name ? ': ' + v.name : '') + ']';
    if (t === 'date') return isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    if (t === 'error') return '[' + v.name + ': ' + v.message + ']';
    if (v && v[RESPONSE]) return 'response';
    if (depth > 2) return t === 'array' ? '[Array]' : '[Object]';
    if (t === 'array') {
      if (v.length === 0) return '[]';
      var items = v.slice(0, 50).map(function (x) { return inspect(x, depth + 1); });
      if (v.length > 50) items.push('... ' + (v.length - 50) + ' more items');
      return '[ ' + items.join(', ') + ' ]';
    }
    if (t === 'map' || t === 'set') return t === 'map' ? 'Map{}' : 'Set{}';
    var keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    var parts = keys.slice(0, 50).map(function (k) { return (/^[A-Za-z_$][\w$]*$/.test(k) ? k : "'" + k + "'") + ': ' + inspect(v[k], depth + 1); });
    return '{ ' + parts.join(', ') + ' }';
  }

  // chai shortens what it shows of an object or array longer than 40 characters to its type and keys
  function display(v) {
    var text = inspect(v);
    if (text.length < 40) return text;
    var t = typeOf(v);
    if (t === 'array') return '[ Array(' + v.length + ') ]';
    if (t === 'object' && v !== null) {
      var keys = Object.keys(v);
      return '{ Object (' + (keys.length > 2 ? keys.slice(0, 2).join(', ') + ', ...' : keys.join(', ')) + ') }';
    }
    if (t === 'string' && text.length > 200) return text.slice(0, 200) + "...'";
    return text;
  }

  function deepEqual(a, b, seen) {
    if (a === b) return a !== 0 || 1 / a === 1 / b;
    if (a !== a && b !== b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (a instanceof Date) return a.getTime() === b.getTime();
    if (a instanceof RegExp) return String(a) === String(b);
    seen = seen || [];
    for (var i = 0; i < seen.length; i++) if (seen[i][0] === a && seen[i][1] === b) return true;
    seen.push([a, b]);
    if (a instanceof Map || a instanceof Set) {
      if (a.size !== b.size) return false;
      var ea = Array.from(a.entries()), eb = Array.from(b.entries());
      return ea.every(function (x) { return eb.some(function (y) { return deepEqual(x, y, seen); }); });
    }
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var j = 0; j < ka.length; j++) {
      if (!Object.prototype.hasOwnProperty.call(b, ka[j]) || !deepEqual(a[ka[j]], b[ka[j]], seen)) return false;
    }
    return true;
  }

  function Assertion(subject, message) {
    this.__flags = { object: subject, message: message, negate: false, deep: false, own: false, any: false, all: false, contains: false, doLength: false };
  }
  var proto = Assertion.prototype;
  function flag(a, name, value) { if (arguments.length > 2) a.__flags[name] = value; return a.__flags[name]; }

  // chai's assert: the message is the positive or the negated wording, #{this}/#{exp}/#{act} filled in
  proto.assert = function (ok, positive, negative, expected, actual) {
    var negate = flag(this, 'negate');
    if (negate ? !ok : ok) return;
    var text = (negate ? negative : positive)
      .replace(/#\{this\}/g, function () { return display(flag(this, 'object')); }.bind(this))
      .replace(/#\{exp\}/g, function () { return display(expected); })
      .replace(/#\{act\}/g, function () { return display(actual); });
    var prefix = flag(this, 'message');
    throw new AssertionError(prefix ? prefix + ': ' + text : text);
  };

  function chain(name) { Object.defineProperty(proto, name, { get: function () { return this; } }); }
  ['to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does', 'still', 'also'].forEach(chain);
  function flagProperty(name, key) { Object.defineProperty(proto, name, { get: function () { flag(this, key, true); return this; } }); }
  flagProperty('not', 'negate');
  flagProperty('deep', 'deep');
  flagProperty('own', 'own');
  flagProperty('any', 'any');
  flagProperty('all', 'all');

  function property(name, fn) { Object.defineProperty(proto, name, { get: function () { fn.call(this); return this; } }); }
  function method(names, fn) { names.forEach(function (n) { proto[n] = function () { fn.apply(this, arguments); return this; }; }); }
  // a name that is both a chain and a call (chai's addChainableMethod): .include.members(), .include('x')
  function chainable(names, fn, chainFlag) {
    names.forEach(function (n) {
      Object.defineProperty(proto, n, {
        get: function () {
          var self = this;
          if (chainFlag) flag(self, chainFlag, true);
          var call = function () { fn.apply(self, arguments); return self; };
          Object.setPrototypeOf(call, self);
          return call;
        },
      });
    });
  }

  function isResponse(a) { var o = flag(a, 'object'); return o !== null && typeof o === 'object' && o[RESPONSE] === true; }
  function statusClass(name, test, wording) {
    property(name, function () {
      if (!isResponse(this)) {
        if (name === 'ok') return this.assert(!!flag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
        if (name === 'error') throw new AssertionError('.error applies to pm.response');
      }
      var code = flag(this, 'object').code;
      this.assert(test(code), 'expected response code to be ' + wording + ' but found ' + code, 'expected response code not to be ' + wording + ' but found ' + code);
    });
  }

  statusClass('ok', function (c) { return c === 200; }, '200');
  statusClass('info', function (c) { return c >= 100 && c < 200; }, '1XX');
  statusClass('success', function (c) { return c >= 200 && c < 300; }, '2XX');
  statusClass('redirection', function (c) { return c >= 300 && c < 400; }, '3XX');
  statusClass('clientError', function (c) { return c >= 400 && c < 500; }, '4XX');
  statusClass('serverError', function (c) { return c >= 500 && c < 600; }, '5XX');
  statusClass('error', function (c) { return c >= 400 && c < 600; }, '4XX or 5XX');
  statusClass('accepted', function (c) { return c === 202; }, '202');
  statusClass('badRequest', function (c) { return c === 400; }, '400');
  statusClass('unauthorized', function (c) { return c === 401; }, '401');
  statusClass('forbidden', function (c) { return c === 403; }, '403');
  statusClass('notFound', function (c) { return c === 404; }, '404');
  statusClass('rateLimited', function (c) { return c === 429; }, '429');

  property('true', function () { this.assert(flag(this, 'object') === true, 'expected #{this} to be true', 'expected #{this} to be false'); });
  property('false', function () { this.assert(flag(this, 'object') === false, 'expected #{this} to be false', 'expected #{this} to be true'); });
  property('null', function () { this.assert(flag(this, 'object') === null, 'expected #{this} to be null', 'expected #{this} not to be null'); });
  property('undefined', function () { this.assert(flag(this, 'object') === undefined, 'expected #{this} to be undefined', 'expected #{this} not to be undefined'); });
  property('NaN', function () { var o = flag(this, 'object'); this.assert(typeof o === 'number' && o !== o, 'expected #{this} to be NaN', 'expected #{this} not to be NaN'); });
  property('finite', function () { var o = flag(this, 'object'); this.assert(typeof o === 'number' && isFinite(o), 'expected #{this} to be a finite number', 'expected #{this} to not be a finite number'); });
  ['exist', 'exists'].forEach(function (n) {
    property(n, function () { var o = flag(this, 'object'); this.assert(o !== null && o !== undefined, 'expected #{this} to exist', 'expected #{this} to not exist'); });
  });
  property('empty', function () {
    var o = flag(this, 'object'), size;
    if (typeof o === 'string' || Array.isArray(o)) size = o.length;
    else if (o instanceof Map || o instanceof Set) size = o.size;
    else if (o !== null && typeof o === 'object') size = Object.keys(o).length;
    else throw new AssertionError('.empty was passed non-string primitive ' + inspect(o));
    this.assert(size === 0, 'expected #{this} to be empty', 'expected #{this} not to be empty');
  });
  property('json', function () {
    if (!isResponse(this)) throw new AssertionError('.json applies to pm.response');
    var r = flag(this, 'object'), ok = true;
    try { r.json(); } catch (e) { ok = false; }
    this.assert(ok, 'expected response body to be a valid json', 'expected response body not to be a valid json');
  });
  property('withBody', function () {
    var r = flag(this, 'object');
    this.assert(r.text() !== '', 'expected response to have content in body', 'expected response to not have content in body');
  });

  method(['equal', 'equals', 'eq'], function (expected) {
    var o = flag(this, 'object');
    if (flag(this, 'deep')) return this.assert(deepEqual(o, expected), 'expected #{this} to deeply equal #{exp}', 'expected #{this} to not deeply equal #{exp}', expected, o);
    this.assert(o === expected, 'expected #{this} to equal #{exp}', 'expected #{this} to not equal #{exp}', expected, o);
  });
  method(['eql', 'eqls'], function (expected) {
    var o = flag(this, 'object');
    this.assert(deepEqual(o, expected), 'expected #{this} to deeply equal #{exp}', 'expected #{this} to not deeply equal #{exp}', expected, o);
  });

  function numericSubject(a, name) {
    var o = flag(a, 'object');
    if (flag(a, 'doLength')) {
      if (o === null || o === undefined || typeof o.length !== 'number') throw new AssertionError('expected ' + display(o) + ' to have property \'length\'');
      return { value: o.length, what: 'expected #{this} to have a length ' };
    }
    if (typeof o !== 'number' && !(o instanceof Date)) throw new AssertionError('expected ' + display(o) + ' to be a number or a date (.' + name + ')');
    return { value: o, what: 'expected #{this} to be ' };
  }
  function compare(names, test, wording) {
    method(names, function (n) {
      var s = numericSubject(this, names[0]);
      var suffix = flag(this, 'doLength') ? ' but got ' + s.value : '';
      this.assert(test(s.value, n), s.what + wording + ' ' + display(n) + suffix, s.what.replace(/ $/, '') + ' not ' + wording.replace(/^not /, '') + ' ' + display(n));
    });
  }
  compare(['above', 'gt', 'greaterThan'], function (v, n) { return v > n; }, 'above');
  compare(['least', 'gte', 'greaterThanOrEqual'], function (v, n) { return v >= n; }, 'at least');
  compare(['below', 'lt', 'lessThan'], function (v, n) { return v < n; }, 'below');
  compare(['most', 'lte', 'lessThanOrEqual'], function (v, n) { return v <= n; }, 'at most');
  method(['within'], function (low, high) {
    var s = numericSubject(this, 'within');
    this.assert(s.value >= low && s.value <= high, s.what + 'within ' + low + '..' + high, s.what + 'not within ' + low + '..' + high);
  });
  method(['closeTo', 'approximately'], function (expected, delta) {
    var o = flag(this, 'object');
    this.assert(Math.abs(o - expected) <= delta, 'expected #{this} to be close to ' + expected + ' +/- ' + delta, 'expected #{this} not to be close to ' + expected + ' +/- ' + delta);
  });

  chainable(['a', 'an'], function (type) {
    var t = typeOf(flag(this, 'object'));
    type = String(type).toLowerCase();
    var article = /^[aeiou]/.test(type) ? 'an ' : 'a ';
    this.assert(t === type, 'expected #{this} to be ' + article + type, 'expected #{this} not to be ' + article + type);
  });

  function includes(a, o, v) {
    var deep = flag(a, 'deep');
    if (typeof o === 'string') return o.indexOf(v) !== -1;
    if (Array.isArray(o)) return o.some(function (x) { return deep ? deepEqual(x, v) : x === v; });
    if (o instanceof Set) return Array.from(o).some(function (x) { return deep ? deepEqual(x, v) : x === v; });
    if (o instanceof Map) return Array.from(o.values()).some(function (x) { return deep ? deepEqual(x, v) : x === v; });
    if (o !== null && typeof o === 'object' && v !== null && typeof v === 'object') {
      return Object.keys(v).every(function (k) { return Object.prototype.hasOwnProperty.call(o, k) || k in o ? (deep ? deepEqual(o[k], v[k]) : o[k] === v[k]) : false; });
    }
    throw new AssertionError('the given combination of arguments (' + typeOf(o) + ' and ' + typeOf(v) + ') is invalid for this assertion. You can use an array, a map, an object, a set, a string, or a weakset instead of a ' + typeOf(v));
  }
  chainable(['include', 'includes', 'contain', 'contains'], function (v) {
    var o = flag(this, 'object');
    this.assert(includes(this, o, v), 'expected #{this} to ' + (flag(this, 'deep') ? 'deep ' : '') + 'include #{exp}', 'expected #{this} to not ' + (flag(this, 'deep') ? 'deep ' : '') + 'include #{exp}', v, o);
  }, 'contains');

  method(['property'], function (name, value) {
    var o = flag(this, 'object');
    if (o === null || o === undefined) throw new AssertionError('Target cannot be null or undefined.');
    var has = flag(this, 'own') ? Object.prototype.hasOwnProperty.call(o, name) : name in Object(o);
    var own = flag(this, 'own') ? 'own ' : '', deep = flag(this, 'deep') ? 'deep ' : '';
    if (arguments.length > 1) {
      var actual = has ? o[name] : undefined;
      var same = has && (flag(this, 'deep') ? deepEqual(actual, value) : actual === value);
      this.assert(same, 'expected #{this} to have ' + deep + own + 'property ' + inspect(name) + ' of #{exp}, but got #{act}', 'expected #{this} to not have ' + deep + own + 'property ' + inspect(name) + ' of #{exp}', value, actual);
    } else {
      this.assert(has, 'expected #{this} to have ' + own + 'property ' + inspect(name), 'expected #{this} to not have ' + own + 'property ' + inspect(name));
    }
    if (!flag(this, 'negate')) flag(this, 'object', has ? o[name] : undefined);
  });
  method(['ownProperty', 'haveOwnProperty'], function (name, value) {
    flag(this, 'own', true);
    return arguments.length > 1 ? this.property(name, value) : this.property(name);
  });

  chainable(['length', 'lengthOf'], function (n) {
    var o = flag(this, 'object');
    var len = o instanceof Map || o instanceof Set ? o.size : o === null || o === undefined ? undefined : o.length;
    this.assert(len === n, 'expected #{this} to have a length of #{exp} but got ' + len, 'expected #{this} to not have a length of #{exp}', n, len);
  }, 'doLength');

  method(['oneOf'], function (list) {
    var o = flag(this, 'object'), deep = flag(this, 'deep');
    var found = list.some(function (x) { return deep ? deepEqual(x, o) : x === o; });
    this.assert(found, 'expected #{this} to be one of #{exp}', 'expected #{this} to not be one of #{exp}', list, o);
  });
  method(['match', 'matches'], function (re) {
    this.assert(re.test(flag(this, 'object')), 'expected #{this} to match ' + re, 'expected #{this} not to match ' + re);
  });
  method(['string'], function (s) {
    var o = flag(this, 'object');
    this.assert(typeof o === 'string' && o.indexOf(s) !== -1, 'expected #{this} to contain ' + inspect(s), 'expected #{this} to not contain ' + inspect(s));
  });
  method(['instanceOf', 'instanceof'], function (ctor) {
    var name = ctor && ctor.name ? ctor.name : 'the constructor';
    this.assert(flag(this, 'object') instanceof ctor, 'expected #{this} to be an instance of ' + name, 'expected #{this} to not be an instance of ' + name);
  });
  method(['satisfy', 'satisfies'], function (fn) {
    this.assert(!!fn(flag(this, 'object')), 'expected #{this} to satisfy ' + display(fn), 'expected #{this} to not satisfy ' + display(fn));
  });
  method(['keys', 'key'], function () {
    var o = flag(this, 'object');
    var wanted = Array.isArray(arguments[0]) ? arguments[0] : Array.prototype.slice.call(arguments);
    if (arguments.length === 1 && arguments[0] !== null && typeof arguments[0] === 'object' && !Array.isArray(arguments[0])) wanted = Object.keys(arguments[0]);
    var actual = o instanceof Map || o instanceof Set ? Array.from(o.keys()) : Object.keys(o);
    var ok;
    if (flag(this, 'any')) ok = wanted.some(function (k) { return actual.indexOf(k) !== -1; });
    else {
      ok = wanted.every(function (k) { return actual.indexOf(k) !== -1; });
      if (!flag(this, 'contains')) ok = ok && actual.length === wanted.length;
    }
    var what = (flag(this, 'any') ? 'any of ' : 'all of ') + 'keys ' + wanted.map(function (k) { return inspect(k); }).join(', ');
    this.assert(ok, 'expected #{this} to have ' + what, 'expected #{this} to not have ' + what);
  });
  method(['members'], function (list) {
    var o = flag(this, 'object'), deep = flag(this, 'deep');
    var has = function (arr, x) { return arr.some(function (y) { return deep ? deepEqual(x, y) : x === y; }); };
    var subset = list.every(function (x) { return has(o, x); });
    var ok = flag(this, 'contains') ? subset : subset && o.length === list.length && o.every(function (x) { return has(list, x); });
    var verb = flag(this, 'contains') ? 'be a superset of' : 'have the same members as';
    this.assert(ok, 'expected #{this} to ' + verb + ' #{exp}', 'expected #{this} to not ' + verb + ' #{exp}', list, o);
  });
  method(['throw', 'throws', 'Throw'], function (expected) {
    var fn = flag(this, 'object'), thrown = null, threw = false;
    try { fn(); } catch (e) { threw = true; thrown = e; }
    var ok = threw;
    if (threw && expected !== undefined) {
      var message = thrown && thrown.message !== undefined ? String(thrown.message) : String(thrown);
      if (typeof expected === 'string') ok = message.indexOf(expected) !== -1;
      else if (expected instanceof RegExp) ok = expected.test(message);
      else if (typeof expected === 'function') ok = thrown instanceof expected;
    }
    this.assert(ok, 'expected #{this} to throw' + (expected === undefined ? ' an error' : ' ' + display(expected)), 'expected #{this} to not throw' + (expected === undefined ? ' an error' : ' ' + display(expected)) + ' but ' + display(thrown) + ' was thrown');
  });

  // chai-postman: assertions on pm.response
  function responseOf(a, name) {
    if (!isResponse(a)) throw new AssertionError('.' + name + '() applies to pm.response, not to ' + display(flag(a, 'object')));
    return flag(a, 'object');
  }
  method(['status'], function (expected) {
    var r = responseOf(this, 'status');
    if (typeof expected === 'string') {
      return this.assert(r.status === expected, 'expected response to have status reason ' + inspect(expected) + ' but got ' + inspect(r.status), 'expected response to not have status reason ' + inspect(expected));
    }
    this.assert(r.code === expected, 'expected response to have status code ' + expected + ' but got ' + r.code, 'expected response to not have status code ' + expected);
  });
  method(['header'], function (name, value) {
    var r = responseOf(this, 'header');
    var has = r.headers.has(name);
    if (arguments.length < 2) return this.assert(has, 'expected response to have header with key ' + inspect(name), 'expected response to not have header with key ' + inspect(name));
    var actual = r.headers.get(name);
    this.assert(has && actual === value, 'expected response to have header ' + inspect(name) + ' with value ' + inspect(value) + ' but got ' + inspect(actual), 'expected response to not have header ' + inspect(name) + ' with value ' + inspect(value));
  });
  function pathGet(obj, path) {
    var parts = String(path).replace(/\[(\w+)\]/g, '.$1').split('.').filter(function (p) { return p !== ''; });
    var cur = obj;
    for (var i = 0; i < parts.length; i++) {
      if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, parts[i])) return { found: false };
      cur = cur[parts[i]];
    }
    return { found: true, value: cur };
  }
  method(['jsonBody'], function (path, value) {
    var r = responseOf(this, 'jsonBody'), body, parsed = true;
    try { body = r.json(); } catch (e) { parsed = false; }
    if (arguments.length === 0) return this.assert(parsed, 'expected response body to be a valid json', 'expected response body not to be a valid json');
    if (!parsed) return this.assert(false, 'expected response body to be a valid json', 'expected response body to be a valid json');
    if (typeof path === 'object' && path !== null) return this.assert(deepEqual(body, path), 'expected response body json to equal #{exp} but got #{act}', 'expected response body json to not equal #{exp}', path, body);
    var at = pathGet(body, path);
    if (arguments.length === 1) return this.assert(at.found, 'expected #{act} in response to contain property ' + inspect(path), 'expected #{act} in response to not contain property ' + inspect(path), undefined, body);
    this.assert(at.found && deepEqual(at.value, value), 'expected response body json at ' + inspect(path) + ' to contain #{exp} but got #{act}', 'expected response body json at ' + inspect(path) + ' to not contain #{exp}', value, at.value);
  });
  method(['body'], function (expected) {
    var r = responseOf(this, 'body'), text = r.text();
    if (arguments.length === 0) return this.assert(text !== '', 'expected response to have content in body', 'expected response to not have content in body');
    if (expected instanceof RegExp) return this.assert(expected.test(text), 'expected response body text to match ' + expected, 'expected response body text to not match ' + expected);
    if (typeof expected === 'string') return this.assert(text === expected, 'expected response body to equal #{exp} but got #{act}', 'expected response body to not equal #{exp}', expected, text);
    var body; try { body = r.json(); } catch (e) { body = undefined; }
    this.assert(deepEqual(body, expected), 'expected response body json to equal #{exp} but got #{act}', 'expected response body json to not equal #{exp}', expected, body);
  });
  ['jsonSchema', 'responseTime', 'jsonSchemaAjv'].forEach(function (n) {
    proto[n] = function () { throw new AssertionError('.' + n + '() is not supported in Courier scripts yet'); };
  });

  var expect = function (subject, message) { return new Assertion(subject, message); };
  expect.fail = function (message) { throw new AssertionError(message || 'expect.fail()'); };
  globalThis.__expect = { expect: expect, inspect: inspect, deepEqual: deepEqual, RESPONSE: RESPONSE, AssertionError: AssertionError, Assertion: Assertion };
})();
`;
