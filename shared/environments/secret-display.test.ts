import { describe, expect, it } from 'vitest';
import { SECRET_MASK, secretFlag, valueCellView } from './secret-display';
import { createVariableRow, type VariableRow } from './variable-rows';

const stored = (patch: Partial<VariableRow>): VariableRow => ({
  key: 'k',
  id: 'id',
  name: 'token',
  value: '',
  enabled: true,
  secret: true,
  storedState: 'set',
  valueEdited: false,
  ...patch,
});

describe('valueCellView', () => {
  it('masks a stored secret until it is revealed, and reveals through the bridge once', () => {
    const masked = valueCellView(stored({}), undefined, false);
    expect(masked).toMatchObject({ inputType: 'password', value: '', placeholder: SECRET_MASK, reveal: 'show', revealNeedsBridge: true });
    expect(valueCellView(stored({}), 'abc', true)).toMatchObject({ inputType: 'text', value: 'abc', reveal: 'hide' });
    expect(valueCellView(stored({}), 'abc', false)).toMatchObject({ inputType: 'password', value: '', revealNeedsBridge: false });
  });

  it('masks a typed secret value and shows it locally on request', () => {
    const typed = stored({ value: 'new', valueEdited: true });
    expect(valueCellView(typed, 'old', false)).toMatchObject({ inputType: 'password', value: 'new', reveal: 'show', revealNeedsBridge: false });
    expect(valueCellView(typed, 'old', true)).toMatchObject({ inputType: 'text', value: 'new', reveal: 'hide' });
  });

  it('cannot reveal locked, unreadable or empty secrets', () => {
    expect(valueCellView(stored({ storedState: 'locked' }), undefined, false)).toMatchObject({
      reveal: null,
      revealUnavailable: expect.stringMatching(/Unlock/),
    });
    expect(valueCellView(stored({ storedState: 'unreadable' }), undefined, false)).toMatchObject({
      reveal: null,
      placeholder: expect.stringMatching(/new value/),
    });
    expect(valueCellView(stored({ storedState: 'empty' }), undefined, false)).toMatchObject({ reveal: null, placeholder: 'No value yet' });
  });

  it('shows plain values as text', () => {
    expect(valueCellView(createVariableRow('n', 'a', 'b'), undefined, false)).toMatchObject({ inputType: 'text', value: 'b', reveal: null });
    // a secret being turned plain: its value is only known once revealed, and is kept otherwise
    expect(valueCellView(stored({ secret: false }), undefined, false)).toMatchObject({
      inputType: 'text',
      value: '',
      placeholder: expect.stringMatching(/kept/),
    });
    expect(valueCellView(stored({ secret: false }), 'abc', false)).toMatchObject({ value: 'abc' });
  });
});

describe('secretFlag', () => {
  it('flags locked and unreadable secrets until a new value is typed', () => {
    expect(secretFlag(stored({ storedState: 'locked' }))?.label).toBe('Locked');
    const unreadable = secretFlag(stored({ storedState: 'unreadable' }));
    expect(unreadable?.label).toBe('Can’t be decrypted');
    expect(unreadable?.explanation).toMatch(/Only this value is affected and the file was not changed/);
    expect(secretFlag(stored({ storedState: 'unreadable', value: 'x', valueEdited: true }))).toBeNull();
    expect(secretFlag(stored({}))).toBeNull();
  });
});
