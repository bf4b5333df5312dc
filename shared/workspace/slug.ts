/** A file-name-safe slug: lowercase ASCII words joined by '-'; names that have none become "untitled". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

/** `base`, or `base-2`, `base-3`… whichever `taken` (compared case-insensitively, for macOS and Windows) lacks. */
export function uniqueName(base: string, taken: (candidate: string) => boolean, suffix = ''): string {
  if (!taken(`${base}${suffix}`)) return `${base}${suffix}`;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
