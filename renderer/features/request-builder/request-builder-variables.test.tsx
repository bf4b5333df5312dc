// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { HttpRequestSpec, VariablesState } from '../../../shared/contract';

const fake = vi.hoisted(() => {
  const state = { current: null as unknown };
  const bridge = {
    invoke(method: string) {
      if (method === 'variables.state') return Promise.resolve({ ok: true, value: state.current });
      if (method === 'auth.oauth2.status') return Promise.resolve({ ok: true, value: { token: null } });
      return new Promise(() => undefined);
    },
    subscribe() {
      return () => undefined;
    },
  };
  (window as unknown as { courier: unknown }).courier = bridge;
  return { state };
});

import { RequestBuilder } from './request-builder';

const vault = { backend: 'passphrase', osBackend: null, state: 'locked', warning: null, kdf: null, secretCount: 1, unreadableCount: 0 } as const;
const variablesState: VariablesState = {
  global: {
    id: 'global',
    kind: 'global',
    name: 'Globals',
    variables: [{ id: 'g1', name: 'host', value: 'global.test', enabled: true, secret: false, secretState: 'plain' }],
  },
  collection: { id: 'workspace', kind: 'collection', name: 'Workspace', variables: [] },
  environments: [
    {
      id: 'dev',
      kind: 'environment',
      name: 'dev',
      variables: [
        { id: 'd1', name: 'host', value: 'dev.test', enabled: true, secret: false, secretState: 'plain' },
        { id: 'd2', name: 'key', value: '', enabled: true, secret: true, secretState: 'locked' },
      ],
    },
  ],
  activeEnvironmentId: 'dev',
  vault,
};

function setup() {
  fake.state.current = variablesState;
  const onSend = vi.fn<(request: HttpRequestSpec) => void>();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RequestBuilder state={{ kind: 'idle' }} onSend={onSend} onCancel={() => undefined} />
    </QueryClientProvider>,
  );
  return { onSend, url: screen.getByRole('textbox', { name: 'URL' }) };
}

afterEach(cleanup);

describe('RequestBuilder and variables', () => {
  it('flags unresolved and locked references under the URL bar, and still sends', async () => {
    const { onSend, url } = setup();
    fireEvent.change(url, { target: { value: 'http://{{host}}/{{nope}}?k={{key}}' } });
    await waitFor(() => expect(screen.getByText('Unresolved: {{nope}} — it will be sent as written')).toBeTruthy());
    expect(screen.getByText(/^Locked: \{\{key\}\} is a secret in the locked vault\. Unlock the vault/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledTimes(1);
    expect(onSend.mock.calls[0]?.[0].url).toBe('http://{{host}}/{{nope}}?k={{key}}');
  });

  it('request variables take precedence and clear the warning; the Vars tab shows the order', async () => {
    const { onSend, url } = setup();
    fireEvent.change(url, { target: { value: 'http://{{host}}/{{nope}}' } });
    await screen.findByText(/^Unresolved: \{\{nope\}\}/);

    fireEvent.click(screen.getByRole('tab', { name: 'Vars' }));
    const precedence = await screen.findByRole('list', { name: 'Precedence' });
    await waitFor(() => expect(precedence.textContent).toBe('Request (this tab)›Environment “dev”›Folder›Collection›Workspace›Globals'));
    fireEvent.change(screen.getByRole('textbox', { name: 'New variable name' }), { target: { value: 'nope' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Variable 1 value' }), { target: { value: 'fine' } });
    await waitFor(() => expect(screen.queryByText(/^Unresolved:/)).toBeNull());

    fireEvent.change(screen.getByRole('textbox', { name: 'New variable name' }), { target: { value: '9lives' } });
    expect(screen.getByRole('alert').textContent).toMatch(/start with a letter/);

    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend.mock.calls[0]?.[0].variables).toEqual([
      { name: 'nope', value: 'fine', enabled: true },
      { name: '9lives', value: '', enabled: true },
    ]);
  });

  it('the Auth tab edits the draft’s auth, kind by kind', async () => {
    const { onSend } = setup();
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), { target: { value: 'http://x.test' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Auth' }));
    // the Auth panel is a chunk of its own, loaded when the tab is first chosen
    fireEvent.change(await screen.findByRole('combobox', { name: 'Auth type' }), { target: { value: 'basic' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Username' }), { target: { value: 'ann' } });
    const password = screen.getByLabelText('Password', { selector: 'input' }) as HTMLInputElement;
    expect(password.type).toBe('password');
    fireEvent.change(password, { target: { value: 'pw' } });
    const show = screen.getByRole('button', { name: 'Show password' });
    fireEvent.click(show);
    expect(show.getAttribute('aria-pressed')).toBe('true');
    expect(password.type).toBe('text');
    expect(screen.getByRole('status').textContent).toMatch(/secret variables/);

    fireEvent.change(screen.getByRole('combobox', { name: 'Auth type' }), { target: { value: 'apikey' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Key name' }), { target: { value: 'api_key' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Key value' }), { target: { value: '{{key}}' } });
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Add to' })).getByRole('radio', { name: 'Query params' }));

    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend.mock.calls[0]?.[0].auth).toEqual({ kind: 'apikey', name: 'api_key', value: '{{key}}', in: 'query' });

    // Basic comes back as it was left
    fireEvent.change(screen.getByRole('combobox', { name: 'Auth type' }), { target: { value: 'basic' } });
    expect((screen.getByRole('textbox', { name: 'Username' }) as HTMLInputElement).value).toBe('ann');
  });

  it('the OAuth 2.0 settings show their fields and the token box', async () => {
    setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Auth' }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Auth type' }), { target: { value: 'oauth2' } });
    for (const name of ['Token URL', 'Client ID', 'Scope', 'Audience', 'Header prefix']) expect(screen.getByRole('textbox', { name })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Authorization URL' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Grant type' }), { target: { value: 'authorization_code' } });
    expect(screen.getByRole('textbox', { name: 'Authorization URL' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Redirect port' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Client authentication' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Refresh automatically' })).toBeTruthy();
    const box = screen.getByRole('region', { name: 'Token' });
    await waitFor(() => expect(box.textContent).toMatch(/No token yet/));
    expect(within(box).getByRole('button', { name: 'Get token' })).toBeTruthy();
  });
});
