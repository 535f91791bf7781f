import { useEffect } from 'react';
import { useAsOf } from './as-of';
import { useSession, type Role } from './auth/session';
import { useI18n, type Locale } from './i18n/i18n';
import { Link, navigate, useRoute } from './router';
import { AppointmentFormPage } from './views/AppointmentFormPage';
import { CadrePage } from './views/CadrePage';
import { Cadres } from './views/Cadres';
import { CandidateSearch } from './views/CandidateSearch';
import { FlagDashboard } from './views/FlagDashboard';
import { MyRecord } from './views/MyRecord';
import { SignIn } from './views/SignIn';
import { SlatePage } from './views/SlatePage';
import { TeamStructurePage, TeamStructures } from './views/TeamStructures';
import { SyncRunPage, SyncRuns } from './views/SyncRuns';
import { TalentPools } from './views/TalentPools';
import { Vacancies } from './views/Vacancies';
import { VerifyQueue } from './views/VerifyQueue';
import { WorkRecords } from './views/WorkRecords';

const NAV_TEXT = {
  '/me': 'me',
  '/flags': 'flags',
  '/candidates': 'candidates',
  '/pools': 'pools',
  '/vacancies': 'vacancies',
  '/teams': 'teams',
  '/cadres': 'cadres',
  '/verify': 'verify',
  '/sync': 'sync',
} as const;
type Top = keyof typeof NAV_TEXT;

/** The screens of each role, in menu order; a role is never sent to a screen whose API would refuse it. */
function menu(role: Role): Top[] {
  switch (role) {
    case 'CADRE':
      return ['/me'];
    case 'HR_SYNC':
      return ['/sync'];
    case 'ORG_DEPT':
      return ['/flags', '/candidates', '/pools', '/vacancies', '/teams', '/cadres', '/verify'];
    case 'ADMIN':
      return ['/flags', '/candidates', '/pools', '/vacancies', '/teams', '/cadres', '/verify', '/sync'];
  }
}

function Header() {
  const { m, locale, setLocale } = useI18n();
  const { session, signOut } = useSession();
  const { asOf, setAsOf } = useAsOf();
  const { parts } = useRoute();
  const role = session?.claims.role;
  const links = role ? menu(role).map((to) => ({ to, text: m.nav[NAV_TEXT[to]] })) : [];
  const current = `/${parts[0] ?? ''}`;
  return (
    <header className="top">
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {m.app.skip}
      </a>
      <div className="top-row">
        <Link to="/" className="brand">
          {m.app.title}
        </Link>
        {links.length > 0 && (
          <nav aria-label={m.nav.label}>
            <ul>
              {links.map((l) => (
                <li key={l.to}>
                  <Link
                    to={l.to}
                    aria-current={
                      current === l.to || (l.to === '/cadres' && current === '/cadres') ? 'page' : undefined
                    }
                  >
                    {l.text}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="top-tools">
          {session && (
            <div className="field inline">
              <label htmlFor="as-of">{m.app.asOf}</label>
              <input id="as-of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
            </div>
          )}
          <div className="field inline">
            <label htmlFor="locale">{m.app.language}</label>
            <select id="locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </select>
          </div>
          {session && (
            <div className="who" data-testid="who">
              <span className="muted small">{m.signIn.signedInAs}</span>{' '}
              <strong>{session.displayName}</strong>{' '}
              <span className="badge">{m.roles[session.claims.role]}</span>
              <button
                type="button"
                className="link"
                onClick={() => {
                  signOut();
                  navigate('/');
                }}
              >
                {m.app.signOut}
              </button>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}

function Page() {
  const { session } = useSession();
  const { parts } = useRoute();
  const role = session?.claims.role;
  // A cadre may still follow a link to another record: the service answers FORBIDDEN, and the page says so.
  const reachable: string[] = role ? [...menu(role), ...(role === 'CADRE' ? ['/cadres'] : [])] : [];
  const allowed = reachable.includes(`/${parts[0] ?? ''}`);
  useEffect(() => {
    if (role && !allowed) navigate(menu(role)[0]);
  }, [role, allowed]);
  if (!session) return <SignIn />;
  if (!allowed) return null;
  switch (parts[0]) {
    case 'me':
      return <MyRecord />;
    case 'cadres':
      if (parts[1] && parts[2] === 'form') return <AppointmentFormPage id={parts[1]} />;
      if (parts[1] && parts[2] === 'records') return <WorkRecords id={parts[1]} />;
      return parts[1] ? <CadrePage id={parts[1]} /> : <Cadres />;
    case 'flags':
      return <FlagDashboard />;
    case 'candidates':
      return <CandidateSearch />;
    case 'pools':
      return <TalentPools poolId={parts[1]} />;
    case 'vacancies':
      return parts[1] ? <SlatePage postId={parts[1]} /> : <Vacancies />;
    case 'teams':
      return parts[1] ? <TeamStructurePage unitId={parts[1]} /> : <TeamStructures />;
    case 'verify':
      return <VerifyQueue />;
    case 'sync':
      return parts[1] ? <SyncRunPage id={parts[1]} /> : <SyncRuns />;
    default:
      return null;
  }
}

export function App() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
    </>
  );
}
