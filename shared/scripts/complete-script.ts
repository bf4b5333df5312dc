import { EXPECT_WORDS, SCRIPT_API, type ApiMember } from './script-api';

/** One completion, in the shape the editor kit takes (renderer/ui/monaco/code-editor-props.ts). */
export interface ScriptSuggestion {
  label: string;
  kind: 'method' | 'field' | 'variable';
  detail: string;
  documentation: null;
  deprecated: false;
  insertText: string;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\w$]/.test(char);

/**
 * The member chain that ends at the cursor, read backwards: `pm.expect(pm.response.json().id).to.` gives
 * ["pm", "expect()", "to"]; `pm.env` gives ["pm"]; a bare word gives []. null when what is before the dot is not a
 * chain of names and calls (a string, an index, a number).
 */
function chainBefore(text: string): string[] | null {
  let at = text.length;
  while (isWordChar(text[at - 1])) at--;
  const skipSpace = () => {
    while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  };
  skipSpace();
  if (text[at - 1] !== '.') return [];
  const parts: string[] = [];
  while (text[at - 1] === '.') {
    at--;
    skipSpace();
    let call = false;
    if (text[at - 1] === ')') {
      // back to the matching "(": the arguments are not read, so parentheses inside their strings may mislead it
      let depth = 0;
      do {
        at--;
        if (text[at] === ')') depth++;
        else if (text[at] === '(') depth--;
      } while (at > 0 && depth > 0);
      if (depth > 0) return null;
      call = true;
      skipSpace();
    }
    const end = at;
    while (isWordChar(text[at - 1])) at--;
    if (at === end || /\d/.test(text[at]!)) return null;
    parts.unshift(text.slice(at, end) + (call ? '()' : ''));
    skipSpace();
  }
  return parts;
}

/** What may follow a chain: the members of what it names, chai's words after pm.expect(…) or pm.response.to. */
function membersAfter(chain: readonly string[]): readonly ApiMember[] | null {
  let members: readonly ApiMember[] = SCRIPT_API;
  let chai = false;
  for (const part of chain) {
    if (chai) continue;
    const call = part.endsWith('()');
    const name = call ? part.slice(0, -2) : part;
    const member = members.find((candidate) => candidate.name === name);
    if (member === undefined) return null;
    if (EXPECT_WORDS.includes(member) || (name === 'expect' && call)) {
      chai = true;
      continue;
    }
    // what a call returns (json(), get()) is the script's own data
    if (call || member.members === undefined) return null;
    members = member.members;
  }
  return chai ? EXPECT_WORDS : members;
}

/**
 * Completion for the script editor at a 1-based line and column: the Postman-compatible API the sandbox supports,
 * from its roots (pm, postman, console) down every member, and chai's words after pm.expect(…). Names the script
 * makes itself are the editor's to offer, not ours.
 */
export function completeScript(text: string, line: number, column: number): ScriptSuggestion[] {
  const lines = text.split('\n');
  const before = [...lines.slice(0, line - 1), (lines[line - 1] ?? '').slice(0, column - 1)].join('\n');
  const chain = chainBefore(before);
  if (chain === null) return [];
  const members = membersAfter(chain);
  if (members === null) return [];
  return members.map((member) => ({
    label: member.name,
    kind: member.call ? 'method' : chain.length === 0 ? 'variable' : 'field',
    detail: member.detail,
    documentation: null,
    deprecated: false,
    insertText: member.name,
  }));
}
