import { createContext, useContext } from 'react';
import type { Api } from './api';
import type { Session } from './logic/session';

export interface ConsoleContext {
  api: Api;
  session: Session;
  signOut: () => void;
}

export const Console = createContext<ConsoleContext | null>(null);

export function useConsole(): ConsoleContext {
  const value = useContext(Console);
  if (value === null) throw new Error('useConsole outside the signed-in console');
  return value;
}
