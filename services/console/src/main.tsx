import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { makeApi } from './api';
import { App } from './App';
import { loadConfig, signIn } from './auth';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

async function start() {
  const auth = await signIn(await loadConfig());
  root.render(
    <StrictMode>
      <App context={{ api: makeApi(auth.token), session: auth.session, signOut: auth.signOut }} />
    </StrictMode>,
  );
}

start().catch((e: unknown) => {
  root.render(
    <main className="page">
      <h1>Casebook console</h1>
      <p role="alert">The console could not start: {e instanceof Error ? e.message : 'sign-in failed'}.</p>
      <p><a href={window.location.href}>Try again</a></p>
    </main>,
  );
});
