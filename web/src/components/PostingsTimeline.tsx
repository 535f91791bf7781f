import type { CadreRecordFieldsFragment } from '../gql/graphql';
import { fmt, label, useI18n } from '../i18n/i18n';

type Posting = CadreRecordFieldsFragment['postings'][number];

const DAY = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`);

/**
 * Postings on a horizontal time axis: regular posts in the first lane, temporary assignments (挂职) and
 * secondments in a second lane. Bars are HTML so their labels stay readable at any width; the table
 * below carries the same facts for screen readers and narrow screens.
 */
export function PostingsTimeline({ postings, asOf }: { postings: Posting[]; asOf: string }) {
  const { m, date, number } = useI18n();
  if (postings.length === 0) return <p className="muted">{m.timeline.empty}</p>;

  const end = (p: Posting) => toTime(p.endDate ?? asOf) + DAY;
  const firstYear = new Date(Math.min(...postings.map((p) => toTime(p.startDate)))).getUTCFullYear();
  const lastYear = new Date(Math.max(toTime(asOf), ...postings.map(end))).getUTCFullYear() + 1;
  const t0 = Date.UTC(firstYear, 0, 1);
  const t1 = Date.UTC(lastYear, 0, 1);
  const pct = (t: number) => ((t - t0) / (t1 - t0)) * 100;
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 8));
  const ticks: number[] = [];
  for (let y = firstYear; y <= lastYear; y += step) ticks.push(y);

  const lanes = [
    { id: 'regular', name: m.timeline.regularLane, items: postings.filter((p) => p.kind === 'REGULAR') },
    {
      id: 'concurrent',
      name: m.timeline.concurrentLane,
      items: postings.filter((p) => p.kind === 'CONCURRENT'),
    },
    {
      id: 'temporary',
      name: m.timeline.temporaryLane,
      items: postings.filter((p) => p.kind !== 'REGULAR' && p.kind !== 'CONCURRENT'),
    },
  ];
  const describe = (p: Posting) =>
    `${p.unit.name} · ${p.title} · ${label(m.labels.level, p.level)} · ${date(p.startDate)} – ${
      p.endDate ? date(p.endDate) : m.timeline.ongoing
    } · ${fmt(m.timeline.years, { years: number(p.durationYears) })}`;

  return (
    <figure className="timeline">
      <figcaption className="muted small">{m.timeline.caption}</figcaption>
      <div className="timeline-chart">
        {lanes.map((lane) => (
          <div className="lane" key={lane.id}>
            <div className="lane-name">{lane.name}</div>
            <ul className="lane-track" aria-label={lane.name}>
              {lane.items.map((p) => {
                const left = pct(toTime(p.startDate));
                const width = Math.max(pct(end(p)) - left, 0.8);
                return (
                  <li
                    key={p.id}
                    className={`bar bar-${p.kind.toLowerCase()}${p.endDate ? '' : ' bar-open'}`}
                    style={{ left: `${left}%`, width: `${width}%` }}
                    title={describe(p)}
                    aria-label={describe(p)}
                  >
                    <span className="bar-title">{p.title}</span>
                    <span className="bar-unit">{p.unit.name}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
        <div className="axis" aria-hidden="true">
          <div className="lane-name" />
          <div className="axis-track">
            {ticks.map((y) => (
              <span
                key={y}
                className={y === lastYear ? 'tick-last' : undefined}
                style={{ left: `${pct(Date.UTC(y, 0, 1))}%` }}
              >
                {y}
              </span>
            ))}
          </div>
        </div>
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{m.timeline.table}</caption>
          <thead>
            <tr>
              <th scope="col">{m.timeline.unit}</th>
              <th scope="col">{m.timeline.post}</th>
              <th scope="col">{m.timeline.level}</th>
              <th scope="col">{m.timeline.kind}</th>
              <th scope="col">{m.timeline.period}</th>
              <th scope="col" className="num">
                {m.timeline.duration}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...postings].reverse().map((p) => (
              <tr key={p.id}>
                <td>{p.unit.name}</td>
                <td>{p.title}</td>
                <td>{label(m.labels.level, p.level)}</td>
                <td>{label(m.labels.postingKind, p.kind)}</td>
                <td>
                  {date(p.startDate)} – {p.endDate ? date(p.endDate) : m.timeline.ongoing}
                </td>
                <td className="num">{fmt(m.timeline.years, { years: number(p.durationYears) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
