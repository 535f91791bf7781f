import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, startService, type RunningService } from './service.ts';

/** The demo seed's cases are judged as of this date (DOMAIN.md); the page is told to use it. */
const AS_OF = '2026-11-27';
const SHOTS = join(ROOT, 'web', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let service: RunningService;
let browser: Browser;
const tokens: Record<string, string> = {};
let townshipHeadId: string;
/** Uncaught errors in the page; none are expected. */
const pageErrors: string[] = [];
/** What the page's Content-Security-Policy refused (Chromium reports each on the console); nothing is expected. */
const cspViolations: string[] = [];

async function openSignedIn(token: string, width = 1280, locale = 'zh-CN'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  await page.goto(service.url);
  if (locale !== 'zh-CN') await page.getByLabel('语言').selectOption(locale);
  const en = locale === 'en';
  await page.getByLabel(en ? 'Token' : '令牌').fill(token);
  await page.getByRole('button', { name: en ? 'Sign in' : '登录' }).click();
  await page.getByTestId('who').waitFor();
  await page.getByLabel(en ? 'As of' : '评估日期').fill(AS_OF);
  return page;
}

/** Every form control has a label, every picture-like element a name: what a screen reader needs. */
async function assertLabelled(page: Page): Promise<void> {
  const unlabelled = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement>('input, select, textarea')) {
      if (!el.labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
        out.push(el.outerHTML.slice(0, 80));
    }
    for (const el of document.querySelectorAll('[role="img"], [role="progressbar"], nav, [role="group"]'))
      if (!el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
        out.push(el.outerHTML.slice(0, 80));
    return out;
  });
  assert.deepEqual(unlabelled, []);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

before(async () => {
  service = await startService();
  tokens.cadre = await service.token('--role', 'CADRE', '--cadre', 'DEMO-003');
  tokens.orgDept = await service.token('--role', 'ORG_DEPT', '--unit', 'YL', '--sub', 'yl-od-clerk');
  tokens.admin = await service.token('--role', 'ADMIN');
  const found = await service.gql<{ cadres: { edges: { node: { id: string; externalId: string } }[] } }>(
    tokens.admin,
    '{ cadres(filter: { name: "杨守田" }) { edges { node { id externalId } } } }',
  );
  townshipHeadId = found.cadres.edges.find((e) => e.node.externalId === 'DEMO-002')!.node.id;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(cspViolations, []);
  await browser?.close();
  await service?.stop();
});

describe('a cadre', () => {
  test('signs in, is told who they are, and sees the estimated date on their pathway', async () => {
    const page = await openSignedIn(tokens.cadre);
    const who = page.getByTestId('who');
    assert.match(await who.innerText(), /林知远/);
    assert.match(await who.innerText(), /干部/);
    await page.getByRole('heading', { name: /我的成长档案/ }).waitFor();
    // DOMAIN.md case 3: CLERK_1 since 2025-08-01, eligible for PRINCIPAL_STAFF_4 on 2027-08-01.
    const date = page.getByTestId('pathway-date');
    await date.locator('time[datetime="2027-08-01"]').waitFor();
    assert.match(await date.innerText(), /2027年8月1日/);
    assert.match(await page.locator('.pathway-step').innerText(), /一级科员 → 四级主任科员/);
    // TRAINING_SHORTFALL in words, with its rule and source: 2025, her first (completed) year, is judged, pro-rated
    // to her 153 days from 1 August (90 × 153 / 365 = 37.7 hours), with no training at all.
    const flag = page.locator('[data-flag="TRAINING_SHORTFALL"]');
    assert.match(await flag.innerText(), /还差 37.7 学时/);
    assert.match(await flag.innerText(), /干部教育培训工作条例/);
    await assertLabelled(page);
    // After a reload (the session survives it), the keyboard reaches the skip link first; it moves focus to the content.
    await page.reload();
    await page.getByTestId('pathway-date').locator('time').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await shot(page, 'cadre-record');
    await page.close();
  });

  test('records a training: errors appear next to the fields, then the record is saved', async () => {
    const page = await openSignedIn(tokens.cadre);
    const form = page.locator('form', { has: page.getByRole('heading', { name: '登记培训' }) });
    await form.getByRole('button', { name: '登记' }).click();
    assert.equal(await form.getByLabel('培训名称').getAttribute('aria-invalid'), 'true');
    assert.match(await form.locator('#training-title-error').innerText(), /必填/);
    await form.getByLabel('培训名称').fill('乡镇干部能力提升培训班');
    await form.getByLabel('培训类型').selectOption('PARTY_SCHOOL');
    await form.getByLabel('开始日期').fill('2025-10-08');
    await form.getByLabel('结束日期').fill('2025-10-01');
    await form.getByLabel('学时').fill('24');
    await form.getByRole('button', { name: '登记' }).click();
    assert.match(await form.locator('#training-endDate-error').innerText(), /结束日期不能早于开始日期/);
    await form.getByLabel('结束日期').fill('2025-10-12');
    await form.getByRole('button', { name: '登记' }).click();
    await form.getByText('已登记：乡镇干部能力提升培训班').waitFor();
    // 24 centralised hours in 2025 now (of 37.7 due for her 153 days that year): the shortfall flag follows.
    await page.locator('[data-flag="TRAINING_SHORTFALL"]', { hasText: '还差 13.7 学时' }).waitFor();
    await page.close();
  });

  test('reads the page in English, and on a phone', async () => {
    const page = await openSignedIn(tokens.cadre, 1280, 'en');
    await page.getByRole('heading', { name: /My record/ }).waitFor();
    assert.match(await page.getByTestId('pathway-date').innerText(), /August 1, 2027/);
    await shot(page, 'cadre-record-en');
    await page.close();
    const phone = await openSignedIn(tokens.cadre, 390);
    await phone.getByTestId('pathway-date').locator('time').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than a phone`);
    await shot(phone, 'cadre-record-phone');
    await phone.close();
  });

  test('is told at sign-in when a token is not one, or when the service refuses it', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(service.url);
    await page.getByLabel('令牌').fill('not-a-token');
    await page.getByRole('button', { name: '登录' }).click();
    assert.match(await page.locator('#token-error').innerText(), /这不是有效的令牌/);
    const forged = `${tokens.cadre.slice(0, -6)}AAAAAA`;
    await page.getByLabel('令牌').fill(forged);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('#token-error', { hasText: '服务拒绝了此令牌' }).waitFor();
    assert.equal(await page.getByTestId('who').count(), 0);
    await page.close();
  });

  test("cannot open another cadre's record", async () => {
    const page = await openSignedIn(tokens.cadre);
    await page.getByTestId('pathway-date').waitFor();
    assert.equal(await page.getByRole('link', { name: '预警看板' }).count(), 0);
    await page.goto(`${service.url}#/cadres/${townshipHeadId}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('data-code'), 'FORBIDDEN');
    assert.match(await alert.innerText(), /无权查看/);
    assert.equal(await page.getByText('杨守田').count(), 0);
    await page.close();
  });
});

describe('an organisation department', () => {
  test('sees the flag counts and who is past a posting limit', async () => {
    const page = await openSignedIn(tokens.orgDept);
    assert.match(await page.getByTestId('who').innerText(), /云岭市人民政府/);
    assert.match(await page.getByTestId('who').innerText(), /组织部/);
    await page.getByRole('heading', { name: '预警看板' }).waitFor();
    const exceeded = page.locator('section', { has: page.getByRole('heading', { name: '已超任职期限' }) });
    await exceeded.getByRole('link', { name: '杨守田' }).waitFor();
    assert.match(await exceeded.innerText(), /10 年期限已于 2025年9月1日 届满/);
    await page.locator('.hbar-row').first().waitFor();
    await shot(page, 'flag-dashboard');
    await exceeded.getByRole('link', { name: '杨守田' }).click();
    await page.getByRole('heading', { name: '杨守田 的成长档案' }).waitFor();
    await page.getByTestId('pathway-date').getByText('已符合晋升条件').waitFor();
    await shot(page, 'cadre-record-org-dept');
    await page.close();
  });

  test('sees who is past the limit and ready (久任待提) per unit, with the trend, and opens a unit’s names', async () => {
    // The unit beneath the department's root under which the township head (DEMO-002) is counted.
    const report = await service.gql<{
      stuckTalent: {
        units: { unit: { name: string }; cadres: { edges: { node: { cadre: { name: string } } }[] } }[];
      };
    }>(
      tokens.orgDept,
      `{ stuckTalent { units { unit { name } cadres(first: 100) { edges { node { cadre { name } } } } } } }`,
    );
    const row = report.stuckTalent.units.find((u) =>
      u.cadres.edges.some((e) => e.node.cadre.name === '杨守田'),
    );
    assert.ok(row, 'the township head is counted in some unit');
    const page = await openSignedIn(tokens.orgDept);
    const section = page.locator('section', { has: page.getByRole('heading', { name: '久任待提' }) });
    await section.getByRole('table').waitFor();
    assert.equal(await section.locator('.stuck-chart [role="listitem"]').count(), 3);
    await section.getByRole('row', { name: row.unit.name }).getByRole('button', { name: '名单' }).click();
    await section.getByRole('heading', { name: `${row.unit.name}：久任待提名单` }).waitFor();
    await section.locator('.stuck-names').getByRole('link', { name: '杨守田' }).waitFor();
    await assertLabelled(page);
    await shot(page, 'stuck-talent');
    await page.close();
  });

  test('sees the demerit that blocks 岳明川 until its period ends, and the 容错 decision that lifted 苏晓禾’s', async () => {
    const id = async (name: string) =>
      (
        await service.gql<{ cadres: { edges: { node: { id: string } }[] } }>(
          tokens.admin,
          `{ cadres(filter: { name: "${name}" }) { edges { node { id } } } }`,
        )
      ).cadres.edges[0].node.id;
    const page = await openSignedIn(tokens.orgDept);
    await page.goto(`${service.url}#/cadres/${await id('岳明川')}`);
    await page.getByRole('heading', { name: '岳明川 的成长档案' }).waitFor();
    const sanctions = page.locator('section', { has: page.getByRole('heading', { name: '处分与组织处理' }) });
    await sanctions.locator('li[data-sanction="DEMERIT"]').waitFor();
    assert.match(await sanctions.innerText(), /记过/);
    assert.match(await sanctions.innerText(), /影响期内/);
    assert.match(await sanctions.innerText(), /白纪发〔2026〕5号/);
    assert.match(await page.getByTestId('pathway-date').innerText(), /2027年3月16日/);
    const pathway = page.locator('section', { has: page.getByRole('heading', { name: '成长路径' }) });
    assert.match(await pathway.innerText(), /不在处分影响期内/);
    assert.match(await pathway.innerText(), /记过（2026年3月16日 起）影响期至 2027年3月15日/);
    const flags = page.locator('li[data-flag="SANCTION_IN_EFFECT"]');
    assert.match(await flags.innerText(), /处分影响期内/);
    assert.match(await flags.innerText(), /记过自 2026年3月16日 起生效，影响期至 2027年3月15日/);
    await assertLabelled(page);
    await shot(page, 'cadre-record-sanction');

    await page.goto(`${service.url}#/cadres/${await id('苏晓禾')}`);
    await page.getByRole('heading', { name: '苏晓禾 的成长档案' }).waitFor();
    await page.getByTestId('pathway-date').getByText('已符合晋升条件').waitFor();
    assert.match(await sanctions.innerText(), /已容错免责/);
    assert.match(await sanctions.innerText(), /2026年9月15日 容错免责：三个区分开来/);
    assert.match(await pathway.innerText(), /记过已于 2026年9月15日 经容错免责：三个区分开来/);
    await page.close();
  });

  test('opens the township head’s 干部任免审批表 and prints the form alone on A4', async () => {
    const page = await openSignedIn(tokens.orgDept);
    await page.goto(`${service.url}#/cadres/${townshipHeadId}`);
    await page.getByRole('link', { name: '干部任免审批表' }).click();
    const sheet = page.getByRole('document', { name: '杨守田 的干部任免审批表' });
    await sheet.waitFor();
    // the page runs under its Content-Security-Policy, and the form's own stylesheet and photo pass it
    const csp = (await page.request.get(service.url)).headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.deepEqual(cspViolations, []);
    assert.equal(await sheet.locator('[data-field="current"]').innerText(), '禾溪县金沙镇镇长');
    assert.equal(await sheet.locator('[data-field="proposed"]').innerText(), '禾溪县人民政府副县长');
    assert.equal(await sheet.locator('[data-field="removed"]').innerText(), '禾溪县金沙镇镇长');
    assert.match(await sheet.locator('[data-field="resume"]').innerText(), /2015\.09—\s*禾溪县金沙镇镇长/);
    assert.match(await sheet.locator('[data-field="appraisals"]').innerText(), /2024年度考核优秀/);
    await assertLabelled(page);
    await shot(page, 'appointment-form-page');
    // What the browser's print gives (print CSS): the form's fields, none of the page around it.
    const printed = execFileSync('pdftotext', ['-raw', '-', '-'], {
      input: await page.pdf({ preferCSSPageSize: true }),
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    for (const field of [
      '干部任免审批表',
      '杨守田',
      '1985.09（41岁）',
      '拟任职务禾溪县人民政府副县长',
      '妻子李秀芬1987.04',
    ]) {
      assert.ok(printed.includes(field), `printed form has ${field}`);
    }
    assert.ok(
      !printed.includes('返回档案') && !printed.includes('评估日期'),
      'the page around the form is not printed',
    );
    await page.close();
  });

  test('finds the township head among promotion candidates, adds him to a talent pool and records a decision', async () => {
    const page = await openSignedIn(tokens.orgDept);
    await page.getByRole('link', { name: '候选人' }).click();
    await page.getByRole('heading', { name: '候选人查询' }).waitFor();
    await page.getByLabel('查询类型').selectOption('promotion');
    await page.getByLabel('拟任层次').selectOption('COUNTY_DEPUTY');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    // DOMAIN.md case 2: kept eleven years as township head, eligible for COUNTY_DEPUTY.
    const card = page.locator('li[data-cadre="DEMO-002"]');
    await card.waitFor();
    assert.match(await card.innerText(), /杨守田/);
    assert.match(await card.innerText(), /现在可用/);
    assert.ok((await card.locator('.score-bars li').count()) >= 3, 'a bar per ranking factor');
    assert.match(await page.locator('.facets').innerText(), /禾溪县人民政府/);
    await assertLabelled(page);

    const poolName = '县处级副职后备干部（2026）';
    const create = page.locator('form', { has: page.getByLabel('名称') });
    if (!(await create.isVisible())) await page.locator('summary', { hasText: '新建人才库' }).click();
    await create.getByLabel('名称').fill(poolName);
    await create.getByRole('button', { name: '新建人才库' }).click();
    // The form confirms, then folds away once the list of pools reloads with the new one in it.
    await create.getByText(`已新建：${poolName}`).waitFor({ state: 'attached' });
    // One add-to-pool control for the page: pick the card, then add the picked.
    await card.getByLabel('选中 杨守田').check();
    const picker = page.locator('#pool-pool');
    await picker.locator('option', { hasText: poolName }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: `${poolName} (县处级副职)` });
    await page.locator('#pool-note').fill('任乡镇正职十一年，实绩突出');
    await page.getByRole('button', { name: '将选中的 1 人加入人才库' }).click();
    const added = page.getByRole('link', { name: `已将 1 人加入 ${poolName}` });
    await added.waitFor();
    await shot(page, 'candidates');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with a BOM');
    assert.match(csv, /杨守田/);

    await added.click();
    await page.getByRole('heading', { name: poolName }).waitFor();
    const member = page.locator('li[data-cadre="DEMO-002"]');
    assert.match(await member.innerText(), /任乡镇正职十一年，实绩突出/);
    await member.getByLabel('决定', { exact: true }).selectOption('PROMOTED');
    await member.getByLabel('生效日期').fill('2026-12-01');
    await member.getByLabel('新任职单位').selectOption({ label: '禾溪县人民政府' });
    await member.getByLabel('新任职务').fill('副县长');
    await member.getByRole('button', { name: '记录决定' }).click();
    await member.getByText('已记录：已提拔').waitFor();
    await member.locator('.decision-promoted').waitFor();
    await shot(page, 'talent-pool');

    // The PROMOTED decision recorded the new post: his record shows it from 2026-12-01.
    await member.getByRole('link', { name: '杨守田' }).click();
    await page.getByLabel('评估日期').fill('2026-12-02');
    const postings = page.locator('section', { has: page.getByRole('heading', { name: '任职经历' }) });
    await postings.getByRole('cell', { name: '副县长' }).waitFor();
    await page.close();
  });
});
