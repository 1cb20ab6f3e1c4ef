import { useEffect } from 'react';

/** Each screen names itself in the browser's title (the first thing a screen reader says of a new page). */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Casebook`;
  }, [title]);
}
