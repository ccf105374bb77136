import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'ok' | 'warn' | 'off';

/** A status as a tag: the word always carries the meaning, the tone's colour only helps. */
export function StatusTag({ tone = 'neutral', className, children }: { tone?: Tone; className?: string; children: ReactNode }) {
  return <span className={['tag', tone === 'neutral' ? '' : `tag--${tone}`, className].filter(Boolean).join(' ')}>{children}</span>;
}
