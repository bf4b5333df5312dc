/**
 * Runs once per sandbox context, after the harness is defined: one warm context serves many runs (parsing the harness
 * costs milliseconds, a run must cost microseconds), so nothing one script does may outlive it. Every built-in reachable
 * from the global object is frozen, and the global names that exist now are made read-only; whatever a script adds to
 * the global object is deleted after its run (sandbox-engine.ts). A script still gets its own objects to change.
 *
 * Freezing Object.prototype would break `obj.toString = …` on a plain object (an inherited read-only property refuses
 * assignment: the "override mistake"), so those few members become accessors that define the property on the object
 * assigned to, as SES's lockdown does.
 */
export const LOCKDOWN_SOURCE = String.raw`
(function () {
  var harness = globalThis.__courier;
  var expectApi = globalThis.__expect;
  delete globalThis.__expect;
  delete globalThis.__courier;
  // gone rather than frozen: their callbacks would run during a later script's run
  delete globalThis.FinalizationRegistry;
  delete globalThis.WeakRef;

  function enableOverride(proto, name) {
    var desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || !('value' in desc) || !desc.configurable) return;
    var value = desc.value;
    Object.defineProperty(proto, name, {
      get: function () { return value; },
      set: function (v) {
        if (this === proto) throw new TypeError('Cannot assign to read only property \'' + name + '\' of a built-in');
        Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
      },
      enumerable: desc.enumerable,
      configurable: false,
    });
  }
  ['toString', 'valueOf', 'constructor', 'hasOwnProperty', 'toLocaleString', 'isPrototypeOf', 'propertyIsEnumerable'].forEach(function (n) { enableOverride(Object.prototype, n); });
  [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, InternalError].forEach(function (C) {
    ['name', 'message', 'constructor', 'toString'].forEach(function (n) { enableOverride(C.prototype, n); });
  });
  ['toString', 'constructor'].forEach(function (n) { enableOverride(Function.prototype, n); enableOverride(Array.prototype, n); });

  // the global object itself stays extensible: a sloppy script's 'x = 1' must still work (and is cleaned after)
  var seen = new Set([globalThis]);
  function freeze(value) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
    seen.add(value);
    Object.freeze(value);
    Reflect.ownKeys(value).forEach(function (key) {
      var desc = Object.getOwnPropertyDescriptor(value, key);
      if (!desc) return;
      if ('value' in desc) freeze(desc.value);
      else { freeze(desc.get); freeze(desc.set); }
    });
    freeze(Object.getPrototypeOf(value));
  }
  // prototypes only reachable through syntax, never through a global name
  [function* () {}, async function () {}, async function* () {}].forEach(function (f) { freeze(f); freeze(Object.getPrototypeOf(f)); freeze(f.prototype); });
  freeze([][Symbol.iterator]());
  freeze(new Map().entries());
  freeze(new Set().values());
  freeze(''[Symbol.iterator]());
  freeze(/x/[Symbol.matchAll]('x'));

  var names = Reflect.ownKeys(globalThis);
  names.forEach(function (key) {
    var desc = Object.getOwnPropertyDescriptor(globalThis, key);
    if ('value' in desc) {
      freeze(desc.value);
      if (desc.configurable) Object.defineProperty(globalThis, key, { value: desc.value, writable: false, enumerable: desc.enumerable, configurable: false });
    } else {
      freeze(desc.get);
      freeze(desc.set);
      if (desc.configurable) Object.defineProperty(globalThis, key, { get: desc.get, set: desc.set, enumerable: desc.enumerable, configurable: false });
    }
  });
  freeze(harness);
  freeze(expectApi);
  return { harness: harness, baseline: names };
})()
`;

/**
 * Deletes what a run added to the global object; answers false when something could not be deleted. Every baseline
 * name is non-configurable (above), so no script can delete one: as many names as the baseline means none was added,
 * and the common run (a script that adds no global) costs one count instead of a set of every global name.
 */
export const CLEAN_GLOBALS_SOURCE = String.raw`
(function (baseline) {
  if (Reflect.ownKeys(globalThis).length === baseline.length) return true;
  var keep = new Set(baseline);
  var clean = true;
  Reflect.ownKeys(globalThis).forEach(function (key) {
    if (keep.has(key)) return;
    if (!delete globalThis[key]) clean = false;
  });
  return clean;
})
`;

/** Freezes a compiled script's function and its prototype object (sandbox-engine.ts reuses the function run after run). */
export const FREEZE_SCRIPT_SOURCE = String.raw`
(function (script) {
  if (script.prototype) Object.freeze(script.prototype);
  return Object.freeze(script);
})
`;
