import { hasHiddenStoredValue, type VariableRow } from './variable-rows';

/** How a stored secret looks when its value is not shown: the same length whatever the value, so nothing leaks. */
export const SECRET_MASK = '••••••••';

export interface ValueCellView {
  /** 'password' keeps typed or known secret values masked by the browser */
  inputType: 'text' | 'password';
  value: string;
  placeholder: string;
  /** whether the reveal button shows the value (true) or hides it (false) when pressed; null: nothing to reveal */
  reveal: 'show' | 'hide' | null;
  /** pressing reveal needs the main process to decrypt the stored value */
  revealNeedsBridge: boolean;
  /** why reveal is not possible right now, when it is not */
  revealUnavailable: string | null;
}

/**
 * What the value cell of a row shows. A stored secret's value is only ever in the renderer after an explicit
 * reveal (`revealed`); `shown` says whether the user asked to see the value.
 */
export function valueCellView(row: VariableRow, revealed: string | undefined, shown: boolean): ValueCellView {
  const hidden = hasHiddenStoredValue(row);
  if (!row.secret) {
    return {
      inputType: 'text',
      value: hidden ? (revealed ?? '') : row.value,
      placeholder: hidden && revealed === undefined ? 'Stored value kept (decrypted when saved)' : 'Value',
      reveal: null,
      revealNeedsBridge: false,
      revealUnavailable: null,
    };
  }
  if (!hidden) {
    const empty = row.value === '';
    return {
      inputType: shown ? 'text' : 'password',
      value: row.value,
      placeholder: row.id !== null && row.storedState === 'empty' && !row.valueEdited ? 'No value yet' : 'Secret value',
      reveal: empty ? null : shown ? 'hide' : 'show',
      revealNeedsBridge: false,
      revealUnavailable: empty ? 'Nothing to reveal yet' : null,
    };
  }
  if (shown && revealed !== undefined) {
    return { inputType: 'text', value: revealed, placeholder: '', reveal: 'hide', revealNeedsBridge: false, revealUnavailable: null };
  }
  const unavailable =
    row.storedState === 'locked' ? 'Unlock the vault to reveal this value' : row.storedState === 'unreadable' ? 'This value can’t be decrypted' : null;
  return {
    inputType: 'password',
    value: '',
    placeholder: row.storedState === 'unreadable' ? 'Type a new value' : SECRET_MASK,
    reveal: unavailable ? null : 'show',
    revealNeedsBridge: revealed === undefined,
    revealUnavailable: unavailable,
  };
}

export interface SecretFlag {
  label: string;
  explanation: string;
  tone: 'warning' | 'error';
}

/** A flag on one variable whose stored secret cannot be used right now; null when there is nothing to say. */
export function secretFlag(row: VariableRow): SecretFlag | null {
  if (!hasHiddenStoredValue(row)) return null;
  if (row.storedState === 'locked') {
    return {
      label: 'Locked',
      explanation: 'The vault is locked. Unlock it to reveal this value or send requests that use it.',
      tone: 'warning',
    };
  }
  if (row.storedState === 'unreadable') {
    return {
      label: 'Can’t be decrypted',
      explanation:
        'This value could not be decrypted: it was encrypted with another key (another machine or passphrase) or it is damaged. ' +
        'Only this value is affected and the file was not changed. Type a new value to replace it.',
      tone: 'error',
    };
  }
  return null;
}
