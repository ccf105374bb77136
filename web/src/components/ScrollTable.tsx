import type { ReactNode } from 'react';

/**
 * A box for a wide table. `useScrollableRegions` (in the layout) makes it a focusable region named
 * `label` when — and only when — its content overflows.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" data-label={label}>
      {children}
    </div>
  );
}
