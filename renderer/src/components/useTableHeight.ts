import { useEffect, useState } from 'react';

const heightFor = (reserved: number) => Math.max(320, window.innerHeight - reserved);

/** A virtual table's scroll height: the window less what the page shows above and below it. */
export function useTableHeight(reserved: number): number {
  const [height, setHeight] = useState(() => heightFor(reserved));
  useEffect(() => {
    const onResize = () => setHeight(heightFor(reserved));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [reserved]);
  return height;
}
