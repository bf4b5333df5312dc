/**
 * A stand-in, inside exported text, for a value that must not be written: a secret variable, an unknown variable or
 * a credential typed into the Auth tab. Each target renders it its own way ("$NAME" in bash, %NAME% in cmd,
 * process.env.NAME in JavaScript). Private-use code points cannot clash with anything a user typed.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT_PATTERN = /\uE000([A-Za-z_][A-Za-z0-9_]*)\uE001/g;

/** An environment variable name for a Courier variable: letters, digits and _, not starting with a digit. */
export function envNameOf(variable: string): string {
  const cleaned = variable.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(cleaned) || cleaned === '' ? `_${cleaned}` : cleaned;
}

export function slot(envName: string): string {
  return `${OPEN}${envNameOf(envName)}${CLOSE}`;
}

export function slotNames(text: string): string[] {
  return [...text.matchAll(SLOT_PATTERN)].map((match) => match[1]!);
}

/** Replaces every slot with what `render` gives for its name. */
export function renderSlots(text: string, render: (name: string) => string): string {
  return text.replace(SLOT_PATTERN, (_match, name: string) => render(name));
}

/** Splits text into literal runs and slot names, for targets that must quote the two differently. */
export function splitSlots(text: string): ({ literal: string } | { env: string })[] {
  const out: ({ literal: string } | { env: string })[] = [];
  let from = 0;
  for (const match of text.matchAll(SLOT_PATTERN)) {
    if (match.index > from) out.push({ literal: text.slice(from, match.index) });
    out.push({ env: match[1]! });
    from = match.index + match[0].length;
  }
  if (from < text.length || out.length === 0) out.push({ literal: text.slice(from) });
  return out;
}
