// @vitest-environment happy-dom
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { UrlBar } from './url-bar';

afterEach(cleanup);

function Bar({ id }: { id: string }) {
  const [url, setUrl] = useState('');
  return (
    <UrlBar
      key={id}
      method="GET"
      url={url}
      onMethodChange={() => undefined}
      onUrlChange={setUrl}
      onUrlBlur={() => undefined}
      onSubmit={() => undefined}
      onCancel={() => undefined}
      sending={false}
      urlInvalid={false}
      methodInvalid={false}
      urlRef={createRef<HTMLInputElement>()}
    />
  );
}

/** A tree row beside a builder that is remounted for each open request, as the app does (keyed by tab). */
function Window() {
  const [tab, setTab] = useState('first');
  return (
    <>
      <div data-keep-focus="">
        <div role="treeitem" aria-selected="false" tabIndex={0} onClick={() => setTab('second')}>
          Get user
        </div>
      </div>
      <button type="button" onClick={() => setTab('third')}>
        Restore to builder
      </button>
      <Bar key={tab} id={tab} />
    </>
  );
}

describe('UrlBar focus', () => {
  it('takes the focus when the builder appears, but not from the tree that opened the request', () => {
    render(<Window />);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'URL' }));

    const row = screen.getByRole('treeitem', { name: 'Get user' });
    row.focus();
    fireEvent.click(row);
    expect(document.activeElement).toBe(row);

    const restore = screen.getByRole('button', { name: 'Restore to builder' });
    restore.focus();
    fireEvent.click(restore);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'URL' }));
  });
});
