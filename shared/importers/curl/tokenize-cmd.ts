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

export function tokenizeCmd(input: string): string[] {
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
