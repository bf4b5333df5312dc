import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { applyCompletion, completionQuery, filterSuggestions, type CompletionQuery, type VariableSuggestion } from '../../shared/variables';
import styles from './variable-completion.module.css';

const MAX_OPTIONS = 50;

/** Sets a controlled input's text as typing would, so React's onChange (and the parent's state) follow. */
function typeInto(input: HTMLInputElement, text: string, caret: number): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.setSelectionRange(caret, caret);
}

interface VariableCompletion {
  /** after typing (`typed`: may open the list) or moving the caret (only narrows or closes an open list) */
  update(typed: boolean): void;
  /** true when the key was the list's (arrows, Enter, Tab, Esc while it is open) */
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): boolean;
  close(): void;
  inputProps: { 'aria-autocomplete'?: 'list'; 'aria-controls'?: string; 'aria-activedescendant'?: string };
  list: ReactNode;
}

/**
 * The list "{{" opens in a one-line field: the variables in scope with their scope and (masked) value, narrowed as
 * the name is typed. Keyboard first: Up/Down choose, Enter or Tab accept, Esc closes; the field keeps focus and
 * points at the chosen option (aria-activedescendant), as a WAI-ARIA list autocomplete does.
 */
export function useVariableCompletion(
  inputRef: RefObject<HTMLInputElement | null>,
  suggestions: readonly VariableSuggestion[] | undefined,
): VariableCompletion {
  const [at, setAt] = useState<CompletionQuery | null>(null);
  const [index, setIndex] = useState(0);
  // Esc closes the list for this "{{" until the caret leaves it
  const [dismissed, setDismissed] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const id = useId();

  const options = at && suggestions ? filterSuggestions(suggestions, at.query).slice(0, MAX_OPTIONS) : [];
  const open = at !== null && at.start !== dismissed && options.length > 0;
  const chosen = open ? Math.min(index, options.length - 1) : -1;

  const update = (typed: boolean) => {
    // moving the caret into a reference already written shows its tooltip, not the list
    if (!typed && at === null) return;
    const input = inputRef.current;
    if (!input || !suggestions || suggestions.length === 0 || input.selectionStart === null || input.selectionStart !== input.selectionEnd) {
      setAt(null);
      return;
    }
    const next = completionQuery(input.value, input.selectionStart);
    if (next === null) setDismissed(null);
    if (next?.query !== at?.query || next?.start !== at?.start) setIndex(0);
    setAt(next);
  };

  const close = () => setAt(null);

  const accept = (suggestion: VariableSuggestion) => {
    const input = inputRef.current;
    if (!input || !at || input.selectionStart === null) return;
    const result = applyCompletion(input.value, input.selectionStart, at, suggestion.name);
    setAt(null);
    typeInto(input, result.text, result.caret);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): boolean => {
    if (!open) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setIndex((chosen + step + options.length) % options.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const option = options[chosen];
      if (option) accept(option);
    } else if (event.key === 'Escape') {
      setDismissed(at.start);
    } else {
      return false;
    }
    event.preventDefault();
    // Enter would also submit the request line's form, Esc close a dialog around the field
    event.stopPropagation();
    return true;
  };

  // A fixed layer under the field, so no scrolling or clipping parent (a table, a pane) cuts the list off.
  useLayoutEffect(() => {
    const list = listRef.current;
    const input = inputRef.current;
    if (!open || !list || !input) return;
    const box = input.getBoundingClientRect();
    const width = Math.max(280, Math.min(box.width, 520));
    list.style.left = `${Math.round(Math.min(box.left, Math.max(8, window.innerWidth - width - 8)))}px`;
    list.style.top = `${Math.round(box.bottom + 2)}px`;
    list.style.width = `${Math.round(width)}px`;
    list.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  });

  const optionId = (i: number) => `${id}-option-${i}`;
  const list = open ? (
    <ul ref={listRef} id={id} role="listbox" aria-label="Variables" className={styles.list}>
      {options.map((option, i) => (
        <li
          key={option.name}
          id={optionId(i)}
          role="option"
          aria-selected={i === chosen}
          className={styles.option}
          // keep focus (and the caret) in the field
          onMouseDown={(event) => {
            event.preventDefault();
            accept(option);
          }}
        >
          <span className={styles.name}>{option.name}</span>
          <span className={styles.scope}>{option.scope}</span>
          <span className={styles.value}>{option.value}</span>
        </li>
      ))}
    </ul>
  ) : null;

  return {
    update,
    onKeyDown,
    close,
    inputProps:
      suggestions && suggestions.length > 0
        ? { 'aria-autocomplete': 'list', 'aria-controls': open ? id : undefined, 'aria-activedescendant': open && chosen >= 0 ? optionId(chosen) : undefined }
        : {},
    list,
  };
}
