import { findVariableReferences } from '../variables';

/**
 * The body text with every {{reference}} replaced by a number of the same length ("{{n}}" → "10000"), so a JSON
 * check sees what will be sent rather than the template: `{"n": {{count}}}` is valid once `count` is resolved.
 * A number is valid both as a bare value and inside a string, and keeping the length keeps every line and column
 * where the editor has them, so a problem found in the copy is underlined at the same place in the original.
 */
export function maskJsonPlaceholders(text: string): string {
  const references = findVariableReferences(text);
  if (references.length === 0) return text;
  let masked = '';
  let from = 0;
  for (const reference of references) {
    masked += text.slice(from, reference.start) + '1' + '0'.repeat(reference.end - reference.start - 1);
    from = reference.end;
  }
  return masked + text.slice(from);
}
