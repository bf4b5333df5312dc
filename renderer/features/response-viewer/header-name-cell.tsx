import { useId, useState } from 'react';

/**
 * A header's name, and for headers Courier knows a disclosure button that shows what it means under the name: a
 * tooltip on hover alone would leave keyboard and screen-reader users (and learners on touch screens) without it.
 */
export function HeaderNameCell({ name, explanation }: { name: string; explanation: string | undefined }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!explanation) return <th scope="row">{name}</th>;
  return (
    <th scope="row" className="response-headers__name--known">
      <span className="response-headers__name-line">
        {name}
        <button
          type="button"
          className="response-headers__explain"
          aria-expanded={open}
          aria-controls={open ? id : undefined}
          aria-label={`What is ${name}?`}
          onClick={() => setOpen((current) => !current)}
        >
          ?
        </button>
      </span>
      {open ? (
        <span id={id} className="response-headers__explanation">
          {explanation}
        </span>
      ) : null}
    </th>
  );
}
