import { useEffect, useState } from 'react';
import type { Event } from '../../shared/plugin/Emitter';

/** Re-renders a component with `read()` whenever `event` fires: `useApiValue(api.map.onDidChangeMap, () => api.map.getNodes())`. */
export function useApiValue<T>(event: Event<unknown>, read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    setValue(read);
    const d = event(() => setValue(read));
    return () => d.dispose();
    // `read` is usually an inline closure; resubscribing on every render would be wasteful.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event]);
  return value;
}
