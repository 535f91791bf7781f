import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A TypeScript entry point run with ts-node, its output collected line by line. */
export class Child {
  readonly proc: ChildProcess;
  readonly lines: string[] = [];
  private waiters: { match: RegExp; resolve: (line: string) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(script: string, args: string[], env: Record<string, string>) {
    this.proc = spawn(process.execPath, ['-r', 'ts-node/register', script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => {
          if (!w.match.test(line)) return true;
          w.resolve(line);
          return false;
        });
      }
    };
    this.proc.stdout?.on('data', onData);
    this.proc.stderr?.on('data', onData);
    this.exited = new Promise((resolve) => this.proc.once('exit', (code) => resolve(code)));
  }

  /** The first line (already printed or still to come) matching `match`; fails if the child exits first. */
  waitFor(match: RegExp): Promise<string> {
    const seen = this.lines.find((l) => match.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      this.waiters.push({ match, resolve });
      void this.exited.then((code) =>
        reject(new Error(`exited (${code}) before ${match}:\n${this.lines.slice(-30).join('\n')}`)),
      );
    });
  }

  send(line: string): void {
    this.proc.stdin?.write(`${line}\n`);
  }
}
