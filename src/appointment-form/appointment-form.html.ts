import { AppointmentFormData } from './appointment-form.data';

/**
 * The 干部任免审批表 as one HTML document (A4, two pages), rendered from data: the web page shows it and the
 * PDF export prints it with Chromium, so both are the same form. Every value is escaped; the only resource is
 * the photo, inlined as a data: URI, so rendering never fetches anything.
 */

const LEVEL_ZH: Record<string, string> = {
  SECONDARY: '中专',
  COLLEGE: '大专',
  BACHELOR: '大学',
  MASTER: '研究生',
  DOCTORATE: '研究生',
};
const GRADE_ZH: Record<string, string> = {
  EXCELLENT: '优秀',
  COMPETENT: '称职',
  BASICALLY_COMPETENT: '基本称职',
  INCOMPETENT: '不称职',
  UNGRADED: '不定等次',
};
const KIND_ZH: Record<string, string> = {
  TEMPORARY_ASSIGNMENT: '挂职',
  SECONDMENT: '借调',
  CONCURRENT: '兼任',
};

const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
/** 2015-09-01 → 2015.09, as the form writes dates. */
const ym = (d: string | null | undefined): string => (d ? `${d.slice(0, 4)}.${d.slice(5, 7)}` : '');

function age(birth: string, asOf: string): number {
  const years = Number(asOf.slice(0, 4)) - Number(birth.slice(0, 4));
  return asOf.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** A government's name as a post names it: 禾溪县人民政府 → 禾溪县, 金沙镇人民政府 → 金沙镇. */
const place = (unitName: string): string => unitName.replace(/人民政府$/, '');

/** The post as the form names it, with the county before a township's name: 禾溪县金沙镇镇长. */
function postName(p: AppointmentFormData['postings'][number]): string {
  const unit = place(p.unitName);
  const county = p.countyName ? place(p.countyName) : '';
  return `${unit.startsWith(county) ? '' : county}${unit}${p.title}`;
}

/** One education set: 学历 and 学位 in the left cell, school and major in the right. */
function educationCells(data: AppointmentFormData, kind: 'FULL_TIME' | 'IN_SERVICE'): [string, string] {
  const set = data.educations.find((e) => e.kind === kind);
  if (set) {
    return [
      [LEVEL_ZH[set.level] ?? set.level, set.degree].filter(Boolean).map(esc).join('<br>'),
      esc([set.school, set.major].filter(Boolean).join('')),
    ];
  }
  // No set recorded: the record's highest education, in the set it was obtained in.
  const c = data.cadre;
  if (c.educationInService !== (kind === 'IN_SERVICE')) return ['', ''];
  return [esc(LEVEL_ZH[c.educationLevel] ?? c.educationLevel), esc(c.educationMajor)];
}

function currentPost(data: AppointmentFormData): string {
  const current = data.postings.filter((p) => !p.endDate || p.endDate >= data.asOf);
  return current.map((p) => `${postName(p)}${KIND_ZH[p.kind] ? `（${KIND_ZH[p.kind]}）` : ''}`).join('，');
}

interface ResumeEntry {
  start: string;
  end: string | null;
  text: string;
  /** A line that holds what began during it (postings and work; not study). */
  hosts?: boolean;
}

/** What the résumé says of each record. */
function resumeEntries(data: AppointmentFormData): { main: ResumeEntry[]; during: ResumeEntry[] } {
  const study = (e: AppointmentFormData['educations'][number]) =>
    `${[e.school, e.major].filter(Boolean).join('')}${e.kind === 'IN_SERVICE' ? '在职' : ''}学习`;
  const dated = data.educations.filter((e) => e.startDate && e.endDate);
  const marked = (p: AppointmentFormData['postings'][number]) => `${postName(p)}（${KIND_ZH[p.kind] ?? ''}）`;
  return {
    main: [
      ...dated
        .filter((e) => e.kind === 'FULL_TIME')
        .map((e) => ({ start: e.startDate!, end: e.endDate, text: study(e) })),
      ...data.postings
        .filter((p) => p.kind === 'REGULAR')
        .map((p) => ({ start: p.startDate, end: p.endDate, text: postName(p), hosts: true })),
    ],
    during: [
      ...data.postings
        .filter((p) => p.kind !== 'REGULAR')
        .map((p) => ({ start: p.startDate, end: p.endDate, text: marked(p) })),
      ...data.trainings.map((t) => ({
        start: t.startDate,
        end: t.endDate,
        text: `在${t.provider ?? ''}${t.title}学习`,
      })),
      ...dated
        .filter((e) => e.kind === 'IN_SERVICE')
        .map((e) => ({ start: e.startDate!, end: e.endDate, text: `在${study(e)}` })),
    ],
  };
}

/**
 * 简历: full-time education and regular postings as lines "2015.09—2019.08 禾溪县金沙镇镇长"; temporary
 * assignments, secondments, training and in-service study that began during a posting indented under it as
 * "（其间：…）"; anything outside every posting as a line of its own. A gap from the work start date to the first
 * recorded posting is shown, not hidden.
 */
function resumeLines(data: AppointmentFormData): string[] {
  const { main, during } = resumeEntries(data);
  const firstPost = data.postings[0]?.startDate;
  if (!firstPost || firstPost > data.cadre.workStartDate) {
    main.push({
      start: data.cadre.workStartDate,
      end: firstPost ? before(firstPost) : null,
      text: '参加工作（任职记录未登记）',
      hosts: true,
    });
  }
  const byStart = (a: ResumeEntry, b: ResumeEntry) => a.start.localeCompare(b.start);
  const under = new Map<ResumeEntry, ResumeEntry[]>();
  const alone: ResumeEntry[] = [];
  for (const d of during.sort(byStart)) {
    const host = main.find((m) => m.hosts && d.start >= m.start && (!m.end || d.start <= m.end));
    if (host) under.set(host, [...(under.get(host) ?? []), d]);
    else alone.push(d);
  }
  return [...main, ...alone]
    .sort(byStart)
    .map(
      (e) =>
        line(e.start, e.end, e.text) +
        (under.get(e) ?? [])
          .map((d) => `<div class="af-during">（其间：${esc(`${span(d.start, d.end)} ${d.text}`)}）</div>`)
          .join(''),
    );
}

const span = (start: string, end: string | null): string => `${ym(start)}—${ym(end)}`;
const line = (start: string, end: string | null, text: string): string =>
  `<div class="af-line"><span class="af-span">${esc(span(start, end))}</span><span>${esc(text)}</span></div>`;
/** The month before `d` (the gap ends where the next posting starts). */
function before(d: string): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
}

