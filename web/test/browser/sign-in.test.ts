import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { ROOT, startService, type RunningService } from './service.ts';

const SHOTS = join(ROOT, 'web', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let service: RunningService;
let browser: Browser;

describe('signing in without pasting a token (development page)', () => {
  before(async () => {
    service = await startService();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await service?.stop();
  });

  test('a department picks its demo identity and is signed in, in Chinese', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(service.url);
    const picker = page.getByLabel('演示身份');
    await picker.locator('option', { hasText: 'YL' }).first().waitFor({ state: 'attached' });
    const groups = await picker
      .locator('optgroup')
      .evaluateAll((els) => els.map((e) => e.getAttribute('label')));
    assert.deepEqual(groups, ['管理员', '组织部', '干部', '人事系统']);
    const options = await picker.locator('option').allInnerTexts();
    assert.ok(
      options.some((o) => o.includes('（DEMO-002）')),
      options.join(' | '),
    );
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'sign-in.png'), fullPage: true });

    await picker.selectOption({ label: '云岭市人民政府（YL）' });
    await page.getByRole('button', { name: '使用此身份' }).click();
    await page.getByTestId('who').waitFor();
    assert.match(await page.getByTestId('who').innerText(), /云岭市人民政府/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a cadre signs in the same way and lands on their own record', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.goto(service.url);
    const picker = page.getByLabel('演示身份');
    const option = picker.locator('option', { hasText: '（DEMO-003）' });
    await option.waitFor({ state: 'attached' });
    await picker.selectOption({ label: await option.innerText() });
    await page.getByRole('button', { name: '使用此身份' }).click();
    await page.waitForURL(/#\/me/);
    await page.close();
  });
});
