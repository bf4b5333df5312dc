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


/** A first name for a request being saved: its URL's last path segment, else its host; '' when there is no URL. */
export function suggestRequestName(url: string): string {
  const withoutQuery = url.trim().split(/[?#]/)[0] ?? '';
  const rest = withoutQuery.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const parts = rest.split('/').filter((part) => part !== '' && !/^\{\{.*\}\}$/.test(part));
  const last = parts.at(-1) ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
