import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection now, so that memory a finished step left behind (a document's
 * object tree, the 25 MB of CJK fonts a PDF reads) is returned before the next step allocates
 * on top of it; V8 alone lets it pile up until its heap limit. V8's `gc` is exposed only to
 * contexts made while `--expose-gc` is set, so one is made for it and the flag reset at once
 * (Jest's leak detector does the same); nothing else sees a global `gc`.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    try {
      gc = runInNewContext('gc') as () => void;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  gc();
}
