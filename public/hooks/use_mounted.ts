import { MutableRefObject, useEffect, useRef } from 'react';

/**
 * True while the component is mounted. Work that outlives a page (a delete answered after the
 * user left, a deploy to follow) checks it before it navigates, polls or sets state.
 */
export function useMounted(): MutableRefObject<boolean> {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
