/**
 * WWW-Authenticate as RFC 9110 §11.6.1 defines it: a comma list of challenges, each a scheme followed by either a
 * token68 or a comma list of auth-params. The same comma separates a challenge's params and the challenges
 * themselves, so a param is told from the next scheme by the "=" that follows its name.
 */
export interface AuthChallenge {
  /** as sent; compare case-insensitively */
  scheme: string;
  /** parameter names lowercased (they are case-insensitive), values unquoted */
  params: Map<string, string>;
  token68: string | null;
  /** the challenge's own text, for messages */
  raw: string;
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;

export function parseChallenges(headerValues: readonly string[]): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  for (const value of headerValues) challenges.push(...parseHeader(value));
  return challenges;
}

function parseHeader(text: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let i = 0;
  const skipSpaces = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const skipSeparators = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === ',')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < text.length && TCHAR.test(text[i] as string)) i++;
    return text.slice(start, i);
  };
  const readQuoted = (): string => {
    // at the opening quote
    i++;
    let out = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\' && i + 1 < text.length) i++;
      out += text[i];
      i++;
    }
    i++; // closing quote (or end of a truncated header)
    return out;
  };
  // Looks ahead without consuming: is the text at i `token BWS "="` followed by something other than "=" (a
  // token68 may end in "=" padding)?
  const atParam = (): boolean => {
    const save = i;
    const name = readToken();
    skipSpaces();
    const isParam = name !== '' && text[i] === '=' && text[i + 1] !== '=';
    i = save;
    return isParam;
  };

  skipSeparators();
  while (i < text.length) {
    const start = i;
    const scheme = readToken();
    if (scheme === '') {
      // Not a challenge: skip to the next comma rather than give up on the whole header.
      while (i < text.length && text[i] !== ',') i++;
      skipSeparators();
      continue;
    }
    const challenge: AuthChallenge = { scheme, params: new Map(), token68: null, raw: '' };
    skipSpaces();
    if (i < text.length && text[i] !== ',' && !atParam()) {
      const t68Start = i;
      while (i < text.length && TOKEN68_CHAR.test(text[i] as string)) i++;
      while (text[i] === '=') i++;
      challenge.token68 = text.slice(t68Start, i);
    } else {
      // auth-params, separated by commas, until something that is not `name=`
      for (;;) {
        const save = i;
        skipSeparators();
        if (i >= text.length || !atParam()) {
          i = save;
          break;
        }
        const name = readToken().toLowerCase();
        skipSpaces();
        i++; // "="
        skipSpaces();
        const value = text[i] === '"' ? readQuoted() : readToken();
        // The first occurrence wins; RFC 9110 says each name must appear once.
        if (!challenge.params.has(name)) challenge.params.set(name, value);
        skipSpaces();
      }
    }
    challenge.raw = text.slice(start, i).trim().replace(/,\s*$/, '');
    challenges.push(challenge);
    skipSeparators();
  }
  return challenges;
}
