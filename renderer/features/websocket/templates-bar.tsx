import { useState } from 'react';
import { upsertTemplate, type MessageTemplate } from '../../../shared/websocket';
import { loadBrowserTemplates as load, storeBrowserTemplates as store } from './browser-templates';
import { Button } from '../../ui';
import styles from './websocket.module.css';

/** The saved messages of a request that has a file: they live in the file and change with the draft. */
export interface FileTemplates {
  list: MessageTemplate[];
  onChange: (list: MessageTemplate[]) => void;
}

/**
 * Saved messages for this request: in its request file when it was saved to a collection (`file`), otherwise in the
 * browser's storage keyed by the URL without its query (as before). Nothing moves silently: a saved request whose URL
 * has messages in this browser that its file lacks offers to add them.
 */
export function TemplatesBar({
  url,
  current,
  onApply,
  file = null,
}: {
  url: string;
  current: Omit<MessageTemplate, 'name'>;
  onApply: (t: MessageTemplate) => void;
  file?: FileTemplates | null;
}) {
  // Re-read whenever the URL changes: another request's templates.
  const [browser, setBrowser] = useState(() => ({ url, list: load(url) }));
  const browserList = browser.url === url ? browser.list : load(url);
  if (browser.url !== url) setBrowser({ url, list: browserList });
  const list = file ? file.list : browserList;
  const setList = (next: MessageTemplate[]) => {
    if (file) file.onChange(next);
    else {
      store(url, next);
      setBrowser({ url, list: next });
    }
  };
  const offered = file ? browserList.filter((item) => !file.list.some((own) => own.name === item.name)) : [];
  const [naming, setNaming] = useState<string | null>(null);
  // The template last loaded, so it can be deleted.
  const [chosen, setChosen] = useState<string | null>(null);

  const save = (name: string) => {
    setList(upsertTemplate(list, { name, ...current }));
    setNaming(null);
  };

  return (
    <div className={styles.templates}>
      <select
        className={`${styles.input} ${styles.templatesSelect}`}
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
        <Button
          type="button"

          onClick={() => {
            setList(list.filter((item) => item.name !== chosen));
            setChosen(null);
          }}
        >
          Delete “{chosen}”
        </Button>
      ) : null}
      {file && offered.length > 0 && naming === null ? (
        <Button
          type="button"

          title={offered.map((item) => item.name).join(', ')}
          onClick={() => setList(offered.reduce((acc, item) => upsertTemplate(acc, item), list))}
        >
          Add {offered.length === 1 ? '1 message' : `${offered.length} messages`} saved in this browser
        </Button>
      ) : null}
      {naming === null ? (
        <Button onClick={() => setNaming(chosen ?? '')} disabled={url.trim() === ''}>
          Save message…
        </Button>
      ) : (
        <form
          className={styles.templatesName}
          onSubmit={(event) => {
            event.preventDefault();
            if (naming.trim() !== '') save(naming.trim());
          }}
        >
          <label className={styles.templatesLabel}>
            <span>Save as</span>
            <input
              className={styles.input}
              aria-label="Name for the saved message"
              placeholder="Message name, e.g. subscribe"
              autoFocus
              value={naming}
              onChange={(event) => setNaming(event.target.value)}
            />
          </label>
          <Button type="submit">Save</Button>
          <Button onClick={() => setNaming(null)}>Cancel</Button>
        </form>
      )}
    </div>
  );
}
