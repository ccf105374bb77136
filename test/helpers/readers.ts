/**
 * The real readers a user's documents go through: LibreOffice (headless) and pdftotext. Needs
 * `soffice` and `pdftotext` (installed by .ci/run); a machine without them fails with what to install
 * instead of quietly skipping.
 *
 * One LibreOffice profile per test process, made on the first conversion and reused: a fresh profile
 * costs LibreOffice most of its start-up (half a minute on a busy machine). Conversions in a process
 * run one at a time, since two LibreOffice instances cannot share a profile; other test files have
 * profiles of their own.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (!has('soffice') || !has('pdftotext')) {
  throw new Error('These tests need LibreOffice (soffice) and pdftotext: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils');
}

const profile = mkdtempSync(join(tmpdir(), 'varna-lo-profile-'));
process.once('exit', () => rmSync(profile, { recursive: true, force: true }));
let queue: Promise<unknown> = Promise.resolve();

/**
 * Opens `file` in LibreOffice and converts it, as a reader's office suite would. CSV is asked for in
 * UTF-8 (44,34,76): LibreOffice before 7.6 writes Windows-1252 when no options are given.
 */
export function libreOffice(file: Buffer, ext: string, to: 'pdf' | 'csv'): Promise<Buffer> {
  const job = queue.then(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'varna-lo-'));
    try {
      writeFileSync(join(dir, `r.${ext}`), file);
      const target = to === 'csv' ? 'csv:Text - txt - csv (StarCalc):44,34,76' : to;
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', target, '--outdir', dir, join(dir, `r.${ext}`)], { timeout: 150_000 });
      return readFileSync(join(dir, `r.${to}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

/** The text of a PDF as pdftotext reads it (`layout`: keep the columns). */
export async function pdfText(pdf: Buffer, { layout = true }: { layout?: boolean } = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'varna-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return (await run('pdftotext', [...(layout ? ['-layout'] : []), join(dir, 'r.pdf'), '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
