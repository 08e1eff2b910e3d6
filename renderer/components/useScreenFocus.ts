import { useEffect, useRef } from 'react';

/**
 * Moves focus to the screen's heading when a sub-screen opens (the heading has
 * tabIndex -1), so keyboard and screen-reader users start at the top of what changed. When a
 * whole area opens, the area's own title effect runs after this one and takes focus instead.
 * `skip` leaves focus where it is.
 */
export function useScreenFocus<T extends HTMLElement>(skip = false) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!skip) ref.current?.focus();
    // Only on mount: each sub-screen is keyed, so it mounts anew when it changes.
  }, []);
  return ref;
}
