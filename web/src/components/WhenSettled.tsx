import { useEffect, useState, type ReactNode } from 'react';
import { useIsFetching } from '@tanstack/react-query';
import { Loading } from './feedback';

/**
 * Shows `children` whole once the reads they start have come in, instead of letting the page grow
 * and jump as each answer arrives (a panel that appears above another pushes it away while the
 * user reads or aims at it: WCAG 3.2 and Lighthouse's layout shift). The children render hidden
 * meanwhile, so their reads start at once; a loading line stands in for them. After `maxWaitMs`
 * they show anyway, so one slow read never keeps the page empty.
 */
export function WhenSettled({ children, maxWaitMs = 3000 }: { children: ReactNode; maxWaitMs?: number }) {
  const fetching = useIsFetching();
  const [started, setStarted] = useState(false);
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    // The children's effects (which start their reads) have run before this one.
    setStarted(true);
    const timer = setTimeout(() => setSettled(true), maxWaitMs);
    return () => clearTimeout(timer);
  }, [maxWaitMs]);
  useEffect(() => {
    if (started && fetching === 0) setSettled(true);
  }, [started, fetching]);
  return (
    <>
      {!settled && <Loading />}
      <div hidden={!settled}>{children}</div>
    </>
  );
}
