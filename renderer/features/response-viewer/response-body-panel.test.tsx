// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { HttpExchange } from '../../../shared/contract';
import type { ResponseBody } from './use-response-body';

const state = vi.hoisted(() => ({ body: null as unknown as ResponseBody }));
vi.mock('./use-response-body', () => ({ useResponseBody: () => state.body }));

import { ResponseBodyPanel } from './response-body-panel';

afterEach(cleanup);

const SIZE = 60 * 1024 * 1024;
const exchange = {
  request: { url: 'http://127.0.0.1/big' },
  body: { id: 'b1', size: SIZE, contentType: 'application/json', contentEncodings: [], spooled: true },
} as unknown as HttpExchange;

const bodyIn = (view: ResponseBody['view'], loadAnyway = () => undefined): ResponseBody => ({
  view,
  kind: 'json',
  records: null,
  loadAnyway,
  setVariant: () => undefined,
  canPretty: true,
  getBlob: async () => new Blob([]),
});

describe('ResponseBodyPanel, a body above the auto-load limit', () => {
  it('"Load anyway" leaves the keyboard focus on the body it loads, not back at the start of the page', () => {
    const loadAnyway = vi.fn();
    state.body = bodyIn({ status: 'not-loaded', preview: { kind: 'json', text: '[' }, bytes: null }, loadAnyway);
    const view = render(<ResponseBodyPanel exchange={exchange} />);
    const button = screen.getByRole('button', { name: 'Load anyway' });
    button.focus();
    fireEvent.click(button);
    expect(loadAnyway).toHaveBeenCalledOnce();
    // the button is gone once loading starts
    state.body = bodyIn({ status: 'loading', received: 0, total: SIZE, preview: null });
    view.rerender(<ResponseBodyPanel exchange={exchange} />);
    expect(screen.queryByRole('button', { name: 'Load anyway' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('response-body-content'));
  });

  it('says the view is being prepared once every byte is read, rather than "100%" for seconds', () => {
    state.body = bodyIn({ status: 'loading', received: SIZE / 2, total: SIZE, preview: null });
    const view = render(<ResponseBodyPanel exchange={exchange} />);
    expect(screen.getByTestId('response-body-loading').textContent).toContain('Loading body… 30 MB of 60 MB');
    state.body = bodyIn({ status: 'loading', received: SIZE, total: SIZE, preview: null });
    view.rerender(<ResponseBodyPanel exchange={exchange} />);
    expect(screen.getByTestId('response-body-loading').textContent).toBe('Preparing the view of 60 MB…');
  });
});
