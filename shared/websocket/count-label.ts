/** "1 message", "2 messages", "10,000 events": a count with its noun, singular only for exactly one. */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}
