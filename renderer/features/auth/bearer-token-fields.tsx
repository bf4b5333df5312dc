import { weakSecretWarning } from '../../../shared/variables';
import { AuthTextField } from './auth-text-field';

interface BearerTokenFieldsProps {
  token: string;
  prefix: string;
  onChange: (patch: { token?: string; prefix?: string }) => void;
}

export function BearerTokenFields({ token, prefix, onChange }: BearerTokenFieldsProps) {
  return (
    <>
      <AuthTextField label="Token" value={token} onChange={(value) => onChange({ token: value })} placeholder="{{token}}" hint={weakSecretWarning(token)} />
      <AuthTextField
        label="Prefix"
        value={prefix}
        onChange={(value) => onChange({ prefix: value })}
        placeholder="Bearer"
        hint={
          <>
            Sent as <code>Authorization: {prefix.trim() === '' ? '' : `${prefix.trim()} `}&lt;token&gt;</code>
          </>
        }
      />
    </>
  );
}