function appraisalText(data: AppointmentFormData): string {
  if (data.appraisals.length === 0) return '无';
  return `${[...data.appraisals]
    .sort((a, b) => a.year - b.year)
    .map((a) => `${a.year}年度考核${GRADE_ZH[a.grade] ?? a.grade}`)
    .join('；')}。`;
}

const FAMILY_ROWS = 7;

function familyRows(data: AppointmentFormData): string {
  const rows = data.family.map(
    (f) =>
      `<tr class="af-family-row"><td>${esc(f.relation)}</td><td>${esc(f.name)}</td><td>${esc(ym(f.birthDate))}</td>` +
      `<td>${esc(f.politicalStatus)}</td><td class="af-left">${esc(f.workUnitAndPost)}</td></tr>`,
  );
  for (let i = rows.length; i < FAMILY_ROWS; i++)
    rows.push('<tr class="af-family-row"><td></td><td></td><td></td><td></td><td></td></tr>');
  return rows.join('');
}

export const APPOINTMENT_FORM_CSS = `
@page { size: A4; margin: 15mm 18mm; }
.af { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  color: #000; background: #fff; font-size: 10.5pt; line-height: 1.35; width: 174mm; margin: 0 auto; }
.af h1 { text-align: center; font-size: 20pt; letter-spacing: 0.3em; margin: 0 0 4mm; font-weight: bold; }
.af table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.af td { border: 1px solid #000; padding: 1.2mm 1.5mm; text-align: center; vertical-align: middle; word-break: break-all; }
.af td.af-label { font-weight: bold; }
.af td.af-left, .af td.af-text { text-align: left; }
.af td.af-text { vertical-align: top; white-space: pre-wrap; }
.af .af-row td { height: 11mm; }
.af .af-photo { width: 30mm; height: 40mm; object-fit: cover; display: block; margin: 0 auto; }
.af .af-resume { height: 108mm; vertical-align: top; text-align: left; }
.af .af-line { display: flex; gap: 3mm; }
.af .af-span { white-space: nowrap; min-width: 32mm; }
.af .af-during { padding-left: 35mm; }
.af .af-page2 { break-before: page; page-break-before: always; }
.af .af-tall { height: 30mm; }
.af .af-family-row td { height: 8mm; }
.af .af-sign { height: 24mm; vertical-align: bottom; text-align: right; }
.af .af-meta { font-size: 9pt; margin-top: 2mm; display: flex; justify-content: space-between; }
@media screen { .af { padding: 10mm 0; } .af .af-page2 { margin-top: 12mm; } }
`;

