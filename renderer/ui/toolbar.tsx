import { useLayoutEffect, useRef, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';

export interface ToolbarProps extends HTMLAttributes<HTMLDivElement> {
  /** the toolbar's accessible name ("Body actions") */
  'aria-label': string;
  children?: ReactNode;
}

const CONTROLS = 'button, input, select, a[href]';
const ENABLED = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href]';

/** The toolbar's own controls in order: not those of a dialog it happens to hold (a confirmation). */
function controlsOf(toolbar: HTMLElement, selector = ENABLED): HTMLElement[] {
  return [...toolbar.querySelectorAll<HTMLElement>(selector)].filter((control) => {
    const dialog = control.closest('dialog');
    return !dialog || !toolbar.contains(dialog);
  });
}

/**
 * A row of controls that is one tab stop (role=toolbar): Tab enters it on the control last used (the first at
 * first), ←/→ move between its controls, round the ends, and Home/End go to the ends. The controls are whatever it
 * holds (buttons, groups of toggles); a disabled one is passed over.
 */
export function Toolbar({ children, onKeyDown, onFocus, ...props }: ToolbarProps) {
  const ref = useRef<HTMLDivElement>(null);
  const current = useRef<HTMLElement | null>(null);

  // After every render (a control may have appeared, gone or been disabled): one control keeps the tab stop.
  useLayoutEffect(() => {
    const toolbar = ref.current;
    if (!toolbar) return;
    const controls = controlsOf(toolbar);
    const stop = current.current && controls.includes(current.current) ? current.current : controls[0];
    // disabled ones too, so that one enabled later does not come back as a second tab stop
    for (const control of controlsOf(toolbar, CONTROLS)) control.tabIndex = control === stop ? 0 : -1;
  });

  const rove = (to: HTMLElement | undefined) => {
    const toolbar = ref.current;
    if (!toolbar || !to) return;
    for (const control of controlsOf(toolbar)) control.tabIndex = control === to ? 0 : -1;
    current.current = to;
    to.focus();
  };

  return (
    <div
      ref={ref}
      role="toolbar"
      {...props}
      onFocus={(event) => {
        onFocus?.(event);
        const toolbar = ref.current;
        if (toolbar && controlsOf(toolbar).includes(event.target as HTMLElement)) rove(event.target as HTMLElement);
      }}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        onKeyDown?.(event);
        const toolbar = ref.current;
        if (!toolbar || event.defaultPrevented) return;
        const controls = controlsOf(toolbar);
        const index = controls.indexOf(event.target as HTMLElement);
        // a key in a dialog the toolbar holds, or a control that needs the arrows itself (a text field)
        if (index < 0 || (event.target instanceof HTMLInputElement && event.target.type !== 'checkbox' && event.target.type !== 'radio')) return;
        if (event.key === 'ArrowRight') rove(controls[(index + 1) % controls.length]);
        else if (event.key === 'ArrowLeft') rove(controls[(index - 1 + controls.length) % controls.length]);
        else if (event.key === 'Home') rove(controls[0]);
        else if (event.key === 'End') rove(controls.at(-1));
        else return;
        event.preventDefault();
      }}
    >
      {children}
    </div>
  );
}
