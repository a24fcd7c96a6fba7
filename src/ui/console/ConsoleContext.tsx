import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConsoleAction } from '../../sim';
import type { ConsoleOutput } from '../../worker/protocol';
import { useLabActions } from '../app/LabContext';
import { flashFor, type Flash } from './model/outcomes';
import { navigate, START, type ConsoleNav, type Route, type ServiceId } from './routes';

interface ConsoleContextValue {
  nav: ConsoleNav;
  /** Goes to a page (the page's heading then takes focus, unless `keepFocus`: a tab switch) and clears the flash. */
  go(route: Route, options?: { keepFocus?: boolean }): void;
  /** Shows another service where the learner left it (the service tabs: focus stays on the tab). */
  showService(service: ServiceId): void;
  /**
   * Runs a console action through the worker. The flash reports the outcome; `then` runs on
   * success (usually a navigation, done before the flash so the flash shows on the new page).
   */
  perform(action: ConsoleAction, then?: (output: ConsoleOutput) => void): Promise<void>;
  busy: boolean;
  flash: Flash | undefined;
  dismissFlash(): void;
  /** Increases with every `go`: a page focuses its heading when it sees a new value. */
  focusToken: number;
  /** True once per token: the page that claims it moves focus; remounts later do not steal it again. */
  claimFocus(token: number): boolean;
}

const Context = createContext<ConsoleContextValue | undefined>(undefined);

export function ConsoleProvider({ children }: { children: ReactNode }) {
  const { consoleAction } = useLabActions();
  const [nav, setNav] = useState<ConsoleNav>(START);
  const [flash, setFlash] = useState<Flash | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [focusToken, setFocusToken] = useState(0);
  const focusHandled = useRef(0);

  const go = useCallback((route: Route, options?: { keepFocus?: boolean }) => {
    setNav((current) => navigate(current, route));
    setFlash(undefined);
    if (!options?.keepFocus) setFocusToken((n) => n + 1);
  }, []);

  const claimFocus = useCallback((token: number) => {
    if (token === focusHandled.current) return false;
    focusHandled.current = token;
    return true;
  }, []);

  const showService = useCallback((service: ServiceId) => setNav((current) => ({ ...current, service })), []);

  const perform = useCallback(
    async (action: ConsoleAction, then?: (output: ConsoleOutput) => void) => {
      setBusy(true);
      setFlash(undefined);
      try {
        const output = await consoleAction(action);
        if (!output) return;
        if (!output.error) then?.(output);
        setFlash(flashFor(output));
      } finally {
        setBusy(false);
      }
    },
    [consoleAction],
  );

  const value = useMemo(
    () => ({ nav, go, showService, perform, busy, flash, dismissFlash: () => setFlash(undefined), focusToken, claimFocus }),
    [nav, go, showService, perform, busy, flash, focusToken, claimFocus],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useConsole(): ConsoleContextValue {
  const value = useContext(Context);
  if (!value) throw new Error('Console pages must be rendered inside ConsoleProvider.');
  return value;
}
