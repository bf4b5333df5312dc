// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { UsernamePasswordFields } from './username-password-fields';

afterEach(cleanup);

const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;

// Finding 17 of the new-user UI pass: getByLabel("Password") matched two elements, and the Collection settings
// "Type" select was matched by getByLabel("Token"). Every auth input has a name of its own.
describe('auth fields have unique accessible names', () => {
  it('Basic/Digest: one element is labelled Username, one Password, and Show is a button named by its text', () => {
    render(<UsernamePasswordFields username="alice" password="pa55" onChange={() => undefined} />, { wrapper });
    expect(screen.getAllByLabelText(/username/i)).toHaveLength(1);
    const password = screen.getAllByLabelText(/password/i);
    expect(password).toHaveLength(1);
    expect(password[0]?.tagName).toBe('INPUT');
    expect(screen.getByRole('button', { name: 'Show password' })).toBeTruthy();
  });
});
