import { Suspense } from 'react';
import type { HistoryEntry, HttpRequestSpec } from '../../../shared/contract';
import { fullTimestamp, timeOfDay } from '../../../shared/history-view';
import { SubscriptionLog } from '../graphql';
import { VaultRetryButton } from '../environments';
import { CompareView, HistoryEntryView } from '../history';
import { ResponseViewer } from '../response-viewer';
import { InlineMessage, buttonClass } from '../../ui';
import { useTabExecutionState, useTabRefusal, useTabResponseSection } from './use-execution-store';
import type { RequestPane } from './use-request-pane';

/**
 * The response side for the active request tab: a history overlay when one is open, else the tab's own GraphQL
 * subscription log or its own exchange (or nothing yet), with the response section it last chose.
 */
export function ResponsePane({
  pane,
  onRestore,
  onResend,
  onOpenVault,
}: {
  pane: RequestPane;
  /** "Restore to builder": the entry's request in a new tab, with the entry's response */
  onRestore: (entry: HistoryEntry) => void;
  /** a history entry's Re-send: it runs in a tab of its own, never in the tab the overlay was opened over */
  onResend: (request: HttpRequestSpec, entryId: number) => void;
  /** the vault dialog: a send refused for a locked vault is unlocked and sent again from the error */
  onOpenVault?: () => void;
}) {
  const { store, activeId, overlay } = pane;
  const state = useTabExecutionState(store, activeId);
  const [section, setSection] = useTabResponseSection(store, activeId);
  const refusal = useTabRefusal(store, activeId);
  const run = pane.subscriptions.runOf(activeId);

  if (overlay?.kind === 'entry') {
    return (
      <Suspense fallback={null}>
        <HistoryEntryView key={overlay.id} id={overlay.id} onClose={pane.closeOverlay} onRestore={onRestore} onResend={onResend} />
      </Suspense>
    );
  }
  if (overlay?.kind === 'compare') {
    return (
      <Suspense fallback={null}>
        <CompareView key={overlay.ids.join('-')} ids={overlay.ids} onClose={pane.closeOverlay} />
      </Suspense>
    );
  }
  if (run) {
    return (
      <Suspense fallback={null}>
        <SubscriptionLog
          run={run}
          onStop={() => pane.subscriptions.stop(activeId)}
          onRetry={() => pane.subscriptions.start(activeId, run.request, run.workspacePath)}
        />
      </Suspense>
    );
  }
  const vaultAction =
    state.kind === 'failed' && state.error.code === 'VAULT_LOCKED' && onOpenVault ? (
      <VaultRetryButton className={buttonClass({ variant: 'primary' })} onOpenVault={onOpenVault} onRetry={() => pane.send(state.request)} />
    ) : null;
  // A response on screen under a refused Send is said to be the previous one, with its time, inside the viewer above
  // its status line: "200 OK" right under "Not sent" read as if the refused request had been answered.
  const shownAt = state.kind === 'done' ? timeOfDay(state.fromHistory?.sentAt ?? state.exchange.timings.startedAt) : null;
  const previousSend =
    refusal !== null && shownAt !== null ? (
      <InlineMessage tone="error">
        Not sent: {refusal} The response below is from the previous send ({shownAt}), not from this one.
      </InlineMessage>
    ) : null;
  return (
    <>
      {refusal !== null && previousSend === null ? (
        <InlineMessage tone="error">
          Not sent: {refusal}
          {state.kind === 'idle' ? null : ' What is shown below is from the previous send.'}
        </InlineMessage>
      ) : null}
      {state.kind === 'done' && state.fromHistory && previousSend === null ? (
        <InlineMessage tone="info">The response from {fullTimestamp(state.fromHistory.sentAt)}, kept in history. Send to get a new one.</InlineMessage>
      ) : null}
      <ResponseViewer key={activeId} state={state} section={section} onSectionChange={setSection} failureAction={vaultAction} notice={previousSend} />
    </>
  );
}
