import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element (usually the screen's heading, tabIndex -1) when a screen opens,
 * so keyboard and screen-reader users start at the top of the new screen.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
