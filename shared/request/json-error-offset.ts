const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isHex = (char: string | undefined) => char !== undefined && /^[0-9a-fA-F]$/.test(char);
const ESCAPES = '"\\/bfnrtu';

/**
 * Where JSON text goes wrong: the offset of the first character no JSON document could have there (the text's length
 * when it ends too soon), or null when it is valid. V8's JSON.parse names the position for some errors only
 * ("Unexpected token '}', …is not valid JSON" has none), and an editor must underline every one. A loop over an
 * explicit stack, not recursion, so 100,000 nested arrays cannot overflow the call stack.
 */
export function jsonErrorOffset(text: string): number | null {
  const length = text.length;
  const closers: string[] = [];
  let index = 0;
  let expect: 'value' | 'key' | 'after' = 'value';
  const skipSpace = () => {
    while (index < length && isSpace(text.charCodeAt(index))) index += 1;
  };
  /** moves past a string starting at `index`; false (index at the fault) when it is not one */
  const string = (): boolean => {
    index += 1;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code === 34) {
        index += 1;
        return true;
      }
      if (code < 32) return false;
      if (code === 92) {
        const escape = text[index + 1];
        if (escape === undefined || !ESCAPES.includes(escape)) {
          index += 1;
          return false;
        }
        if (escape === 'u') {
          for (let k = 2; k < 6; k += 1) {
            if (!isHex(text[index + k])) {
              index += k;
              return false;
            }
          }
          index += 6;
        } else index += 2;
      } else index += 1;
    }
    return false;
  };
  const digits = (): boolean => {
    if (!isDigit(text.charCodeAt(index))) return false;
    while (isDigit(text.charCodeAt(index))) index += 1;
    return true;
  };
  const number = (): boolean => {
    if (text[index] === '-') index += 1;
    if (text[index] === '0') index += 1;
    else if (!digits()) return false;
    if (text[index] === '.') {
      index += 1;
      if (!digits()) return false;
    }
    if (text[index] === 'e' || text[index] === 'E') {
      index += 1;
      if (text[index] === '+' || text[index] === '-') index += 1;
      if (!digits()) return false;
    }
    return true;
  };

  for (;;) {
    skipSpace();
    const char = text[index];
    if (expect === 'value') {
      if (char === '{' || char === '[') {
        index += 1;
        skipSpace();
        const closer = char === '{' ? '}' : ']';
        if (text[index] === closer) {
          index += 1;
          expect = 'after';
        } else {
          closers.push(closer);
          expect = char === '{' ? 'key' : 'value';
        }
      } else if (char === '"') {
        if (!string()) return index;
        expect = 'after';
      } else if (char === '-' || (char !== undefined && isDigit(char.charCodeAt(0)))) {
        if (!number()) return index;
        expect = 'after';
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, index));
        if (!literal) {
          // inside a misspelt literal ("tru}"), the fault is where it stops matching
          const word = ['true', 'false', 'null'].find((candidate) => char !== undefined && candidate.startsWith(char));
          return word ? index + commonPrefix(text, index, word) : index;
        }
        index += literal.length;
        expect = 'after';
      }
    } else if (expect === 'key') {
      if (char !== '"' || !string()) return index;
      skipSpace();
      if (text[index] !== ':') return index;
      index += 1;
      expect = 'value';
    } else {
      const closer = closers.at(-1);
      if (closer === undefined) return index === length ? null : index;
      if (char === ',') {
        index += 1;
        expect = closer === '}' ? 'key' : 'value';
      } else if (char === closer) {
        index += 1;
        closers.pop();
      } else return index;
    }
  }
}

function commonPrefix(text: string, from: number, word: string): number {
  let n = 0;
  while (n < word.length && text[from + n] === word[n]) n += 1;
  return n;
}
