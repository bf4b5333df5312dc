import './websocket.css';
export type RequestKind = 'http' | 'websocket';

const KINDS: { id: RequestKind; label: string }[] = [
  { id: 'http', label: 'HTTP' },
  { id: 'websocket', label: 'WebSocket' },
];

/** What the work area composes: an HTTP request or WebSocket connections. A radio group, one choice at a time. */
export function RequestKindSwitch({ kind, onChange }: { kind: RequestKind; onChange: (kind: RequestKind) => void }) {
  return (
    <div className="ws-kind-switch" role="radiogroup" aria-label="Request kind">
      {KINDS.map((item) => (
        <label key={item.id} className={item.id === kind ? 'ws-kind-switch__item ws-kind-switch__item--on' : 'ws-kind-switch__item'}>
          <input type="radio" name="request-kind" className="visually-hidden" checked={item.id === kind} onChange={() => onChange(item.id)} />
          {item.label}
        </label>
      ))}
    </div>
  );
}
