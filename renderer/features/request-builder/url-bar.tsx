import { useLayoutEffect, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';
import { VariableTextInput } from '../../ui';
import { MethodPicker } from './method-picker';
import { SendButton } from './send-button';
import styles from './request-builder.module.css';

interface UrlBarProps {
  method: string;
  url: string;
  onMethodChange: (method: string) => void;
  onUrlChange: (url: string) => void;
  onUrlBlur: () => void;
  onSubmit: () => void;
  onCancel: () => void;
  sending: boolean;
  urlInvalid: boolean;
  methodInvalid: boolean;
  /** id of the message under the bar, when there is one */
  messageId?: string;
  urlRef: RefObject<HTMLInputElement | null>;
  /** pasted text; returning true means it was taken whole (a curl command) and is not inserted */
  onPasteText?: (text: string) => boolean;
  /** controls after Send (Export) */
  extra?: ReactNode;
}

/** Method, URL and Send in one form, so Enter in the URL field sends as it does in a browser's address bar. */
export function UrlBar({ urlRef, ...props }: UrlBarProps) {
  useFocusOnAppear(urlRef);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <form className={styles.urlBar} onSubmit={submit} aria-label="Request line">
      <MethodPicker
        method={props.method}
        onChange={props.onMethodChange}
        invalid={props.methodInvalid}
        describedBy={props.methodInvalid ? props.messageId : undefined}
      />
      <VariableTextInput
        ref={urlRef}
        containerClassName={styles.urlBox}
        inputMode="url"
        className={styles.url}
        aria-label="URL"
        data-pane-focus=""
        aria-invalid={props.urlInvalid || undefined}
        aria-describedby={props.urlInvalid ? props.messageId : undefined}
        placeholder="https://api.example.com/users?limit=10"
        spellCheck={false}
        autoComplete="off"
        value={props.url}
        onChange={(event) => props.onUrlChange(event.target.value)}
        onBlur={props.onUrlBlur}
        onPaste={(event) => {
          if (props.onPasteText?.(event.clipboardData.getData('text/plain'))) event.preventDefault();
        }}
      />
      <SendButton sending={props.sending} onCancel={props.onCancel} />
      {props.extra}
    </form>
  );
}

/**
 * The URL is where nearly every session starts, so it takes the focus when the builder appears (the app opens, a
 * tab opens or changes), but not from a place that keeps it (data-keep-focus: the collections tree, the tab strip):
 * a click in the tree leaves F2, arrows and Delete working there, and arrows in the tab strip keep moving.
 * A layout effect, so the field is focused in the frame that first shows it: as a passive effect the focus came after
 * that paint (up to tens of ms at start-up), and keys pressed in between fell on the page and were lost. Once per
 * mount: React re-runs layout effects when a Suspense boundary above shows its content again (a lazy section loading),
 * which took the focus back from wherever the user had moved it (F6 to the response, say).
 */
function useFocusOnAppear(ref: RefObject<HTMLInputElement | null>) {
  const appeared = useRef(false);
  useLayoutEffect(() => {
    if (appeared.current) return;
    appeared.current = true;
    const current = document.activeElement;
    if (current instanceof HTMLElement && current !== document.body && current.closest('[data-keep-focus]')) return;
    ref.current?.focus();
  }, [ref]);
}
