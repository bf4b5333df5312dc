import { useId, useState } from 'react';
import { HeaderValue } from './header-value';
import styles from './response-headers.module.css';

/**
 * One header; a header Courier knows gets a disclosure button that shows what it means in a row under it. A
 * tooltip on hover alone would leave keyboard and screen-reader users (and learners on touch screens) without it.
 * The button has a cell of its own, so the row header stays just the header's name.
 */
export function HeaderRow({ name, value, explanation }: { name: string; value: string; explanation: string | undefined }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <tr>
        <th scope="row">{name}</th>
        <td>
          <HeaderValue name={name} value={value} />
        </td>
        <td className={styles.about}>
          {explanation ? (
            <button
              type="button"
              className={styles.explain}
              aria-expanded={open}
              aria-controls={open ? id : undefined}
              aria-label={`What is ${name}?`}
              onClick={() => setOpen((current) => !current)}
            >
              ?
            </button>
          ) : null}
        </td>
      </tr>
      {open && explanation ? (
        <tr>
          <td id={id} colSpan={3} className={styles.explanation}>
            {name}: {explanation}
          </td>
        </tr>
      ) : null}
    </>
  );
}
