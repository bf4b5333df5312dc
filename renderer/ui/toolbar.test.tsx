// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Toolbar } from './toolbar';

afterEach(cleanup);

function BodyActions({ loading = false }: { loading?: boolean }) {
  const [pretty, setPretty] = useState(true);
  return (
    <>
      <button type="button">Before</button>
      <Toolbar aria-label="Body actions">
        <div role="group" aria-label="Body format">
          <button type="button" aria-pressed={pretty} onClick={() => setPretty(true)}>
            Pretty
          </button>
          <button type="button" aria-pressed={!pretty} onClick={() => setPretty(false)}>
            Raw
          </button>
        </div>
        <span>Contains a secret</span>
        <button type="button" disabled={loading}>
          Save
        </button>
        <button type="button">Copy</button>
      </Toolbar>
      <button type="button">After</button>
    </>
  );
}

const button = (name: string) => screen.getByRole('button', { name });
const tabStops = () =>
  screen
    .getAllByRole('button')
    .filter((element) => element.tabIndex === 0)
    .map((element) => element.textContent);
const press = (key: string) => fireEvent.keyDown(document.activeElement!, { key });

describe('Toolbar', () => {
  it('is a named toolbar that is one tab stop, on its first control', () => {
    render(<BodyActions />);
    expect(screen.getByRole('toolbar', { name: 'Body actions' })).toBeTruthy();
    expect(tabStops()).toEqual(['Before', 'Pretty', 'After']);
  });

  it('moves with ←/→ round the ends, into groups and past text, and Home/End go to the ends', () => {
    render(<BodyActions />);
    button('Pretty').focus();
    press('ArrowRight');
    expect(document.activeElement).toBe(button('Raw'));
    press('ArrowRight');
    expect(document.activeElement).toBe(button('Save'));
    press('ArrowRight');
    press('ArrowRight');
    expect(document.activeElement).toBe(button('Pretty'));
    press('ArrowLeft');
    expect(document.activeElement).toBe(button('Copy'));
    press('Home');
    expect(document.activeElement).toBe(button('Pretty'));
    press('End');
    expect(document.activeElement).toBe(button('Copy'));
  });

  it('keeps the tab stop on the control last used, clicked or reached by arrows', () => {
    render(<BodyActions />);
    button('Pretty').focus();
    press('End');
    expect(tabStops()).toEqual(['Before', 'Copy', 'After']);
    fireEvent.focus(button('Save'));
    button('Save').focus();
    expect(tabStops()).toEqual(['Before', 'Save', 'After']);
  });

  it('passes over a disabled control, and moves the tab stop off one that becomes disabled', () => {
    const { rerender } = render(<BodyActions />);
    button('Raw').focus();
    press('ArrowRight');
    expect(document.activeElement).toBe(button('Save'));
    rerender(<BodyActions loading />);
    expect(tabStops()).toEqual(['Before', 'Pretty', 'After']);
    button('Raw').focus();
    press('ArrowRight');
    expect(document.activeElement).toBe(button('Copy'));
  });

  it('leaves the arrows to a text field inside it, and ignores the controls of a dialog it holds', () => {
    render(
      <Toolbar aria-label="Filters">
        <button type="button">All</button>
        <input aria-label="Search" />
        <dialog open>
          <button type="button">Save anyway</button>
        </dialog>
      </Toolbar>,
    );
    const search = screen.getByRole('textbox', { name: 'Search' });
    search.focus();
    press('ArrowLeft');
    expect(document.activeElement).toBe(search);
    expect(button('Save anyway').tabIndex).toBe(0);
    screen.getByRole('button', { name: 'All' }).focus();
    press('ArrowLeft');
    expect(document.activeElement).toBe(search);
  });
});
