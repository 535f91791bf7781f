import { MyRecordQuery } from '../api/operations';
import { useApi } from '../api/use-api';
import { useAsOf } from '../as-of';
import { CadreRecord } from '../components/CadreRecord';
import { ErrorBox, Loading } from '../components/common';
import { useI18n } from '../i18n/i18n';

/** A cadre's own record: `me`. */
export function MyRecord() {
  const { m } = useI18n();
  const { asOf } = useAsOf();
  const q = useApi(MyRecordQuery, { asOf });
  if (q.error) return <ErrorBox error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Loading />;
  return (
    <CadreRecord
      cadre={q.data.me}
      reference={q.data}
      asOf={asOf}
      title={`${m.record.myTitle} · ${q.data.me.name}`}
      onChanged={q.reload}
    />
  );
}
