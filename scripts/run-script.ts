// Shared wrapper for command-line scripts: clear one-line errors for known failures, exit codes.
import { DataDirLockedError } from '../db/lock';

export function runScript(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      if (error instanceof DataDirLockedError) {
        console.error(`\n${error.message}\n`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}
