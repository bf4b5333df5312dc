/**
 * Device names Windows reserves in every folder, with any extension and in any case (`CON`, `aux.request.json`,
 * `Com1.txt`): a workspace shared through git with a Windows user must never contain one, or the checkout fails.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/**
 * A file-name-safe slug: lowercase ASCII words joined by '-'; names that have none become "untitled", and Windows
 * device names get a suffix (a slug has no dots, so the check on the slug covers every extension added to it).
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  if (slug === '') return 'untitled';
  return WINDOWS_RESERVED.test(slug) ? `${slug}-item` : slug;
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
