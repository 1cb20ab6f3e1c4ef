import { useEffect, useRef } from 'react';
import { useTitle } from './components/useTitle';
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { Console, type ConsoleContext, useConsole } from './context';
import { canSee, homeScreen, screensFor, type Screen } from './logic/screens';
import { regionsLabel } from './logic/session';
import { AdminPage } from './pages/AdminPage';
import { AppealFilingPage } from './pages/AppealFilingPage';
import { ApprovalsPage } from './pages/ApprovalsPage';
import { AuditPage } from './pages/AuditPage';
import { CaseHistoryPage } from './pages/CaseHistoryPage';
import { CasePage } from './pages/CasePage';
import { ErasurePage } from './pages/ErasurePage';
import { MetricsPage } from './pages/MetricsPage';
import { QueuePage } from './pages/QueuePage';
import { DisclosurePage, RegulatoryRequestPage } from './pages/RegulatoryRequestPage';
import { RegulatoryRequestsPage } from './pages/RegulatoryRequestsPage';
import { SearchPage } from './pages/SearchPage';

export function App({ context }: { context: ConsoleContext }) {
  return (
    <Console.Provider value={context}>
      <BrowserRouter basename="/console">
        <Layout />
      </BrowserRouter>
    </Console.Provider>
  );
}

function Layout() {
  const { session, signOut } = useConsole();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // a new page: move the focus to it, as a page load would, so keyboard and screen reader users start there
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  const screens = screensFor(session);
  const home = homeScreen(session);
  // a screen of another role is not offered; reached by URL, it says so (the API would refuse its calls anyway)
  const only = (screen: Screen, page: ReactNode) => canSee(session, screen) ? page : <NotForYouPage />;
  return (
    <>
      <a className="skip-link" href="#main">Skip to main content</a>
      <header className="top">
        <p className="brand">Casebook</p>
        <nav aria-label="Main">
          <ul>
            {screens.map((s) => <li key={s.screen}><NavLink to={s.path} end={s.path === '/'}>{s.label}</NavLink></li>)}
          </ul>
        </nav>
        <div className="who">
          <span>{session.username} ({[...session.roles].join(', ') || 'no role'}; {regionsLabel(session)})</span>
          <button type="button" onClick={signOut}>Sign out</button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="page">
        {!home ? <NoScreensPage /> : <Routes>
          <Route index element={canSee(session, 'queue') ? <QueuePage /> : <Navigate to={home.path} replace />} />
          <Route path="search" element={only('search', <SearchPage />)} />
          <Route path="cases/:caseId" element={only('queue', <CasePage />)} />
          <Route path="cases/:caseId/history" element={only('queue', <CaseHistoryPage />)} />
          <Route path="approvals" element={only('approvals', <ApprovalsPage />)} />
          <Route path="metrics" element={only('metrics', <MetricsPage />)} />
          <Route path="regulatory-requests" element={only('regulatory', <RegulatoryRequestsPage />)} />
          <Route path="regulatory-requests/:requestId" element={only('regulatory', <RegulatoryRequestPage />)} />
          <Route path="regulatory-requests/:requestId/disclosures/:disclosureId"
                 element={only('regulatory', <DisclosurePage />)} />
          <Route path="erasure" element={only('erasure', <ErasurePage />)} />
          <Route path="audit" element={only('audit', <AuditPage />)} />
          <Route path="appeals/new" element={only('appeal', <AppealFilingPage />)} />
          <Route path="admin" element={only('admin', <AdminPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>}
      </main>
    </>
  );
}

function NoScreensPage() {
  useTitle('Nothing to show');
  const { session } = useConsole();
  return (
    <>
      <h1>Nothing to show for your roles</h1>
      <p>
        The console has screens for analysts, leads, legal, auditors, admins, support and privacy. Your roles
        ({[...session.roles].join(', ') || 'none'}) have none; use the API for what they allow.
      </p>
    </>
  );
}

function NotForYouPage() {
  useTitle('Not for your roles');
  return (
    <>
      <h1>Not for your roles</h1>
      <p>This screen is for other roles than yours. The navigation above shows the screens you can use.</p>
    </>
  );
}

function NotFoundPage() {
  useTitle('Not found');
  return (
    <>
      <h1>Not found</h1>
      <p>There is no such page in the console.</p>
    </>
  );
}
