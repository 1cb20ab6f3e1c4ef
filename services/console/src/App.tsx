import { useEffect, useRef } from 'react';
import { useTitle } from './components/useTitle';
import { BrowserRouter, NavLink, Route, Routes, useLocation } from 'react-router';
import { Console, type ConsoleContext, useConsole } from './context';
import { hasAny, regionsLabel } from './logic/session';
import { ApprovalsPage } from './pages/ApprovalsPage';
import { CasePage } from './pages/CasePage';
import { MetricsPage } from './pages/MetricsPage';
import { QueuePage } from './pages/QueuePage';
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
  const lead = hasAny(session, 'lead');
  // support, privacy and the systems' roles read no case (docs/security.md): the console has no screen for them yet
  const reader = hasAny(session, 'analyst', 'lead', 'legal', 'auditor', 'admin');
  return (
    <>
      <a className="skip-link" href="#main">Skip to main content</a>
      <header className="top">
        <p className="brand">Casebook</p>
        <nav aria-label="Main">
          <ul>
            {reader && <li><NavLink to="/" end>Queue</NavLink></li>}
            {reader && <li><NavLink to="/search">Search</NavLink></li>}
            {lead && <li><NavLink to="/approvals">Approvals and enforcement</NavLink></li>}
            {hasAny(session, 'lead', 'auditor') && <li><NavLink to="/metrics">Metrics</NavLink></li>}
          </ul>
        </nav>
        <div className="who">
          <span>{session.username} ({[...session.roles].join(', ') || 'no role'}; {regionsLabel(session)})</span>
          <button type="button" onClick={signOut}>Sign out</button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="page">
        {!reader ? <NoScreensPage /> : <Routes>
          <Route index element={<QueuePage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="cases/:caseId" element={<CasePage />} />
          <Route path="approvals" element={<ApprovalsPage />} />
          <Route path="metrics" element={<MetricsPage />} />
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
      <h1>Nothing to show for your roles yet</h1>
      <p>
        The console shows cases to analysts, leads, legal, auditors and admins. Your roles
        ({[...session.roles].join(', ') || 'none'}) read no case; use the API for what they allow.
      </p>
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
