// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { templateStorageKey, type MessageTemplate } from '../../../shared/websocket';
import { TemplatesBar } from './templates-bar';

const URL = 'ws://127.0.0.1:9/echo';

function FileBacked({ initial, onList }: { initial: MessageTemplate[]; onList: (list: MessageTemplate[]) => void }) {
  const [list, setList] = useState(initial);
  return (
    <TemplatesBar
      url={URL}
      current={{ kind: 'text', body: 'typed' }}
      onApply={() => undefined}
      file={{
        list,
        onChange: (next) => {
          setList(next);
          onList(next);
        },
      }}
    />
  );
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('TemplatesBar (saved messages of a saved request live in its file)', () => {
  it('without a file, keeps saved messages in the browser by URL, as before', () => {
    render(<TemplatesBar url={URL} current={{ kind: 'text', body: 'hello' }} onApply={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save message…' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name for the saved message' }), { target: { value: 'greet' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(JSON.parse(localStorage.getItem(templateStorageKey(URL)) ?? '[]')).toEqual([{ name: 'greet', kind: 'text', body: 'hello' }]);
  });

  it('with a file, lists and saves into the file only, and offers (never moves silently) what the browser holds for the URL', () => {
    localStorage.setItem(
      templateStorageKey(URL),
      JSON.stringify([
        { name: 'own', kind: 'text', body: 'browser copy' },
        { name: 'old', kind: 'json', body: '{}' },
      ]),
    );
    let written: MessageTemplate[] = [];
    render(<FileBacked initial={[{ name: 'own', kind: 'text', body: 'file copy' }]} onList={(list) => (written = list)} />);
    expect(screen.getByRole('combobox', { name: 'Saved messages' }).textContent).toContain('Saved messages (1)');
    // Only "old" is missing from the file; the same-named one in the file wins.
    fireEvent.click(screen.getByRole('button', { name: 'Add 1 message saved in this browser' }));
    expect(written).toEqual([
      { name: 'old', kind: 'json', body: '{}' },
      { name: 'own', kind: 'text', body: 'file copy' },
    ]);
    expect(screen.queryByRole('button', { name: /saved in this browser/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save message…' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name for the saved message' }), { target: { value: 'new' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(written.map((item) => item.name)).toEqual(['new', 'old', 'own']);
    // The browser's storage is left as it was.
    expect(JSON.parse(localStorage.getItem(templateStorageKey(URL)) ?? '[]')).toHaveLength(2);
  });
});
