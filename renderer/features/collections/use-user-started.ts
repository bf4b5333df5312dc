import { useLayoutEffect, useRef, type RefObject } from 'react';

// 'input' as well: text put in a field without a key (dictation, a drop, the context menu's Paste)
const STARTING_EVENTS = ['keydown', 'pointerdown', 'input'] as const;

/**
 * Whether the user has pressed a key, clicked or put text anywhere in the window since it appeared. Listened for from
 * the first commit, before the first paint, so nothing they do once the window is on screen can go unseen.
 */
export function useUserStarted(): RefObject<boolean> {
  const started = useRef(false);
  useLayoutEffect(() => {
    const stop = () => {
      for (const type of STARTING_EVENTS) window.removeEventListener(type, mark, true);
    };
    const mark = () => {
      started.current = true;
      stop();
    };
    for (const type of STARTING_EVENTS) window.addEventListener(type, mark, true);
    return stop;
  }, []);
  return started;
}
