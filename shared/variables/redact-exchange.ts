import type { HeaderList, HttpExchange, RedirectHop } from '../contract/http';
import { redactorFor, type Redactor } from './redact';

function redactHeaders(headers: HeaderList, redactor: Redactor): HeaderList {
  return headers.map(([name, value]) => [redactor.text(name), redactor.text(value)]);
}

function redactHop(hop: RedirectHop, redactor: Redactor): RedirectHop {
  return {
    ...hop,
    url: redactor.text(hop.url),
    location: redactor.text(hop.location),
    headers: redactHeaders(hop.headers, redactor),
  };
}

/**
 * The exchange with secrets masked in every text field that can carry request data: servers echo what they were
 * sent (a Location with the query, a header reflected back), so response fields are covered too. The body is held by
 * reference elsewhere; redactBytes is for it.
 */
export function redactExchange(exchange: HttpExchange, secrets: readonly string[]): HttpExchange {
  if (secrets.length === 0) return exchange;
  const redactor = redactorFor(secrets);
  return {
    ...exchange,
    request: {
      ...exchange.request,
      url: redactor.text(exchange.request.url),
      headers: redactHeaders(exchange.request.headers, redactor),
    },
    response: {
      ...exchange.response,
      statusText: redactor.text(exchange.response.statusText),
      headers: redactHeaders(exchange.response.headers, redactor),
    },
    redirects: exchange.redirects.map((hop) => redactHop(hop, redactor)),
    raw: {
      requestHead: redactor.text(exchange.raw.requestHead),
      responseHead: redactor.text(exchange.raw.responseHead),
    },
    warnings: exchange.warnings.map((warning) => redactor.text(warning)),
  };
}
