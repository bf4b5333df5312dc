// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MethodPicker } from './method-picker';

afterEach(cleanup);

// Found by the new-user UI pass (finding 49): the custom field showed PROPFIND (CSS) but sent `propfind` (400).
describe('MethodPicker custom method', () => {
  it('puts the typed custom method into the draft upper-cased, as it is shown', () => {
    const seen: string[] = [];
    render(<MethodPicker method="PROPFIND" onChange={(method) => seen.push(method)} invalid={false} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Custom method' }), { target: { value: 'propfind' } });
    expect(seen).toEqual(['PROPFIND']);
  });
});
