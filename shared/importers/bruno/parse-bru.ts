import { ImportFormatError } from '../common/warnings';

/**
 * The .bru language as Bruno's own grammar (usebruno/bruno packages/bruno-lang, bruToJson.peggy) reads it: a file is
 * a run of blocks "name {" … a "}" at the start of a line. Text blocks (bodies, scripts, tests, docs) keep their lines
 * with the two-space indent removed; dictionary blocks hold "key: value" pairs ("~key" is unticked, a "quoted key"
 * may hold spaces and colons, a value in ''' … ''' spans lines); "vars:secret [a, b]" is a list.
 */
export interface BruPair {
  key: string;
  value: string;
  enabled: boolean;
}

export type BruBlock =
  | { kind: 'dict'; name: string; pairs: BruPair[]; line: number }
  | { kind: 'text'; name: string; text: string; line: number }
  | { kind: 'list'; name: string; values: string[]; line: number };

const TEXT_BLOCKS = /^(body|body:(json|text|xml|sparql|graphql|graphql:vars|ws)|script:(pre-request|post-response)|tests|docs|example)$/;

/** Blocks Courier reads as "key: value" pairs; any other block that is not pairs (a newer Bruno's) is kept as text. */
const DICT_BLOCKS =
  /^(meta|get|post|put|delete|patch|options|head|connect|trace|http|headers|query|params:(query|path)|auth|auth:[\w-]+|body:(form-urlencoded|multipart-form|file)|vars|vars:(pre-request|post-response)|assert|settings)$/;

export class BruSyntaxError extends ImportFormatError {}

function unquoteKey(raw: string): string {
  const key = raw.trim();
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) return key.slice(1, -1).replace(/\\"/g, '"');
  return key;
}

/** Where a pair's key ends: the first ":" outside a "quoted key". */
function keyEnd(line: string): number {
  const trimmed = line.trimStart();
  const offset = line.length - trimmed.length;
  if (trimmed.startsWith('"') || trimmed.startsWith('~"')) {
    const start = trimmed.indexOf('"');
    for (let i = start + 1; i < trimmed.length; i++) {
      if (trimmed[i] === '\\') i++;
      else if (trimmed[i] === '"') {
        const colon = trimmed.indexOf(':', i + 1);
        return colon === -1 ? -1 : offset + colon;
      }
    }
    return -1;
  }
  return line.indexOf(':');
}

/** The lines of a ''' … ''' value: Bruno writes them four spaces in (block indent plus value indent). */
function multiline(lines: string[]): string {
  return lines
    .map((line) => line.replace(/^ {1,4}/, ''))
    .join('\n')
    .trim();
}

function dictionary(body: string[], firstLine: number, blockName: string): BruPair[] {
  const pairs: BruPair[] = [];
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    // annotations (@description('''…'''), @number…) describe the next pair; Courier has nowhere to keep them
    // "@local: 1" is a pair (a local variable), "@number" or "@description(…)" an annotation
    if (/^@[A-Za-z_][\w-]*(\(|$)/.test(trimmed)) {
      if (/'''/.test(trimmed) && (trimmed.match(/'''/g) ?? []).length % 2 === 1) {
        while (i + 1 < body.length && !/'''/.test(body[i + 1]!)) i++;
        i++;
      }
      continue;
    }
    const colon = keyEnd(line);
    if (colon === -1) throw new BruSyntaxError(`Line ${firstLine + i + 1}: "${trimmed.slice(0, 60)}" in the ${blockName} block is not "key: value".`);
    let key = line.slice(0, colon).trim();
    let enabled = true;
    if (key.startsWith('~')) {
      enabled = false;
      key = key.slice(1);
    }
    let value = line.slice(colon + 1).trim();
    if (value.startsWith("'''") && !/^'''.*'''/.test(value)) {
      // the closing ''' starts its line and may carry an annotation after it: ''' @contentType(application/json)
      const collected = [value.slice(3)];
      while (i + 1 < body.length && !body[i + 1]!.trim().startsWith("'''")) collected.push(body[++i]!);
      if (i + 1 >= body.length) throw new BruSyntaxError(`Line ${firstLine + i + 1}: a ''' value in the ${blockName} block is not closed.`);
      const after = body[++i]!.trim().slice(3).trim();
      value = multiline(collected) + (after ? ` ${after}` : '');
    } else if (/^'''.*'''/.test(value)) {
      const end = value.indexOf("'''", 3);
      value = value.slice(3, end) + value.slice(end + 3);
    } else if (value === '[') {
      // meta { tags: [ a b ] }
      const items: string[] = [];
      while (i + 1 < body.length && body[i + 1]!.trim() !== ']') items.push(body[++i]!.trim());
      i++;
      value = items.filter((item) => item !== '').join(',');
    }
    pairs.push({ key: unquoteKey(key), value, enabled });
  }
  return pairs;
}

