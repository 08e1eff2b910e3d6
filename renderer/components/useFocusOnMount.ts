import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element (usually the screen's heading, tabIndex -1) when a screen or
 * sub-screen opens, so keyboard and screen-reader users start at the top of what changed. When a
 * whole casework area opens, the area's own title effect runs after this one and takes focus
 * instead. `skip` leaves focus where it is.
 */
export function useFocusOnMount<T extends HTMLElement>(skip = false) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!skip) ref.current?.focus();
    // Only on mount: each sub-screen is keyed, so it mounts anew when it changes.
  }, []);
  return ref;
}
