/**
 * swagger-parser's dereference (json-schema-ref-parser's crawl), for a document whose references are all local JSON
 * pointers, without what made it a third of a 58 MB import: a pointer string built for every key of the document and
 * a URL resolved for every one of Microsoft Graph's half a million references. Same walk, same order, same cache and
 * the same merge of a reference's sibling keys (`{ $ref, description }`: the siblings first on the first visit, the
 * target's keys first once the target is cached, as the library does), so the resolved document is the same graph.
 *
 * Whatever the library handles with more machinery — `$id`/`$anchor` scopes, the root pointer `#`, escapes that URL
 * resolution would change, a pointer that walks through another reference or does not land on an object, a sibling
 * that the library would deep-merge into the target, a reference to itself — is found by a first read-only pass, and
 * the answer is null: the caller hands the untouched document to swagger-parser.
 */
type Doc = Record<string, unknown>;

const SCOPE_KEYS = new Set(['$id', '$anchor', '$dynamicAnchor', '$dynamicRef']);
/** the library's limit (dereference.maxDepth) */
const MAX_DEPTH = 500;

const isObject = (value: unknown): value is Doc => typeof value === 'object' && value !== null;
/** json-schema-ref-parser's is$Ref: an object (or array) whose `$ref` is a non-empty string */
const refOf = (value: unknown): string | null => (isObject(value) && typeof value.$ref === 'string' && value.$ref.length > 0 ? value.$ref : null);

/** characters URL resolution would rewrite or trim (the library resolves every pointer as a URL) */
const UNSAFE_POINTER = /[%\\\s]/;
const hasControl = (text: string): boolean => [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/** what a local pointer names, walked without passing through a reference; undefined when this pass cannot say */
function lookUp(document: Doc, ref: string): Doc | undefined {
  if (!ref.startsWith('#/') || UNSAFE_POINTER.test(ref) || hasControl(ref)) return undefined;
  let value: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(value) || refOf(value) !== null || value[token] === undefined || value[token] === null) return undefined;
    value = value[token];
  }
  return isObject(value) ? value : undefined;
}

/**
 * The object a reference finally names (following a chain of plain references), or undefined. Every reference the
 * crawl could meet is checked here before anything changes.
 */
function finalTarget(document: Doc, ref: string, targets: Map<string, Doc | null>): Doc | undefined {
  const known = targets.get(ref);
  if (known !== undefined) return known ?? undefined;
  targets.set(ref, null); // a chain that comes back here loops
  let value = lookUp(document, ref);
  const next = refOf(value);
  if (value !== undefined && next !== null) value = Object.keys(value).length === 1 ? finalTarget(document, next, targets) : undefined;
  if (value !== undefined) targets.set(ref, value);
  return value;
}

/**
 * The read-only pass: every object reachable, every reference in it resolvable the simple way. It also notes the
 * external references (what externalReferences in shared/importers finds), which no resolution here follows.
 */
function simpleEnough(document: Doc, targets: Map<string, Doc | null>, external: Set<string>): boolean {
  const seen = new Set<object>([document]);
  const stack: Doc[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) external.add(node.$ref);
    const ref = refOf(node);
    if (ref !== null && ref[0] === '#') {
      const target = finalTarget(document, ref, targets);
      if (target === undefined) return false;
      // the library deep-merges a sibling into an object-valued key of the target; leave that to it
      for (const key in node) if (key !== '$ref' && isObject(node[key]) && isObject(target[key])) return false;
    }
    for (const key in node) {
      const child = node[key];
      if (SCOPE_KEYS.has(key) && typeof child === 'string') return false;
      if (isObject(child) && !seen.has(child)) {
        seen.add(child);
        stack.push(child);
      }
    }
  }
  return true;
}

interface Crawled {
  value: unknown;
  circular: boolean;
}

class Crawl {
  private readonly parents = new Set<object>();
  private readonly processed = new Set<object>();
  private readonly cache = new Map<string, Crawled>();

  constructor(private readonly targets: Map<string, Doc | null>) {}

  /**
   * The library's crawl of an object that is not itself a reference (the only kind it is called with here), answering
   * whether it turned out circular; its value is always the object itself, changed in place.
   */
  crawl(obj: Doc, depth: number): boolean {
    if (depth > MAX_DEPTH) throw new RangeError(`Maximum dereference depth (${MAX_DEPTH}) exceeded.`);
    if (this.processed.has(obj)) return false;
    this.parents.add(obj);
    this.processed.add(obj);
    let circular = false;
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      // a string or number: the library's crawl of it changes nothing and is not circular
      if (!isObject(value)) continue;
      if (this.isLocalRef(value)) {
        const dereferenced = this.dereference(value, depth);
        if (value !== dereferenced.value) obj[key] = dereferenced.value;
        circular = circular || dereferenced.circular;
      } else if (this.parents.has(value)) circular = true;
      else circular = this.crawl(value, depth + 1) || circular;
    }
    this.parents.delete(obj);
    return circular;
  }

  /** isAllowed$Ref with external references off: a local pointer */
  private isLocalRef(value: unknown): value is Doc {
    const ref = refOf(value);
    return ref !== null && ref.startsWith('#/');
  }

  private dereference(node: Doc, depth: number): Crawled {
    const ref = node.$ref as string;
    const keys = Object.keys(node);
    const cached = this.cache.get(ref);
    if (cached && !cached.circular) {
      if (keys.length === 1) return cached;
      const target = cached.value as Doc;
      const extra: Doc = {};
      for (const key of keys) if (key !== '$ref' && !(key in target)) extra[key] = node[key];
      return { circular: false, value: Object.assign({}, target, extra) };
    }
    // a circular one is answered as cached, unless its value has a `$ref` key of another value (the library's check)
    if (cached && !('$ref' in (cached.value as Doc) && (cached.value as Doc).$ref !== ref)) return cached;
    const target = this.targets.get(ref)!;
    let circular = this.parents.has(target);
    let value: Doc = target;
    if (keys.length > 1) {
      // $Ref.dereference: the reference's own keys, then the target's others
      const merged: Doc = {};
      for (const key of keys) if (key !== '$ref') merged[key] = node[key];
      for (const key of Object.keys(target)) if (!(key in merged)) merged[key] = target[key];
      value = merged;
    }
    if (!circular) circular = this.crawl(value as Doc, depth + 1);
    const answer: Crawled = { circular, value };
    if (keys.length === 1) this.cache.set(ref, answer);
    return answer;
  }
}

/**
 * Resolves every local $ref of `document` in place and answers it with the external references it left as they are
 * (not followed: an imported file must not make Courier read other files), or answers null having changed nothing.
 */
export function resolveLocalReferences(document: Doc): { document: Doc; external: string[] } | null {
  const targets = new Map<string, Doc | null>();
  const external = new Set<string>();
  if (refOf(document) !== null || !simpleEnough(document, targets, external)) return null;
  new Crawl(targets).crawl(document, 0);
  return { document, external: [...external] };
}
