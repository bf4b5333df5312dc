import { utf8Bytes } from './base64';
import { charSpellings } from './mask-spellings';
import { base64Cores, MIN_NEEDLE_LENGTH } from './needles';

/**
 * A multi-pattern matcher for secrets written in any of their spellings (see mask-spellings). One pass over the
 * input: a rolling key of the last few units (bytes, or UTF-16 code units for text) is looked up in a bitset of
 * every prefix any pattern can start with; only where the bitset says yes is a pattern walked character by
 * character. The bitset lives in cache and almost every position costs a shift, a multiply and one bit test.
 */

type Units = Uint8Array | Uint16Array;

interface Pattern {
  /** per character of the secret (or base64 core), its spellings as units, the plain character first */
  chars: Units[][];
}

export interface Matcher {
  /** the longest run of units one match can span: a stream holds back one less than this across chunks */
  readonly maxLength: number;
  /** true when there is nothing to find */
  readonly empty: boolean;
  /** calls found(start, end) for each leftmost-longest match starting in [from, limit), input read up to `end` */
  scan(units: Units, from: number, limit: number, found: (start: number, end: number) => void): void;
}

const HASH_BITS = 20;
const PREFIX_CAP = 20_000;

const hashOf = (key: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - HASH_BITS);

function sameAt(units: Units, at: number, spelling: Units): boolean {
  if (at + spelling.length > units.length) return false;
  for (let i = 0; i < spelling.length; i += 1) if (units[at + i] !== spelling[i]) return false;
  return true;
}

/** end of the longest spelling of the pattern starting at `start`, or -1 */
function matchAt(units: Units, start: number, pattern: Pattern): number {
  let positions = [start];
  for (const spellings of pattern.chars) {
    const next: number[] = [];
    for (const at of positions) {
      for (const spelling of spellings) {
        if (sameAt(units, at, spelling)) {
          const end = at + spelling.length;
          if (!next.includes(end)) next.push(end);
        }
      }
    }
    if (next.length === 0) return -1;
    positions = next;
  }
  return Math.max(...positions);
}

/** Every key (the first `width` units, low byte of each) a spelling of the pattern can start with; null past the cap. */
function prefixKeys(pattern: Pattern, width: number, mask: number): Set<number> | null {
  const keys = new Set<number>();
  let overflow = false;
  const walk = (index: number, key: number, taken: number): void => {
    if (overflow) return;
    if (taken === width) {
      keys.add(key);
      if (keys.size > PREFIX_CAP) overflow = true;
      return;
    }
    const spellings = pattern.chars[index];
    if (spellings === undefined) return;
    for (const spelling of spellings) {
      let next = key;
      let count = taken;
      for (let i = 0; i < spelling.length && count < width; i += 1, count += 1) next = ((next << 8) | (spelling[i]! & 0xff)) & mask;
      walk(index + 1, next, count);
    }
  };
  walk(0, 0, 0);
  return overflow ? null : keys;
}

function widthMask(width: number): number {
  return width === 4 ? 0xffffffff | 0 : (1 << (8 * width)) - 1;
}

function build(patterns: Pattern[]): Matcher {
  let width = 4;
  let keySets: Set<number>[] = [];
  for (; width >= 1; width -= 1) {
    const mask = widthMask(width);
    const sets = patterns.map((pattern) => prefixKeys(pattern, width, mask));
    if (sets.every((set) => set !== null)) {
      keySets = sets as Set<number>[];
      break;
    }
  }
  const mask = widthMask(width);
  const bits = new Uint32Array(1 << (HASH_BITS - 5));
  const byKey = new Map<number, number[]>();
  keySets.forEach((keys, index) => {
    for (const key of keys) {
      const hash = hashOf(key);
      bits[hash >>> 5] = bits[hash >>> 5]! | (1 << (hash & 31));
      const list = byKey.get(key);
      if (list) list.push(index);
      else byKey.set(key, [index]);
    }
  });
  let maxLength = 0;
  for (const pattern of patterns) {
    let length = 0;
    for (const spellings of pattern.chars) length += Math.max(...spellings.map((spelling) => spelling.length));
    maxLength = Math.max(maxLength, length);
  }

  return {
    maxLength,
    empty: patterns.length === 0,
    scan(units, from, limit, found) {
      if (patterns.length === 0) return;
      const n = units.length;
      const end = Math.min(limit, n - width + 1);
      const tail = width - 1;
      const shift = 32 - HASH_BITS;
      const bytes = units instanceof Uint8Array ? units : null;
      let i = from;
      while (i < end) {
        // the key of the units before i + width − 1 (locals only: a captured variable would live in memory)
        let key = 0;
        for (let j = i; j < i + tail; j += 1) key = ((key << 8) | (units[j]! & 0xff)) & mask;
        let hit = -1;
        let best = -1;
        for (; i < end; i += 1) {
          // bodies (the hot case) read a Uint8Array at a monomorphic site; text reads its UTF-16 units
          key = ((key << 8) | (bytes !== null ? bytes[i + tail]! : units[i + tail]! & 0xff)) & mask;
          const hash = Math.imul(key, 0x9e3779b1) >>> shift;
          if ((bits[hash >>> 5]! & (1 << (hash & 31))) === 0) continue;
          const candidates = byKey.get(key);
          if (candidates === undefined) continue;
          for (const index of candidates) best = Math.max(best, matchAt(units, i, patterns[index]!));
          if (best >= 0) {
            hit = i;
            break;
          }
        }
        if (hit < 0) return;
        found(hit, best);
        i = best;
      }
    },
  };
}

/** the strings to look for: each secret and the parts of its base64 that do not depend on neighbouring bytes */
function patternTexts(secrets: readonly string[]): string[] {
  const texts = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_NEEDLE_LENGTH) continue;
    texts.add(secret);
    for (const core of base64Cores(secret)) if (core.length >= MIN_NEEDLE_LENGTH) texts.add(core);
  }
  return [...texts];
}

const latin1Spelling = (char: string): Uint8Array | null => {
  const code = char.codePointAt(0)!;
  return code >= 0x80 && code <= 0xff ? Uint8Array.of(code) : null;
};

/** For bodies: UTF-8 bytes, and Latin-1 where a character fits one byte (bodies in that charset). */
export function byteMatcher(secrets: readonly string[]): Matcher {
  return build(
    patternTexts(secrets).map((text) => ({
      chars: [...text].map((char) => {
        const spellings = charSpellings(char).map(utf8Bytes);
        const latin1 = latin1Spelling(char);
        return latin1 ? [...spellings, latin1] : spellings;
      }),
    })),
  );
}

const codeUnits = (text: string): Uint16Array => {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i += 1) units[i] = text.charCodeAt(i);
  return units;
};

/** For text already decoded (headers, URLs, messages): UTF-16 code units. */
export function textMatcher(secrets: readonly string[]): Matcher & { units: (text: string) => Uint16Array } {
  const matcher = build(patternTexts(secrets).map((text) => ({ chars: [...text].map((char) => charSpellings(char).map(codeUnits)) })));
  return Object.assign(matcher, { units: codeUnits });
}
