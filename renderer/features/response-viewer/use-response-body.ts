import { useCallback, useEffect, useRef, useState } from 'react';
import { type BodyRef } from '../../../shared/contract';
import { type BodyKind, editorLanguageFor, type JsonSequenceSummary } from '../../../shared/response';
import { type DocumentSource } from '../../ui/monaco';
import { BodyLoader, LITE_EDITOR_LIMIT, type BodyLoaderEvent } from './body-loader';

export type BodyView =
  | { status: 'loading'; received: number; total: number; preview: { kind: BodyKind; text: string } | null }
  | { status: 'text'; kind: BodyKind; source: DocumentSource; variant: 'pretty' | 'raw'; prettyError: string | null }
  | { status: 'bytes'; kind: BodyKind; bytes: Uint8Array; partial: boolean }
  /** over the auto-load limit: only a preview was read */
  | { status: 'not-loaded'; preview: { kind: BodyKind; text: string } | null; bytes: Uint8Array | null }
  | { status: 'error'; message: string };

export interface ResponseBody {
  view: BodyView;
  /** what the body is, once known */
  kind: BodyKind | null;
  /** a JSON Lines body or JSON text sequence, once formatted: its record count and the records that do not parse */
  records: JsonSequenceSummary | null;
  /** load a body over the auto-load limit into the viewer */
  loadAnyway: () => void;
  /** switch between the pretty-printed and the as-received text */
  setVariant: (variant: 'pretty' | 'raw') => void;
  canPretty: boolean;
  getBlob: () => Promise<Blob>;
}

/** Drives a BodyLoader for one response body (mount a fresh instance per body) and turns its events into what the Body tab shows. */
export function useResponseBody(body: BodyRef): ResponseBody {
  const [view, setView] = useState<BodyView>({ status: 'loading', received: 0, total: body.size, preview: null });
  const [kind, setKind] = useState<BodyKind | null>(null);
  const [canPretty, setCanPretty] = useState(false);
  const [records, setRecords] = useState<JsonSequenceSummary | null>(null);
  const loaderRef = useRef<BodyLoader | null>(null);
  const prettySourceRef = useRef<DocumentSource | null>(null);
  const rawSourceRef = useRef<DocumentSource | null>(null);
  const fullRequestedRef = useRef(false);

  useEffect(() => {
    let version = 0;
    prettySourceRef.current = null;
    rawSourceRef.current = null;
    fullRequestedRef.current = false;
    // A new response remounts the viewer (ExchangeView is keyed by request id), so state starts fresh without a reset here.
    const onEvent = (event: BodyLoaderEvent) => {
      switch (event.type) {
        case 'progress':
          setView((v) => (v.status === 'loading' ? { ...v, received: event.received, total: event.total } : v));
          break;
        case 'preview':
          setKind(event.kind);
          setView((v) => {
            if (v.status === 'loading') return { ...v, preview: { kind: event.kind, text: event.text } };
            if (v.status === 'not-loaded') return { ...v, preview: { kind: event.kind, text: event.text } };
            return v;
          });
          if (loader.tooLargeToAutoLoad && !fullRequestedRef.current) {
            setView({ status: 'not-loaded', preview: { kind: event.kind, text: event.text }, bytes: null });
          }
          break;
        case 'text': {
          version++;
          const source: DocumentSource = {
            key: `${body.id}:${event.variant}:${version}`,
            chunks: event.chunks,
            language: editorLanguageFor(event.kind),
            lite: event.byteLength > LITE_EDITOR_LIMIT,
          };
          if (event.variant === 'pretty') {
            prettySourceRef.current = source;
            setCanPretty(true);
            // kept through Raw: the raw text's event carries none, and the count is the body's, not the view's
            setRecords(event.records);
          } else {
            rawSourceRef.current = source;
          }
          setKind(event.kind);
          setView({ status: 'text', kind: event.kind, source, variant: event.variant, prettyError: event.prettyError });
          break;
        }
        case 'bytes':
          setKind(event.kind);
          if (event.partial) setView({ status: 'not-loaded', preview: null, bytes: event.bytes });
          else setView({ status: 'bytes', kind: event.kind, bytes: event.bytes, partial: false });
          break;
        case 'error':
          setView({ status: 'error', message: event.message });
          break;
      }
    };
    const loader = new BodyLoader(body, onEvent);
    loaderRef.current = loader;
    void loader.start({ full: !loader.tooLargeToAutoLoad });
    return () => {
      loader.dispose();
      loaderRef.current = null;
    };
  }, [body]);

  const loadAnyway = useCallback(() => {
    fullRequestedRef.current = true;
    setView({ status: 'loading', received: 0, total: body.size, preview: null });
    void loaderRef.current?.start({ full: true });
  }, [body.size]);

  const setVariant = useCallback((variant: 'pretty' | 'raw') => {
    const cached = variant === 'pretty' ? prettySourceRef.current : rawSourceRef.current;
    // Not produced yet: the worker sends the raw text, and its 'text' event switches the view.
    if (!cached) {
      if (variant === 'raw') loaderRef.current?.requestRaw();
      return;
    }
    setView((v) => (v.status === 'text' ? { ...v, source: cached, variant } : v));
  }, []);

  const getBlob = useCallback(async () => {
    const loader = loaderRef.current;
    if (!loader) throw new Error('The body is no longer available.');
    return loader.blob();
  }, []);

  return { view, kind, records, loadAnyway, setVariant, canPretty, getBlob };
}
