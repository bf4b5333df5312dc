import type { HeaderList } from '../contract/http';

export type DiffKind = 'same' | 'added' | 'removed' | 'changed';

export interface HeaderDiffRow {
  /** as first written (left side wins), so "Content-Type" stays readable */
  name: string;
  left: string | null;
  right: string | null;
  kind: DiffKind;
}

function collect(headers: HeaderList): Map<string, { name: string; values: string[] }> {
  const map = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const entry = map.get(key);
    if (entry) entry.values.push(value);
    else map.set(key, { name, values: [value] });
  }
  return map;
}

/**
 * Headers compared by name (case-insensitive), repeated headers taken together in wire order (Set-Cookie lines
 * joined by newlines, others by ", "). Sorted by name so both sides read the same way.
 */
export function diffHeaders(left: HeaderList, right: HeaderList): HeaderDiffRow[] {
  const a = collect(left);
  const b = collect(right);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys.map((key) => {
    const joiner = key === 'set-cookie' ? '\n' : ', ';
    const l = a.get(key);
    const r = b.get(key);
    const lv = l ? l.values.join(joiner) : null;
    const rv = r ? r.values.join(joiner) : null;
    const kind: DiffKind = lv === null ? 'added' : rv === null ? 'removed' : lv === rv ? 'same' : 'changed';
    return { name: (l ?? r)!.name, left: lv, right: rv, kind };
  });
}

/** How many rows differ. */
export function countChanges(rows: readonly { kind: DiffKind }[]): number {
  return rows.filter((row) => row.kind !== 'same').length;
}
