import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ErrorCode } from '../common/errors/error-code';
import { PdfRenderer } from './pdf-renderer';

/** A stand-in for Chromium that never finishes, so that the limits are what ends the rendering. */
describe('PdfRenderer limits', () => {
  let dir: string;
  let hanging: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pdf-renderer-'));
    hanging = join(dir, 'chromium');
    writeFileSync(hanging, '#!/bin/sh\nsleep 60\n');
    chmodSync(hanging, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const renderer = (over: Partial<AppConfig>) =>
    new PdfRenderer(Object.assign(new AppConfig(), { PDF_TIMEOUT_MS: 1_000, PDF_QUEUE_MAX: 0, ...over }));

  it('kills a rendering that runs past PDF_TIMEOUT_MS (TIMEOUT) and refuses one more than the queue holds', async () => {
    const pdf = renderer({ CHROMIUM_PATH: hanging });
    const first = pdf.render('<p>x</p>');
    const second = pdf.render('<p>y</p>');
    await expect(second).rejects.toMatchObject({ code: ErrorCode.TOO_MANY_REQUESTS });
    await expect(first).rejects.toMatchObject({ code: ErrorCode.TIMEOUT });
    // The turn is free again: the next request is rendered (and times out) rather than refused.
    await expect(pdf.render('<p>z</p>')).rejects.toMatchObject({ code: ErrorCode.TIMEOUT });
  });

  it('answers SERVICE_UNAVAILABLE when CHROMIUM_PATH is not an executable', async () => {
    await expect(renderer({ CHROMIUM_PATH: join(dir, 'missing') }).render('<p>x</p>')).rejects.toMatchObject({
      code: ErrorCode.SERVICE_UNAVAILABLE,
    });
  });
});
