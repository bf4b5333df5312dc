import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type CompositionEvent,
  type FocusEvent,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type Ref,
  type RefCallback,
  type SyntheticEvent,
  type UIEvent,
} from 'react';
import { findVariableReferences } from '../../shared/variables';
import { useVariableLookup } from './variable-lookup';
import { useVariableCompletion } from './use-variable-completion';
import type { ReferenceTone } from '../../shared/request';
import styles from './variable-text-input.module.css';

const REF_CLASS: Record<ReferenceTone, string | undefined> = {
  resolved: styles.resolved,
  secret: styles.secret,
  dynamic: styles.dynamic,
  empty: styles.empty,
  problem: styles.problem,
};
/** the tooltip's left edge in the reference's colour; resolved is the plain one */
const TOOLTIP_CLASS: Record<ReferenceTone, string | undefined> = {
  resolved: undefined,
  secret: styles.tooltipSecret,
  dynamic: styles.tooltipDynamic,
  empty: styles.tooltipEmpty,
  problem: styles.tooltipProblem,
};

type NativeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'type' | 'children' | 'defaultValue'>;

interface VariableTextInputProps extends NativeInputProps {
  value: string;
  ref?: Ref<HTMLInputElement>;
  /** class of the wrapper that takes the input's place in the layout (e.g. to let it grow in a flex row) */
  containerClassName?: string;
  /** a password field: shown as dots, so without highlighting */
  masked?: boolean;
}

/** What the overlay copies from the input so every glyph lands exactly on the (invisible) one below it. */
const MIRRORED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontStretch',
  'fontVariant',
  'fontFeatureSettings',
  'fontKerning',
  'letterSpacing',
  'wordSpacing',
  'textTransform',
  'textIndent',
  'lineHeight',
  'paddingTop',
  'paddingBottom',
  'borderTopWidth',
  'borderBottomWidth',
  'color',
  'textDecorationLine',
  'textDecorationStyle',
  'textDecorationColor',
] as const;

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/**
 * A one-line text input that shows {{references}} coloured by what they resolve to, with a tooltip (on hover, or
 * while the caret is inside one) saying the value and where it comes from.
 *
 * The real <input> stays in charge of typing, the caret, selection, IME, undo and autofill; only its glyphs are made
 * invisible (-webkit-text-fill-color, so the caret keeps the text colour) and an aria-hidden copy of the text is
 * laid exactly over them with the references coloured. The copy takes the input's font, padding and borders from
 * its computed style and follows its horizontal scroll, and nothing is added to the layout, so the field does not
 * move by a pixel when a reference appears. While an IME composes, the overlay steps aside and the input shows its
 * own text. Fields without references, or rendered without a VariableLookup provider, are plain inputs.
 */
