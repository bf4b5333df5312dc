/** True for a Content-Type of text/event-stream, whatever its parameters and case. */
export function isEventStream(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  return contentType.split(';')[0]?.trim().toLowerCase() === 'text/event-stream';
}
