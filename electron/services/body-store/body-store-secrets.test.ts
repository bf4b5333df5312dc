import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBodyStore, type BodyStore } from './index';
import { secretBytesMatcher } from '../../../shared/variables';
import { createSecretMatcher } from './secret-matcher';
import { counterAt } from './spool-cipher';

/** Spool files are ciphertext; a body that echoes a secret says so. */
const CANARY = 'Kq9!canary s3cr3t+/=zZ';
let dir: string;
let store: BodyStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-body-secret-'));
});
afterEach(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const meta = { contentType: 'text/plain', contentEncodings: [] };

describe('spool encryption', () => {
  it('writes no plain byte of a spooled body to disk, and reads any range back exactly', async () => {
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 4096 });
    const writer = store.createWriter(meta);
    const parts = [Buffer.from(`start ${CANARY} `), randomBytes(5000), Buffer.from(` middle ${CANARY} `), randomBytes(70_000), Buffer.from(` end ${CANARY}`)];
    for (const part of parts) await writer.write(part);
    const ref = await writer.finish();
    expect(ref.spooled).toBe(true);
    const whole = Buffer.concat(parts);
    const [file] = await readdir(dir);
    const onDisk = await readFile(join(dir, file as string));
    expect(onDisk.length).toBe(whole.length);
    expect(onDisk.includes(Buffer.from(CANARY))).toBe(false);
    expect(onDisk.subarray(0, 64).equals(whole.subarray(0, 64))).toBe(false);
    expect((await store.read(ref.id, 0, whole.length)).bytes.equals(whole)).toBe(true);
    // ranges starting and ending inside 16-byte blocks, across the first chunk and deep into the file
    for (const [offset, length] of [
      [1, 15],
      [15, 2],
      [16, 16],
      [17, 100],
      [4095, 3],
      [5010, 40_000],
      [whole.length - 7, 50],
    ] as const) {
      const { bytes } = await store.read(ref.id, offset, length);
      expect(bytes.equals(whole.subarray(offset, offset + length)), `${offset}+${length}`).toBe(true);
    }
  });

  it('advances the CTR counter across byte carries', () => {
    const iv = Buffer.alloc(16, 0);
    iv[15] = 0xff;
    iv[14] = 0xff;
    expect(counterAt(iv, 1).toString('hex')).toBe('00000000000000000000000000010000'.padStart(32, '0'));
    expect(counterAt(Buffer.alloc(16, 0xff), 1).equals(Buffer.alloc(16, 0))).toBe(true);
    expect(counterAt(Buffer.alloc(16, 0), 2 ** 40 + 3).toString('hex')).toBe('00000000000000000000010000000003');
  });
});

describe('containsSecret', () => {
  it('is set when a secret (or an encoded form of it) comes back, even split across chunks, in memory or spooled', async () => {
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 64 });
    const split = store.createWriter({ ...meta, secrets: [CANARY] });
    await split.write(Buffer.from(`{"echo":"${CANARY.slice(0, 7)}`));
    await split.write(Buffer.from(`${CANARY.slice(7)}"}`));
    expect((await split.finish()).containsSecret).toBe(true);

    const encoded = store.createWriter({ ...meta, secrets: [CANARY] });
    await encoded.write(Buffer.from(`/echo?k=${encodeURIComponent(CANARY)}`));
    expect((await encoded.finish()).containsSecret).toBe(true);

    const large = store.createWriter({ ...meta, secrets: [CANARY] });
    await large.write(randomBytes(200));
    await large.write(Buffer.from(CANARY));
    const ref = await large.finish();
    expect(ref).toMatchObject({ spooled: true, containsSecret: true });

    const clean = store.createWriter({ ...meta, secrets: [CANARY] });
    await clean.write(Buffer.from('nothing to see'));
    expect((await clean.finish()).containsSecret).toBeUndefined();
  });

  it('the matcher finds a secret split over many one-byte chunks', () => {
    const matcher = createSecretMatcher(secretBytesMatcher(['needle-secret']));
    for (const byte of Buffer.from('hay hay needle-se')) matcher.push(Buffer.from([byte]));
    expect(matcher.found).toBe(false);
    for (const byte of Buffer.from('cret hay')) matcher.push(Buffer.from([byte]));
    expect(matcher.found).toBe(true);
  });

  it('finds a secret in every spelling the masker hides (PHP json_encode, .NET escapes), not only the plain one', () => {
    for (const echo of ['{"k":"ab\\/cd+ef\\/gh"}', '{"k":"ab/cd\\u002Bef/gh"}', 'k=ab%2fcd%2bef%2fgh']) {
      const matcher = createSecretMatcher(secretBytesMatcher(['ab/cd+ef/gh']));
      matcher.push(Buffer.from(echo));
      expect(matcher.found, echo).toBe(true);
    }
  });
});
