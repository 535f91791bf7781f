import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '../../src/auth/caller';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, ok, TestApp } from '../app-factory';

const SCREENSHOT = join(__dirname, '..', '..', 'web', 'screenshots', 'appointment-form.png');

/** The PDF's text, in the order it is drawn (pdftotext from poppler-utils). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'form-pdf-'));
  try {
    writeFileSync(join(dir, 'form.pdf'), pdf);
    return execFileSync('pdftotext', ['-raw', join(dir, 'form.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first page as PNG (pdftoppm), kept in web/screenshots beside the page's screenshots. */
function saveFirstPage(pdf: Buffer): void {
  const dir = mkdtempSync(join(tmpdir(), 'form-png-'));
  try {
    writeFileSync(join(dir, 'form.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      join(dir, 'form.pdf'),
      join(dir, 'page'),
    ]);
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    writeFileSync(SCREENSHOT, execFileSync('cat', [join(dir, 'page.png')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('appointment form export (干部任免审批表)', () => {
  let t: TestApp;
  let townshipHead: string;
  let yl: string;
  let baima: string;

  const get = (path: string, token: string | null) => {
    const req = request(t.app.getHttpServer())
      .get(path)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ds);
    [{ id: townshipHead }] = await t.ds.query(`SELECT id FROM cadre WHERE external_id = 'DEMO-002'`);
    const units: { id: string; code: string }[] = await t.ds.query(
      `SELECT id, code FROM unit WHERE code IN ('YL-HX', 'YL-BM')`,
    );
    yl = t.token({ role: Role.ORG_DEPT, unitId: units.find((u) => u.code === 'YL-HX')!.id, sub: 'hx-od' });
    baima = t.token({ role: Role.ORG_DEPT, unitId: units.find((u) => u.code === 'YL-BM')!.id, sub: 'bm-od' });
  });
  afterAll(() => t.close());

  it('DEMO-002 carries the form’s records in the API', async () => {
    const res = ok(
      await t.gql(
        `query($id: ID!) { cadre(id: $id) { placeOfBirth health specialties
          educations { kind level degree school } familyMembers { relation name }
          appointmentProposals { proposedOn proposedPost postsToRemove } } }`,
        { id: townshipHead },
      ),
    );
    expect(res.cadre).toMatchObject({ placeOfBirth: '禾溪县稻香镇', health: '健康' });
    expect(res.cadre.educations.map((e: { kind: string }) => e.kind)).toEqual(['FULL_TIME', 'IN_SERVICE']);
    expect(res.cadre.familyMembers).toHaveLength(4);
    expect(res.cadre.appointmentProposals).toEqual([
      { proposedOn: '2026-11-27', proposedPost: '禾溪县人民政府副县长', postsToRemove: '禾溪县金沙镇镇长' },
    ]);
  });

  it('prints DEMO-002’s form as an A4 PDF for the cadre’s department, with every field of the form', async () => {
    const res = await get(`/export/cadres/${townshipHead}/appointment-form.pdf`, yl);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    // Two A4 pages: 595 × 842 points.
    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2/);
    // The photo slot holds DEMO-002's (placeholder) photo, 120 × 160 pixels.
    const images = execFileSync('pdfimages', ['-list', '-'], { input: pdf, encoding: 'utf8' });
    expect(images).toMatch(/^\s+1\s+\d+\s+image\s+120\s+160\s/m);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const plain = text.replace(/\s+/g, '');
    for (const expected of [
      '干部任免审批表',
      '杨守田',
      '1985.09（41岁）', // as of the proposal, 2026-11-27
      '汉族',
      '禾溪县稻香镇', // 出生地
      '2006.05', // 入党时间
      '2008.07', // 参加工作时间
      '健康',
      '农艺师',
      '农业技术推广，乡村产业发展',
      '全日制教育',
      '农学学士',
      '云岭农业大学农学院农学专业',
      '在职教育',
      '法学学士',
      '现任职务禾溪县金沙镇镇长',
      '拟任职务禾溪县人民政府副县长',
      '拟免职务禾溪县金沙镇镇长',
      '2011.07—2015.08禾溪县稻香镇副镇长',
      '2015.09—禾溪县金沙镇镇长',
      '（其间：2015.10—2015.10在云岭市委党校乡镇党政正职任职培训班学习）',
      '2004.09—2008.07云岭农业大学农学院农学专业学习',
      '2008.07—2011.06参加工作（任职记录未登记）',
      '（其间：2017.03—2019.07在云岭大学法学院法学专业在职学习）',
      '脱贫攻坚先进个人',
      '2023年度考核称职；2024年度考核优秀；2025年度考核称职。',
      '因工作需要，拟提名为禾溪县人民政府副县长人选',
      '妻子李秀芬1987.04中共党员禾溪县第一中学教师',
      '父亲杨德明1958.02群众禾溪县稻香镇农民',
    ]) {
      expect({ expected, found: plain.includes(expected) }).toEqual({ expected, found: true });
    }
    saveFirstPage(pdf);
  });

  it('serves the same form as HTML for the web page, every value escaped', async () => {
    await t.ds.query(
      `INSERT INTO family_member (cadre_id, position, relation, relation_kind, name) VALUES ($1, 9, '亲属', 'OTHER', '<script>x</script>')`,
      [townshipHead],
    );
    try {
      const res = await get(`/export/cadres/${townshipHead}/appointment-form.html?asOf=2026-11-27`, yl);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      const html = res.body.toString('utf8');
      expect(html).toContain('<td data-field="name">杨守田</td>');
      expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
      expect(html).not.toContain('<script>');
    } finally {
      await t.asOwner(`DELETE FROM family_member WHERE name = '<script>x</script>'`);
    }
  });

  it('is for ADMIN and the cadre’s department only; bad ids and unknown proposals are answered, not printed', async () => {
    const path = `/export/cadres/${townshipHead}/appointment-form.pdf`;
    expect((await get(path, null)).status).toBe(401);
    expect((await get(path, baima)).status).toBe(403);
    expect((await get(path, t.token({ role: Role.CADRE, cadreId: townshipHead }))).status).toBe(403);
    expect((await get(path, t.token({ role: Role.HR_SYNC, source: 'hr-main' }))).status).toBe(403);
    const bad = await get('/export/cadres/not-a-uuid/appointment-form.pdf', yl);
    expect([bad.status, JSON.parse(bad.body.toString()).field]).toEqual([400, 'id']);
    const unknown = await get(`${path}?proposalId=00000000-0000-4000-8000-000000000000`, t.adminToken);
    expect([unknown.status, JSON.parse(unknown.body.toString()).field]).toEqual([404, 'proposalId']);
    const html = await get(`/export/cadres/${townshipHead}/appointment-form.html`, t.adminToken);
    expect(html.status).toBe(200);
  });
});
