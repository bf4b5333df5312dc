export interface MessageTemplate {
  name: string;
  kind: 'text' | 'json' | 'binary';
  /** text and json: the text; binary: hex as typed */
  body: string;
}

/** Adds or replaces (by name) a template; the list stays sorted by name so it reads the same every time. */
export function upsertTemplate(list: readonly MessageTemplate[], template: MessageTemplate): MessageTemplate[] {
  const others = list.filter((item) => item.name !== template.name);
  return [...others, template].sort((a, b) => a.name.localeCompare(b.name));
}

export function parseTemplates(raw: string | null): MessageTemplate[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (item): item is MessageTemplate =>
        typeof item === 'object' &&
        item !== null &&
        typeof item.name === 'string' &&
        typeof item.body === 'string' &&
        (item.kind === 'text' || item.kind === 'json' || item.kind === 'binary'),
    );
  } catch {
    return [];
  }
}

/** An unsaved request's templates are kept in the browser's storage, known by its URL without query (a saved one keeps them in its file). */
export function templateStorageKey(url: string): string {
  return `courier.ws.templates:${url.trim().split(/[?#]/)[0] ?? ''}`;
}
