/**
 * Postman's dynamic variables ({{$guid}}, {{$timestamp}}, …) that Courier has a dynamic value for, by Postman name.
 * Postman's $randomInt is 0–1000 and $timestamp is Unix seconds, as Courier's are.
 */
const POSTMAN_TO_COURIER: Readonly<Record<string, string>> = {
  $guid: '$uuid',
  $randomUUID: '$uuid',
  $timestamp: '$timestamp',
  $isoTimestamp: '$isoTimestamp',
  $randomInt: '$randomInt',
};

// {{ $name }} with the spaces Postman tolerates; names are letters and digits after the dollar
const DYNAMIC_REFERENCE = /\{\{\s*(\$[A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/**
 * Rewrites every Postman dynamic variable Courier knows in the strings of `value` (a request spec, a variable
 * list), and collects the ones it does not, in order of first appearance, so the import can name them.
 */
export function mapDynamicVariables<T>(value: T, unsupported: Set<string>): T {
  const rewrite = (text: string): string =>
    text.replace(DYNAMIC_REFERENCE, (whole, name: string) => {
      const courier = POSTMAN_TO_COURIER[name];
      if (courier !== undefined) return `{{${courier}}}`;
      unsupported.add(name);
      return whole;
    });
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return node.includes('{{') ? rewrite(node) : node;
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    return node;
  };
  return walk(value) as T;
}

/** Courier's dynamic variables under the name Postman knows them by, for exports ({{$uuid}} → {{$guid}}). */
const COURIER_TO_POSTMAN: Readonly<Record<string, string>> = { $uuid: '$guid' };

/** The way back, for a Postman export: a collection that went Postman → Courier → Postman keeps working in Postman. */
export function toPostmanDynamicVariables<T>(value: T): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string')
      return node.includes('{{')
        ? node.replace(DYNAMIC_REFERENCE, (whole, name: string) => (COURIER_TO_POSTMAN[name] ? `{{${COURIER_TO_POSTMAN[name]}}}` : whole))
        : node;
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    return node;
  };
  return walk(value) as T;
}

/** The "Not carried over" line for the dynamic variables of one item. */
export function unsupportedDynamicWarning(names: ReadonlySet<string>): string {
  const list = [...names].map((name) => `{{${name}}}`).join(', ');
  return names.size === 1
    ? `Postman dynamic variable ${list} has no Courier equivalent; it is sent as written until replaced.`
    : `Postman dynamic variables ${list} have no Courier equivalent; they are sent as written until replaced.`;
}
