import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, startService, type RunningService } from './service.ts';

/**
 * A vacancy filled from its slate (issue #19), in zh-CN: the department's vacancies on the demo date, the slate of
 * 白马县 副县长（分管文化旅游） with the stuck township head first, saved and the appointment recorded after a
 * confirmation; a post in 白马县公安局 whose slate shows the head's nephew breaching avoidance, refused when
 * confirmed; the leadership teams missing a target and one team's charts. Screenshots in web/screenshots.
 */
const AS_OF = '2026-11-27';
const SHOTS = join(ROOT, 'web', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let service: RunningService;
let browser: Browser;
let dept: string;
let admin: string;
let bureauPost: string;
let bureau: string;
const pageErrors: string[] = [];

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(service.url);
  await page.getByLabel('令牌').fill(dept);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('who').waitFor();
  await page.getByLabel('评估日期').fill(AS_OF);
  return page;
}

/** The whole page, or only what the window shows (a slate of 20 is too long to read whole). */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

before(async () => {
  service = await startService();
  dept = await service.token('--role', 'ORG_DEPT', '--unit', 'YL', '--sub', 'yl-od-clerk');
  admin = await service.token('--role', 'ADMIN');
  const units = await service.gql<{ units: { id: string; code: string }[] }>(
    admin,
    `{ units(parentId: null) { id code } }`,
  );
  const city = units.units.find((u) => u.code === 'YL')!.id;
  const counties = await service.gql<{ units: { id: string; code: string }[] }>(
    admin,
    `query($p: ID) { units(parentId: $p) { id code } }`,
    { p: city },
  );
  const county = counties.units.find((u) => u.code === 'YL-BM')!.id;
  const below = await service.gql<{ units: { id: string; code: string }[] }>(
    admin,
    `query($p: ID) { units(parentId: $p) { id code } }`,
    { p: county },
  );
  bureau = below.units.find((u) => u.code === 'YL-BM-GAJ')!.id;
  // A second leadership post in the public security bureau, where the head's nephew is deputy.
  bureauPost = (
    await service.gql<{ createPost: { id: string } }>(
      dept,
      `mutation($i: CreatePostInput!) { createPost(input: $i) { id } }`,
      {
        i: {
          unitId: bureau,
          title: '政委',
          level: 'TOWNSHIP_CHIEF',
          approvedHolders: 1,
          establishedOn: '2026-01-01',
        },
      },
    )
  ).createPost.id;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  assert.deepEqual(pageErrors, []);
  await browser?.close();
  await service?.stop();
});

