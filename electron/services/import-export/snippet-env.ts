/**
 * Turns the exporter's environment slots in generated code into each language's environment lookup, spliced into
 * the string literal around it: 'Bearer ' + process.env.TOKEN. Languages without a safe one-expression splice get a
 * visible <NAME> placeholder instead. Slots never stand for a value the code could leak: they name one.
 */
interface Lookup {
  expression: (name: string) => string;
  /** string concatenation operator with its spaces; '' for shells, where adjacent words join */
  join: string;
  prelude?: (code: string) => string;
}

const LOOKUPS: Record<string, Lookup> = {
  javascript: { expression: (n) => `process.env.${n}`, join: ' + ' },
  node: { expression: (n) => `process.env.${n}`, join: ' + ' },
  python: { expression: (n) => `os.environ["${n}"]`, join: ' + ', prelude: (code) => `import os\n${code}` },
  go: { expression: (n) => `os.Getenv("${n}")`, join: ' + ', prelude: (code) => code.replace(/^import \(\n/m, 'import (\n\t"os"\n') },
  ruby: { expression: (n) => `ENV.fetch("${n}")`, join: ' + ' },
  php: { expression: (n) => `getenv('${n}')`, join: ' . ' },
  java: { expression: (n) => `System.getenv("${n}")`, join: ' + ' },
  kotlin: { expression: (n) => `System.getenv("${n}")`, join: ' + ' },
  csharp: { expression: (n) => `Environment.GetEnvironmentVariable("${n}")`, join: ' + ' },
  powershell: { expression: (n) => `$env:${n}`, join: ' + ' },
  shell: { expression: (n) => `"$${n}"`, join: '' },
};

const OPEN = '\uE000';
const CLOSE = '\uE001';
const L = '\uE002';
const R = '\uE003';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function spliceLine(line: string, lookup: Lookup): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (char === OPEN) {
      const close = line.indexOf(CLOSE, i);
      if (close === -1) break;
      const expression = lookup.expression(line.slice(i + 1, close));
      out += quote ? `${quote}${L}${lookup.join}${expression}${lookup.join}${R}${quote}` : expression;
      i = close;
      continue;
    }
    out += char;
    if (quote && char === '\\') {
      out += line[i + 1] ?? '';
      i += 1;
    } else if (quote && char === quote) quote = null;
    else if (!quote && (char === '"' || char === "'" || char === '`')) quote = char;
  }
  return out;
}

export function renderSnippetSlots(code: string, target: string): string {
  // a slot inside a URL may come back percent-encoded
  const normalized = code.replace(/%EE%80%80([A-Za-z0-9_]+)%EE%80%81/gi, `${OPEN}$1${CLOSE}`);
  if (!normalized.includes(OPEN)) return code;
  const lookup = LOOKUPS[target];
  if (!lookup) return normalized.replace(/\uE000([A-Za-z0-9_]+)\uE001/g, '<$1>');
  let spliced = normalized
    .split('\n')
    .map((line) => spliceLine(line, lookup))
    .join('\n');
  const join = escapeRegExp(lookup.join);
  // an empty literal before or after the lookup ('' + x + '') is noise
  spliced = spliced.replace(new RegExp(`(['"\`])\\1${L}${join}`, 'g'), '').replace(new RegExp(`${join}${R}(['"\`])\\1`, 'g'), '');
  spliced = spliced.replace(new RegExp(`[${L}${R}]`, 'g'), '');
  return lookup.prelude ? lookup.prelude(spliced) : spliced;
}
