import Keycloak from 'keycloak-js';
import { sessionFromClaims, type Session } from './logic/session';

/** Where to sign in: served by the case service at /console/config.json from its own settings. */
export interface ConsoleConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export interface Auth {
  session: Session;
  /** A valid access token, refreshed silently (refresh token grant) when it has less than 30 s left. */
  token: () => Promise<string>;
  signOut: () => void;
}

/**
 * Signs in with the authorization code flow and PKCE (S256) of the public client `casebook-console`: a person who is
 * not signed in goes to Keycloak's login page and comes back to the page they asked for.
 */
export async function signIn(config: ConsoleConfig): Promise<Auth> {
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    // no third-party-cookie iframe: the session is kept alive by refreshing the token when it is used
    checkLoginIframe: false,
  });
  keycloak.onTokenExpired = () => {
    keycloak.updateToken(30).catch(() => keycloak.login());
  };
  return {
    session: sessionFromClaims(keycloak.tokenParsed as Record<string, unknown> | undefined),
    token: async () => {
      try {
        await keycloak.updateToken(30);
      } catch {
        await keycloak.login(); // the Keycloak session ended: sign in again, back to this page
      }
      return keycloak.token ?? '';
    },
    signOut: () => {
      void keycloak.logout({ redirectUri: `${window.location.origin}/console/` });
    },
  };
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`the console's settings did not load (HTTP ${response.status})`);
  }
  return (await response.json()) as ConsoleConfig;
}
