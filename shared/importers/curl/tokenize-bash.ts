/**
 * Splits a bash command line into words the way bash would before running curl: quotes, backslashes, $'…' (ANSI-C)
 * and line continuations. Unquoted or double-quoted $NAME / ${NAME} come back as {{NAME}} references, so a command
 * Courier exported with "$API_KEY" imports as the variable it came from. Nothing is executed or expanded otherwise.
 */
const ANSI_SIMPLE: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

function readAnsiC(input: string, start: number): { text: string; end: number } {
  let out = '';
  let i = start;
  while (i < input.length) {
    const char = input[i]!;
    if (char === "'") return { text: out, end: i + 1 };
    if (char !== '\\' || i + 1 >= input.length) {
      out += char;
      i += 1;
      continue;
    }
    const next = input[i + 1]!;
    const simple = ANSI_SIMPLE[next];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const max = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = /^[0-9a-fA-F]+/.exec(input.slice(i + 2, i + 2 + max))?.[0] ?? '';
      out += hex === '' ? `\\${next}` : String.fromCodePoint(Number.parseInt(hex, 16));
      i += 2 + hex.length;
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(input.slice(i + 1))![0];
      out += String.fromCharCode(Number.parseInt(octal, 8) & 0xff);
      i += 1 + octal.length;
    } else {
      out += `\\${next}`;
      i += 2;
    }
  }
  throw new Error("A $'…' string is not closed.");
}

/** $NAME or ${NAME} at `i` (pointing at "$"), as a reference; null when it is a plain "$". */
function readVariable(input: string, i: number): { text: string; end: number } | null {
  const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(input.slice(i, i + 300));
  if (braced) return { text: `{{${braced[1]}}}`, end: i + braced[0].length };
  const bare = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(input.slice(i, i + 300));
  if (bare) return { text: `{{${bare[1]}}}`, end: i + bare[0].length };
  return null;
}

/** One simple command of a shell line: its words, and what bash would feed its standard input, where the text says. */
/**
 * A command substitution at `i` (`` `…` `` or `$(…)`), read as one piece of the word. Courier runs nothing: `echo`
 * of plain words becomes what it prints (as the shell would), anything else stays as written, so it shows in the
 * import instead of being split into stray words.
 */
function readSubstitution(input: string, i: number): { text: string; end: number } {
  let close: number;
  if (input[i] === '`') {
    close = input.indexOf('`', i + 1);
    if (close === -1) throw new Error('A `…` command substitution is not closed.');
  } else {
    let depth = 0;
    close = -1;
    for (let j = i + 1; j < input.length; j += 1) {
      if (input[j] === '(') depth += 1;
      else if (input[j] === ')' && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close === -1) throw new Error('A $(…) command substitution is not closed.');
  }
  const source = input.slice(i, close + 1);
  const inner = input.slice(input[i] === '`' ? i + 1 : i + 2, close).trim();
  const echo = /^echo\s+([^\s'"`$\\;&|<>()]+(?:\s+[^\s'"`$\\;&|<>()]+)*)$/.exec(inner);
  return { text: echo ? echo[1]!.split(/\s+/).join(' ') : source, end: close + 1 };
}

export interface ShellCommand {
  words: string[];
  /** how the command ends: a pipe into the next one, or a separator (";", "&&", "||", "&", a line break, the end) */
  pipesIntoNext: boolean;
  /** "<<< text" or "< file" */
  stdin: { kind: 'text'; text: string } | { kind: 'file'; path: string } | null;
}

/**
 * Splits a bash text into its simple commands (on unquoted ";", "&", "&&", "|", "||" and line breaks) and each into
 * words. Redirections are taken out of the words: "> out.json" is not an argument of curl, "<<< text" and "< file"
 * are what curl reads as "@-".
 */
export function splitBashCommands(input: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let stdin: ShellCommand['stdin'] = null;
  let redirect: '>' | '<' | '<<<' | null = null;
  let current = '';
  let inWord = false;
  let i = 0;
  const end = () => {
    if (inWord) {
      if (redirect === '<<<') stdin = { kind: 'text', text: `${current}\n` };
      else if (redirect === '<') stdin = { kind: 'file', path: current };
      else if (redirect === null) words.push(current);
      redirect = null;
    }
    current = '';
    inWord = false;
  };
  const finish = (pipesIntoNext: boolean) => {
    end();
    if (words.length > 0) commands.push({ words, pipesIntoNext, stdin });
    words = [];
    stdin = null;
    redirect = null;
  };
  while (i < input.length) {
    const char = input[i]!;
    if (char === '\\') {
      const next = input[i + 1];
      if (next === '\n') i += 2;
      else if (next === '\r' && input[i + 2] === '\n') i += 3;
      else if (next === undefined) i += 1;
      else {
        current += next;
        inWord = true;
        i += 2;
      }
      continue;
    }
    // "^" before a line break: the continuation of some tools' Windows flavour over bash quoting
    if (char === '^' && !inWord && /^\^\r?\n/.test(input.slice(i, i + 3))) {
      i += input[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if (char === '\n' || char === ';') {
      finish(false);
      i += 1;
      continue;
    }
    if (char === '|' || (char === '&' && input[i + 1] !== '>')) {
      const doubled = input[i + 1] === char;
      finish(char === '|' && !doubled);
      i += doubled ? 2 : 1;
      continue;
    }
    if (char === '>' || char === '<' || (char === '&' && input[i + 1] === '>')) {
      // "2>" and "2>&1": the digits are the descriptor, not a word
      if (inWord && /^\d+$/.test(current)) {
        current = '';
        inWord = false;
      }
      end();
      const operator = /^(<<<|&>>?|>>?&?|<<-?|<&?|>\|)/.exec(input.slice(i, i + 3))![0];
      redirect = operator === '<<<' ? '<<<' : operator === '<' ? '<' : '>';
      i += operator.length;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') {
      end();
      i += 1;
      continue;
    }
    if (char === '#' && !inWord) {
      const newline = input.indexOf('\n', i);
      i = newline === -1 ? input.length : newline;
      continue;
    }
    inWord = true;
    if (char === "'") {
      const close = input.indexOf("'", i + 1);
      if (close === -1) throw new Error('A single-quoted string is not closed.');
      current += input.slice(i + 1, close);
      i = close + 1;
    } else if (char === '$' && input[i + 1] === "'") {
      const read = readAnsiC(input, i + 2);
      current += read.text;
      i = read.end;
    } else if (char === '"' || (char === '$' && input[i + 1] === '"')) {
      i += char === '$' ? 2 : 1;
      for (;;) {
        if (i >= input.length) throw new Error('A double-quoted string is not closed.');
        const inner = input[i]!;
        if (inner === '"') {
          i += 1;
          break;
        }
        if (inner === '\\' && i + 1 < input.length && '$`"\\\n'.includes(input[i + 1]!)) {
          if (input[i + 1] !== '\n') current += input[i + 1];
          i += 2;
        } else if (inner === '$') {
          const variable = readVariable(input, i);
          current += variable ? variable.text : '$';
          i = variable ? variable.end : i + 1;
        } else {
          current += inner;
          i += 1;
        }
      }
    } else if (char === '`' || (char === '$' && input[i + 1] === '(' && input[i + 2] !== '(')) {
      const read = readSubstitution(input, i);
      current += read.text;
      i = read.end;
    } else if (char === '$') {
      const variable = readVariable(input, i);
      current += variable ? variable.text : '$';
      i = variable ? variable.end : i + 1;
    } else {
      current += char;
      i += 1;
    }
  }
  finish(false);
  return commands;
}
