import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SECRET_MASK } from '../../../shared/variables';
import { createMaskTransform, maskedSource } from './mask-transform';

const SECRET = 'pa$$/word+"quoted"';

function bodyWithEchoes(bytes: number): Buffer {
  const echo = `{"php":"${JSON.stringify(SECRET).slice(1, -1).replace(/\//g, '\\/')}","html":"${SECRET.replace(/"/g, '&quot;')}"}\n`;
  const filler = 'x'.repeat(997) + '\n';
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const part = parts.length % 50 === 7 ? echo : filler;
    parts.push(part);
    size += part.length;
  }
  return Buffer.from(parts.join(''));
}

describe('createMaskTransform', () => {
  it('masks echoes across odd chunk sizes in a pipeline', async () => {
    const body = bodyWithEchoes(300_000);
    const chunks: Buffer[] = [];
    for (let i = 0; i < body.length; i += 4093) chunks.push(body.subarray(i, i + 4093));
    const out: Buffer[] = [];
    await pipeline(Readable.from(chunks), createMaskTransform([SECRET]), new Writable({ write: (chunk: Buffer, _e, done) => (out.push(chunk), done()) }));
    const text = Buffer.concat(out).toString();
    expect(text).not.toContain('word');
    expect(text.split(SECRET_MASK).length - 1).toBe(2 * (body.toString().split('"php"').length - 1));
  });
});

describe('maskedSource', () => {
  const sourceOf = (bytes: Buffer) => {
    let largest = 0;
    return {
      size: bytes.length,
      read: async (offset: number, length: number) => {
        largest = Math.max(largest, length);
        return bytes.subarray(offset, offset + length);
      },
      largest: () => largest,
    };
  };

  it('reads a large body in bounded chunks and gives the masked size up front', async () => {
    const body = bodyWithEchoes(5 * 1024 * 1024);
    const source = sourceOf(body);
    const masked = await maskedSource(source, [SECRET]);
    const parts: Buffer[] = [];
    for (let offset = 0; offset < masked.size;) {
      const part = await masked.read(offset, Math.min(1024 * 1024, masked.size - offset));
      parts.push(part);
      offset += part.length;
    }
    const whole = Buffer.concat(parts);
    expect(whole.length).toBe(masked.size);
    const text = whole.toString();
    expect(text).not.toContain('word');
    expect(text).toContain(SECRET_MASK);
    expect(source.largest()).toBeLessThanOrEqual(1024 * 1024);
  });

  it('returns the source itself when nothing needs masking', async () => {
    const source = sourceOf(Buffer.from('nothing here'.repeat(1000)));
    expect(await maskedSource(source, [SECRET])).toBe(source);
  });
});
