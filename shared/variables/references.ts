/**
 * Finding {{name}} references. A reference is "{{", a name with no braces in it, "}}"; whitespace around the name is
 * allowed. A run of extra opening braces belongs to the text before ("{{{a}}}" is "{" + {{a}} + "}"), so JSON
 * templates such as {"id":{{id}}} work. An unclosed "{{" or an empty "{{ }}" is plain text.
 *
 * This is stricter than segmentVariables (shared/request), which only keeps {{…}} runs opaque for the URL parsers:
 * every reference found here lies inside one of its runs, so the two never disagree about what gets substituted.
 */

export interface VariableReference {
  name: string;
  start: number;
  /** exclusive */
  end: number;
}

const OPEN = 123; // {
const CLOSE = 125; // }

/**
 * Fills `into` with the first reference at or after `from` and returns true, or returns false. A mutable cursor rather
 * than a fresh object per match, because the resolver calls this for every reference of every field on every send.
 */
export function nextReference(text: string, from: number, into: VariableReference): boolean {
  const length = text.length;
  let position = from;
  for (;;) {
    const open = text.indexOf('{{', position);
    if (open === -1) return false;
    let nameStart = open + 2;
    while (nameStart < length && text.charCodeAt(nameStart) === OPEN) nameStart += 1;
    let cursor = nameStart;
    let code = 0;
    while (cursor < length) {
      code = text.charCodeAt(cursor);
      if (code === OPEN || code === CLOSE) break;
      cursor += 1;
    }
    if (cursor >= length) return false;
    if (code === OPEN) {
      position = cursor;
      continue;
    }
    if (text.charCodeAt(cursor + 1) !== CLOSE) {
      position = cursor + 1;
      continue;
    }
    const name = text.slice(nameStart, cursor).trim();
    if (name === '') {
      position = cursor + 2;
      continue;
    }
    into.name = name;
    into.start = nameStart - 2;
    into.end = cursor + 2;
    return true;
  }
}

/** Every reference in the text, in order; names trimmed ('{{ host }}' → 'host'). */
export function findVariableReferences(text: string): VariableReference[] {
  const found: VariableReference[] = [];
  const cursor: VariableReference = { name: '', start: 0, end: 0 };
  let from = 0;
  while (nextReference(text, from, cursor)) {
    found.push({ name: cursor.name, start: cursor.start, end: cursor.end });
    from = cursor.end;
  }
  return found;
}

/** True when the text holds at least one reference and nothing but references and the given filler characters. */
export function isOnlyReferences(text: string, filler: RegExp): boolean {
  const references = findVariableReferences(text);
  if (references.length === 0) return false;
  let rest = '';
  let from = 0;
  for (const reference of references) {
    rest += text.slice(from, reference.start);
    from = reference.end;
  }
  rest += text.slice(from);
  return filler.test(rest);
}
