// Installs lib/log-error's redaction on the process's console once: Next.js reports errors thrown while
// rendering (and its own request failures) with console.error, message, URL and driver details included,
// so the redaction has to sit under every caller rather than in our catch blocks alone.
import { redactLogArguments } from '@/lib/log-error';

const INSTALLED = Symbol.for('civic.logRedaction');
const METHODS = ['error', 'warn', 'log', 'info', 'debug', 'trace'] as const;

export function installLogRedaction(target: Console = console): void {
  const marked = target as Console & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  for (const method of METHODS) {
    const original = target[method].bind(target) as (...args: unknown[]) => void;
    target[method] = (...args: unknown[]) => original(...redactLogArguments(args));
  }
}
