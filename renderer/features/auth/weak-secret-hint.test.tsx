// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

vi.hoisted(() => {
  (window as unknown as { courier: unknown }).courier = { invoke: () => new Promise(() => undefined), subscribe: () => () => undefined };
});

import { BearerTokenFields } from './bearer-token-fields';
import { UsernamePasswordFields } from './username-password-fields';

afterEach(cleanup);
const wrap = (node: React.ReactNode) => render(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);
const SHORT = 'This value is short; it will be masked wherever it appears in responses and history.';

describe('a short or common credential is pointed out at its field', () => {
  it('Basic password and Bearer token', () => {
    wrap(<UsernamePasswordFields username="user" password="passwd" onChange={() => undefined} />);
    expect(screen.getByText(SHORT)).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toBeTruthy();
    cleanup();
    wrap(<BearerTokenFields token="secret" prefix="Bearer" onChange={() => undefined} />);
    expect(screen.getByText(SHORT)).toBeTruthy();
  });

  it('says nothing for a reference or a long unusual value', () => {
    wrap(<UsernamePasswordFields username="user" password="{{pass}}" onChange={() => undefined} />);
    expect(screen.queryByText(SHORT)).toBeNull();
    cleanup();
    wrap(<BearerTokenFields token="kq9-Zt!x44-pQ-long" prefix="Bearer" onChange={() => undefined} />);
    expect(screen.queryByText(/will be masked wherever/)).toBeNull();
  });
});
