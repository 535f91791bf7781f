import { useState } from 'react';
import {
  RecordSlateDecisionMutation,
  SavedSlatesQuery,
  SaveSlateMutation,
  SlateQuery,
} from '../api/operations';
import { useApi, useRequest } from '../api/use-api';
import { useAsOf } from '../as-of';
import { CandidateCard } from '../components/CandidateCard';
import { ErrorBox, Loading, Section } from '../components/common';
import { RecordForm } from '../components/RecordForm';
import { UnitSelect } from '../components/UnitSelect';
import type { SavedSlateFieldsFragment, SlateQuery as SlateData } from '../gql/graphql';
import { avoidanceReason, renderReason } from '../../../src/i18n/reasons';
import { fmt, label, useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useDomainList } from './Vacancies';

type Slate = SlateData['slate'];
type Entry = Slate['candidates'][number];
type Post = Slate['post'];
type Coded = { code: string; params: unknown };

const SIZE = 20;
const paramsOf = (x: Coded) =>
  (x.params && typeof x.params === 'object' ? x.params : {}) as Record<string, unknown>;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** A slate blocker in the reader's words: the requirement, the missing specialty, or the avoidance sentence. */
function useBlockerText() {
  const { m, locale, date } = useI18n();
  const domains = useDomainList();
  return (b: Coded): string => {
    const p = paramsOf(b);
    if (b.code === 'AVOIDANCE_BREACH') {
      return renderReason(avoidanceReason({ code: String(p.breach), params: p }), locale, { date });
    }
    if (b.code === 'MISSING_REQUIRED_DOMAIN')
      return fmt(m.slates.missingDomain, { domains: domains(strings(p.domains)) });
    const name = label(m.labels.requirement, String(p.rule));
    return typeof p.dateMet === 'string'
      ? fmt(m.candidates.blockerUntil, { name, date: date(p.dateMet) })
      : fmt(m.slates.unmet, { name });
  };
}

