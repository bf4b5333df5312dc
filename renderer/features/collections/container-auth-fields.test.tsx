// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../../shared/contract';
import { ContainerAuthFields } from './container-auth-fields';

afterEach(cleanup);

const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;

// Finding 17 of the new-user UI pass: getByLabel("Password") matched two elements, and the Collection settings
// "Type" select was matched by getByLabel("Token"). Every auth input has a name of its own.
describe('Collection settings auth fields have unique accessible names', () => {
  it('Collection settings: the type select and the token field are each found by their own label only', () => {
    render(<ContainerAuthFields auth={{ kind: 'bearer', token: '', prefix: 'Bearer' }} onChange={() => undefined} vault={null} />, { wrapper });
    const token = screen.getAllByLabelText(/token/i);
    expect(token).toHaveLength(1);
    expect(token[0]?.tagName).toBe('INPUT');
    expect(screen.getByLabelText('Auth type').tagName).toBe('SELECT');
  });

  it('Collection settings: Basic and API key fields are unique too', () => {
    render(<ContainerAuthFields auth={{ kind: 'basic', username: '', password: '' }} onChange={() => undefined} vault={null} />, { wrapper });
    expect(screen.getAllByLabelText(/password/i)).toHaveLength(1);
    cleanup();
    render(<ContainerAuthFields auth={{ kind: 'apikey', name: '', value: '', in: 'header' }} onChange={() => undefined} vault={null} />, { wrapper });
    expect(screen.getAllByLabelText(/key value/i)).toHaveLength(1);
    expect(screen.getAllByLabelText(/key name/i)).toHaveLength(1);
  });
});

describe('Collection settings: a credential kept in the vault', () => {
  it('reads "Stored in the vault", not its {{$credential.…}} reference, and typing replaces it', () => {
    const changes: unknown[] = [];
    render(
      <ContainerAuthFields auth={{ kind: 'bearer', token: '{{$credential.k3y-1}}', prefix: 'Bearer' }} onChange={(auth) => changes.push(auth)} vault={null} />,
      {
        wrapper,
      },
    );
    const token = screen.getByLabelText('Token') as HTMLInputElement;
    expect(token.value).toBe('');
    expect(token.placeholder).toBe('Stored in the vault');
    expect(document.body.textContent).not.toContain('$credential');
    expect(screen.getByText(/stored in the vault/i, { selector: 'p' })).toBeTruthy();
    fireEvent.change(token, { target: { value: 'new-token' } });
    expect(changes).toEqual([{ kind: 'bearer', token: 'new-token', prefix: 'Bearer' }]);
  });
});

// The new-user pass of 2026-12-07: "(set a vault passphrase first)" still showed after the vault was unlocked.
describe('Collection settings: the hint under the auth fields says what the vault still needs, as it stands', () => {
  const vault = (state: VaultStatus['state']): VaultStatus => ({
    backend: 'passphrase',
    osBackend: null,
    state,
    warning: null,
    kdf: null,
    secretCount: 0,
    unreadableCount: 0,
  });
  const hint = () => screen.getByText(/are written to the file/).textContent;
  it.each([
    ['uninitialized', 'kept in the vault (set a vault passphrase first) and the file gets a placeholder.'],
    ['locked', 'kept in the vault (unlock it first) and the file gets a placeholder.'],
    ['unlocked', 'kept in the vault and the file gets a placeholder.'],
  ] as const)('%s', (state, ending) => {
    render(<ContainerAuthFields auth={{ kind: 'bearer', token: '', prefix: 'Bearer' }} onChange={() => undefined} vault={vault(state)} />, { wrapper });
    expect(hint()).toMatch(new RegExp(`a typed secret is ${ending.replace(/[()]/g, '\\$&')}$`));
  });
});

// The new-user pass: the Bearer token typed in Collection settings was readable on screen, unlike the request's Auth tab
describe('Collection settings: a typed secret is not shown', () => {
  it('a typed token or password is a password field; a {{reference}} and the username stay readable', () => {
    render(<ContainerAuthFields auth={{ kind: 'bearer', token: 's3cret', prefix: 'Bearer' }} onChange={() => undefined} vault={null} />, { wrapper });
    expect((screen.getByLabelText('Token') as HTMLInputElement).type).toBe('password');
    cleanup();
    render(<ContainerAuthFields auth={{ kind: 'bearer', token: '{{token}}', prefix: 'Bearer' }} onChange={() => undefined} vault={null} />, { wrapper });
    expect((screen.getByLabelText('Token') as HTMLInputElement).type).toBe('text');
    cleanup();
    render(<ContainerAuthFields auth={{ kind: 'basic', username: 'ann', password: 'pw' }} onChange={() => undefined} vault={null} />, { wrapper });
    expect((screen.getByLabelText('Password') as HTMLInputElement).type).toBe('password');
    expect((screen.getByLabelText('Username') as HTMLInputElement).type).toBe('text');
  });
});