function list(body: string): string[] {
  return body
    .split(/[,\n]/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** All blocks of a .bru file, in file order; a block name may repeat (Bruno merges them). */
export function parseBru(source: string): BruBlock[] {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blocks: BruBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const open = /^([A-Za-z][\w:.-]*)[ \t]*([{[])(.*)$/.exec(line);
    if (!open) throw new BruSyntaxError(`Line ${i + 1}: expected a block such as "meta {", found "${line.trim().slice(0, 60)}".`);
    const [, name, bracket, rest] = open as unknown as [string, string, string, string];
    const start = i;
    if (bracket === '[') {
      // vars:secret [ a, b ] on one line or several
      let text = rest;
      while (!text.includes(']')) {
        i++;
        if (i >= lines.length) throw new BruSyntaxError(`Line ${start + 1}: the ${name} list is not closed with "]".`);
        text += `\n${lines[i]}`;
      }
      blocks.push({ kind: 'list', name, values: list(text.slice(0, text.indexOf(']'))), line: start + 1 });
      i++;
      continue;
    }
    if (rest.trim() === '}') {
      blocks.push(TEXT_BLOCKS.test(name) ? { kind: 'text', name, text: '', line: start + 1 } : { kind: 'dict', name, pairs: [], line: start + 1 });
      i++;
      continue;
    }
    if (rest.trim() !== '') throw new BruSyntaxError(`Line ${i + 1}: nothing may follow "${name} {" on its line.`);
    const body: string[] = [];
    i++;
    while (i < lines.length && !/^\}\s*$/.test(lines[i]!)) body.push(lines[i++]!);
    if (i >= lines.length) throw new BruSyntaxError(`Line ${start + 1}: the ${name} block is not closed with a "}" at the start of a line.`);
    i++;
    if (TEXT_BLOCKS.test(name)) {
      while (body.length > 0 && body[0]!.trim() === '') body.shift();
      // Bruno keeps the text as written (indent removed); a trailing blank line is its own separator
      while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
      blocks.push({ kind: 'text', name, text: body.map((text) => text.replace(/^ {1,2}/, '')).join('\n'), line: start + 1 });
    } else if (DICT_BLOCKS.test(name)) {
      blocks.push({ kind: 'dict', name, pairs: dictionary(body, start + 1, name), line: start + 1 });
    } else {
      try {
        blocks.push({ kind: 'dict', name, pairs: dictionary(body, start + 1, name), line: start + 1 });
      } catch {
        blocks.push({ kind: 'text', name, text: body.join('\n'), line: start + 1 });
      }
    }
  }
  return blocks;
}

/** Bruno's merge of repeated blocks: pairs of every block with that name, in order. */
export function pairsOf(blocks: readonly BruBlock[], name: string): BruPair[] {
  return blocks.flatMap((block) => (block.kind === 'dict' && block.name === name ? block.pairs : []));
}

export function textOf(blocks: readonly BruBlock[], name: string): string | null {
  const block = blocks.find((candidate) => candidate.kind === 'text' && candidate.name === name);
  return block && block.kind === 'text' ? block.text : null;
}

export function valueOf(blocks: readonly BruBlock[], name: string, key: string): string | undefined {
  return pairsOf(blocks, name).find((pair) => pair.key === key)?.value;
}
