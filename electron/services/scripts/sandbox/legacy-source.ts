/**
 * Postman's legacy sandbox names, from before `pm.*` (2017): `tests["name"] = boolean`, `responseCode`,
 * `responseBody`, `responseHeaders`, `responseTime`, `request`, `environment`, `globals`, `data`, `iteration`.
 * Collections shared since then — newman's own sample collection among them — still use them, and newman runs them.
 * Evaluated inside QuickJS before pm-source.ts, which takes `__courierLegacy` and deletes it; pm-source makes each name
 * an accessor of the current run (built on first use, assignable by a sloppy script like any global in Postman).
 * Every value is plain data made from the run's input: read-only snapshots, as in Postman, where writes go through
 * `postman.setEnvironmentVariable` and friends.
 */
export const LEGACY_SOURCE = String.raw`
(function () {
  function headersObject(list) {
    var o = {};
    list.forEach(function (h) { o[h.key] = h.value; });
    return o;
  }
  function mapObject(map) {
    var o = {};
    map.forEach(function (value, key) { o[key] = value; });
    return o;
  }

  globalThis.__courierLegacy = {
    NAMES: ['tests', 'responseCode', 'responseBody', 'responseHeaders', 'responseTime', 'request', 'environment', 'globals', 'data', 'iteration'],
    // run: the current run; valuesOf(run, scope) its variables of one scope as a Map
    make: function (run, name, valuesOf) {
      var input = run.input;
      var response = input.response;
      switch (name) {
        case 'tests': return {};
        case 'responseCode': return response ? { code: response.code, name: response.status, detail: response.status } : undefined;
        case 'responseBody': return response ? response.body : undefined;
        case 'responseHeaders': return response ? headersObject(response.headers) : undefined;
        case 'responseTime': return response ? response.responseTime : undefined;
        case 'request': {
          var body = input.request.body;
          return {
            id: input.info.requestId,
            name: input.info.requestName,
            url: input.request.url,
            method: input.request.method,
            headers: headersObject(input.request.headers),
            data: body && typeof body.raw === 'string' ? body.raw : {},
          };
        }
        case 'environment': return mapObject(valuesOf(run, 'environment'));
        case 'globals': return mapObject(valuesOf(run, 'globals'));
        case 'data': return mapObject(valuesOf(run, 'data'));
        case 'iteration': return input.info.iteration;
        default: return undefined;
      }
    },
    // the entries of a script's tests object as test results, in the order the script set them; newman counts a
    // falsy value as a failed assertion
    results: function (tests, inspect) {
      if (tests === null || typeof tests !== 'object') return [];
      return Object.keys(tests).map(function (key) {
        var value = tests[key];
        return value ? { name: key, outcome: 'passed' } : { name: key, outcome: 'failed', message: 'tests[' + JSON.stringify(key) + '] was ' + inspect(value) };
      });
    },
  };
})();
`;
