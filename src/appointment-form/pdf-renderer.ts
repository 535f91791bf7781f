import { errorText } from '../i18n/errors';
import { Injectable, Logger } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';

/** Chromium's output is kept only for the log when it fails. */
const MAX_LOG = 4_000;

/**
 * Prints an HTML document to PDF with headless Chromium: one rendering at a time (a few requests may wait,
 * more are refused with TOO_MANY_REQUESTS), each in a throw-away profile and folder, killed with its whole
 * process group after PDF_TIMEOUT_MS. Host names do not resolve and the document's own Content-Security-Policy
 * allows no script and no fetch (only inline styles and data: images): printing it fetches nothing.
 */
@Injectable()
export class PdfRenderer {
  private readonly logger = new Logger('PdfRenderer');
  private running: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly config: AppConfig) {}

  async render(html: string): Promise<Buffer> {
    if (this.waiting >= this.config.PDF_QUEUE_MAX + 1) {
      throw DomainError.of(ErrorCode.TOO_MANY_REQUESTS, undefined, errorText('pdf.busy'));
    }
    this.waiting++;
    const turn = this.running.then(
      () => this.print(html),
      () => this.print(html),
    );
    this.running = turn.catch(() => undefined).finally(() => this.waiting--);
    return turn;
  }

  private async print(html: string): Promise<Buffer> {
    const chromium = this.config.CHROMIUM_PATH;
    try {
      await access(chromium, constants.X_OK);
    } catch {
      this.logger.error(`CHROMIUM_PATH ${chromium} is not an executable; PDF export is unavailable`);
      throw DomainError.of(ErrorCode.SERVICE_UNAVAILABLE, undefined, errorText('pdf.unavailable'));
    }
    const dir = await mkdtemp(join(tmpdir(), 'cadre-pdf-'));
    try {
      const page = join(dir, 'form.html');
      const pdf = join(dir, 'form.pdf');
      await writeFile(page, html, 'utf8');
      await this.run(chromium, [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-extensions',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        '--host-resolver-rules=MAP * ~NOTFOUND',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        `file://${page}`,
      ]);
      const out = await readFile(pdf).catch(() => null);
      if (!out || out.subarray(0, 5).toString() !== '%PDF-') {
        throw new Error('Chromium exited without writing a PDF');
      }
      return out;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private run(cmd: string, args: string[]): Promise<void> {
    return new Promise((ok, fail) => {
      // Its own process group, so that the timeout ends Chromium's helper processes too.
      const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      const keep = (d: Buffer) => {
        if (log.length < MAX_LOG) log += d.toString();
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        fail(DomainError.of(ErrorCode.TIMEOUT, undefined, errorText('pdf.timeout')));
      }, this.config.PDF_TIMEOUT_MS);
      child.on('error', (err) => {
        clearTimeout(timer);
        fail(err);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) return ok();
        this.logger.error(`chromium exited ${code ?? signal}: ${log.slice(0, MAX_LOG)}`);
        fail(new Error(`Chromium exited ${code ?? signal}`));
      });
    });
  }
}
