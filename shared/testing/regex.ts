type RegexLookup = { ok: true; found: boolean; value: string | undefined } | { ok: false; message: string };

/**
 * A user's pattern: `/re/flags` or a bare pattern. Compilation errors come back as a message, never thrown. JS regexes
 * can backtrack badly; the body is capped (see TEST_BODY_CAP_BYTES), which bounds the input, not the pattern.
 */
export function compileUserRegex(pattern: string): { ok: true; regex: RegExp } | { ok: false; message: string } {
  if (pattern === '') return { ok: false, message: 'The regular expression is empty.' };
  const literal = /^\/(.*)\/([dgimsuvy]*)$/s.exec(pattern);
  try {
    return { ok: true, regex: literal ? new RegExp(literal[1] ?? '', (literal[2] ?? '').replace('g', '')) : new RegExp(pattern) };
  } catch (error) {
    return { ok: false, message: `Invalid regular expression “${pattern}”: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The first match's group (default: group 1 when the pattern has groups, else the whole match). */
export function matchRegex(text: string, pattern: string, group?: number): RegexLookup {
  const compiled = compileUserRegex(pattern);
  if (!compiled.ok) return compiled;
  const match = compiled.regex.exec(text);
  if (match === null) return { ok: true, found: false, value: undefined };
  const index = group ?? (match.length > 1 ? 1 : 0);
  if (index >= match.length) return { ok: false, message: `The regular expression “${pattern}” has no group ${index}.` };
  return { ok: true, found: match[index] !== undefined, value: match[index] };
}
