import { type HeaderList } from '../../../shared/contract';
import { explainHeader } from '../../../shared/response';
import { HeaderNameCell } from './header-name-cell';

/** Headers in wire order with duplicates kept; known headers explain themselves behind a disclosure button. */
export function ResponseHeadersTable({ headers, label }: { headers: HeaderList; label: string }) {
  if (headers.length === 0) return <p className="response-viewer__empty">No headers.</p>;
  return (
    <table className="response-headers" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], i) => {
          const explanation = explainHeader(name);
          return (
            <tr key={i}>
              <HeaderNameCell name={name} explanation={explanation} />
              <td>{value}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
