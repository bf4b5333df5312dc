import { describe, expect, it } from 'vitest';
import type { HttpRequestSpec } from '../../shared/contract';
import { withoutFileBytes } from '../../shared/workspace/request-file';
import { refuseUnavailableFiles } from './prepare-request';

// Found by the new-user UI pass (finding 47): after a reload a multipart file part uploaded an empty file with a 200.
const spec = (dataBase64: string): HttpRequestSpec =>
  ({
    method: 'POST',
    url: 'http://127.0.0.1/post',
    body: {
      kind: 'multipart',
      parts: [{ kind: 'file', name: 'upload', enabled: true, file: { fileName: 'upload.txt', contentType: 'text/plain', dataBase64 } }],
    },
  }) as unknown as HttpRequestSpec;

describe('a file part whose file is no longer available', () => {
  it('is refused naming the part and asking to choose the file again, once its bytes were dropped', () => {
    const restored = withoutFileBytes(spec(btoa('hello file content')));
    expect(() => refuseUnavailableFiles(restored)).toThrow(/part "upload" \(upload\.txt\).*Choose the file again/);
  });

  it('is not confused with a picked file that is really empty', () => {
    expect(() => refuseUnavailableFiles(spec(''))).not.toThrow();
    expect(() => refuseUnavailableFiles(spec(btoa('x')))).not.toThrow();
  });
});
