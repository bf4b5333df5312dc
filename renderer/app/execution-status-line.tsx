import type { ExecutionState } from '../lib/execution-state';

/** Temporary stand-in for the response viewer until renderer/features/response-viewer lands. */
export function ExecutionStatusLine({ state }: { state: ExecutionState }) {
  let text: string;
  switch (state.kind) {
    case 'idle':
      text = 'Send a request to see its response here.';
      break;
    case 'sending':
      text = 'Sending…';
      break;
    case 'done':
      text = `${state.exchange.response.status} ${state.exchange.response.statusText}`;
      break;
    case 'failed':
      text = state.error.message;
      break;
    case 'cancelled':
      text = 'Request cancelled.';
      break;
  }
  return (
    <section className="app-status-line" aria-label="Response" role="status">
      {text}
    </section>
  );
}
