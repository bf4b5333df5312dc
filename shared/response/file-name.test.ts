import { describe, expect, it } from 'vitest';
import { suggestedFileName } from './file-name';

describe('suggestedFileName', () => {
  it('uses the last path segment and keeps its extension', () => {
    expect(suggestedFileName('https://x.test/files/report.pdf?x=1', 'application/octet-stream')).toBe('report.pdf');
  });
  it('adds an extension from the content type', () => {
    expect(suggestedFileName('https://x.test/users/42', 'application/json; charset=utf-8')).toBe('42.json');
    expect(suggestedFileName('https://x.test/feed', 'application/atom+xml')).toBe('feed.xml');
    expect(suggestedFileName('https://x.test/blob', null)).toBe('blob.bin');
  });
  it('saves JSON Lines bodies under the extensions their tools open', () => {
    expect(suggestedFileName('https://x.test/_bulk', 'application/x-ndjson')).toBe('_bulk.ndjson');
    expect(suggestedFileName('https://x.test/logs', 'application/jsonl')).toBe('logs.jsonl');
    expect(suggestedFileName('https://x.test/logs', 'application/x-jsonlines')).toBe('logs.jsonl');
  });
  it('falls back to "response" and makes names safe', () => {
    expect(suggestedFileName('https://x.test/', 'text/html')).toBe('response.html');
    expect(suggestedFileName('not a url', 'image/png')).toBe('response.png');
    expect(suggestedFileName('https://x.test/a%2F..%2F..%2Fetc%2Fpasswd', 'text/plain')).toBe('a_.._.._etc_passwd.txt');
    expect(suggestedFileName('https://x.test/..', 'text/plain')).toBe('response.txt');
    expect(suggestedFileName('https://x.test/%E0%A4%A', 'text/plain')).toBe('response.txt');
  });
});
