import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RunnerEvents, RunStartInput, RunSummary } from '../../../shared/contract';
import { totalsOf, type RequestRun } from '../../../shared/runner';
import { bridge, call } from '../../lib/bridge';

export interface RateLimitWait {
  name: string;
  source: string;
  remainingMs: number;
  /** when the event arrived (performance.now()), so the countdown can tick between events */
  receivedAt: number;
}

export type CurrentStep = { name: string; iteration: number } & ({ phase: 'sending' } | { phase: 'waiting'; waitMs: number });

interface LiveRun {
  runId: string | null;
  status: 'idle' | 'starting' | 'running' | 'finished' | 'failed';
  name: string;
  iterations: number;
  /** requests per iteration as planned */
  planned: number;
  /** what the run does now: sends a request, or waits (the delay, a requests-per-second cap) before sending it */
  current: CurrentStep | null;
  wait: RateLimitWait | null;
  summary: RunSummary | null;
  error: string | null;
}

const IDLE: LiveRun = { runId: null, status: 'idle', name: '', iterations: 0, planned: 0, current: null, wait: null, summary: null, error: null };

/**
 * One run as the window follows it. The main process batches events every ~100 ms; each batch is one state change
 * (results appended once per batch, not per event), so 5,000 results cost a few dozen renders.
 */
export function useRunStream() {
  const [run, setRun] = useState<LiveRun>(IDLE);
  const [results, setResults] = useState<readonly RequestRun[]>([]);
  const runId = useRef<string | null>(null);
  // batches that arrive before runner.start has answered with the id
  const early = useRef<RunnerEvents[]>([]);

  const apply = useCallback((batch: RunnerEvents) => {
    const finished = batch.events.flatMap((event) => (event.type === 'request-finished' ? [event.result] : []));
    if (finished.length > 0) setResults((current) => current.concat(finished));
    setRun((state) => {
      let next = state;
      for (const event of batch.events) {
        if (event.type === 'run-started') next = { ...next, status: 'running', name: event.name, iterations: event.iterations, planned: event.requests };
        else if (event.type === 'delay') next = { ...next, current: { phase: 'waiting', name: event.name, iteration: event.iteration, waitMs: event.waitMs } };
        else if (event.type === 'request-started') next = { ...next, current: { phase: 'sending', name: event.name, iteration: event.iteration }, wait: null };
        else if (event.type === 'rate-limit-wait')
          next = {
            ...next,
            wait: event.remainingMs > 0 ? { name: event.name, source: event.source, remainingMs: event.remainingMs, receivedAt: performance.now() } : null,
          };
        else if (event.type === 'request-finished') next = next.wait === null ? next : { ...next, wait: null };
        else if (event.type === 'run-finished') next = { ...next, status: 'finished', summary: event.summary, current: null, wait: null };
        else if (event.type === 'run-failed') next = { ...next, status: 'failed', error: event.message, current: null, wait: null };
      }
      return next;
    });
  }, []);

  useEffect(
    () =>
      bridge.subscribe('runner.events', (batch) => {
        if (runId.current === null) early.current.push(batch);
        else if (batch.runId === runId.current) apply(batch);
      }),
    [apply],
  );

  const start = useCallback(
    async (input: RunStartInput) => {
      setResults([]);
      early.current = [];
      runId.current = null;
      setRun({ ...IDLE, status: 'starting' });
      try {
        const { runId: id } = await call('runner.start', input);
        runId.current = id;
        setRun((state) => ({ ...state, runId: id }));
        for (const batch of early.current.splice(0)) if (batch.runId === id) apply(batch);
      } catch (error) {
        setRun({ ...IDLE, status: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    },
    [apply],
  );

  const cancel = useCallback(() => {
    if (runId.current !== null) void call('runner.cancel', { runId: runId.current });
  }, []);

  /** shows a kept run as if it had just finished (the list's "Open") */
  const show = useCallback((summary: RunSummary, requests: RequestRun[]) => {
    runId.current = summary.id;
    setResults(requests);
    setRun({ ...IDLE, runId: summary.id, status: 'finished', name: summary.name, iterations: summary.iterations, summary });
  }, []);

  const totals = useMemo(() => totalsOf(results), [results]);
  return { run, results, totals, start, cancel, show };
}

export type RunStream = ReturnType<typeof useRunStream>;
