// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunRequest } from '../../../shared/runner/requests-to-run';
import { RunRequestPicker } from './run-request-picker';

afterEach(cleanup);

const requests: RunRequest[] = Array.from({ length: 3 }, (_, i) => ({
  path: `api/item-${i}.request.json`,
  name: `Item ${i}`,
  folder: '',
  method: 'GET',
  websocket: false,
}));
const unticked: ReadonlySet<string> = new Set();
const onChange = () => undefined;

/** The runner around the picker: it re-renders for every batch of results while a run streams in. */
function Runner({ results }: { results: number }) {
  const [list] = useState(requests);
  return (
    <>
      <p>{results} results</p>
      <RunRequestPicker requests={list} unticked={unticked} onChange={onChange} />
    </>
  );
}

describe('RunRequestPicker', () => {
  it('is not rendered again when the runner re-renders for new results, only when its own props change', () => {
    const map = vi.spyOn(requests, 'map');
    const { rerender } = render(<Runner results={0} />);
    const rendered = map.mock.calls.length;
    for (let results = 100; results <= 5_000; results += 100) rerender(<Runner results={results} />);
    expect(screen.getByText('5000 results')).toBeTruthy();
    expect(map.mock.calls.length).toBe(rendered);
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    map.mockRestore();
  });
});