/** What the slate adds to a candidate's card: priority marks, specialty match, reasons, blockers, avoidance. */
function SlateDetails({ entry: e }: { entry: Entry }) {
  const { m, locale, date } = useI18n();
  const domains = useDomainList();
  const blocker = useBlockerText();
  const a = e.avoidance;
  const avoidanceState = a.policyVersion === null ? 'unchecked' : a.clear ? 'clear' : 'breach';
  return (
    <div className="slate-details">
      {(e.stuck || e.exceptional) && (
        <p className="small">
          {e.stuck && <span className="badge badge-warn">{m.slates.stuck}</span>}{' '}
          {e.exceptional && <span className="badge">{m.slates.exceptional}</span>}
        </p>
      )}
      <p className="small" data-testid="specialty">
        <strong>{m.slates.specialty}:</strong>{' '}
        {e.requiredDomainsMatched.length + e.preferredDomainsMatched.length === 0
          ? m.slates.noSpecialty
          : [
              e.requiredDomainsMatched.length > 0 &&
                fmt(m.slates.requiredMatched, { domains: domains(e.requiredDomainsMatched) }),
              e.preferredDomainsMatched.length > 0 &&
                fmt(m.slates.preferredMatched, { domains: domains(e.preferredDomainsMatched) }),
            ]
              .filter(Boolean)
              .join(locale === 'en' ? '; ' : '；')}
      </p>
      <p className="small">
        <strong>{m.slates.slateReasons}:</strong>{' '}
        {e.reasons.map((r) => (
          <span key={r.code} className="chip" data-slate-reason={r.code}>
            {label(m.labels.slateReason, r.code)}
          </span>
        ))}
      </p>
      <p className="small" data-testid="slate-blockers">
        <strong>{m.slates.slateBlockers}:</strong>{' '}
        {e.blockers.length === 0
          ? m.slates.noSlateBlockers
          : e.blockers.map(blocker).join(locale === 'en' ? '; ' : '；')}
      </p>
      <div className={`avoidance avoidance-${avoidanceState}`} data-avoidance={avoidanceState}>
        <strong>{m.slates.avoidance}:</strong>{' '}
        <span className={`badge${avoidanceState === 'breach' ? ' badge-danger' : ''}`}>
          {avoidanceState === 'unchecked'
            ? m.slates.avoidanceUnchecked
            : avoidanceState === 'clear'
              ? m.slates.avoidanceClear
              : m.slates.avoidanceBreach}
        </span>
        {a.breaches.length > 0 && (
          <ul className="reasons small">
            {a.breaches.map((b, i) => (
              <li key={i} data-breach={b.code}>
                {renderReason(avoidanceReason({ code: b.code, params: paramsOf(b) }), locale, { date })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

interface Pending {
  values: { cadreId: string; effectiveDate: string; note: string };
  resolve(status: string): void;
  reject(err: unknown): void;
}

/** The one decision control of a saved slate: pick a member, a date, confirm, and the appointment is recorded. */
function AppointmentForm({
  post,
  slate,
  onSaved,
}: {
  post: Post;
  slate: SavedSlateFieldsFragment;
  onSaved(): void;
}) {
  const { m, date } = useI18n();
  const { asOf } = useAsOf();
  const send = useRequest();
  const [pending, setPending] = useState<Pending | null>(null);
  const open = slate.members.filter(
    (x) => !x.hidden && x.cadre && !x.decisions.some((d) => d.decision === 'APPOINTED'),
  );
  if (open.length === 0) return null;
  const nameOf = (id: string) => open.find((x) => x.cadreId === id)?.cadre?.name ?? id;
  const breach = (id: string) => {
    const s = open.find((x) => x.cadreId === id)?.snapshot as {
      avoidance?: { clear?: boolean; breaches?: unknown[] };
    };
    return (s?.avoidance?.breaches?.length ?? 0) > 0;
  };
  const confirm = async () => {
    if (!pending) return;
    const { values, resolve, reject } = pending;
    try {
      await send(RecordSlateDecisionMutation, {
        input: {
          slateId: slate.id,
          cadreId: values.cadreId,
          decision: 'APPOINTED',
          effectiveDate: values.effectiveDate,
          note: values.note.trim() || null,
        },
      });
      resolve(fmt(m.slates.appointed, { name: nameOf(values.cadreId), date: date(values.effectiveDate) }));
    } catch (err) {
      reject(err);
    } finally {
      setPending(null);
    }
  };
  const cancel = () => {
    pending?.resolve(m.slates.cancelled);
    setPending(null);
  };
  return (
    <>
      <RecordForm
        idPrefix={`decide-${slate.id}`}
        title={m.slates.decisionTitle}
        note={m.slates.decisionNote}
        fields={[
          {
            name: 'cadreId',
            label: m.slates.member,
            kind: 'select',
            options: [
              { value: '', label: '—' },
              ...open.map((x) => ({ value: x.cadreId, label: `${x.position}. ${x.cadre?.name ?? ''}` })),
            ],
          },
          { name: 'effectiveDate', label: m.slates.effectiveDate, kind: 'date' },
          { name: 'note', label: m.slates.decisionNoteField },
        ]}
        initial={{ cadreId: '', effectiveDate: asOf, note: '' }}
        validate={(v) => ({
          ...(v.cadreId ? {} : { cadreId: m.form.required }),
          ...(v.effectiveDate ? {} : { effectiveDate: m.form.required }),
        })}
        save={(values) => new Promise<string>((resolve, reject) => setPending({ values, resolve, reject }))}
        submitLabel={m.slates.recordAppointment}
        onSaved={onSaved}
      />
      {pending && (
        <div
          className="confirm"
          role="alertdialog"
          aria-labelledby={`confirm-${slate.id}-h`}
          aria-describedby={`confirm-${slate.id}-text`}
        >
          <h4 id={`confirm-${slate.id}-h`}>{m.slates.confirmTitle}</h4>
          <p id={`confirm-${slate.id}-text`}>
            {fmt(m.slates.confirmText, {
              name: nameOf(pending.values.cadreId),
              unit: post.unit.name,
              post: post.title,
              date: date(pending.values.effectiveDate),
            })}
          </p>
          {breach(pending.values.cadreId) && <p className="field-error">{m.slates.confirmBreach}</p>}
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void confirm()}>
              {m.slates.confirm}
            </button>
            <button type="button" onClick={cancel}>
              {m.slates.cancel}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function SavedSlateCard({
  post,
  slate,
  onChanged,
}: {
  post: Post;
  slate: SavedSlateFieldsFragment;
  onChanged(): void;
}) {
  const { m, date, number } = useI18n();
  return (
    <li className="item" data-slate={slate.id}>
      <div className="item-head">
        <strong>{slate.name}</strong>
        <span className="muted small">
          {fmt(m.slates.savedMeta, {
            date: date(slate.createdAt.slice(0, 10)),
            by: slate.createdBy,
            n: number(slate.members.length, 0),
          })}
        </span>
      </div>
      {slate.note && <p>{slate.note}</p>}
      <ol className="plain-list slate-members" aria-label={m.slates.members}>
        {slate.members.map((x) => {
          const s = x.snapshot as { score?: number } | null;
          return (
            <li key={x.cadreId} className="small" data-cadre-id={x.cadreId}>
              {x.position}.{' '}
              {x.hidden || !x.cadre ? (
                <span className="muted">{m.slates.hiddenMember}</span>
              ) : (
                <>
                  <Link to={`/cadres/${x.cadre.id}`}>{x.cadre.name}</Link>
                  {typeof s?.score === 'number' &&
                    ` · ${fmt(m.slates.snapshotScore, { score: number(s.score * 100, 1) })}`}
                </>
              )}
              {x.decisions.map((d) => (
                <span key={d.id}>
                  {' '}
                  <span className={`badge decision-${d.decision.toLowerCase()}`}>
                    {label(m.labels.slateDecision, d.decision)}
                  </span>{' '}
                  {date(d.effectiveDate)}
                </span>
              ))}
            </li>
          );
        })}
      </ol>
      <AppointmentForm post={post} slate={slate} onSaved={onChanged} />
    </li>
  );
}

/** A vacancy's slate: the candidates from the rules core, saved as a snapshot, and the appointment recorded. */
export function SlatePage({ postId }: { postId: string }) {
  const { m, date, number } = useI18n();
  const { asOf } = useAsOf();
  const send = useRequest();
  const [unitId, setUnitId] = useState('');
  const q = useApi(SlateQuery, { postId, asOf, first: SIZE, unitId: unitId || null });
  const saved = useApi(SavedSlatesQuery, { postId });
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Loading />;
  const { slate } = q.data;
  const post = slate.post;
  return (
    <div>
      <p>
        <Link to="/vacancies">← {m.slates.back}</Link>
      </p>
      <h1>{fmt(m.slates.title, { unit: post.unit.name, post: post.title })}</h1>
      <p className="lead">
        {fmt(m.slates.lead, {
          level: label(m.labels.level, post.level),
          approved: number(post.staffing.approved, 0),
          holders: number(post.staffing.holders, 0),
          vacant: number(post.staffing.vacant, 0),
          version: slate.policyVersion,
        })}
      </p>
      <div className="toolbar">
        <UnitSelect id="slate-unit" label={m.slates.scope} value={unitId} onChange={setUnitId} />
      </div>
      <Section id="slate" title={fmt(m.slates.candidates, { n: slate.candidates.length })}>
        <p className="muted small">{m.slates.intro}</p>
        {slate.candidates.length === 0 ? (
          <p className="muted">{m.slates.empty}</p>
        ) : (
          <ol className="cards candidates" aria-busy={q.loading}>
            {slate.candidates.map((e) => (
              <CandidateCard key={e.cadreId} rank={e.position} candidate={e.candidate}>
                <SlateDetails entry={e} />
              </CandidateCard>
            ))}
          </ol>
        )}
      </Section>
      <Section id="slate-save" title={m.slates.saveTitle}>
        <RecordForm
          idPrefix="slate-save"
          title={m.slates.save}
          note={m.slates.saveNote}
          fields={[
            { name: 'name', label: m.slates.name },
            { name: 'note', label: m.slates.note, kind: 'textarea' },
          ]}
          initial={{ name: fmt(m.slates.defaultName, { date: date(asOf), post: post.title }), note: '' }}
          validate={(v): Record<string, string> => (v.name.trim() ? {} : { name: m.form.required })}
          save={async (v) => {
            const r = await send(SaveSlateMutation, {
              input: {
                postId,
                asOf,
                first: SIZE,
                unitId: unitId || null,
                name: v.name.trim(),
                note: v.note.trim() || null,
              },
            });
            return fmt(m.slates.saved, { name: r.saveSlate.name });
          }}
          submitLabel={m.slates.save}
          onSaved={saved.reload}
        />
      </Section>
      <Section id="slates-saved" title={m.slates.savedSlates}>
        {saved.error && <ErrorBox error={saved.error} onRetry={saved.reload} />}
        {!saved.data && !saved.error && <Loading />}
        {saved.data &&
          (saved.data.post.slates.length === 0 ? (
            <p className="muted">{m.slates.noSaved}</p>
          ) : (
            <ul className="cards">
              {saved.data.post.slates.map((s) => (
                <SavedSlateCard key={s.id} post={post} slate={s} onChanged={saved.reload} />
              ))}
            </ul>
          ))}
      </Section>
    </div>
  );
}
