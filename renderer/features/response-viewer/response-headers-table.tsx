import { type HeaderList } from '../../../shared/contract';
import { explainHeader } from '../../../shared/response';
import { HeaderRow } from './header-row';
import styles from './response-headers.module.css';
import viewerStyles from './response-viewer.module.css';

/** Headers in wire order with duplicates kept; known headers explain themselves behind a disclosure button. */
export function ResponseHeadersTable({ headers, label }: { headers: HeaderList; label: string }) {
  if (headers.length === 0) return <p className={viewerStyles.empty}>No headers.</p>;
  return (
    <table className={styles.headers} aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          <th scope="col">
            <span className="visually-hidden">Explanation</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], i) => (
          <HeaderRow key={i} name={name} value={value} explanation={explainHeader(name)} />
        ))}
      </tbody>
    </table>
  );
}
