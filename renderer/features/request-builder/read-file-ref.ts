import type { FileRef } from '../../../shared/contract';

// The contract caps inline file data at 200 MiB of base64, i.e. about 150 MiB of file.
const MAX_FILE_BYTES = 150 * 1024 * 1024;

/** Reads a picked file into the inline form the contract carries. Rejects with a message written for the user. */
export function readFileRef(file: File): Promise<FileRef> {
  if (file.size > MAX_FILE_BYTES) {
    return Promise.reject(new Error(`"${file.name}" is too large to send from here (the limit is 150 MB).`));
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // readAsDataURL gives "data:<type>;base64,<data>": the browser does the base64 work natively and fast.
      const dataUrl = String(reader.result);
      resolve({
        fileName: file.name,
        contentType: file.type || 'application/octet-stream',
        dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1),
      });
    };
    reader.onerror = () => reject(new Error(`Could not read "${file.name}".`));
    reader.readAsDataURL(file);
  });
}
