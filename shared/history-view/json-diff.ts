type JsonChangeKind = 'added' | 'removed' | 'changed';

export interface JsonChange {
  /** "$", "$.user.name", "$.items[3]", "$[\"odd key\"]" */
  path: string;
  kind: JsonChangeKind;
  /** JSON text of the value on each side (shortened), absent on the side where the path does not exist */
  before?: string;
  after?: string;
}

export interface JsonDiff {
  changes: JsonChange[];
  /** more changes than `maxChanges` existed; the list stops there */
  truncated: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** A value as short JSON text for a diff cell. */
export function previewJson(value: unknown, max = 200): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function kindOf(value: unknown): 'array' | 'object' | 'null' | 'scalar' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : 'scalar';
}

/**
 * A structural diff of two parsed JSON documents: objects compared key by key (order does not matter), arrays
 * index by index, anything else by value. A value whose type changed is one "changed" entry, not a cascade.
 * Iterative, so a deeply nested document cannot overflow the stack.
 */
export function diffJson(left: unknown, right: unknown, options: { maxChanges?: number; previewChars?: number } = {}): JsonDiff {
  const maxChanges = options.maxChanges ?? 5000;
  const previewChars = options.previewChars ?? 200;
  const changes: JsonChange[] = [];
  type Task = { path: string; a: unknown; b: unknown; only?: 'a' | 'b' };
  const stack: Task[] = [{ path: '$', a: left, b: right }];
  while (stack.length > 0) {
    const task = stack.pop()!;
    const { path, a, b } = task;
    if (task.only !== undefined) {
      if (changes.length >= maxChanges) return { changes, truncated: true };
      changes.push(
        task.only === 'a' ? { path, kind: 'removed', before: previewJson(a, previewChars) } : { path, kind: 'added', after: previewJson(b, previewChars) },
      );
      continue;
    }
    const ka = kindOf(a);
    const kb = kindOf(b);
    if (ka !== kb || ka === 'scalar' || ka === 'null') {
      if (ka === kb && a === b) continue;
      if (changes.length >= maxChanges) return { changes, truncated: true };
      changes.push({ path, kind: 'changed', before: previewJson(a, previewChars), after: previewJson(b, previewChars) });
      continue;
    }
    const children: Task[] = [];
    if (ka === 'array') {
      const aa = a as unknown[];
      const bb = b as unknown[];
      const longest = Math.max(aa.length, bb.length);
      for (let i = 0; i < longest; i++) {
        const p = childPath(path, i);
        if (i >= bb.length) children.push({ path: p, a: aa[i], b: undefined, only: 'a' });
        else if (i >= aa.length) children.push({ path: p, a: undefined, b: bb[i], only: 'b' });
        else children.push({ path: p, a: aa[i], b: bb[i] });
      }
    } else {
      const oa = a as Record<string, unknown>;
      const ob = b as Record<string, unknown>;
      for (const key of Object.keys(oa)) {
        const p = childPath(path, key);
        if (Object.prototype.hasOwnProperty.call(ob, key)) children.push({ path: p, a: oa[key], b: ob[key] });
        else children.push({ path: p, a: oa[key], b: undefined, only: 'a' });
      }
      for (const key of Object.keys(ob)) {
        if (!Object.prototype.hasOwnProperty.call(oa, key)) children.push({ path: childPath(path, key), a: undefined, b: ob[key], only: 'b' });
      }
    }
    // Pushed in reverse so they pop, and are reported, in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { changes, truncated: false };
}

/** Parses text as JSON, or returns undefined (a body that is not JSON is compared as text). */
export function tryParseJson(text: string): { value: unknown } | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[[{"\-0-9tfn]/.test(trimmed)) return undefined;
  try {
    return { value: JSON.parse(trimmed) };
  } catch {
    return undefined;
  }
}
