import { redactText } from '../../../shared/variables';

const MASK = '••••';

/**
 * Replaces every occurrence of each value with a mask; longest first, so a value containing another is hidden
 * whole. Values of four characters or more are then also masked in every escaped spelling a server may echo them
 * in (JSON, PHP's \/, .NET's \u002B, HTML entities, percent-encoding, JSON inside JSON): see shared/variables.
 */
export function redact(text: string, values: readonly string[]): string {
  let out = text;
  const sorted = [...new Set(values)].filter((value) => value.length > 0).sort((a, b) => b.length - a.length);
  for (const value of sorted) out = out.split(value).join(MASK);
  return redactText(out, sorted);
}

/**
 * Server-sent words for a one-line message: control characters (line breaks, escapes a terminal or log would act
 * on) become spaces, and a long text is cut.
 */
export function oneLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
