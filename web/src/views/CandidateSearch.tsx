import { useI18n } from '../i18n/i18n';

export function CandidateSearch() {
  const { m } = useI18n();
  return (
    <div>
      <h1>{m.candidates.title}</h1>
      <p className="muted">{m.candidates.notAvailable}</p>
    </div>
  );
}
