// A value may hold any visible byte, tabs and spaces; CR, LF and NUL would let a value smuggle extra headers.
const FORBIDDEN_VALUE_CHARS = /[\r\n\0]/;
const INVALID_VALUE_CHARS = /[^\t\x20-\x7e\x80-\xff]/;

/** Why a string cannot be sent as a header value, or null when it can. */
export function headerValueProblem(value: string): 'line-break' | 'invalid-characters' | null {
  if (FORBIDDEN_VALUE_CHARS.test(value)) return 'line-break';
  if (INVALID_VALUE_CHARS.test(value)) return 'invalid-characters';
  return null;
}

/** The end of a user message explaining a headerValueProblem. */
export function describeHeaderValueProblem(problem: 'line-break' | 'invalid-characters'): string {
  return problem === 'line-break'
    ? 'contains a line break or NUL character, which is not allowed in a header'
    : 'contains characters that cannot be sent in a header (control or non-Latin-1 characters)';
}
