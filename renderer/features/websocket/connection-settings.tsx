import { useId } from 'react';
import type { WsSettings } from '../../../shared/contract';
import styles from './websocket.module.css';

interface NumberField {
  key: 'connectTimeoutMs' | 'maxMessageBytes' | 'logCap' | 'reconnectMaxAttempts' | 'reconnectInitialDelayMs' | 'reconnectMaxDelayMs';
  label: string;
  unit?: string;
  min: number;
  max: number;
  hint: string;
}

const FIELDS: NumberField[] = [
  {
    key: 'connectTimeoutMs',
    label: 'Handshake timeout',
    unit: 'ms',
    min: 0,
    max: 600_000,
    hint: 'How long to wait for the server to accept; 0 waits forever.',
  },
  { key: 'maxMessageBytes', label: 'Largest message', unit: 'bytes', min: 1, max: 1024 ** 3, hint: 'A bigger incoming message closes the connection (1009).' },
  { key: 'logCap', label: 'Messages kept in the log', min: 10, max: 1_000_000, hint: 'The oldest are dropped beyond this.' },
  { key: 'reconnectMaxAttempts', label: 'Reconnect attempts', min: 0, max: 1000, hint: 'After an unexpected close, when auto-reconnect is on.' },
  { key: 'reconnectInitialDelayMs', label: 'First reconnect delay', unit: 'ms', min: 0, max: 600_000, hint: 'Doubles after each failed attempt.' },
  { key: 'reconnectMaxDelayMs', label: 'Longest reconnect delay', unit: 'ms', min: 0, max: 3_600_000, hint: 'The backoff stops growing here.' },
];

function NumberSetting({
  field,
  settings,
  onChange,
  disabled,
}: {
  field: NumberField;
  settings: WsSettings;
  onChange: (s: WsSettings) => void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className={styles.setting}>
      <label htmlFor={id} className={styles.fieldLabel}>
        {field.label}
        {field.unit ? <span className={styles.muted}> ({field.unit})</span> : null}
      </label>
      <input
        id={id}
        type="number"
        className={`${styles.input} UNKNOWN_ws-setting__input`}
        min={field.min}
        max={field.max}
        disabled={disabled && field.key !== 'logCap'}
        defaultValue={settings[field.key]}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const value = Number(event.target.value);
          if (event.target.value !== '' && Number.isInteger(value) && value >= field.min && value <= field.max) onChange({ ...settings, [field.key]: value });
        }}
      />
      <span id={`${id}-hint`} className={styles.muted}>
        {field.hint}
      </span>
    </div>
  );
}

/** Per-connection settings; those that shape the handshake apply on the next Connect (the log cap at once). */
export function ConnectionSettings({ settings, onChange, disabled }: { settings: WsSettings; onChange: (s: WsSettings) => void; disabled: boolean }) {
  return (
    <div className={styles.settings}>
      {disabled ? <p className={styles.muted}>Disconnect to change how the connection is made; the log size applies at once.</p> : null}
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={settings.verifyTls}
          disabled={disabled}
          onChange={(event) => onChange({ ...settings, verifyTls: event.target.checked })}
        />
        Verify TLS certificates (wss://)
      </label>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={settings.autoReconnect}
          disabled={disabled}
          onChange={(event) => onChange({ ...settings, autoReconnect: event.target.checked })}
        />
        Reconnect automatically after an unexpected close
      </label>
      {FIELDS.map((field) => (
        <NumberSetting key={field.key} field={field} settings={settings} onChange={onChange} disabled={disabled} />
      ))}
    </div>
  );
}
