import { CadreRecordQuery } from '../api/operations';
import { useApi } from '../api/use-api';
import { useAsOf } from '../as-of';
import { CadreRecord } from '../components/CadreRecord';
import { ErrorBox, Loading } from '../components/common';
import { fmt, useI18n } from '../i18n/i18n';
import { Link } from '../router';

/** Any cadre's record by id; the service decides who may read it (FORBIDDEN otherwise). */
export function CadrePage({ id }: { id: string }) {
  const { m } = useI18n();
  const { asOf } = useAsOf();
  const q = useApi(CadreRecordQuery, { id, asOf });
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Loading />;
  return (
    <>
      <p className="record-actions">
        <Link to={`/cadres/${id}/form`}>{m.appointmentForm.open}</Link>{' '}
        <Link to={`/cadres/${id}/records`}>{m.work.open}</Link>
      </p>
      <CadreRecord
        cadre={q.data.cadre}
        reference={q.data}
        asOf={asOf}
        title={fmt(m.record.title, { name: q.data.cadre.name })}
        onChanged={q.reload}
      />
    </>
  );
}
