/**
 * The words of a library document, for Swedish full-text search. PDF through poppler's pdftotext
 * (a separate process with a time limit, so a hostile file cannot hang the server), DOCX and ODT
 * from their XML. The file has passed the attachment store's content and archive checks first.
 * Anything that cannot be read gives no text: the title and description are still searched.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { xmlText } from '../../domain/hub/document-xml.js';

/** Enough for search; a long document's first 200,000 characters. */
export const MAX_TEXT = 200_000;

function pdfText(bytes: Uint8Array): Promise<string> {
  return (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'varna-pdf-'));
    try {
      const file = join(dir, 'in.pdf');
      await writeFile(file, bytes);
      return await new Promise<string>((resolve) => {
        execFile('pdftotext', ['-q', '-enc', 'UTF-8', file, '-'], { timeout: 15_000, maxBuffer: 8 * 1024 * 1024 }, (err, stdout) => resolve(err ? '' : stdout));
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
}

function zippedXmlText(bytes: Uint8Array, entry: string): string {
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === entry });
    return files[entry] ? xmlText(strFromU8(files[entry])) : '';
  } catch {
    return '';
  }
}

/** The document's text by its sniffed content type; '' for images and anything unreadable. */
export async function documentText(bytes: Uint8Array, contentType: string): Promise<string> {
  let text = '';
  if (contentType === 'application/pdf') text = await pdfText(bytes);
  else if (contentType.includes('wordprocessingml')) text = zippedXmlText(bytes, 'word/document.xml');
  else if (contentType === 'application/vnd.oasis.opendocument.text') text = zippedXmlText(bytes, 'content.xml');
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
}
