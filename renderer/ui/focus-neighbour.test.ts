// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { focusNeighbour, leaveWidget } from './focus-neighbour';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('focusNeighbour', () => {
  it('focuses the control after or before a widget, skipping what is inside it or hidden', () => {
    document.body.innerHTML = `
      <button id="before">Before</button>
      <button id="gone" hidden>Gone</button>
      <div id="editor"><textarea id="inside"></textarea><button>Inside</button></div>
      <button id="disabled" disabled>Off</button>
      <div hidden><button>Hidden</button></div>
      <input id="after" />`;
    const editor = document.getElementById('editor')!;
    document.getElementById('inside')!.focus();
    expect(focusNeighbour(editor, 'next')).toBe(true);
    expect(document.activeElement?.id).toBe('after');
    expect(focusNeighbour(editor, 'previous')).toBe(true);
    expect(document.activeElement?.id).toBe('before');
  });

  it('says so when there is nothing to go to', () => {
    document.body.innerHTML = '<div id="editor"><textarea></textarea></div>';
    expect(focusNeighbour(document.getElementById('editor')!, 'next')).toBe(false);
  });

  it('leaves the last widget of the page backwards rather than onto the body (finding 37)', () => {
    document.body.innerHTML = '<button id="copy">Copy</button><div id="editor"><textarea id="inside"></textarea></div>';
    document.getElementById('inside')!.focus();
    expect(leaveWidget(document.getElementById('editor')!, 'next')).toBe(true);
    expect(document.activeElement?.id).toBe('copy');
  });
});
