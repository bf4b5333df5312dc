/**
 * Splits a Windows cmd.exe command line ("Copy as cURL (cmd)" in Chromium and Firefox) into arguments. Two parsers
 * run on Windows and both must be undone: cmd.exe removes its "^" escapes (and joins "^"-continued lines), then the
 * C runtime splits the result on whitespace outside double quotes with its backslash rules. %NAME% becomes a
 * {{NAME}} reference, the counterpart of what the cmd exporter writes for secrets.
 */
function undoCaret(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i]!;
    if (char !== '^') {
      out += char;
      continue;
    }
    const next = input[i + 1];
    if (next === undefined) break;
    if (next === '\r' && input[i + 2] === '\n') {
      i += 2;
    } else if (next === '\n') {
      i += 1;
    } else {
      out += next;
      i += 1;
    }
  }
  return out;
}

function splitCrt(input: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quoted = false;
  let i = 0;
  while (i < input.length) {
    const char = input[i]!;
    if (char === '\\') {
      let count = 0;
      while (input[i + count] === '\\') count += 1;
      if (input[i + count] === '"') {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) current += '"';
        else quoted = !quoted;
        i += count + 1;
      } else {
        current += '\\'.repeat(count);
        i += count;
      }
      inWord = true;
      continue;
    }
    if (char === '"') {
      // "" inside quotes is a literal quote (the runtime's rule since 2008)
      if (quoted && input[i + 1] === '"') {
        current += '"';
        i += 2;
      } else {
        quoted = !quoted;
        i += 1;
      }
      inWord = true;
      continue;
    }
    if (!quoted && (char === ' ' || char === '\t' || char === '\n' || char === '\r')) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      i += 1;
      continue;
    }
    current += char;
    inWord = true;
    i += 1;
  }
  if (quoted) throw new Error('A double-quoted string is not closed.');
  if (inWord) words.push(current);
  return words;
}

/**
 * The commands of a cmd.exe text: cmd ends a command at an unescaped "&", "&&", "|", "||" or line break outside its
 * own double quotes ("^" escapes the next character; "^" before a line break escapes the line break and the first
 * character of the next line). Redirections ("> out.json", "2>nul") are left out.
 */
export function splitCmdCommands(input: string): string[][] {
  const segments: string[] = [];
  let segment = '';
  let quoted = false;
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i]!;
    if (char === '^' && !quoted) {
      // "^" + line break continues the line; a second line break right after it is a literal one
      const lineBreak = /^\^(\r?\n)(\r?\n)?/.exec(input.slice(i, i + 5));
      const take = lineBreak ? lineBreak[0].length : 2;
      segment += input.slice(i, i + take);
      i += take - 1;
      continue;
    }
    if (char === '"') quoted = !quoted;
    // an "&" glued to text is most often an unescaped one in a URL, not what a person meant as a separator
    if (!quoted && (char === '\n' || ((char === '&' || char === '|') && /(^|\s)$/.test(segment)))) {
      segments.push(segment);
      segment = '';
      if ((char === '&' || char === '|') && input[i + 1] === char) i += 1;
      continue;
    }
    segment += char;
  }
  segments.push(segment);
  return segments.map((text) => withoutRedirections(tokenizeCmd(text))).filter((words) => words.length > 0);
}

function withoutRedirections(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const redirect = /^\d?>>?(.*)$/.exec(words[i]!);
    if (redirect) {
      if (redirect[1] === '') i += 1;
      continue;
    }
    out.push(words[i]!);
  }
  return out;
}

function tokenizeCmd(input: string): string[] {
  // before the carets go: Chromium writes a literal "%E2" as "%^E2" precisely so that cmd.exe does not expand it
  const withReferences = input.replace(/%([A-Za-z_][A-Za-z0-9_]*)%/g, '{{$1}}');
  return splitCrt(undoCaret(withReferences));
}

/**
 * The cmd flavour shows itself by "^" escapes: around quotes, before % & | < > \ or at line ends. cmd has no
 * single quotes, so a command quoting words with them is bash even when some tool ends its lines with "^".
 */
export function looksLikeCmd(input: string): boolean {
  if (/\^"/.test(input)) return true;
  return /\^(?:[%&|<>\\]|\r?\n)/.test(input) && !/(^|\s)'/.test(input);
}
