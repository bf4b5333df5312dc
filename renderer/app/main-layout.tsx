import { useCallback, useState, type ReactNode } from 'react';
import { SidePanel, SplitPane, useElementSize } from '../ui';
import { REQUEST_MIN_WIDTH, RESPONSE_MIN_WIDTH, responseBeside } from './layout-rules';

const RESPONSE_BELOW_KEY = 'courier.responseBelow';

function readBelow(): boolean {
  try {
    return localStorage.getItem(RESPONSE_BELOW_KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether the user wants the response below the request (Postman's vertical layout) or beside it; remembered. */
function useResponseBelow(): [boolean, () => void] {
  const [below, setBelow] = useState(readBelow);
  const toggle = useCallback(() => {
    setBelow((current) => {
      try {
        localStorage.setItem(RESPONSE_BELOW_KEY, current ? '0' : '1');
      } catch {
        // private mode: the choice just will not be remembered
      }
      return !current;
    });
  }, []);
  return [below, toggle];
}

interface MainLayoutProps {
  /** the collections tree, when its panel is open */
  collections: ReactNode;
  /** the history list, when its panel is open */
  history: ReactNode;
  /** the HTTP / WebSocket switch */
  kindSwitch: ReactNode;
  /** the HTTP request work area is on screen (the placement toggle applies to it only) */
  httpShown: boolean;
  /** the WebSocket workspace, once used (kept mounted while hidden) */
  websocket: ReactNode;
  request: ReactNode;
  response: ReactNode;
}

/**
 * The window below the top bar: the side panels (each resizable, width remembered), then the request and its
 * response. The request line is what must stay usable on a laptop, so space is given up in this order: the side
 * panels shrink to their minimum (CSS: they shrink, the work area holds a minimum width), then the response moves
 * below the request when there is no room beside it for both.
 */
export function MainLayout({ collections, history, kindSwitch, httpShown, websocket, request, response }: MainLayoutProps) {
  const [below, toggleBelow] = useResponseBelow();
  const [workRef, work] = useElementSize<HTMLDivElement>();
  const beside = responseBeside(below, work.width);
  const direction = beside ? 'row' : 'column';
  const squeezed = !below && !beside && work.width > 0;

  return (
    <main className="app-main">
      {collections !== null ? (
        <SidePanel
          id="collections-panel"
          className="app-history"
          resizeLabel="Resize collections panel"
          storageKey="courier.collectionsWidth"
          defaultWidth={240}
          minWidth={200}
          maxWidth={600}
        >
          {collections}
        </SidePanel>
      ) : null}
      {history !== null ? (
        <SidePanel
          className="app-history"
          resizeLabel="Resize history panel"
          storageKey="courier.historyWidth"
          defaultWidth={280}
          minWidth={200}
          maxWidth={600}
        >
          {history}
        </SidePanel>
      ) : null}
      <div ref={workRef} className="app-work app-work--kinds">
        <div className="app-kind-bar">
          {kindSwitch}
          {httpShown ? (
            <div className="app-placement">
              {squeezed ? (
                <span className="app-placement__note" id="app-placement-note">
                  Below for now: too narrow to fit beside
                </span>
              ) : null}
              <button
                type="button"
                className="app-top-bar__toggle app-placement__toggle"
                aria-pressed={below}
                aria-describedby={squeezed ? 'app-placement-note' : undefined}
                onClick={toggleBelow}
              >
                <span className={`app-placement__icon app-placement__icon--${below ? 'below' : 'beside'}`} aria-hidden="true" />
                Response below
              </button>
            </div>
          ) : null}
        </div>
        {websocket}
        <div className="app-kind-view" hidden={!httpShown}>
          <SplitPane
            label="Resize request and response panes"
            direction={direction}
            initialRatio={beside ? 0.5 : 0.45}
            // each placement remembers its own share
            storageKey={`courier.split.${direction}`}
            minFirst={beside ? REQUEST_MIN_WIDTH : 160}
            minSecond={beside ? RESPONSE_MIN_WIDTH : 120}
            first={request}
            second={response}
          />
        </div>
      </div>
    </main>
  );
}