export function VariableTextInput({ value, ref, containerClassName, className, masked = false, ...props }: VariableTextInputProps) {
  const lookup = useVariableLookup();
  const references = useMemo(() => findVariableReferences(value), [value]);
  const [composing, setComposing] = useState(false);
  const [hovered, setHovered] = useState<number | null>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLSpanElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const tooltipId = useId();
  const completion = useVariableCompletion(inputRef, lookup?.suggestions);

  const active = lookup !== null && references.length > 0 && !composing && !masked;
  const views = useMemo(() => (lookup ? references.map((reference) => lookup.describe(reference.name)) : []), [lookup, references]);
  const shownIndex = hovered ?? (caret !== dismissed ? caret : null);
  const shown = active && shownIndex !== null && shownIndex < views.length ? shownIndex : null;
  const shownView = shown !== null ? views[shown] : undefined;

  const setInput: RefCallback<HTMLInputElement> = (node) => {
    inputRef.current = node;
    assignRef(ref, node);
  };

  /** Keeps the overlay on the input's glyphs (scroll) and the tooltip under its reference. */
  const sync = () => {
    const input = inputRef.current;
    const text = textRef.current;
    if (!input || !text) return;
    text.style.transform = `translateX(${-input.scrollLeft}px)`;
    const tooltip = tooltipRef.current;
    if (!tooltip) return;
    const span = overlayRef.current?.querySelector<HTMLElement>(`[data-ref="${tooltip.dataset.ref}"]`);
    if (!span) return;
    const box = input.getBoundingClientRect();
    const at = span.getBoundingClientRect();
    const left = Math.min(Math.max(at.left, box.left), Math.max(box.left, window.innerWidth - tooltip.offsetWidth - 8));
    tooltip.style.left = `${Math.round(left)}px`;
    tooltip.style.top = `${Math.round(box.bottom + 4)}px`;
  };

  // Style and scroll are read back on every render: the input's colour depends on classes set by its row or form
  // (a switched-off row is faint and struck through), which this component cannot see change.
  useLayoutEffect(() => {
    if (!active) return;
    const input = inputRef.current;
    const overlay = overlayRef.current;
    if (!input || !overlay) return;
    const style = window.getComputedStyle(input);
    for (const property of MIRRORED) overlay.style[property] = style[property];
    // The input clips its text at its content box: sideways, so does the overlay, which spans exactly that width
    // (up and down it keeps the padding, where a wavy underline may reach).
    overlay.style.left = `${parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth)}px`;
    overlay.style.right = `${parseFloat(style.paddingRight) + parseFloat(style.borderRightWidth)}px`;
    sync();
    // the browser scrolls a field to keep the caret in view after layout; follow it on the next frame too
    const frame = window.requestAnimationFrame(sync);
    return () => window.cancelAnimationFrame(frame);
  });

  const updateCaret = (input: HTMLInputElement) => {
    if (document.activeElement !== input || input.selectionStart === null || input.selectionStart !== input.selectionEnd) {
      setCaret(null);
      return;
    }
    const at = input.selectionStart;
    const index = references.findIndex((reference) => at > reference.start && at <= reference.end);
    setCaret(index === -1 ? null : index);
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    props.onChange?.(event);
    completion.update(true);
  };
  const onSelect = (event: SyntheticEvent<HTMLInputElement>) => {
    updateCaret(event.currentTarget);
    completion.update(false);
    sync();
    props.onSelect?.(event);
  };
  const onScroll = (event: UIEvent<HTMLInputElement>) => {
    sync();
    props.onScroll?.(event);
  };
  const onFocus = (event: FocusEvent<HTMLInputElement>) => {
    updateCaret(event.currentTarget);
    props.onFocus?.(event);
  };
  const onBlur = (event: FocusEvent<HTMLInputElement>) => {
    setCaret(null);
    setDismissed(null);
    completion.close();
    props.onBlur?.(event);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // the {{ list, when open, has the arrows, Enter, Tab and Esc
    if (completion.onKeyDown(event)) return;
    if (event.key === 'Escape' && shown !== null) {
      // WCAG 1.4.13: the tooltip can be dismissed without moving focus or the pointer
      event.preventDefault();
      setHovered(null);
      setDismissed(caret);
    }
    // Enter sends (or submits): the hint steps aside so what the send shows below it (the response's Details line,
    // say) is not covered. It comes back when the caret moves to another reference.
    if (event.key === 'Enter' && shown !== null) {
      setHovered(null);
      setDismissed(caret);
    }
    props.onKeyDown?.(event);
  };
  const onMouseMove = (event: MouseEvent<HTMLInputElement>) => {
    let found: number | null = null;
    if (active) {
      for (const span of overlayRef.current?.querySelectorAll<HTMLElement>('[data-ref]') ?? []) {
        const box = span.getBoundingClientRect();
        if (event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top - 4 && event.clientY <= box.bottom + 4) {
          found = Number(span.dataset.ref);
          break;
        }
      }
    }
    if (found !== hovered) setHovered(found);
    if (event.buttons !== 0) sync();
    props.onMouseMove?.(event);
  };
  const onMouseLeave = (event: MouseEvent<HTMLInputElement>) => {
    setHovered(null);
    props.onMouseLeave?.(event);
  };
  const onCompositionStart = (event: CompositionEvent<HTMLInputElement>) => {
    setComposing(true);
    props.onCompositionStart?.(event);
  };
  const onCompositionEnd = (event: CompositionEvent<HTMLInputElement>) => {
    setComposing(false);
    props.onCompositionEnd?.(event);
  };

  const describedBy = classes(props['aria-describedby'], shown !== null && tooltipId) || undefined;

  let last = 0;
  const pieces: ReactNode[] = [];
  if (active) {
    references.forEach((reference, index) => {
      if (reference.start > last) pieces.push(value.slice(last, reference.start));
      const view = views[index];
      pieces.push(
        <span key={index} data-ref={index} className={classes(styles.ref, REF_CLASS[view?.tone ?? 'problem'])}>
          {value.slice(reference.start, reference.end)}
        </span>,
      );
      last = reference.end;
    });
    // a trailing space keeps the overlay as wide as the input's own scroll range (room for the caret at the end)
    pieces.push(`${value.slice(last)} `);
  }

  return (
    <div className={classes(styles.container, active && styles.active, containerClassName)}>
      <input
        {...props}
        ref={setInput}
        type={masked ? 'password' : 'text'}
        value={value}
        className={classes(styles.field, className)}
        {...completion.inputProps}
        aria-describedby={describedBy}
        onChange={onChange}
        onSelect={onSelect}
        onScroll={onScroll}
        onFocus={onFocus}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
        onMouseMove={onMouseMove}
        onMouseLeave={onMouseLeave}
        onCompositionStart={onCompositionStart}
        onCompositionEnd={onCompositionEnd}
      />
      {active ? (
        <div ref={overlayRef} className={styles.overlay} aria-hidden="true">
          <span ref={textRef} className={styles.text}>
            {pieces}
          </span>
        </div>
      ) : null}
      {completion.list}
      {shown !== null && shownView && completion.list === null ? (
        <div ref={tooltipRef} id={tooltipId} role="tooltip" data-ref={shown} className={classes(styles.tooltip, TOOLTIP_CLASS[shownView.tone])}>
          {shownView.text}
        </div>
      ) : null}
    </div>
  );
}
