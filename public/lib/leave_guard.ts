import type { History } from 'history';
import type { AppLeaveHandler } from '../../types/osd';

/**
 * What leaving the app now would break, if anything. The page doing the work sets `message`;
 * OSD's app-leave handler (other apps, the side nav) and the app's own history (its pages) ask
 * the user to confirm while it is set.
 */
export class LeaveGuard {
  message?: string;
}

/** For `AppMountParameters.onAppLeave`: confirm while `guard` has a message, else leave as usual. */
export function appLeaveHandler(guard: LeaveGuard): AppLeaveHandler {
  return (actions) => (guard.message ? actions.confirm(guard.message, 'Leave this page?') : actions.default());
}

/**
 * `history` whose push and replace (links and redirects inside the app) ask `confirm` first while
 * `guard` has a message. OSD's ScopedHistory refuses `block` ("use onAppLeave"), and onAppLeave
 * only sees other apps, so pages of this app are guarded here. Back/forward (POP) is not.
 */
export function guardHistory<H extends History>(history: H, guard: LeaveGuard, confirm: (message: string) => boolean = (m) => window.confirm(m)): H {
  const guarded = (go: (...args: never[]) => void) => (...args: never[]) => {
    if (guard.message && !confirm(guard.message)) return;
    go(...args);
  };
  const push = guarded(history.push.bind(history) as never);
  const replace = guarded(history.replace.bind(history) as never);
  return new Proxy(history, {
    get(target, prop) {
      if (prop === 'push') return push;
      if (prop === 'replace') return replace;
      return Reflect.get(target, prop);
    },
  });
}
