type StatusClass = 'informational' | 'success' | 'redirect' | 'client-error' | 'server-error' | 'unknown';

interface StatusInfo {
  code: number;
  /** The standard reason phrase (RFC 9110 and friends), independent of what the server sent. */
  reason: string;
  /** One line in plain words: what this status means for the person reading it. */
  explanation: string;
  statusClass: StatusClass;
}

const STATUSES: Record<number, [reason: string, explanation: string]> = {
  100: ['Continue', 'The server got the request headers; the client may send the body.'],
  101: ['Switching Protocols', 'The server is switching to the protocol named in the Upgrade header (e.g. WebSocket).'],
  102: ['Processing', 'The server accepted the request and is still working on it.'],
  103: ['Early Hints', 'Preliminary headers so the client can start preloading before the final response.'],
  200: ['OK', 'The request succeeded.'],
  201: ['Created', 'The request succeeded and a new resource was created (often at the Location header).'],
  202: ['Accepted', 'The request was accepted for processing, but the work has not finished yet.'],
  203: ['Non-Authoritative Information', 'Success, but a proxy modified the response from the origin.'],
  204: ['No Content', 'The request succeeded and there is intentionally no body.'],
  205: ['Reset Content', 'Success; the client should reset the form or view that sent the request.'],
  206: ['Partial Content', 'Only the byte range asked for with a Range header was sent.'],
  207: ['Multi-Status', 'WebDAV: the body holds separate statuses for several resources.'],
  208: ['Already Reported', 'WebDAV: members of this collection were already listed earlier.'],
  226: ['IM Used', 'The response is the result of instance manipulations applied to the resource.'],
  300: ['Multiple Choices', 'The resource has several representations; pick one.'],
  301: ['Moved Permanently', 'The resource has a new permanent URL (in Location); update links to it.'],
  302: ['Found', 'The resource is temporarily at another URL (in Location); keep using this one.'],
  303: ['See Other', 'Fetch the result with a GET to the URL in Location.'],
  304: ['Not Modified', 'Your cached copy is still valid (conditional request); no body is sent.'],
  305: ['Use Proxy', 'Deprecated: the resource must be accessed through a proxy.'],
  307: ['Temporary Redirect', 'Temporarily at another URL; repeat the same method and body there.'],
  308: ['Permanent Redirect', 'Permanently at another URL; repeat the same method and body there.'],
  400: ['Bad Request', 'The server could not understand the request (malformed syntax, invalid body or parameters).'],
  401: ['Unauthorized', 'Authentication is missing or invalid; send valid credentials (see WWW-Authenticate).'],
  402: ['Payment Required', 'Reserved; some APIs use it when a plan or quota needs payment.'],
  403: ['Forbidden', 'The server understood who you are but refuses to allow this request.'],
  404: ['Not Found', 'Nothing exists at this URL (or the server will not say that it does).'],
  405: ['Method Not Allowed', 'This URL does not support this method; the Allow header lists the ones it does.'],
  406: ['Not Acceptable', 'The server cannot produce a response matching your Accept headers.'],
  407: ['Proxy Authentication Required', 'A proxy between you and the server needs credentials.'],
  408: ['Request Timeout', 'The server gave up waiting for the complete request.'],
  409: ['Conflict', 'The request conflicts with the current state of the resource (e.g. an edit conflict or duplicate).'],
  410: ['Gone', 'The resource was here but has been removed permanently.'],
  411: ['Length Required', 'The server requires a Content-Length header.'],
  412: ['Precondition Failed', 'A condition in the request headers (If-Match, If-Unmodified-Since…) was not met.'],
  413: ['Content Too Large', 'The request body is larger than the server accepts.'],
  414: ['URI Too Long', 'The URL is longer than the server accepts.'],
  415: ['Unsupported Media Type', "The server does not accept the body's Content-Type."],
  416: ['Range Not Satisfiable', 'The requested byte range lies outside the resource.'],
  417: ['Expectation Failed', "The server cannot meet the Expect header's requirement."],
  418: ["I'm a teapot", 'A joke status (RFC 2324); some servers use it to refuse requests.'],
  421: ['Misdirected Request', 'The request reached a server that cannot answer for this host.'],
  422: ['Unprocessable Content', 'The request was well-formed but its content failed validation.'],
  423: ['Locked', 'WebDAV: the resource is locked.'],
  424: ['Failed Dependency', 'WebDAV: the request failed because an earlier request it depended on failed.'],
  425: ['Too Early', 'The server will not process a request that might be replayed (TLS early data).'],
  426: ['Upgrade Required', 'The server requires a different protocol; see the Upgrade header.'],
  428: ['Precondition Required', 'The server requires a conditional request (e.g. If-Match) to avoid lost updates.'],
  429: ['Too Many Requests', 'You are being rate limited; wait (see Retry-After) before trying again.'],
  431: ['Request Header Fields Too Large', 'The request headers (often cookies) are too large.'],
  451: ['Unavailable For Legal Reasons', 'The resource is blocked for legal reasons.'],
  500: ['Internal Server Error', 'The server hit an unexpected error; the problem is on the server side.'],
  501: ['Not Implemented', 'The server does not support the functionality needed (often the method).'],
  502: ['Bad Gateway', 'A gateway or proxy got an invalid response from the server behind it.'],
  503: ['Service Unavailable', 'The server is overloaded or down for maintenance; try again later (see Retry-After).'],
  504: ['Gateway Timeout', 'A gateway or proxy did not get a response in time from the server behind it.'],
  505: ['HTTP Version Not Supported', 'The server does not support the HTTP version used.'],
  506: ['Variant Also Negotiates', 'The server has a content-negotiation configuration error.'],
  507: ['Insufficient Storage', 'WebDAV: the server cannot store what is needed to complete the request.'],
  508: ['Loop Detected', 'WebDAV: the server found an infinite loop while processing the request.'],
  510: ['Not Extended', 'Further extensions to the request are required.'],
  511: ['Network Authentication Required', 'You need to sign in to the network (e.g. a captive portal).'],
};

const CLASS_FALLBACK: Record<StatusClass, string> = {
  informational: 'An interim response; the final one follows.',
  success: 'The request succeeded.',
  redirect: 'Further action is needed, usually following a redirect.',
  'client-error': 'The server says the request has a problem.',
  'server-error': 'The server failed to handle a request that may be valid.',
  unknown: 'Not a standard HTTP status code.',
};

export function statusClassOf(code: number): StatusClass {
  if (code >= 100 && code < 200) return 'informational';
  if (code >= 200 && code < 300) return 'success';
  if (code >= 300 && code < 400) return 'redirect';
  if (code >= 400 && code < 500) return 'client-error';
  if (code >= 500 && code < 600) return 'server-error';
  return 'unknown';
}

/**
 * Reason and explanation for a status code. `sentReason` (the server's own phrase, from HTTP/1.1) is used when the
 * code is not one we know, so a custom "499 Client Closed Request" still reads sensibly.
 */
export function statusInfo(code: number, sentReason?: string): StatusInfo {
  const statusClass = statusClassOf(code);
  const known = STATUSES[code];
  if (known) return { code, reason: known[0], explanation: known[1], statusClass };
  const reason = sentReason?.trim() || 'Unknown status';
  return { code, reason, explanation: CLASS_FALLBACK[statusClass], statusClass };
}