describe('vacancy → slate → decision (zh-CN)', () => {
  test('lists the vacancies on the date with unit, post, level, specialty, holders of the number and since when', async () => {
    const page = await open();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '空缺职位' }).click();
    await page.getByRole('heading', { name: '空缺职位', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '共 3 个空缺' }).waitFor();
    const tourism = page.locator('tr', { hasText: '副县长（分管文化旅游）' });
    const text = (await tourism.innerText()).replace(/\s+/g, ' ');
    assert.match(
      text,
      /白马县人民政府 副县长（分管文化旅游） 县处级副职 必需：文化旅游 0 \/ 1 2026年1月1日 已空缺 330 天/,
    );
    const farming = (await page.locator('tr', { hasText: '副县长（分管农业农村）' }).innerText()).replace(
      /\s+/g,
      ' ',
    );
    assert.match(farming, /禾溪县人民政府 .* 优先：乡村振兴、农产品营销.* 2025年7月1日 已空缺 514 天/);
    await shot(page, 'vacancies');
    await page.close();
  });

  test('opens the tourism post’s slate, saves it and records the appointment after a confirmation', async () => {
    const page = await open();
    await page.getByRole('link', { name: '空缺职位' }).click();
    await page.getByRole('link', { name: '副县长（分管文化旅游）' }).click();
    await page.getByRole('heading', { name: '白马县人民政府 副县长（分管文化旅游）：人选名单' }).waitFor();
    const yang = page.locator('li[data-cadre="DEMO-002"]');
    await yang.waitFor();
    const card = await yang.innerText();
    assert.match(card, /优先使用：任职已满期限且符合条件/);
    assert.match(card, /得分 [\d.]+（满分 100）/);
    assert.match(card, /列入理由:.*任职已满期限且符合晋升条件/s);
    assert.match(card, /任职回避:\s*无回避情形/);
    assert.equal((await yang.locator('.score-bars li').count()) > 0, true, 'the score breakdown');
    // The specialty the post requires: those who lack it say so.
    assert.match(await yang.getByTestId('specialty').innerText(), /专业匹配:/);

    const save = page.locator('form', { has: page.getByRole('heading', { name: '保存人选名单' }) });
    await save.getByLabel('名单名称').fill('2026年12月 副县长（分管文化旅游）人选');
    await save.getByRole('button', { name: '保存人选名单' }).click();
    await save.getByText('已保存：2026年12月 副县长（分管文化旅游）人选').waitFor();
    const saved = page.locator('li[data-slate]');
    await saved.waitFor();
    assert.match(await saved.innerText(), /杨守田/);

    const decide = saved.locator('form');
    await decide.getByRole('button', { name: '记录任命' }).click();
    assert.match(await decide.locator('.field-error').first().innerText(), /必填/);
    const option = await decide
      .getByLabel('拟任人选')
      .locator('option', { hasText: '杨守田' })
      .getAttribute('value');
    await decide.getByLabel('拟任人选').selectOption(option!);
    await decide.getByLabel('任职生效日期').fill('2026-12-01');
    await decide.getByRole('button', { name: '记录任命' }).click();
    const confirm = page.getByRole('alertdialog', { name: '确认任命' });
    assert.match(
      await confirm.innerText(),
      /确认任命 杨守田 为 白马县人民政府 副县长（分管文化旅游），自 2026年12月1日 起任职？/,
    );
    await confirm.getByRole('button', { name: '确认任命' }).click();
    await decide.getByText('已任命：杨守田，自 2026年12月1日 起').waitFor();
    await saved.locator('li', { hasText: '杨守田' }).locator('.badge', { hasText: '已任命' }).waitFor();
    const posted = await service.gql<{
      cadres: { edges: { node: { currentPostings: { title: string; unit: { name: string } }[] } }[] };
    }>(
      admin,
      `{ cadres(filter: { name: "杨守田" }) { edges { node { currentPostings(asOf: "2026-12-01") { title unit { name } } } } } }`,
    );
    assert.deepEqual(posted.cadres.edges[0].node.currentPostings, [
      { title: '副县长（分管文化旅游）', unit: { name: '白马县人民政府' } },
    ]);
    await saved.screenshot({ path: join(SHOTS, 'slate-decision.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 1280, height: 1400 });
    await shot(page, 'slate', false);
    await page.close();
  });

  test('shows the nephew’s avoidance breach on the bureau post’s slate, and the appointment is refused', async () => {
    const page = await open();
    await page.goto(`${service.url}#/vacancies/${bureauPost}`);
    await page.getByRole('heading', { name: '白马县公安局 政委：人选名单' }).waitFor();
    await page.getByLabel('人选范围').selectOption({ label: '白马县人民政府' });
    const nephew = page.locator('li[data-cadre="DEMO-AV2"]');
    await nephew.waitFor();
    assert.equal(await nephew.locator('[data-avoidance]').getAttribute('data-avoidance'), 'breach');
    assert.match(
      await nephew.innerText(),
      /存在回避情形\s*回避：与近亲属马建国（侄子）在同一单位领导班子任职。/,
    );
    assert.match(await nephew.getByTestId('slate-blockers').innerText(), /回避：与近亲属马建国（侄子）/);

    const save = page.locator('form', { has: page.getByRole('heading', { name: '保存人选名单' }) });
    await save.getByRole('button', { name: '保存人选名单' }).click();
    const saved = page.locator('li[data-slate]');
    await saved.waitFor();
    const decide = saved.locator('form');
    const option = await decide
      .getByLabel('拟任人选')
      .locator('option', { hasText: '马志远' })
      .getAttribute('value');
    await decide.getByLabel('拟任人选').selectOption(option!);
    await decide.getByRole('button', { name: '记录任命' }).click();
    const confirm = page.getByRole('alertdialog', { name: '确认任命' });
    assert.match(await confirm.innerText(), /该人选存在回避情形，服务将拒绝此任命/);
    await confirm.getByRole('button', { name: '确认任命' }).click();
    await decide
      .locator('.field-error', {
        hasText: '不能任命：将违反任职回避规定。回避：与近亲属马建国（侄子）在同一单位领导班子任职。',
      })
      .waitFor();
    assert.equal(await saved.locator('.badge', { hasText: '已任命' }).count(), 0);
    await page.close();
  });
});

describe('leadership teams (zh-CN)', () => {
  test('lists the teams missing a target, exports them, and charts one team’s age, gender and education', async () => {
    const page = await open();
    await page.getByRole('link', { name: '领导班子' }).click();
    await page.getByRole('heading', { name: '领导班子结构', level: 1 }).waitFor();
    const row = page.locator(`tr[data-unit="${bureau}"]`);
    await row.waitFor();
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /白马县公安局 2 0 0 2 [\d.]+ 女干部 年轻干部/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.match(csv, /白马县公安局/);
    await shot(page, 'team-structures');

    await row.getByRole('link', { name: '白马县公安局' }).click();
    await page.getByRole('heading', { name: '白马县公安局 领导班子结构' }).waitFor();
    assert.match(await page.locator('[data-target="WOMEN"]').innerText(), /未达标 女干部：要求 1，实有 0/);
    const age = page.locator('[data-chart="chart-age"]');
    assert.match((await age.innerText()).replace(/\s+/g, ' '), /年龄结构/);
    assert.match(
      (await page.locator('[data-chart="chart-gender"]').innerText()).replace(/\s+/g, ' '),
      /男 2/,
    );
    assert.match(
      (await page.locator('[data-chart="chart-education"]').innerText()).replace(/\s+/g, ' '),
      /大学本科 2/,
    );
    assert.match(await page.locator('table').innerText(), /马建国\s+局长/);
    await shot(page, 'team-structure');
    await page.close();
  });
});
