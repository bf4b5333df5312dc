// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceNode } from '../../../shared/contract';
import { importText } from '../../../shared/importers/import-text';
import type { ImportOutcome } from './import-notice';
import { ImportDialog } from './import-dialog';

// import.parse answers from the real importer (each text it is asked to read is kept); the workspace has two collections (one unreadable) and a folder
const saved = vi.hoisted(() => [] as unknown[]);
const parsed = vi.hoisted(() => [] as string[]);
vi.mock('../../lib/bridge', () => {
  const node = (path: string, kind: WorkspaceNode['kind'], name: string, extra: Partial<WorkspaceNode> = {}): WorkspaceNode => ({
    path,
    kind,
    name,
    depth: path.split('/').length - 1,
    parent: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null,
    ...extra,
  });
  const nodes = [
    node('shop', 'collection', 'Shop'),
    node('shop/admin', 'folder', 'Admin'),
    node('billing', 'collection', 'Billing'),
    node('broken', 'collection', 'broken', { error: 'not JSON' }),
    node('api-billing-test', 'collection', 'api.billing.test'),
  ];
  return {
    BridgeCallError: class extends Error {},
    bridge: { subscribe: () => () => undefined },
    call: (method: string, input: { text?: string; into?: string }) => {
      if (method === 'import.parse') {
        parsed.push(input.text ?? '');
        return importText(input.text ?? '');
      }
      if (method === 'workspace.tree') return Promise.resolve({ root: '/ws', name: 'ws', isDefault: true, nodes });
      if (method === 'workspace.importCollections') {
        saved.push(input);
        return Promise.resolve(
          input.into
            ? { collections: [], into: { name: 'Shop', path: input.into, added: [`${input.into}/get-items.request.json`] }, warnings: [] }
            : { collections: [{ name: 'api.shop.test', path: 'api-shop-test' }], warnings: [] },
        );
      }
      return Promise.reject(new Error(`not expected here: ${method}`));
    },
  };
});
vi.mock('../../lib/app-info', () => ({ useHostCapabilities: () => ({ folderDialog: false, openExternal: false, osKeychain: false }) }));

afterEach(() => {
  cleanup();
  saved.length = 0;
  parsed.length = 0;
});

const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
const curl = "curl 'https://api.shop.test/items'\ncurl -X POST 'https://api.shop.test/orders'";
const postman = JSON.stringify({
  info: { name: 'Team API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [{ name: 'Ping', request: { method: 'GET', url: 'https://team.test/ping' } }],
});

async function preview(text: string) {
  const outcomes: ImportOutcome[] = [];
  render(<ImportDialog open onClose={() => undefined} onOpenRequest={() => undefined} onImport={(outcome) => outcomes.push(outcome)} />, { wrapper });
  const box = screen.getByLabelText('Text to import');
  fireEvent.paste(box);
  fireEvent.change(box, { target: { value: text } });
  const importButton = screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement;
  await waitFor(() => expect(importButton.disabled).toBe(false));
  return { importButton, outcomes };
}

const target = () => screen.getByRole('combobox', { name: 'Put the requests in' }) as HTMLSelectElement;

describe('where the requests of a curl import go', () => {
  it('offers a new collection, named as the preview names it, and every readable collection; a new one by default', async () => {
    await preview(curl);
    await waitFor(() => expect(target().options).toHaveLength(4));
    expect([...target().options].map((option) => option.textContent)).toEqual(['New collection “api.shop.test”', 'Shop', 'Billing', 'api.billing.test']);
    expect(target().value).toBe('');
  });

  it('adds them to the chosen collection through the workspace, and the app is told where they went', async () => {
    const { importButton, outcomes } = await preview(curl);
    await waitFor(() => expect(target().options).toHaveLength(4));
    fireEvent.change(target(), { target: { value: 'shop' } });
    fireEvent.click(importButton);
    await waitFor(() => expect(outcomes).toHaveLength(1));
    expect(saved).toEqual([{ collections: [expect.objectContaining({ name: 'api.shop.test' })], into: 'shop' }]);
    expect(outcomes[0]).toMatchObject({ collections: [], into: { name: 'Shop', path: 'shop', added: ['shop/get-items.request.json'] } });
  });

  it('keeps today’s new collection when left as it is', async () => {
    const { importButton, outcomes } = await preview(curl);
    await waitFor(() => expect(target().options).toHaveLength(4));
    expect(target().selectedOptions[0]?.textContent).toBe('New collection “api.shop.test”');
    fireEvent.click(importButton);
    await waitFor(() => expect(outcomes).toHaveLength(1));
    expect(saved).toEqual([{ collections: [expect.objectContaining({ name: 'api.shop.test' })] }]);
  });

  // New-user pass: pasting more commands for the same host offered a new collection that came out as "… 2"
  it('puts them by default into the collection an earlier paste for the same host made; a new one can still be picked', async () => {
    const { importButton, outcomes } = await preview("curl 'https://api.billing.test/invoices'");
    await waitFor(() => expect(target().value).toBe('api-billing-test'));
    fireEvent.click(importButton);
    await waitFor(() => expect(outcomes).toHaveLength(1));
    expect(saved).toEqual([{ collections: [expect.objectContaining({ name: 'api.billing.test' })], into: 'api-billing-test' }]);
    cleanup();
    saved.length = 0;
    const again = await preview("curl 'https://api.billing.test/invoices'");
    await waitFor(() => expect(target().value).toBe('api-billing-test'));
    fireEvent.change(target(), { target: { value: '' } });
    fireEvent.click(again.importButton);
    await waitFor(() => expect(again.outcomes).toHaveLength(1));
    expect(saved).toEqual([{ collections: [expect.objectContaining({ name: 'api.billing.test' })] }]);
  });

  it('is not offered for formats that bring their own collections', async () => {
    await preview(postman);
    expect(screen.queryByRole('combobox', { name: 'Put the requests in' })).toBeNull();
  });
});

/** The new-user pass of 2026-12-07: Import stayed greyed out after a paste, with nothing saying Preview came first. */
describe('the Import dialog before a preview', () => {
  const typed = "curl 'https://api.shop.test/items' -H 'accept: application/json'";

  it('typed text: says that Preview comes first, and reads nothing until asked', () => {
    render(<ImportDialog open onClose={() => undefined} onOpenRequest={() => undefined} onImport={() => undefined} />, { wrapper });
    fireEvent.change(screen.getByLabelText('Text to import'), { target: { value: typed } });
    expect(screen.getByRole('status').textContent).toBe('Preview shows what the text holds; Import is offered after it.');
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    expect(parsed).toEqual([]);
  });

  it('pasted text: is previewed at once, and Import is offered', async () => {
    await preview(typed);
    expect(parsed).toEqual([typed]);
    expect(screen.getByLabelText('Import preview').textContent).toContain('curl');
    expect(screen.queryByText(/Preview shows what the text holds/)).toBeNull();
  });
});
