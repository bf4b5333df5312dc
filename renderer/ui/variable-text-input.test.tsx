// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { VariableLookupContext, type VariableLookup } from './variable-lookup';
import { VariableTextInput } from './variable-text-input';
import styles from './variable-text-input.module.css';

const lookup: VariableLookup = {
  describe: (name) =>
    name === 'host'
      ? { tone: 'resolved', text: 'host = api.test · from Request' }
      : name === 'token'
        ? { tone: 'secret', text: 'token = •••••• (secret) · from Globals' }
        : { tone: 'problem', text: `${name} is not defined` },
  suggestions: [
    { name: 'host', scope: 'Request', value: 'api.test', secret: false },
    { name: 'token', scope: 'Globals', value: '••••••', secret: true },
    { name: 'hostname', scope: 'Staging', value: 'staging.test', secret: false },
  ],
};

function Field({ initial, masked = false, withLookup = true }: { initial: string; masked?: boolean; withLookup?: boolean }) {
  const [value, setValue] = useState(initial);
  const input = <VariableTextInput aria-label="URL" value={value} masked={masked} onChange={(event) => setValue(event.target.value)} />;
  return withLookup ? <VariableLookupContext value={lookup}>{input}</VariableLookupContext> : input;
}

const overlayOf = (input: HTMLElement) => input.parentElement?.querySelector('[aria-hidden="true"]') ?? null;

afterEach(cleanup);

describe('VariableTextInput', () => {
  it('draws references coloured by what they resolve to, over the real input', () => {
    render(<Field initial="https://{{host}}/{{nope}}?t={{token}}" />);
    const input = screen.getByRole('textbox', { name: 'URL' });
    const overlay = overlayOf(input);
    expect(overlay?.textContent).toBe('https://{{host}}/{{nope}}?t={{token}} ');
    const refs = [...(overlay?.querySelectorAll('[data-ref]') ?? [])];
    expect(refs.map((ref) => [ref.textContent, ref.className])).toEqual([
      ['{{host}}', `${styles.ref} ${styles.resolved}`],
      ['{{nope}}', `${styles.ref} ${styles.problem}`],
      ['{{token}}', `${styles.ref} ${styles.secret}`],
    ]);
    // the input keeps the value and its name; only its glyphs are hidden
    expect(input).toHaveProperty('value', 'https://{{host}}/{{nope}}?t={{token}}');
    expect(input.parentElement?.className.split(' ')).toContain(styles.active);
  });

  it('is a plain input without references, without a lookup, and when masked', () => {
    render(<Field initial="https://plain.test" />);
    expect(overlayOf(screen.getByRole('textbox', { name: 'URL' }))).toBeNull();
    cleanup();
    render(<Field initial="{{host}}" withLookup={false} />);
    expect(overlayOf(screen.getByRole('textbox', { name: 'URL' }))).toBeNull();
    cleanup();
    const { container } = render(<Field initial="{{host}}" masked />);
    const password = container.querySelector('input');
    expect(password?.type).toBe('password');
    expect(password && overlayOf(password)).toBeNull();
  });

  it('shows the tooltip while the caret is inside a reference, describes the field with it, and Escape hides it', () => {
    render(<Field initial="https://{{host}}/x" />);
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'URL' });
    act(() => {
      input.focus();
      input.setSelectionRange(12, 12);
    });
    fireEvent.select(input);
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip.textContent).toBe('host = api.test · from Request');
    expect(input.getAttribute('aria-describedby')).toBe(tooltip.id);

    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();

    act(() => input.setSelectionRange(2, 2));
    fireEvent.select(input);
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBeNull();
  });

  it('steps aside on Enter (a send), so it does not cover what the send shows below (finding 42)', () => {
    render(<Field initial="https://{{host}}/x" />);
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'URL' });
    act(() => {
      input.focus();
      input.setSelectionRange(12, 12);
    });
    fireEvent.select(input);
    expect(screen.getByRole('tooltip')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('steps aside while an IME composes, so the composition is visible', () => {
    render(<Field initial="{{host}}" />);
    const input = screen.getByRole('textbox', { name: 'URL' });
    fireEvent.compositionStart(input);
    expect(overlayOf(input)).toBeNull();
    fireEvent.compositionEnd(input);
    expect(overlayOf(input)).not.toBeNull();
  });

  it('keeps typing working: the value updates and the overlay follows', () => {
    render(<Field initial="{{host}}" />);
    const input = screen.getByRole('textbox', { name: 'URL' });
    fireEvent.change(input, { target: { value: '{{host}}/{{more}}' } });
    expect(overlayOf(input)?.querySelectorAll('[data-ref]')).toHaveLength(2);
  });

  it('opens the variables in scope on {{, narrows them as the name is typed, and accepts with arrows and Enter', () => {
    const onSubmit = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <Field initial="" />
      </form>,
    );
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'URL' });
    act(() => input.focus());
    fireEvent.change(input, { target: { value: 'https://{{' } });
    const list = screen.getByRole('listbox', { name: 'Variables' });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'hostRequestapi.test',
      'tokenGlobals••••••',
      'hostnameStagingstaging.test',
    ]);
    expect(input.getAttribute('aria-controls')).toBe(list.id);
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]!.id);

    fireEvent.change(input, { target: { value: 'https://{{ho' } });
    expect(screen.getAllByRole('option').map((option) => option.firstChild?.textContent)).toEqual(['host', 'hostname']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('https://{{hostname}}');
    expect(screen.queryByRole('listbox')).toBeNull();
    // Enter was the list's, not the form's
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('closes the list on Esc and keeps it closed for that {{', () => {
    render(<Field initial="" />);
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'URL' });
    act(() => input.focus());
    fireEvent.change(input, { target: { value: '{{' } });
    expect(screen.getByRole('listbox')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.change(input, { target: { value: '{{t' } });
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.change(input, { target: { value: '{{t' } });
    fireEvent.keyDown(input, { key: 'Tab' });
    expect(input.value).toBe('{{token}}');
  });
});
