import type { RequestSettings, SettingTemplates } from '../../../shared/contract';
import { NUMERIC_SETTING_FIELDS } from '../../../shared/request';
import { InlineMessage, formControls } from '../../ui';
import { SettingsNumberField } from './settings-number-field';
import styles from './request-builder.module.css';

interface SettingsPanelProps {
  settings: RequestSettings;
  onChange: (settings: RequestSettings) => void;
  templates: SettingTemplates;
  onTemplatesChange: (templates: SettingTemplates) => void;
}

/** Per-request network settings; defaults come from the contract. */
export function SettingsPanel({ settings, onChange, templates, onTemplatesChange }: SettingsPanelProps) {
  const field = (key: string) => NUMERIC_SETTING_FIELDS.find((f) => f.key === key);
  const numeric = (key: string, disabled = false) => {
    const f = field(key);
    return f ? (
      <SettingsNumberField
        key={f.key}
        field={f}
        settings={settings}
        onChange={onChange}
        templates={templates}
        onTemplatesChange={onTemplatesChange}
        disabled={disabled}
      />
    ) : null;
  };
  return (
    <div className={styles.settings}>
      <fieldset className={styles.settingsGroup}>
        <legend>Timeouts</legend>
        {numeric('connectTimeoutMs')}
        {numeric('idleTimeoutMs')}
        {numeric('deadlineMs')}
      </fieldset>
      <fieldset className={styles.settingsGroup}>
        <legend>Redirects</legend>
        <label className={formControls.check}>
          <input type="checkbox" checked={settings.followRedirects} onChange={(event) => onChange({ ...settings, followRedirects: event.target.checked })} />
          Follow redirects
        </label>
        {numeric('maxRedirects', !settings.followRedirects)}
        <label className={formControls.check}>
          <input
            type="checkbox"
            checked={settings.keepCredentialsOnRedirect}
            disabled={!settings.followRedirects}
            onChange={(event) => onChange({ ...settings, keepCredentialsOnRedirect: event.target.checked })}
          />
          Keep credentials on redirects to another origin
        </label>
        {settings.keepCredentialsOnRedirect && settings.followRedirects ? (
          <InlineMessage tone="warning">
            Auth headers, API keys and headers with secret values are sent on to whichever origin the server redirects to.
          </InlineMessage>
        ) : null}
      </fieldset>
      <fieldset className={styles.settingsGroup}>
        <legend>Cookies</legend>
        <label className={formControls.check}>
          <input type="checkbox" checked={settings.useCookieJar} onChange={(event) => onChange({ ...settings, useCookieJar: event.target.checked })} />
          Send and store cookies
        </label>
        {settings.useCookieJar ? null : (
          <InlineMessage tone="info">This request sends only a Cookie header you write, and keeps none of the cookies its response sets.</InlineMessage>
        )}
      </fieldset>
      <fieldset className={styles.settingsGroup}>
        <legend>Security and limits</legend>
        <label className={formControls.check}>
          <input type="checkbox" checked={settings.verifyTls} onChange={(event) => onChange({ ...settings, verifyTls: event.target.checked })} />
          Verify TLS certificates
        </label>
        {settings.verifyTls ? null : (
          <InlineMessage tone="warning">Certificates are not checked: anyone on the network path could read or change this exchange.</InlineMessage>
        )}
        {numeric('maxResponseBytes')}
      </fieldset>
    </div>
  );
}
