// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { MultipartRow } from '../../../shared/request';
import { MultipartTable } from './multipart-table';

afterEach(cleanup);

function Harness() {
  const [rows, setRows] = useState<MultipartRow[]>([]);
  return <MultipartTable rows={rows} onChange={setRows} />;
}

describe('MultipartTable', () => {
  it('keeps the focus and every keystroke when the blank line becomes a part', () => {
    render(<Harness />);
    screen.getByRole('textbox', { name: 'New part name' }).focus();
    for (const char of 'avatar') {
      const target = document.activeElement;
      if (!(target instanceof HTMLInputElement)) throw new Error(`keystroke "${char}" went nowhere`);
      fireEvent.change(target, { target: { value: target.value + char } });
    }
    expect(screen.getByRole('textbox', { name: 'Part 1 name' })).toHaveProperty('value', 'avatar');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Part 1 name' }));
  });
});
