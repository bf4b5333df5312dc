/**
 * Characters XML 1.0 cannot carry at all, even escaped (C0 controls but tab/newline/return, lone surrogates,
 * U+FFFE/U+FFFF). A response or error message may hold any of them; a report that does not parse is worse than one
 * with a replacement character.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values for XML and HTML alike: markup characters escaped, forbidden characters replaced. */
export function escapeMarkup(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** seconds with millisecond precision, as JUnit's time attributes want */
export const seconds = (ms: number): string => (ms / 1000).toFixed(3);
