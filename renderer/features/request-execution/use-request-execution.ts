import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { HttpProgress, HttpRequestSpec } from '../../../shared/contract';
import { bridge, call } from '../../lib/bridge';
import type { ExecutionState } from '../../lib/execution-state';
import { createRequestId } from './request-id';
import { toBridgeError } from './to-bridge-error';

export interface RequestExecution {
  /** What the response pane shows. */
  state: ExecutionState;
  /** Starts a send (cancelling one in flight) and returns its requestId. */
  send: (request: HttpRequestSpec, workspacePath?: string | null) => string;
  /** Cancels the send in flight, if any; the state becomes 'cancelled' at once. */
  cancel: () => void;
  isSending: boolean;
}

interface SendVariables {
  requestId: string;
  request: HttpRequestSpec;
  /** a saved request's file: its collection's headers, auth and variables apply */
  workspacePath?: string;
}

function releaseBody(bodyId: string): void {
  // Fire and forget: a body that is already gone is not worth telling the user about.
  void bridge.invoke('body.release', { bodyId }).catch(() => undefined);
}

/**
 * Sending, cancelling and progress for the one request on screen. Only the newest send may change the state:
 * results of sends that were cancelled or replaced are dropped, and their bodies released, so a slow old answer
 * never overwrites a newer one and no body is leaked in the main process.
 */
export function useRequestExecution(): RequestExecution {
  const [state, setState] = useState<ExecutionState>({ kind: 'idle' });
  const currentIdRef = useRef<string | null>(null);
  // The body of the exchange on screen; released when something replaces it.
  const shownBodyRef = useRef<string | null>(null);

  const mutation = useMutation({
    mutationKey: ['http.send'],
    mutationFn: (variables: SendVariables) => call('http.send', variables),
    onSuccess: (exchange, variables) => {
      if (variables.requestId !== currentIdRef.current) {
        releaseBody(exchange.body.id);
        return;
      }
      currentIdRef.current = null;
      shownBodyRef.current = exchange.body.id;
      setState({ kind: 'done', requestId: variables.requestId, exchange, request: variables.request });
    },
    onError: (error, variables) => {
      if (variables.requestId !== currentIdRef.current) return;
      currentIdRef.current = null;
      const bridgeError = toBridgeError(error);
      setState(
        bridgeError.code === 'CANCELLED'
          ? { kind: 'cancelled', requestId: variables.requestId, request: variables.request }
          : { kind: 'failed', requestId: variables.requestId, error: bridgeError, request: variables.request },
      );
    },
  });
  const { mutate } = mutation;

  // Progress events can arrive far faster than frames; keep the latest and render at most once per frame.
  useEffect(() => {
    let latest: HttpProgress | null = null;
    let frame = 0;
    const flush = () => {
      frame = 0;
      const progress = latest;
      if (!progress) return;
      setState((current) =>
        current.kind === 'sending' && current.requestId === progress.requestId ? { ...current, progress } : current,
      );
    };
    const unsubscribe = bridge.subscribe('http.progress', (progress) => {
      if (progress.requestId !== currentIdRef.current) return;
      latest = progress;
      if (frame === 0) frame = requestAnimationFrame(flush);
    });
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, []);

  useEffect(
    () => () => {
      if (shownBodyRef.current) releaseBody(shownBodyRef.current);
      const inFlight = currentIdRef.current;
      if (inFlight) void bridge.invoke('http.cancel', { requestId: inFlight }).catch(() => undefined);
    },
    [],
  );

  const cancel = useCallback(() => {
    const requestId = currentIdRef.current;
    if (!requestId) return;
    currentIdRef.current = null;
    setState((current) =>
      current.kind === 'sending' && current.requestId === requestId
        ? { kind: 'cancelled', requestId, request: current.request }
        : current,
    );
    void bridge.invoke('http.cancel', { requestId }).catch(() => undefined);
  }, []);

  const send = useCallback(
    (request: HttpRequestSpec, workspacePath?: string | null) => {
      cancel();
      if (shownBodyRef.current) {
        releaseBody(shownBodyRef.current);
        shownBodyRef.current = null;
      }
      const requestId = createRequestId();
      currentIdRef.current = requestId;
      setState({ kind: 'sending', requestId, startedAt: Date.now(), progress: null, request });
      mutate(workspacePath ? { requestId, request, workspacePath } : { requestId, request });
      return requestId;
    },
    [cancel, mutate],
  );

  return { state, send, cancel, isSending: state.kind === 'sending' };
}
