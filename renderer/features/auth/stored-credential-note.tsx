import type { CredentialReveal } from './use-credential-reveal';
import { Button } from '../../ui';
import field from './auth-field.module.css';

interface StoredCredentialNoteProps {
  label: string;
  reveal: CredentialReveal;
}

/** What a field kept in the vault says under it; the revealed value itself is shown in the field. */
export function StoredCredentialNote({ reveal }: StoredCredentialNoteProps) {
  return <>Stored in the vault (the request file holds only a reference). {reveal.text !== null ? 'Editing it replaces it.' : 'Type to replace it.'}</>;
}

/** The field's text: the revealed value while shown, else nothing (the placeholder says it is stored). */
export function storedFieldValue(reveal: CredentialReveal, value: string): string {
  return reveal.stored ? (reveal.text ?? '') : value;
}

/** The Reveal / Hide toggle beside a field kept in the vault: its text says what pressing it does next. */
export function RevealButton({ label, reveal }: StoredCredentialNoteProps) {
  const lower = label.toLowerCase();
  const on = reveal.text !== null;
  return (
    <Button className={field.toggle} aria-pressed={on} title={on ? `Hide the ${lower}` : `Show the ${lower} kept in the vault`} onClick={reveal.toggle}>
      {/* named by its text, like Show: the field keeps its label to itself */}
      {on ? 'Hide' : 'Reveal'}
      <span className="visually-hidden"> {lower}</span>
    </Button>
  );
}
