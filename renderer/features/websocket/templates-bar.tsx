import { useState } from 'react';
import { parseTemplates, templateStorageKey, upsertTemplate, type MessageTemplate } from '../../../shared/websocket';

function load(url: string): MessageTemplate[] {
  try {
    return parseTemplates(localStorage.getItem(templateStorageKey(url)));
  } catch {
    return [];
  }
}

function store(url: string, list: MessageTemplate[]): void {
  try {
    localStorage.setItem(templateStorageKey(url), JSON.stringify(list));
  } catch {
    // storage full or unavailable: the templates just are not kept
  }
}

/**
 * Saved messages for this request. Until collections exist (issue 6) they are kept in the browser's storage, keyed
 * by the URL without its query.
 */
export function TemplatesBar({ url, current, onApply }: { url: string; current: Omit<MessageTemplate, 'name'>; onApply: (t: MessageTemplate) => void }) {
  // Re-read whenever the URL changes: another request's templates.
  const [state, setState] = useState(() => ({ url, list: load(url) }));
  const list = state.url === url ? state.list : load(url);
  if (state.url !== url) setState({ url, list });
  const [naming, setNaming] = useState<string | null>(null);
  // The template last loaded, so it can be deleted.
  const [chosen, setChosen] = useState<string | null>(null);

  const save = (name: string) => {
    const next = upsertTemplate(list, { name, ...current });
    store(url, next);
    setState({ url, list: next });
    setNaming(null);
  };

  return (
    <div className="ws-templates">
      <select
        className="ws-input ws-templates__select"
        aria-label="Saved messages"
        value=""
        disabled={list.length === 0}
        onChange={(event) => {
          const found = list.find((item) => item.name === event.target.value);
          if (found) {
            setChosen(found.name);
            onApply(found);
          }
        }}
      >
        <option value="">{list.length === 0 ? 'No saved messages' : `Saved messages (${list.length})`}</option>
        {list.map((item) => (
          <option key={item.name} value={item.name}>
            {item.name}
          </option>
        ))}
      </select>
      {naming === null && chosen !== null && list.some((item) => item.name === chosen) ? (
        <button
          type="button"
          className="ws-button"
          onClick={() => {
            const next = list.filter((item) => item.name !== chosen);
            store(url, next);
            setState({ url, list: next });
            setChosen(null);
          }}
        >
          Delete “{chosen}”
        </button>
      ) : null}
      {naming === null ? (
        <button type="button" className="ws-button" onClick={() => setNaming(chosen ?? '')} disabled={url.trim() === ''}>
          Save message…
        </button>
      ) : (
        <form
          className="ws-templates__name"
          onSubmit={(event) => {
            event.preventDefault();
            if (naming.trim() !== '') save(naming.trim());
          }}
        >
          <input className="ws-input" aria-label="Name for the saved message" autoFocus value={naming} onChange={(event) => setNaming(event.target.value)} />
          <button type="submit" className="ws-button">
            Save
          </button>
          <button type="button" className="ws-button" onClick={() => setNaming(null)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