/** The form's body (a `.af` element), without the document around it. */
export function appointmentFormBody(data: AppointmentFormData): string {
  const c = data.cadre;
  const photo = data.photo
    ? `<img class="af-photo" alt="照片" src="data:${esc(data.photo.contentType)};base64,${data.photo.content.toString('base64')}">`
    : '照片';
  const [ftLevel, ftSchool] = educationCells(data, 'FULL_TIME');
  const [isLevel, isSchool] = educationCells(data, 'IN_SERVICE');
  const p = data.proposal;
  return `<div class="af" lang="zh-CN">
<h1>干部任免审批表</h1>
<table>
<colgroup><col style="width:13%"><col style="width:13%"><col style="width:11%"><col style="width:13%"><col style="width:14%"><col style="width:14%"><col style="width:22%"></colgroup>
<tr class="af-row"><td class="af-label">姓&#x3000;名</td><td data-field="name">${esc(c.name)}</td><td class="af-label">性&#x3000;别</td><td>${c.gender === 'FEMALE' ? '女' : '男'}</td>
<td class="af-label">出生年月<br>（&#x3000;岁）</td><td data-field="birth">${esc(ym(c.birthDate))}<br>（${age(c.birthDate, data.asOf)}岁）</td><td rowspan="4">${photo}</td></tr>
<tr class="af-row"><td class="af-label">民&#x3000;族</td><td>${esc(c.ethnicity)}</td><td class="af-label">籍&#x3000;贯</td><td>${esc(c.nativePlace)}</td>
<td class="af-label">出生地</td><td>${esc(c.placeOfBirth)}</td></tr>
<tr class="af-row"><td class="af-label">入&#x3000;党<br>时&#x3000;间</td><td>${esc(ym(c.partyJoinDate))}</td><td class="af-label">参加工<br>作时间</td><td>${esc(ym(c.workStartDate))}</td>
<td class="af-label">健康状况</td><td>${esc(c.health)}</td></tr>
<tr class="af-row"><td class="af-label">专业技<br>术职务</td><td colspan="2">${esc(c.professionalTitle)}</td><td class="af-label">熟悉专业<br>有何专长</td><td colspan="2">${esc(c.specialties)}</td></tr>
<tr class="af-row"><td class="af-label" rowspan="2">学&#x3000;历<br>学&#x3000;位</td><td class="af-label">全日制<br>教&#x3000;育</td><td colspan="2">${ftLevel}</td>
<td class="af-label">毕业院校<br>系及专业</td><td colspan="2" class="af-left">${ftSchool}</td></tr>
<tr class="af-row"><td class="af-label">在&#x3000;职<br>教&#x3000;育</td><td colspan="2">${isLevel}</td>
<td class="af-label">毕业院校<br>系及专业</td><td colspan="2" class="af-left">${isSchool}</td></tr>
<tr class="af-row"><td class="af-label" colspan="2">现 任 职 务</td><td colspan="5" class="af-left" data-field="current">${esc(currentPost(data))}</td></tr>
<tr class="af-row"><td class="af-label" colspan="2">拟 任 职 务</td><td colspan="5" class="af-left" data-field="proposed">${esc(p?.proposedPost)}</td></tr>
<tr class="af-row"><td class="af-label" colspan="2">拟 免 职 务</td><td colspan="5" class="af-left" data-field="removed">${esc(p?.postsToRemove)}</td></tr>
<tr><td class="af-label">简<br><br>历</td><td colspan="6" class="af-resume" data-field="resume">${resumeLines(data).join('')}</td></tr>
</table>
<div class="af-page2">
<table>
<colgroup><col style="width:13%"><col style="width:12%"><col style="width:14%"><col style="width:14%"><col style="width:15%"><col style="width:32%"></colgroup>
<tr><td class="af-label">奖惩<br>情况</td><td colspan="5" class="af-text af-tall" data-field="rewards">${esc(c.rewardsPenalties || '无')}</td></tr>
<tr><td class="af-label">年度考<br>核结果</td><td colspan="5" class="af-text" data-field="appraisals">${esc(appraisalText(data))}</td></tr>
<tr><td class="af-label">任免<br>理由</td><td colspan="5" class="af-text af-tall" data-field="reason">${esc(p?.reason)}</td></tr>
<tr class="af-family-row"><td class="af-label" rowspan="${FAMILY_ROWS + 1}">家庭<br>主要<br>成员<br>及<br>重要<br>社会<br>关系</td>
<td class="af-label">称&#x3000;谓</td><td class="af-label">姓&#x3000;名</td><td class="af-label">出生年月</td><td class="af-label">政治面貌</td><td class="af-label">工作单位及职务</td></tr>
${familyRows(data)}
<tr><td class="af-label">呈报<br>单位</td><td colspan="5" class="af-sign">（盖章）<br>年&#x3000;&#x3000;月&#x3000;&#x3000;日</td></tr>
<tr><td class="af-label">审批机<br>关意见</td><td colspan="5" class="af-sign">（盖章）<br>年&#x3000;&#x3000;月&#x3000;&#x3000;日</td></tr>
</table>
<div class="af-meta"><span>填表时间：${esc(data.asOf.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日'))}</span><span>填表人：</span></div>
</div>
</div>`;
}

/** No script, no fetch: inline styles and the data: photo only. */
export const FORM_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The whole document, as the PDF export prints it and the web page shows it. */
export function appointmentFormHtml(data: AppointmentFormData): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${FORM_CSP}"><title>干部任免审批表 ${esc(data.cadre.name)}</title>
<style>html,body{margin:0;background:#fff}${APPOINTMENT_FORM_CSS}</style></head>
<body>${appointmentFormBody(data)}</body></html>`;
}
