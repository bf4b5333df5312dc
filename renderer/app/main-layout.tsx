import { useCallback, useState, type ReactNode } from 'react';
import { SidePanel, SplitPane, useElementWidth, useStoredNumber } from '../ui';
import {
  BESIDE_MIN_WIDTH,
  REQUEST_DRAG_MIN_WIDTH,
  REQUEST_MIN_WIDTH,
  RESPONSE_MIN_WIDTH,
  besideShortfall,
  panelRange,
  panelWidths,
  responseBeside,
} from './layout-rules';
import { ResponsePlacementSwitch } from './response-placement-switch';

const RESPONSE_BELOW_KEY = 'courier.responseBelow';

function readBelow(): boolean {
  try {
    return localStorage.getItem(RESPONSE_BELOW_KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether the user wants the response below the request (Postman's vertical layout) or beside it; remembered. */
function useResponseBelow(): [boolean, (below: boolean) => void] {
  const [below, setBelow] = useState(readBelow);
  const choose = useCallback((next: boolean) => {
    try {
      localStorage.setItem(RESPONSE_BELOW_KEY, next ? '1' : '0');
    } catch {
      // private mode: the choice just will not be remembered
    }
    setBelow(next);
  }, []);
  return [below, choose];
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

interface PanelSpec {
  key: 'collections' | 'history';
  /** the panel's own id, or (controls) the id of the panel inside it */
  id?: string;
  controls?: string;
  resizeLabel: string;
  content: ReactNode;
}

/**
 * The widths the user chose for the side panels (remembered) and the widths they are shown at in this window. A
 * resize sets the moved panel's width and keeps every other panel at the width it is shown at, so one divider never
 * moves another panel.
 */
function usePanelWidths(mainWidth: number, open: readonly PanelSpec[]) {
  const [collections, setCollections] = useStoredNumber('courier.collectionsWidth', 240);
  const [history, setHistory] = useStoredNumber('courier.historyWidth', 280);
  const chosen = { collections, history };
  const setters = { collections: setCollections, history: setHistory };
  const shown = panelWidths(
    mainWidth,
    open.map((panel) => chosen[panel.key]),
  );
  const resize = (index: number, width: number) => {
    open.forEach((panel, i) => {
      if (i === index) setters[panel.key](width);
      else if (shown[i]! < chosen[panel.key]) setters[panel.key](shown[i]!);
    });
  };
  return { shown, resize };
}

/**
 * The main area spans the window (the body has no margin and does not scroll), so its width is the root element's,
 * known before the app's first layout: the first render places the panels and the response for this window rather
 * than for a width of 0 (response beside), which the measurement then turned into below at 1280 px, a second layout
 * of the whole window before its first paint.
 */
function windowWidth(): number {
  return document.documentElement.getBoundingClientRect().width;
}

/**
 * The window below the top bar: the side panels (each resizable, width remembered), then the request and its
 * response. The request line is what must stay usable on a laptop, so space is given up in this order: the side
 * panels give way (to their minimum, and in a small window further), then the response moves below the request
 * when there is no room beside it for a response worth reading.
 */
export function MainLayout({ collections, history, kindSwitch, httpShown, websocket, request, response }: MainLayoutProps) {
  const [below, setBelow] = useResponseBelow();
  const [mainRef, mainWidth] = useElementWidth<HTMLElement>(windowWidth);
  const open: PanelSpec[] = [];
  if (collections !== null) open.push({ key: 'collections', id: 'collections-panel', resizeLabel: 'Resize collections panel', content: collections });
  if (history !== null) open.push({ key: 'history', controls: 'history-panel', resizeLabel: 'Resize history panel', content: history });
  const { shown, resize } = usePanelWidths(mainWidth, open);
  const workWidth = mainWidth === 0 ? 0 : mainWidth - shown.reduce((sum, width) => sum + width + 1, 0);
  const beside = responseBeside(below, workWidth);
  const direction = beside ? 'row' : 'column';
  const squeezed = !below && !beside && workWidth > 0;
  // Below is where the response goes, quietly, when beside does not fit: a laptop with the collections panel open is
  // the usual case, not a fault to warn about all day (at 1280 px the bar said "Beside needs 154 px more" for good).
  // The reason is always the switch's description, and said in the bar in answer to pressing Beside.
  const [askedBeside, setAskedBeside] = useState(false);
  // once beside fits, the answer is given: squeezed again later (a panel opened), Below is quiet again
  if (askedBeside && !squeezed) setAskedBeside(false);
  const place = (nextBelow: boolean) => {
    setBelow(nextBelow);
    setAskedBeside(!nextBelow);
  };

  return (
    <main ref={mainRef} className="app-main">
      {open.map((panel, index) => {
        const range = panelRange(mainWidth, shown, index);
        return (
          <SidePanel
            key={panel.key}
            id={panel.id}
            controls={panel.controls}
            className="app-history"
            resizeLabel={panel.resizeLabel}
            width={shown[index]!}
            min={range.min}
            max={range.max}
            onResize={(width) => resize(index, width)}
          >
            {panel.content}
          </SidePanel>
        );
      })}
      <div className="app-work app-work--kinds">
        <div className="app-kind-bar">
          {kindSwitch}
          {httpShown ? (
            <div className="app-placement">
              {squeezed ? (
                <span
                  className="app-placement__note"
                  // hidden, it still describes the switch (aria-describedby reads hidden text)
                  hidden={!askedBeside}
                  id="app-placement-note"
                  title={`Beside needs ${BESIDE_MIN_WIDTH} px for the request and the response; there are ${workWidth} px here. Hide a side panel or widen the window.`}
                >
                  Below for now: Beside needs {besideShortfall(workWidth)} px more — hide a side panel or widen the window
                </span>
              ) : null}
              <ResponsePlacementSwitch below={below} shownBelow={!beside} onChange={place} describedBy={squeezed ? 'app-placement-note' : undefined} />
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
            minFirst={beside ? REQUEST_DRAG_MIN_WIDTH : 160}
            startFirst={beside ? REQUEST_MIN_WIDTH : 0}
            minSecond={beside ? RESPONSE_MIN_WIDTH : 120}
            first={request}
            second={response}
          />
        </div>
      </div>
    </main>
  );
}
