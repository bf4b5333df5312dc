// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { keepFocusIn } from './keep-focus';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function openDialog(html: string): HTMLDialogElement {
  const dialog = document.createElement('dialog');
  dialog.innerHTML = html;
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

afterEach(() => {
  document.body.innerHTML = '';
});

// Found by the new-user UI pass: after Ctrl+S in the environment editor and after "Make active", focus fell to the page body.
describe('keepFocusIn', () => {
  it('puts focus back on the same field when it is re-rendered, caret where it was', async () => {
    const dialog = openDialog('<table><tr><td><input aria-label="Variable 1 value" value="example.test"></td></tr></table>');
    const stop = keepFocusIn(dialog);
    const old = dialog.querySelector('input')!;
    old.focus();
    old.setSelectionRange(3, 3);
    const fresh = old.cloneNode() as HTMLInputElement;
    fresh.value = 'example.test';
    old.replaceWith(fresh);
    if (document.activeElement === old) old.blur(); // a browser drops focus from a removed element by itself
    await flush();
    expect(document.activeElement).toBe(fresh);
    expect([fresh.selectionStart, fresh.selectionEnd]).toEqual([3, 3]);
    stop();
  });

  it('moves focus to the next control of the same group when the button that had it goes away', async () => {
    const dialog = openDialog('<div role="group" aria-label="Environment dev"><button>Make active</button><button>Rename</button></div>');
    const stop = keepFocusIn(dialog);
    const makeActive = dialog.querySelector('button')!;
    makeActive.focus();
    makeActive.remove();
    if (document.activeElement === makeActive) makeActive.blur();
    await flush();
    expect(document.activeElement?.textContent).toBe('Rename');
    stop();
  });

  it('holds focus on the dialog while the focused button is disabled, then gives it back', async () => {
    const dialog = openDialog('<button>Not now</button><button>Set passphrase</button>');
    const stop = keepFocusIn(dialog);
    const submit = dialog.querySelectorAll('button')[1]!;
    submit.focus();
    submit.disabled = true;
    if (document.activeElement === submit) submit.blur();
    await flush();
    expect(document.activeElement).toBe(dialog);
    submit.disabled = false;
    await flush();
    expect(document.activeElement).toBe(submit);
    stop();
  });
});
