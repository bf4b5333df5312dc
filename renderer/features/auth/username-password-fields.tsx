import { AuthTextField } from './auth-text-field';
import { SecretField } from './secret-field';

interface UsernamePasswordFieldsProps {
  username: string;
  password: string;
  onChange: (patch: { username?: string; password?: string }) => void;
}

/** Basic and Digest: the same two credentials, a different scheme on the wire. */
export function UsernamePasswordFields({ username, password, onChange }: UsernamePasswordFieldsProps) {
  return (
    <>
      <AuthTextField label="Username" value={username} onChange={(value) => onChange({ username: value })} />
      <SecretField label="Password" value={password} onChange={(value) => onChange({ password: value })} placeholder="{{password}}" />
    </>
  );
}
