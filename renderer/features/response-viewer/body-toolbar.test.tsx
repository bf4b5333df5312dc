// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { HttpExchange } from '../../../shared/contract';

const saved = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('../../lib/save-blob', () => ({ saveBlob: (_blob: Blob, name: string) => saved.files.push(name) }));

import { BodyToolbar } from './body-toolbar';
import type { ResponseBody } from './use-response-body';

afterEach(() => {
  cleanup();
  saved.files.length = 0;
});

function exchange(containsSecret: boolean): HttpExchange {
  return {
    request: { url: 'http://127.0.0.1/echo' },
    body: { id: 'b1', size: 10, contentType: 'text/plain', contentEncodings: [], spooled: false, ...(containsSecret ? { containsSecret: true } : {}) },
  } as unknown as HttpExchange;
}

const body: ResponseBody = {
  view: { status: 'text', variant: 'raw' } as ResponseBody['view'],
  kind: 'text',
  records: null,
  loadAnyway: () => undefined,
  setVariant: () => undefined,
  canPretty: false,
  getBlob: async () => new Blob(['the echo']),
};

describe('Save and Copy of a body that echoes a secret', () => {
  it('saves at once when the body holds no secret', async () => {
    render(<BodyToolbar exchange={exchange(false)} body={body} htmlMode="source" onHtmlMode={() => undefined} />);
    expect(screen.queryByText('Contains a secret')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved.files).toHaveLength(1));
  });

  it('marks the body and asks, naming why, before saving; Cancel writes nothing', async () => {
    render(<BodyToolbar exchange={exchange(true)} body={body} htmlMode="source" onHtmlMode={() => undefined} />);
    expect(screen.getByText('Contains a secret')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Save a body that contains a secret?' });
    expect(dialog.textContent).toContain('repeats a secret value this request sent');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(saved.files).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(saved.files).toHaveLength(1));
  });

  it('asks before copying too', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<BodyToolbar exchange={exchange(true)} body={body} htmlMode="source" onHtmlMode={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByRole('alertdialog', { name: 'Copy a body that contains a secret?' });
    expect(writeText).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Copy anyway' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('the echo'));
  });
});

describe('Copy takes what is shown', () => {
  const pretty = (text: string) =>
    ({
      status: 'text',
      kind: 'json',
      variant: 'pretty',
      prettyError: null,
      source: { key: 'p', chunks: [new TextEncoder().encode(text).buffer], language: 'json', lite: false },
    }) as ResponseBody['view'];

  it('in Pretty it copies the formatted text and says so; in Raw the body as received', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const raw = { ...body, kind: 'json' as const, canPretty: true, getBlob: async () => new Blob(['{"a":1}']) };
    const { rerender } = render(
      <BodyToolbar exchange={exchange(false)} body={{ ...raw, view: pretty('{\n  "a": 1\n}') }} htmlMode="source" onHtmlMode={() => undefined} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('{\n  "a": 1\n}'));
    expect(await screen.findByText('Copied the formatted body.')).toBeTruthy();

    rerender(
      <BodyToolbar
        exchange={exchange(false)}
        body={{ ...raw, view: { status: 'text', variant: 'raw' } as ResponseBody['view'] }}
        htmlMode="source"
        onHtmlMode={() => undefined}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith('{"a":1}'));
    expect(await screen.findByText('Copied the body as received.')).toBeTruthy();
  });
});

describe('a JSON Lines body', () => {
  it('says how many records it holds, in Pretty and in Raw', () => {
    const records = { format: 'ndjson' as const, records: 12, problems: [], problemCount: 0 };
    const lines = { ...body, kind: 'json' as const, canPretty: true, records };
    const { rerender } = render(
      <BodyToolbar
        exchange={exchange(false)}
        body={{ ...lines, view: { status: 'text', variant: 'pretty' } as ResponseBody['view'] }}
        htmlMode="source"
        onHtmlMode={() => undefined}
      />,
    );
    expect(screen.getByRole('toolbar', { name: 'Body actions' }).textContent).toContain('12 records (NDJSON)');
    rerender(
      <BodyToolbar
        exchange={exchange(false)}
        body={{ ...lines, view: { status: 'text', variant: 'raw' } as ResponseBody['view'] }}
        htmlMode="source"
        onHtmlMode={() => undefined}
      />,
    );
    expect(screen.getByText('12 records (NDJSON)')).toBeTruthy();
  });
});
