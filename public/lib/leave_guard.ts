import type { Action, History, Location } from 'history';
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
 * `history` that asks `confirm` before leaving a page of this app while `guard` has a message.
 * OSD's ScopedHistory refuses `block` ("use onAppLeave"), and onAppLeave only sees other apps,
 * so pages of this app are guarded here:
 * - push and replace (links and redirects) are not carried out when refused;
 * - back/forward (POP) has already happened when anyone hears of it, so a refused one is hidden
 *   from the app's listeners (the Router keeps the page, and what it runs) and the browser is
 *   taken back to where it was.
 * Back/forward to another app or site is not seen here: OSD unmounts the app, which cancels.
 */
export function guardHistory<H extends History>(history: H, guard: LeaveGuard, confirm: (message: string) => boolean = (m) => window.confirm(m)): H {
  const guarded = (go: (...args: never[]) => void) => (...args: never[]) => {
    if (guard.message && !confirm(guard.message)) return;
    go(...args);
  };
  const push = guarded(history.push.bind(history) as never);
  const replace = guarded(history.replace.bind(history) as never);
  const pops = new PopGuard(history, guard, confirm);
  const listen: History['listen'] = (listener) => history.listen((location, action) => pops.hidden || listener(location, action));
  return new Proxy(history, {
    get(target, prop) {
      if (prop === 'push') return push;
      if (prop === 'replace') return replace;
      if (prop === 'listen') return listen;
      return Reflect.get(target, prop);
    },
  });
}

/**
 * Follows the entries of `history` by key (as ScopedHistory does) so a refused back/forward can
 * be undone with `go(-distance)`; an entry it never saw (from before the app mounted) is left by
 * pushing the page back instead. Its listener is registered first, so it decides before the
 * app's listeners hear of a change (history and ScopedHistory call listeners in order).
 */
class PopGuard {
  /** True while a change that must not reach the app is being announced. */
  hidden = false;
  private keys: Array<string | undefined>;
  private index = 0;
  private current: Location;
  /** The key a refused POP is being taken back to: that POP is hidden too, without asking. */
  private returning?: { key: string | undefined };

  constructor(private readonly history: History, private readonly guard: LeaveGuard, private readonly confirm: (message: string) => boolean) {
    this.keys = [history.location.key];
    this.current = history.location;
    history.listen((location, action) => this.onChange(location, action));
  }

  private onChange(location: Location, action: Action) {
    this.hidden = false;
    if (action === 'PUSH') {
      this.keys = [...this.keys.slice(0, this.index + 1), location.key];
      this.index = this.keys.length - 1;
    } else if (action === 'REPLACE') {
      this.keys[this.index] = location.key;
    } else if (this.returning && this.returning.key === location.key) {
      this.returning = undefined;
      this.hidden = true;
      return;
    } else {
      const to = this.keys.indexOf(location.key);
      if (this.guard.message && !this.confirm(this.guard.message)) {
        this.hidden = true;
        this.undo(to, location);
        return;
      }
      if (to >= 0) this.index = to;
      else {
        this.keys = [location.key];
        this.index = 0;
      }
    }
    this.current = location;
  }

  /** After the listeners have run (never inside them): a synchronous history would nest. */
  private undo(to: number, at: Location) {
    const { pathname, search, hash, state } = this.current;
    if (to >= 0) {
      this.returning = { key: this.keys[this.index] };
      setTimeout(() => this.history.go(this.index - to), 0);
    } else {
      // Where the browser is now becomes the only entry known; the page is pushed after it.
      this.keys = [at.key];
      this.index = 0;
      setTimeout(() => this.history.push({ pathname, search, hash, state }), 0);
    }
  }
}
