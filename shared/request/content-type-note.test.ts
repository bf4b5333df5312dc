import { describe, expect, it } from 'vitest';
import { contentTypeNote, defaultContentType } from './content-type-note';
import { createDraft, type BodyDraft } from './draft';

const body = (partial: Partial<BodyDraft>): BodyDraft => ({ ...createDraft().body, ...partial });
const header = (name: string, value: string, enabled = true) => ({ id: name, name, value, enabled });

describe('defaultContentType', () => {
  it('matches what the engine sends per body kind', () => {
    expect(defaultContentType(body({ kind: 'none' }))).toBeNull();
    expect(defaultContentType(body({ kind: 'json' }))).toBe('application/json');
    expect(defaultContentType(body({ kind: 'text' }))).toBe('text/plain');
    expect(defaultContentType(body({ kind: 'xml' }))).toBe('application/xml');
    expect(defaultContentType(body({ kind: 'form' }))).toBe('application/x-www-form-urlencoded');
    expect(defaultContentType(body({ kind: 'multipart' }))).toBe('multipart/form-data');
    expect(defaultContentType(body({ kind: 'binary', binary: null }))).toBeNull();
    expect(defaultContentType(body({ kind: 'binary', binary: { fileName: 'a.png', contentType: 'image/png', dataBase64: '' } }))).toBe('image/png');
  });
});

describe('contentTypeNote', () => {
  it('says what is sent when the user sets nothing', () => {
    expect(contentTypeNote(body({ kind: 'json' }), [])).toEqual({
      tone: 'info',
      message: 'Sent with Content-Type: application/json, unless you set one in Headers.',
    });
    expect(contentTypeNote(body({ kind: 'none' }), [])).toBeNull();
  });
  it("acknowledges the user's own header, ignoring disabled ones", () => {
    expect(contentTypeNote(body({ kind: 'json' }), [header('content-type', 'application/vnd.api+json')])?.message).toBe(
      'Sent with your Content-Type header: application/vnd.api+json.',
    );
    expect(contentTypeNote(body({ kind: 'json' }), [header('Content-Type', 'text/plain', false)])?.message).toMatch(
      /^Sent with Content-Type: application\/json/,
    );
  });
  it('warns when a multipart body would lose its boundary', () => {
    const note = contentTypeNote(body({ kind: 'multipart' }), [header(' Content-Type ', 'multipart/form-data')]);
    expect(note?.tone).toBe('warning');
    expect(note?.message).toMatch(/boundary/);
    expect(contentTypeNote(body({ kind: 'multipart' }), [header('Content-Type', 'multipart/form-data; boundary=x')])?.tone).toBe('info');
  });
});
