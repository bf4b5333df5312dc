// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ReferenceWarnings } from './reference-warnings';

afterEach(cleanup);

const none = { unresolved: [], locked: [], unreadable: [], cycles: [] };

describe('ReferenceWarnings', () => {
  it('gives the locked-secrets warning an Unlock button that opens the vault', () => {
    const onOpenVault = vi.fn();
    render(<ReferenceWarnings problems={{ ...none, locked: ['token'], unresolved: ['nope'] }} onOpenVault={onOpenVault} />);
    const unlock = screen.getByRole('button', { name: 'Unlock' });
    expect(unlock.closest('p')?.textContent).toContain('{{token}}');
    fireEvent.click(unlock);
    expect(onOpenVault).toHaveBeenCalledOnce();
    // only the locked warning has it
    expect(screen.getAllByRole('button')).toHaveLength(1);
  });
});
