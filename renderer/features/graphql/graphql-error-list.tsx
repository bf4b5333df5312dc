import { formatErrorPath, type GraphqlErrorView } from '../../../shared/graphql';

/** Each error's message, where in the query (line:column) and where in the result (path). */
export function GraphqlErrorList({ errors }: { errors: readonly GraphqlErrorView[] }) {
  return (
    <ol className="gql-error-list">
      {errors.map((error, i) => (
        <li key={i} className="gql-error">
          <span className="gql-error__message">{error.message}</span>
          {error.locations.length > 0 ? (
            <span className="gql-error__meta">at {error.locations.map((l) => `line ${l.line}, column ${l.column}`).join('; ')}</span>
          ) : null}
          {error.path.length > 0 ? <span className="gql-error__meta">path {formatErrorPath(error.path)}</span> : null}
          {error.extensions ? <code className="gql-error__meta">{error.extensions}</code> : null}
        </li>
      ))}
    </ol>
  );
}
