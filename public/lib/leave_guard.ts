import type { AppLeaveHandler } from '../../types/osd';

/**
 * What leaving the app now would break, if anything. The page doing the work sets `message`;
 * OSD's app-leave handler (other apps, the side nav) and the router (pages of this app) ask the
 * user to confirm while it is set.
 */
export class LeaveGuard {
  message?: string;
}

/** For `AppMountParameters.onAppLeave`: confirm while `guard` has a message, else leave as usual. */
export function appLeaveHandler(guard: LeaveGuard): AppLeaveHandler {
  return (actions) => (guard.message ? actions.confirm(guard.message, 'Leave this page?') : actions.default());
}
