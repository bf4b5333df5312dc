import { useRequestExecution } from '../features/request-execution';
import { RequestBuilder } from '../features/request-builder';
import { ResponseViewer } from '../features/response-viewer';
import { SplitPane, useMediaQuery } from '../ui';
import { TopBar } from './top-bar';
import './app.css';

/** The window: a top bar, then the request and its response side by side (stacked on narrow windows). */
export function App() {
  const execution = useRequestExecution();
  const wide = useMediaQuery('(min-width: 900px)');
  return (
    <div className="app">
      <TopBar />
      <main className="app-main">
        <SplitPane
          label="Resize request and response panes"
          direction={wide ? 'row' : 'column'}
          initialRatio={wide ? 0.5 : 0.45}
          first={
            <div className="app-pane">
              <RequestBuilder state={execution.state} onSend={execution.send} onCancel={execution.cancel} />
            </div>
          }
          second={
            <div className="app-pane">
              <ResponseViewer state={execution.state} />
            </div>
          }
        />
      </main>
    </div>
  );
}
