import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

interface SplitPaneProps {
  /** accessible name of the draggable divider */
  label: string;
  /** 'row': side by side; 'column': stacked */
  direction: 'row' | 'column';
  first: ReactNode;
  second: ReactNode;
  /** share of the first pane, 0..1 */
  initialRatio?: number;
}

const MIN = 0.2;
const MAX = 0.8;
const clamp = (value: number) => Math.min(MAX, Math.max(MIN, value));

/**
 * Two panes and a divider that can be dragged or moved with the arrow keys (a WAI-ARIA window splitter), so the
 * request and the response can share the window the way the user wants.
 */
export function SplitPane({ label, direction, first, second, initialRatio = 0.5 }: SplitPaneProps) {
  const [ratio, setRatio] = useState(initialRatio);
  const containerRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const box = containerRef.current?.getBoundingClientRect();
    if (!dragging.current || !box) return;
    const next = direction === 'row' ? (event.clientX - box.left) / box.width : (event.clientY - box.top) / box.height;
    setRatio(clamp(next));
  };
  const onPointerUp = () => {
    dragging.current = false;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 0.1 : 0.02;
    const back = direction === 'row' ? 'ArrowLeft' : 'ArrowUp';
    const forward = direction === 'row' ? 'ArrowRight' : 'ArrowDown';
    if (event.key === back) setRatio((r) => clamp(r - step));
    else if (event.key === forward) setRatio((r) => clamp(r + step));
    else if (event.key === 'Home') setRatio(MIN);
    else if (event.key === 'End') setRatio(MAX);
    else return;
    event.preventDefault();
  };

  return (
    <div ref={containerRef} className={`ui-split ui-split--${direction}`}>
      <div className="ui-split__pane" style={{ flexBasis: `${ratio * 100}%` }}>
        {first}
      </div>
      <div
        role="separator"
        tabIndex={0}
        aria-label={label}
        aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        aria-valuemin={MIN * 100}
        aria-valuemax={MAX * 100}
        aria-valuenow={Math.round(ratio * 100)}
        className="ui-split__divider"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <div className="ui-split__pane" style={{ flexBasis: `${(1 - ratio) * 100}%` }}>
        {second}
      </div>
    </div>
  );
}
