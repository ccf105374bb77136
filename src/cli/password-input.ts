import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * The password for `admin create`, from standard input: piped (`echo "$PW" | npm run varna -- …`,
 * one line, the line break removed), or typed at a terminal twice without echo. It is never taken
 * from the command line, where it would end up in the shell history and the process list.
 */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  const first = await ask('Password for the new admin (15 characters or more): ');
  const again = await ask('The same password again: ');
  if (first !== again) throw new Error('The two passwords differ. Nothing was created.');
  return first;
}

async function ask(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  // Typed characters are not echoed.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
