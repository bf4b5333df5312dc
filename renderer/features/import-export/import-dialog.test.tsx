// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importText } from '../../../shared/importers/import-text';
import { ImportDialog } from './import-dialog';

// import.parse answers as the main process would, from the real importer
const parsed = vi.hoisted(() => [] as string[]);
vi.mock('../../lib/bridge', () => ({
  BridgeCallError: class extends Error {},
  bridge: { subscribe: () => () => undefined },
  call: (method: string, input: { text?: string }) => {
    if (method === 'import.parse') {
      parsed.push(input.text ?? '');
      return importText(input.text ?? '');
    }
    return Promise.reject(new Error(`not expected here: ${method}`));
  },
}));
vi.mock('../../lib/app-info', () => ({ useHostCapabilities: () => ({ folderDialog: false, openExternal: false, osKeychain: false }) }));

afterEach(() => {
  cleanup();
  parsed.length = 0;
});

const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
const curl = "curl 'https://api.shop.test/items' -H 'accept: application/json'";

function open() {
  render(<ImportDialog open onClose={() => undefined} onOpenRequest={() => undefined} onImport={() => undefined} />, { wrapper });
  return { box: screen.getByLabelText('Text to import'), importButton: screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement };
}

/** The new-user pass of 2026-12-07: Import stayed greyed out after a paste, with nothing saying Preview came first. */
describe('the Import dialog before a preview', () => {
  it('typed text: says that Preview comes first, and reads nothing until asked', () => {
    const { box, importButton } = open();
    fireEvent.change(box, { target: { value: curl } });
    expect(screen.getByRole('status').textContent).toBe('Preview shows what the text holds; Import is offered after it.');
    expect(importButton.disabled).toBe(true);
    expect(parsed).toEqual([]);
  });

  it('pasted text: is previewed at once, and Import is offered', async () => {
    const { box, importButton } = open();
    fireEvent.paste(box);
    fireEvent.change(box, { target: { value: curl } });
    await waitFor(() => expect(importButton.disabled).toBe(false));
    expect(parsed).toEqual([curl]);
    expect(screen.getByLabelText('Import preview').textContent).toContain('curl');
    expect(screen.queryByText(/Preview shows what the text holds/)).toBeNull();
  });
});
