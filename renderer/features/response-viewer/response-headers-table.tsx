import { type HeaderList } from '../../../shared/contract';
import { explainHeader } from '../../../shared/response';

/** Headers in wire order with duplicates kept; known headers explain themselves on hover. */
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
              <th scope="row" title={explanation} className={explanation ? 'response-headers__name--known' : undefined}>
                {name}
              </th>
              <td>{value}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
