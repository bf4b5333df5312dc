import type { CredentialReveal } from './use-credential-reveal';
import { Button } from '../../ui';

interface StoredCredentialNoteProps {
  label: string;
  reveal: CredentialReveal;
}

/** What a field kept in the vault says under it, and the revealed value while shown. */
export function StoredCredentialNote({ label, reveal }: StoredCredentialNoteProps) {
  return (
    <>
      Stored in the vault (the request file holds only a reference). Type to replace it.
      {reveal.text !== null ? (
        <>
          {' '}
          <code aria-label={`Revealed ${label.toLowerCase()}`}>{reveal.text}</code>
        </>
      ) : null}
    </>
  );
}

/** The Reveal toggle beside a field kept in the vault. */
export function RevealButton({ label, reveal }: StoredCredentialNoteProps) {
  const lower = label.toLowerCase();
  const on = reveal.text !== null;
  return (
    <Button
      className="auth-field__toggle"
      aria-pressed={on}
      title={on ? `Hide the ${lower}` : `Show the ${lower} kept in the vault`}
      onClick={reveal.toggle}
    >
      {/* named by its text, like Show: the field keeps its label to itself */}
      Reveal<span className="visually-hidden"> {lower}</span>
    </Button>
  );
}
